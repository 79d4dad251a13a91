/**
 * The CPU time of workerd processes, read from /proc: a worker and its local D1 run in one workerd
 * process, so its CPU per request is what the worker and the database spent on it, whatever else
 * the machine runs (latency is shared with everything else; CPU time is not).
 */
import { readFileSync, readdirSync } from 'node:fs';

/** Processes named workerd started by this one (Miniflare's), by id. */
export function workerdChildren(): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .flatMap((d) => {
      try {
        const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
        const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        return comm === 'workerd' && ppid === process.pid ? [Number(d)] : [];
      } catch {
        return [];
      }
    });
}

/** CPU seconds (user and system) the processes have spent so far. */
export function cpuSeconds(pids: readonly number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks / 100;
}

/** Runs `start` and answers what it started with the workerd processes that appeared meanwhile. */
export async function withNewWorkerd<T>(start: () => Promise<T>): Promise<{ started: T; pids: number[] }> {
  const known = new Set(workerdChildren());
  const started = await start();
  return { started, pids: workerdChildren().filter((pid) => !known.has(pid)) };
}
