import { describe, expect, it } from 'vitest';
import { getTemplate } from '../templates';
import { buildTemplateSheet, sheetMetadataFor } from './index';
import { headingMismatch, readHeading } from './metadata';
import type { TemplateSheetOptions } from './layout';

/** A template sheet's values as a reader sees them, and the metadata written beside it. */
function sheet(templateId: string, options: TemplateSheetOptions) {
  const template = getTemplate(templateId)!;
  const model = buildTemplateSheet(template, options);
  const values: unknown[][] = [];
  for (const c of model.cells) {
    while (values.length <= c.row) values.push([]);
    values[c.row]![c.col] = c.value ?? null;
  }
  return { values, metadata: sheetMetadataFor(template, options) };
}

const PAN = { unit: { code: 'PAN', name: 'UBND xã Phước An', kind: 'commune' as const }, period: '2026-Q4' };

describe('the heading a person sees and the hidden sheet', () => {
  it('reads the template, unit and period the heading shows, in either language', () => {
    for (const lang of ['vi', 'en'] as const) {
      const { values } = sheet('BM03', { ...PAN, lang });
      expect(readHeading(values)).toMatchObject({ template: { code: 'BM03' }, unit: { code: 'PAN', row: 1, col: 0 }, period: { code: '2026-Q4' } });
    }
    const list = sheet('BM02', PAN);
    expect(readHeading(list.values)).toMatchObject({ template: { code: 'BM02' }, unit: { code: 'PAN' }, period: { code: '2026-Q4' } });
  });

  it('agrees with the metadata written with it, for every template', () => {
    for (const id of ['BM01', 'BM02', 'BM03', 'BM08']) {
      const { values, metadata } = sheet(id, PAN);
      expect(headingMismatch(values, metadata), id).toBeUndefined();
    }
  });

  it('names the first line that disagrees: template, unit, then period', () => {
    const { values, metadata } = sheet('BM03', PAN);
    expect(headingMismatch(values, { ...metadata, template: 'BM04' })).toMatchObject({ field: 'template', hidden: 'BM04', row: 0, col: 0 });
    expect(headingMismatch(values, { ...metadata, unit: 'BMT', unitName: 'UBND TP Buôn Ma Thuột' })).toEqual({
      field: 'unit',
      heading: 'UBND xã Phước An (PAN)',
      hidden: 'UBND TP Buôn Ma Thuột (BMT)',
      row: 1,
      col: 0,
    });
    expect(headingMismatch(values, { ...metadata, period: '2026-Q3' })).toMatchObject({ field: 'period', heading: 'Quý IV năm 2026 (2026-Q4)', hidden: '2026-Q3' });
  });

  it('compares a unit line without a code by the unit’s name, and finds nothing to contradict in a blank or missing line', () => {
    const { values, metadata } = sheet('BM03', PAN);
    const named = values.map((row) => row.map((v) => (v === 'Đơn vị báo cáo: UBND xã Phước An (PAN)' ? 'Đơn vị báo cáo: UBND xã Phước An' : v)));
    expect(headingMismatch(named, metadata)).toBeUndefined();
    expect(headingMismatch(named, { ...metadata, unitName: 'UBND xã Hòa An' })).toMatchObject({ field: 'unit' });
    const blank = sheet('BM03', {});
    expect(headingMismatch(blank.values, { ...blank.metadata, unit: 'KPA', period: '2024-H1' })).toBeUndefined();
    expect(headingMismatch(values.slice(4), { ...metadata, unit: 'BMT', period: '2026-Q3' })).toBeUndefined();
  });
});
