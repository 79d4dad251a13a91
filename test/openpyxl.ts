/**
 * openpyxl, a third-party reader, run on a file the product wrote: Debian's python3-openpyxl
 * (`.ci/run` installs it). The script prints JSON, which is returned parsed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PYTHON = '/usr/bin/python3';

export function openpyxl<T = unknown>(bytes: Uint8Array, script: string): T {
  if (!existsSync(PYTHON)) throw new Error(`${PYTHON} is missing (apt-get install python3-openpyxl, as .ci/run does)`);
  const file = join(mkdtempSync(join(tmpdir(), 'chitieu-openpyxl-')), 'book.xlsx');
  writeFileSync(file, bytes);
  const program = `import json, sys, openpyxl\nwb = openpyxl.load_workbook(sys.argv[1])\n${script}`;
  const run = spawnSync(PYTHON, ['-c', program, file], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`openpyxl failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as T;
}
