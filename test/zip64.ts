/** A genuine ZIP64 archive, written by a third party: Python's zipfile (Debian's python3, as for openpyxl). */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

type Bytes = Uint8Array<ArrayBuffer>;

/** The archive rewritten by Python's zipfile with every size over 0 bytes kept in ZIP64 fields, as it writes large files. */
export function asZip64(bytes: Uint8Array): Bytes {
  const dir = mkdtempSync(join(tmpdir(), 'chitieu-zip64-'));
  const source = join(dir, 'in.xlsx');
  const target = join(dir, 'out.xlsx');
  writeFileSync(source, bytes);
  const program = [
    'import sys, zipfile',
    'zipfile.ZIP64_LIMIT = 0',
    'src = zipfile.ZipFile(sys.argv[1])',
    'with zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_DEFLATED) as out:',
    '    for info in src.infolist(): out.writestr(info.filename, src.read(info.filename))',
  ].join('\n');
  const run = spawnSync('/usr/bin/python3', ['-c', program, source, target], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`zipfile failed: ${run.stderr}`);
  return new Uint8Array(readFileSync(target)) as Bytes;
}

