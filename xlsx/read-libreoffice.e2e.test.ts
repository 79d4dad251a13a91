/**
 * The stricter reading still takes what real programs save: a filled workbook opened and saved
 * again by LibreOffice (its own namespaces, markup-compatibility attributes, recalculated formulas)
 * is read with the same figures, and a crafted one LibreOffice repairs on saving is read as it shows it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { craftedFiles, FIGURES, filledBm03 } from '../test/crafted-excel';
import { readTemplateFile } from './template-file';

const SOFFICE = '/usr/bin/soffice';

/** Each file opened and saved again as .xlsx by LibreOffice, in one run. */
function savedByLibreOffice(files: Uint8Array[]): Uint8Array[] {
  const dir = mkdtempSync(join(tmpdir(), 'chitieu-libreoffice-'));
  const names = files.map((bytes, i) => {
    writeFileSync(join(dir, `in${i}.xlsx`), bytes);
    return `in${i}.xlsx`;
  });
  const run = spawnSync(SOFFICE, [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', join(dir, 'out'), ...names], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (run.status !== 0) throw new Error(`soffice failed: ${run.stderr}`);
  return names.map((name) => new Uint8Array(readFileSync(join(dir, 'out', name))));
}

const figures = (bytes: Uint8Array) => {
  const values = readTemplateFile(bytes)[0]!.read.submission.values;
  return { E7: values['TT01.KQ'], E8: values['TT02.KQ'], E9: values['TT03.KQ'], E10: values['TT04.KQ'] };
};

describe('workbooks saved by LibreOffice', () => {
  it('are read with the figures LibreOffice shows, the foreign cells of extLst left out as it leaves them', () => {
    const foreign = craftedFiles().find((c) => c.name === 'cells of another namespace inside extLst')!;
    const [ordinary, resaved] = savedByLibreOffice([filledBm03(), foreign.bytes]);
    expect(figures(ordinary!)).toEqual({ ...FIGURES });
    expect(figures(resaved!)).toEqual({ ...FIGURES });
    expect(readTemplateFile(ordinary!)[0]!.metadata).toMatchObject({ unit: 'KPA', period: '2024-H1' });
  });
});
