/** A tiny timing harness: runs a function until a time budget or a run count, reports the median. */

export interface Timing {
  name: string;
  runs: number;
  medianMs: number;
  p95Ms: number;
}

export async function time(name: string, fn: () => unknown | Promise<unknown>, options: { runs?: number; budgetMs?: number } = {}): Promise<Timing> {
  const runs = options.runs ?? 30;
  const budget = options.budgetMs ?? 5_000;
  await fn(); // warm-up: JIT and caches, as in a running service
  const samples: number[] = [];
  const started = performance.now();
  while (samples.length < runs && performance.now() - started < budget) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
  return { name, runs: samples.length, medianMs: at(0.5), p95Ms: at(0.95) };
}

export function printTable(title: string, rows: { name: string; value: string; goal?: string; ok?: boolean }[]): void {
  const width = Math.max(...rows.map((r) => r.name.length), 10);
  process.stdout.write(`\n${title}\n${'─'.repeat(title.length)}\n`);
  for (const r of rows) {
    const verdict = r.ok === undefined ? '' : r.ok ? '  ✓' : '  ✗';
    process.stdout.write(`${r.name.padEnd(width)}  ${r.value.padStart(14)}${r.goal ? `   mục tiêu ${r.goal}` : ''}${verdict}\n`);
  }
}

export const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;
