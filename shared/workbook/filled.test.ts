import { describe, expect, it } from 'vitest';
import { getTemplate } from '../templates';
import { filledTemplateSheet } from './filled';
import { readTemplateGrid, type NameRef, type SheetGrid } from './index';
import type { SheetModel } from './model';

/** The values a sheet shows (formulas left blank), as a reader gets them. */
function gridOf(model: SheetModel): { grid: SheetGrid; names: NameRef[] } {
  const values: (string | number | boolean | null)[][] = [];
  for (const c of model.cells) {
    while (values.length <= c.row) values.push([]);
    values[c.row]![c.col] = c.formula === undefined ? (c.value ?? null) : null;
  }
  return { grid: { sheet: model.name, values }, names: model.names.map((n) => ({ ...n, sheet: model.name })) };
}

describe('a template sheet holding a filed report', () => {
  it('reads back the figures and notes that were filed', () => {
    const bm03 = getTemplate('BM03')!;
    const filed = { values: { 'TT02.KQ': 676, 'TT01.KQ': '1.683' }, notes: { TT01: 'Số liệu iGate' } };
    const model = filledTemplateSheet(bm03, filed, { period: '2026-Q3' });
    const { grid, names } = gridOf(model);
    const read = readTemplateGrid(bm03, grid, { names });
    expect(read.submission.values['TT02.KQ']).toBe(676);
    expect(read.submission.values['TT01.KQ']).toBe('1.683');
    // A note is read back from its Ghi chú cell.
    expect(read.submission.values['TT01.GC']).toBe('Số liệu iGate');
  });

  it('keeps every task of a list, even more than its blank rows', () => {
    const bm02 = getTemplate('BM02')!;
    if (bm02.kind !== 'list') throw new Error('BM02 is a list');
    const rows = Array.from({ length: bm02.blankRows + 3 }, (_, i) => ({ MA: `KH-${i + 1}`, ND: `Nhiệm vụ ${i + 1}`, TT: 'Hoàn thành' }));
    const model = filledTemplateSheet(bm02, { values: {}, notes: {}, rows }, {});
    const { grid, names } = gridOf(model);
    const read = readTemplateGrid(bm02, grid, { names });
    expect(read.submission.rows?.length).toBe(rows.length);
    expect(read.submission.rows?.at(-1)).toMatchObject({ MA: `KH-${rows.length}`, TT: 'Hoàn thành' });
  });
});
