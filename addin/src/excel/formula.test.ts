import { describe, expect, it } from 'vitest';
import { getTemplate, TEMPLATE_VERSIONS, type Template } from '../../../shared/templates';
import { a1, buildTemplateSheet, cellName, type SheetModel } from '../../../shared/workbook';
import { evaluateFormula, FormulaError, type FormulaValue } from './formula';
import { MemoryWorkbook } from './memory-workbook';

const grid = (cells: Record<string, FormulaValue>) => (_sheet: string | undefined, row: number, col: number) => cells[`${row},${col}`] ?? null;

describe('formulas computed as Excel computes them', () => {
  it('reads operators, comparisons, text and the functions of the product’s sheets', () => {
    const read = grid({ '0,0': 5, '1,0': 3, '2,0': 'Hoàn thành', '3,0': 'HT', '4,0': null });
    expect(evaluateFormula('=A1+A2*2', read)).toBe(11);
    expect(evaluateFormula('IF(A1>=A2,"Đạt","Chưa đạt")', read)).toBe('Đạt');
    expect(evaluateFormula('IF(AND(ISNUMBER(A1),ISNUMBER(A5)),1,"")', read)).toBe('');
    expect(evaluateFormula('COUNTIF($A$1:$A$5,"Hoàn thành")+COUNTIF($A$1:$A$5,"HT")', read)).toBe(2);
    expect(evaluateFormula('COUNTA(A1:A5)', read)).toBe(4);
    expect(evaluateFormula('COUNT(A1,A2,A3)', read)).toBe(2);
    expect(evaluateFormula('SUM(A1:A5)', read)).toBe(8);
    expect(evaluateFormula('IF(ISBLANK(A5),"",ROWS($A$1:A5))', read)).toBe('');
    expect(evaluateFormula('ROWS($A$1:A3)', read)).toBe(3);
    expect(evaluateFormula('"a"&A1', read)).toBe('a5');
    expect(evaluateFormula('(A1+A2)/A2', read)).toBeCloseTo(8 / 3);
  });

  it('shows Excel’s errors: a division by zero, an unknown function', () => {
    const read = grid({ '0,0': 5 });
    expect(evaluateFormula('A1/B1', read)).toEqual(new FormulaError('#DIV/0!'));
    expect(evaluateFormula('NOSUCH(A1)', read)).toEqual(new FormulaError('#NAME?'));
    expect(evaluateFormula('A1+"x"', read)).toEqual(new FormulaError('#VALUE!'));
  });

  it('computes only the branch IF chooses, as Excel does: a guarded division is blank, not an error', () => {
    const read = grid({ '0,0': 5, '2,0': 'nhiều' });
    expect(evaluateFormula('=IF(COUNT(A1,A2)<2,"",IF(A2=0,"",(A1)/A2))', read)).toBe('');
    expect(evaluateFormula('=IF(COUNT(A1,A3)<2,"",IF(A3=0,"",(A1)/A3))', read)).toBe('');
    expect(evaluateFormula('IF(A2=0,"",A1/A2)', read)).toBe('');
    expect(evaluateFormula('IF(A2<>0,A1/A2,"-")', read)).toBe('-');
    expect(evaluateFormula('IF(ISNUMBER(A3),A3*2,0)', read)).toBe(0);
    expect(evaluateFormula('IF(A1>0,A1/A2,"")', read)).toEqual(new FormulaError('#DIV/0!'));
    expect(evaluateFormula('IF(A3,1,2)', read)).toEqual(new FormulaError('#VALUE!'));
  });

  it('computes IFERROR’s fallback only for an error, and every argument of AND and OR, as Excel does', () => {
    const read = grid({ '0,0': 5, '2,0': 'nhiều' });
    expect(evaluateFormula('IFERROR(A1/A2,"")', read)).toBe('');
    expect(evaluateFormula('IFERROR(A1*2,A1/A2)', read)).toBe(10);
    expect(evaluateFormula('IFERROR(A3+1,"?")', read)).toBe('?');
    expect(evaluateFormula('AND(FALSE,A1/A2>0)', read)).toEqual(new FormulaError('#DIV/0!'));
    expect(evaluateFormula('OR(TRUE,A1/A2>0)', read)).toEqual(new FormulaError('#DIV/0!'));
    // An error in the left operand is the one shown.
    expect(evaluateFormula('A3/A2', read)).toEqual(new FormulaError('#VALUE!'));
  });

  it('computes BM01’s Đánh giá in the in-memory workbook once target and result are typed', async () => {
    const bm01 = getTemplate('BM01')!;
    if (bm01.kind !== 'indicator') throw new Error('BM01 is an indicator template');
    const wb = new MemoryWorkbook();
    const model = buildTemplateSheet(bm01);
    await wb.writeSheets([model], []);
    const achievement = model.cells.find((c) => c.formula?.includes('Đạt'))!;
    const row = bm01.rows.find((r) => model.names.some((n) => n.name === cellName('BM01', `${r.code}.KQ`) && n.row === achievement.row))!;
    const at = (ref: string) => model.names.find((n) => n.name === cellName('BM01', ref))!;
    expect(wb.computed('BM01', achievement.row, achievement.col)).toBe('');
    const mt = at(`${row.code}.MT`);
    const kq = at(`${row.code}.KQ`);
    wb.type(a1(mt.row, mt.col), '80', 'BM01');
    wb.type(a1(kq.row, kq.col), '90', 'BM01');
    const shown = wb.computed('BM01', achievement.row, achievement.col);
    expect(['Đạt', 'Chưa đạt']).toContain(shown);
  });

  /** The cells a clerk types into: named cells without a formula (a list's rows are typed under its header). */
  const inputsOf = (model: SheetModel) => {
    const formulas = new Set(model.cells.filter((c) => c.formula !== undefined).map((c) => `${c.row},${c.col}`));
    return model.names.filter((n) => n.rows === 1 && n.cols === 1 && !formulas.has(`${n.row},${n.col}`));
  };
  const errorsOf = (wb: MemoryWorkbook, model: SheetModel) =>
    model.cells
      .filter((c) => c.formula !== undefined)
      .map((c) => ({ at: a1(c.row, c.col), formula: c.formula, shown: wb.computed(model.name, c.row, c.col) }))
      .filter((c) => c.shown instanceof FormulaError);
  const versions: Template[] = [...TEMPLATE_VERSIONS.values()].flat().filter((t) => buildTemplateSheet(t).cells.some((c) => c.formula !== undefined));

  it('finds formulas in the sheets of most templates', () => {
    expect(versions.map((t) => t.id)).toEqual(expect.arrayContaining(['BM01', 'BM02', 'BM03', 'BM07']));
  });

  it.each(versions.map((t) => [`${t.id} ${t.version}`, t] as const))('%s: no formula of the blank sheet shows an error', async (_, template) => {
    const wb = new MemoryWorkbook();
    const model = buildTemplateSheet(template);
    await wb.writeSheets([model], []);
    expect(errorsOf(wb, model)).toEqual([]);
  });

  it.each(versions.filter((t) => t.kind === 'indicator').map((t) => [`${t.id} ${t.version}`, t] as const))(
    '%s: no formula of a partly filled sheet shows an error, where a figure is missing, zero or written as words',
    async (_, template) => {
      const wb = new MemoryWorkbook();
      const model = buildTemplateSheet(template);
      await wb.writeSheets([model], []);
      const inputs = inputsOf(model);
      expect(inputs.length).toBeGreaterThan(0);
      // Every third cell blank, every third zero, every third a figure; then one figure as words.
      inputs.forEach((n, i) => {
        if (i % 3 !== 0) wb.type(a1(n.row, n.col), i % 3 === 1 ? '0' : '12', model.name);
      });
      expect(errorsOf(wb, model)).toEqual([]);
      const words = inputs[1]!;
      wb.type(a1(words.row, words.col), 'chưa có số liệu', model.name);
      expect(errorsOf(wb, model)).toEqual([]);
    },
  );

  it('shows BM03’s shares blank until both figures are there, and computes them then', async () => {
    const bm03 = getTemplate('BM03')!;
    const wb = new MemoryWorkbook();
    const model = buildTemplateSheet(bm03);
    await wb.writeSheets([model], []);
    const share = model.cells.find((c) => /^=?IF\(COUNT\(/.test(c.formula ?? ''))!;
    const [, part, whole] = /COUNT\(([A-Z]+\d+),([A-Z]+\d+)\)/.exec(share.formula!)!;
    expect(wb.computed(model.name, share.row, share.col)).toBe('');
    wb.type(whole!, 'nhiều', model.name);
    expect(wb.computed(model.name, share.row, share.col)).toBe('');
    wb.type(whole!, '0', model.name);
    wb.type(part!, '3', model.name);
    expect(wb.computed(model.name, share.row, share.col)).toBe('');
    wb.type(whole!, '4', model.name);
    expect(wb.computed(model.name, share.row, share.col)).toBe(0.75);
  });
});
