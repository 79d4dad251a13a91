import { describe, expect, it } from 'vitest';
import { getTemplate } from '../../../shared/templates';
import { a1, buildTemplateSheet, cellName } from '../../../shared/workbook';
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
});
