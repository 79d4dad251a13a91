/** The command line run in-process with its output captured, as tests read it. */
import { main, nodeIo } from './main';

export async function runCaptured(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { ...nodeIo, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}
