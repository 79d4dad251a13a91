import { describe, expect, it } from 'vitest';
import { TEMPLATES, getTemplate } from '../templates';
import { buildTemplateSheet, LAYOUT } from './index';

const labels = (sheet: ReturnType<typeof buildTemplateSheet>) => sheet.cells.filter((c) => c.col === LAYOUT.labelCol && c.row >= LAYOUT.firstDataRow).map((c) => String(c.value));

describe('required rows on a template sheet', () => {
  it('marks the rows the unit’s kind must fill with * and says so in the instruction line', () => {
    const sheet = buildTemplateSheet(getTemplate('BM03')!, { unit: { code: 'KPA', kind: 'district' }, period: '2024-H1' });
    expect(labels(sheet).filter((l) => l.endsWith(' *')).length).toBeGreaterThan(0);
    expect(labels(sheet).some((l) => !l.endsWith(' *'))).toBe(true);
    const instruction = sheet.cells.find((c) => c.row === LAYOUT.instructionRow && c.col === 0)!;
    expect(String(instruction.value)).toContain('dấu *');
  });

  it('after the reform a commune fills, and sees marked, the rows of districts too', () => {
    const marked = (id: string, period: string) => labels(buildTemplateSheet(getTemplate(id)!, { unit: { code: 'X', kind: 'commune' }, period })).filter((l) => l.endsWith(' *')).length;
    const grew = TEMPLATES.filter((t) => t.kind === 'indicator' && marked(t.id, '2025-Q3') > marked(t.id, '2025-Q2'));
    expect(grew.length).toBeGreaterThan(0);
  });

  it('a blank template for no unit marks nothing', () => {
    expect(labels(buildTemplateSheet(getTemplate('BM03')!)).some((l) => l.endsWith(' *'))).toBe(false);
  });
});
