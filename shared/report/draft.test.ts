import { describe, expect, it } from 'vitest';
import { consolidate, type Consolidation } from '../consolidation';
import { BM03_2024_H1 } from '../demo/seed-figures';
import { DEMO_REGISTRY } from '../demo/registry';
import { parsePeriod } from '../periods';
import { getTemplate, templateCells } from '../templates';
import { REPORT_SECTIONS } from '../templates/report-sentences';
import { validateSubmission } from '../validation';
import { draftReport, sourceOf, writeFigure } from './draft';
import { demoSubmission } from '../demo/generate';

function bm03(period: string, values: Record<string, number | string>): Consolidation {
  const p = parsePeriod(period)!;
  // The Office of the People's Committee keeps the province's catalogue of procedures, and files its own records too.
  const report = validateSubmission({ ...BM03_2024_H1, period, unit: 'VPUBND', values }, { unitKind: 'department' });
  const at = `${p.end}T03:00:00Z`;
  return consolidate(getTemplate('BM03')!, p, DEMO_REGISTRY.filter((u) => u.code === 'VPUBND'), [{ unit: 'VPUBND', submissionId: 's', revision: 1, receivedAt: at, firstReceivedAt: at, status: 'received', values: report.values, warnings: report.warnings }]);
}

const paragraphs = (d: ReturnType<typeof draftReport>) => d.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.runs.map((r) => r.text).join('')] : []));
const H1 = parsePeriod('2024-H1')!;

describe('drafting the report from figures', () => {
  it('writes figures in Vietnamese, records where each comes from, and leaves out what has no figure', () => {
    const { 'HS02.KQ': _online, ...rest } = { ...BM03_2024_H1.values, 'HS01.KQ': '400.000', 'HS02.KQ': '120.000' };
    const draft = draftReport({ province: 'Đắk Lắk', period: H1, generatedAt: '2026-11-30T03:00:00Z', consolidations: [bm03('2024-H1', rest as Record<string, number | string>)] });
    const text = paragraphs(draft);
    // The optional part about online records goes; the sentence stays.
    expect(text).toContain('Các cơ quan, đơn vị đã tiếp nhận 400.000 hồ sơ.');
    // No figure for the digitised records: no sentence about them at all.
    expect(text.some((t) => t.startsWith('Số hồ sơ được số hóa'))).toBe(false);
    expect(draft.figures).toContainEqual({ text: '1.683', label: 'BM03 TT01: TTHC cung cấp trên hệ thống (tổng)', source: 'TH_BM03 · BM03_TT01_KQ' });
    expect(draft.figures.find((f) => f.source === sourceOf('BM03', 'TL08.KQ'))?.text).toBe('99,57%');
  });

  it('compares with the same period a year before: up, down or unchanged, never without it', () => {
    const now = bm03('2024-H1', BM03_2024_H1.values as Record<string, number | string>);
    const up = draftReport({ province: 'Đắk Lắk', period: H1, generatedAt: '2026-11-30T03:00:00Z', consolidations: [now], previousYear: [bm03('2023-H1', { ...BM03_2024_H1.values, 'TT01.KQ': 1500, 'TT02.KQ': 493 } as Record<string, number | string>)] });
    expect(paragraphs(up).find((t) => t.includes('thủ tục'))).toContain('1.683 thủ tục (tăng 12,2% so với cùng kỳ)');
    const down = draftReport({ province: 'Đắk Lắk', period: H1, generatedAt: '2026-11-30T03:00:00Z', consolidations: [now], previousYear: [bm03('2023-H1', { ...BM03_2024_H1.values, 'TT01.KQ': 2000, 'TT02.KQ': 993 } as Record<string, number | string>)] });
    expect(paragraphs(down).find((t) => t.includes('thủ tục'))).toContain('(giảm 15,9% so với cùng kỳ)');
    const alone = draftReport({ province: 'Đắk Lắk', period: H1, generatedAt: '2026-11-30T03:00:00Z', consolidations: [now] });
    expect(paragraphs(alone).join(' ')).not.toContain('cùng kỳ');
  });

  it('writes each measure as a report does', () => {
    expect(writeFigure(1683, 'count', 'vi')).toBe('1.683');
    expect(writeFigure(99.5746, 'percent', 'vi')).toBe('99,57%');
    expect(writeFigure(12.5, 'money', 'vi')).toBe('12,5');
    expect(writeFigure(1683, 'count', 'en')).toBe('1,683');
  });
});

describe('the key indicators against the year’s targets', () => {
  it('gives target, result, how far towards the target, and Đạt / Chưa đạt, each figure with its source', () => {
    const p = parsePeriod('2024')!;
    const unit = DEMO_REGISTRY.find((u) => u.code === 'STTTT')!;
    const report = validateSubmission(demoSubmission('BM01', unit, '2024'), { unitKind: 'department' });
    const at = '2024-12-10T03:00:00Z';
    const bm01 = consolidate(getTemplate('BM01')!, p, [unit], [{ unit: 'STTTT', submissionId: 's', revision: 1, receivedAt: at, firstReceivedAt: at, status: 'received', values: report.values, warnings: report.warnings }]);
    const draft = draftReport({ province: 'Đắk Lắk', period: p, generatedAt: '2026-11-30T03:00:00Z', consolidations: [bm01] });
    const table = draft.blocks.find((b) => b.kind === 'table' && b.header.includes('Đạt so với mục tiêu'));
    expect(table?.kind).toBe('table');
    const rows = table!.kind === 'table' ? table!.rows : [];
    expect(rows.length).toBeGreaterThan(5);
    const withRatio = rows.filter((r) => r[4] !== '');
    expect(withRatio.length).toBeGreaterThan(3);
    for (const [code, , mt, kq, ratio, verdict] of withRatio) {
      const target = Number(mt!.replace(/[^\d,]/g, '').replace(',', '.'));
      const result = Number(kq!.replace(/[^\d,]/g, '').replace(',', '.'));
      expect(Number(ratio!.replace('%', '').replace(',', '.')), code).toBeCloseTo((result / target) * 100, 0);
      expect(['Đạt', 'Chưa đạt'], code).toContain(verdict);
      expect(draft.figures.some((f) => f.text === ratio && f.source === `TH_BM01 · BM01_${code}_KQ / BM01_${code}_MT`), code).toBe(true);
    }
  });
});

describe('the report’s sentences', () => {
  it('name only cells their template has, in both languages, with the same figures in each', () => {
    for (const section of REPORT_SECTIONS) {
      const template = getTemplate(section.template);
      expect(template?.kind, section.template).toBe('indicator');
      const cells = templateCells(template as Parameters<typeof templateCells>[0]);
      for (const sentence of section.sentences) {
        const refs = (text: string) => [...text.matchAll(/\{([A-Z0-9]+\.[A-Z]+)(?::(unit|change))?\}/g)].map((m) => m[1]!).sort();
        for (const ref of refs(sentence.vi)) expect(cells.has(ref), `${section.template} ${ref}`).toBe(true);
        expect(refs(sentence.en), sentence.vi).toEqual(refs(sentence.vi));
        // Every brace is a placeholder: a typo would otherwise print as text.
        expect(sentence.vi.replace(/\{[A-Z0-9]+\.[A-Z]+(?::(unit|change))?\}/g, '')).not.toMatch(/[{}]/);
      }
    }
  });
});

