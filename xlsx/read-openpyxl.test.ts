/**
 * A differential test: every crafted file read by chitieu and by openpyxl, a third-party reader.
 * Where chitieu reads figures, openpyxl reads the same ones; otherwise chitieu refuses the file.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { craftedFiles, FIGURES } from '../test/crafted-excel';
import { asZip64 } from '../test/zip64';
import { readTemplateFile, WorkbookReadError } from './template-file';

type Answer = { figures: Record<string, unknown> } | { refused: string };

function chitieu(bytes: Uint8Array): Answer {
  try {
    const sheet = readTemplateFile(bytes)[0]!;
    const located = Object.keys(FIGURES).map((cell) => [cell, Object.entries(sheet.read.submission.values).find(([ref]) => sheet.read.locate(ref) === `'BM03'!${cell}`)?.[1]]);
    return { figures: Object.fromEntries(located) };
  } catch (e) {
    if (e instanceof WorkbookReadError) return { refused: e.code };
    throw e;
  }
}

/** openpyxl's reading of each file: the values of E7–E10 of sheet BM03, or the error it stops with. */
function openpyxlAll(files: Uint8Array[]): Answer[] {
  const dir = mkdtempSync(join(tmpdir(), 'chitieu-differential-'));
  const paths = files.map((bytes, i) => {
    const path = join(dir, `${i}.xlsx`);
    writeFileSync(path, bytes);
    return path;
  });
  const program = [
    'import json, sys, warnings, openpyxl',
    'warnings.simplefilter("ignore")',
    'out = []',
    'for path in sys.argv[1:]:',
    '    try:',
    '        ws = openpyxl.load_workbook(path, data_only=True)["BM03"]',
    `        out.append({"figures": {c: ws[c].value for c in ${JSON.stringify(Object.keys(FIGURES))}}})`,
    '    except Exception as e:',
    '        out.append({"refused": type(e).__name__})',
    'print(json.dumps(out))',
  ].join('\n');
  const run = spawnSync('/usr/bin/python3', ['-c', program, ...paths], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`openpyxl failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as Answer[];
}

describe('chitieu and openpyxl read the same figures, or chitieu refuses the file', () => {
  const crafted = craftedFiles(asZip64);
  const theirs = openpyxlAll(crafted.map((c) => c.bytes));

  crafted.forEach((file, i) => {
    it(file.name, () => {
      const ours = chitieu(file.bytes);
      if ('figures' in ours) {
        const figures = Object.fromEntries(Object.entries(ours.figures).map(([cell, v]) => [cell, v ?? null]));
        expect(theirs[i]).toEqual({ figures });
      } else expect(ours.refused).toBe(file.expected);
    });
  });

  it('reads the ordinary file and the ZIP64 one at all: the comparison is not empty', () => {
    const read = crafted.filter((_, i) => 'figures' in theirs[i]!).map((c) => c.name);
    expect(read).toEqual(expect.arrayContaining(['an ordinary filled file', 'a genuine ZIP64 archive', 'cells of another namespace inside extLst']));
    expect(theirs[0]).toEqual({ figures: { ...FIGURES } });
  });
});
