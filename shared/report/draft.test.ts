import { describe, expect, it } from 'vitest';
import { consolidate, type Consolidation } from '../consolidation';
import { BM03_2024_H1 } from '../demo/seed-figures';
import { DEMO_REGISTRY } from '../demo/registry';
import { parsePeriod } from '../periods';
import { getTemplate, templateCells, templateFor, versionsOf } from '../templates';
import { REPORT_SECTIONS } from '../templates/report-sentences';
import { validateSubmission } from '../validation';
import { draftReport, sourceOf, writeFigure } from './draft';
import { demoSubmission } from '../demo/generate';
import { formatNumber } from '../numbers/format';
import { coordinatorOn } from '../registry/coordinator';

function bm03(period: string, values: Record<string, number | string>): Consolidation {
  const p = parsePeriod(period)!;
  // The Office of the People's Committee keeps the province's catalogue of procedures, and files its own records too.
  const report = validateSubmission({ ...BM03_2024_H1, period, unit: 'VPUBND', values }, { unitKind: 'department' });
  const at = `${p.end}T03:00:00Z`;
  // With the coordinating department of the period in the registry, who issues and who coordinated are named.
  return consolidate(getTemplate('BM03')!, p, DEMO_REGISTRY.filter((u) => u.code === 'VPUBND' || u.code === 'STTTT'), [{ unit: 'VPUBND', submissionId: 's', revision: 1, receivedAt: at, firstReceivedAt: at, status: 'received', values: report.values, warnings: report.warnings }]);
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
      const versions = versionsOf(section.template);
      expect(versions.map((v) => v.kind), section.template).not.toContain('list');
      const cellsOf = versions.map((v) => templateCells(v as Parameters<typeof templateCells>[0]));
      for (const sentence of section.sentences) {
        const refs = (text: string) => [...text.matchAll(/\{([A-Z0-9]+\.[A-Z]+)(?::(unit|change))?\}/g)].map((m) => m[1]!).sort();
        // A figure outside [optional parts] is in every version; an optional one in some version (a row that ended).
        const required = refs(sentence.vi.replace(/\[[^\]]*\]/g, ''));
        for (const ref of required) expect(cellsOf.every((cells) => cells.has(ref)), `${section.template} ${ref}`).toBe(true);
        for (const ref of refs(sentence.vi)) expect(cellsOf.some((cells) => cells.has(ref)), `${section.template} ${ref}`).toBe(true);
        expect(refs(sentence.en), sentence.vi).toEqual(refs(sentence.vi));
        // Every brace is a placeholder: a typo would otherwise print as text.
        expect(sentence.vi.replace(/\{[A-Z0-9]+\.[A-Z]+(?::(unit|change))?\}/g, '')).not.toMatch(/[{}]/);
      }
    }
  });
});


describe('the DTI in the report, in its period’s scheme', () => {
  // Filed by the coordinating department of the filing day: the Sở TT&TT for DTI 2021, the Sở KH&CN for DTI 2024.
  const dti = (period: string, unit: string, values: Record<string, number | string>): Consolidation => {
    const p = parsePeriod(period)!;
    const template = templateFor('BM08', p)!;
    const report = validateSubmission({ template: 'BM08', version: template.version, unit, period, values });
    expect(report.valid).toBe(true);
    const at = `${p.year + 1}-03-10T03:00:00Z`;
    return consolidate(template, p, DEMO_REGISTRY.filter((u) => u.code === 'STTTT' || u.code === 'SKHCN'), [{ unit, submissionId: 's', revision: 1, receivedAt: at, firstReceivedAt: at, status: 'received', values: report.values, warnings: report.warnings }]);
  };

  it('writes DTI 2024 as the 405 scheme’s value from 0 to 1 at its four decimals, and DTI 2021 in points', () => {
    const y2024 = paragraphs(draftReport({ province: 'Đắk Lắk', period: parsePeriod('2024')!, generatedAt: '2025-04-10T03:00:00Z', consolidations: [dti('2024', 'SKHCN', { 'DT.KQ': '0,6961', 'DT.XH': 17 })] }));
    expect(y2024).toContain('Chỉ số DTI tự đánh giá của tỉnh đạt 0,6961 (thang 0–1), xếp hạng 17/34.');
    const y2021 = paragraphs(draftReport({ province: 'Đắk Lắk', period: parsePeriod('2021')!, generatedAt: '2022-04-10T03:00:00Z', consolidations: [dti('2021', 'STTTT', { 'DT.KQ': '398,49', 'DT.XH': 36 })] }));
    expect(y2021).toContain('Chỉ số DTI tự đánh giá của tỉnh đạt 398,49 điểm, xếp hạng 36/63.');
  });
});

describe('the report as a signed administrative text', () => {
  const now = () => bm03('2024-H1', BM03_2024_H1.values as Record<string, number | string>);

  it('numbers its sections as printed, names templates and units, and closes with the closing line', () => {
    const draft = draftReport({ province: 'Đắk Lắk', period: H1, generatedAt: '2026-11-30T03:00:00Z', consolidations: [now()] });
    const headings = draft.blocks.flatMap((b) => (b.kind === 'heading' && b.level === 2 ? [b.text] : []));
    // BM01 is not consolidated here and BM02 not at all: the numbers still run 1, 2, … without a gap.
    expect(headings.map((h) => Number(h.split('.')[0]))).toEqual(headings.map((_, i) => i + 1));
    expect(headings).toContain('2. Thủ tục hành chính và dịch vụ công trực tuyến');
    const text = paragraphs(draft).join(' ');
    expect(text).not.toMatch(/\bBM0\d\b/);
    expect(draft.closingLine).toBe('Trên đây là báo cáo kết quả thực hiện chuyển đổi số 6 tháng đầu năm 2024 trên địa bàn tỉnh Đắk Lắk của Sở Thông tin và Truyền thông./.');
    const table = draft.blocks.find((b) => b.kind === 'table' && b.header[0] === 'Biểu mẫu');
    expect(table?.kind === 'table' && table.rows[0]![0]).toBe('Thủ tục hành chính và dịch vụ công trực tuyến');
  });

  it('is issued by the coordinator of the drafting day, and names the period’s where it differs', () => {
    const today = coordinatorOn(DEMO_REGISTRY, '2026-11-30')!;
    expect(today.code).not.toBe('STTTT');
    const draft = draftReport({ province: 'Đắk Lắk', period: H1, generatedAt: '2026-11-30T03:00:00Z', consolidations: [now()], issuer: today });
    expect(draft.head.issuer).toBe(today.name.toLocaleUpperCase('vi'));
    expect(draft.head.number).toContain(`/BC-${today.code}`);
    expect(paragraphs(draft)[0]).toContain(`${today.name} báo cáo kết quả`);
    expect(paragraphs(draft)[0]).toContain('cơ quan tổng hợp trong kỳ báo cáo là Sở Thông tin và Truyền thông');
    expect(draft.closingLine).toContain(`của ${today.name}./.`);
    // The same body on both days: no second name.
    const same = draftReport({ province: 'Đắk Lắk', period: H1, generatedAt: '2024-07-10T03:00:00Z', consolidations: [now()], issuer: coordinatorOn(DEMO_REGISTRY, '2024-07-10') });
    expect(paragraphs(same)[0]).not.toContain('cơ quan tổng hợp trong kỳ');
  });
});

describe('what the figures mean', () => {
  const values = BM03_2024_H1.values as Record<string, number | string>;

  it('writes a rate’s change in percentage points of the rate, a count’s as a share of it', () => {
    const now = bm03('2024-H1', values);
    const before = bm03('2023-H1', { ...values, 'TT01.KQ': 1500, 'TT02.KQ': 493, 'HS04.KQ': 374_000 });
    const rate = Number(String(now.total.values['TL08.KQ'])) - Number(String(before.total.values['TL08.KQ']));
    expect(rate).toBeGreaterThan(2);
    const draft = draftReport({ province: 'Đắk Lắk', period: H1, generatedAt: '2026-11-30T03:00:00Z', consolidations: [now], previousYear: [before] });
    const text = paragraphs(draft).join(' ');
    expect(text).toContain(`đạt tỷ lệ 99,57% (tăng ${formatNumber(rate, 'vi', 1)} điểm phần trăm so với cùng kỳ)`);
    expect(text).toContain('1.683 thủ tục (tăng 12,2% so với cùng kỳ)');
    expect(draft.figures.some((f) => f.text === formatNumber(rate, 'vi', 1) && f.label.includes('điểm phần trăm'))).toBe(true);
  });

  it('says when the period compared had districts, or other units filing', () => {
    const now = bm03('2024-H1', values);
    const withDistricts: Consolidation = { ...bm03('2023-H1', { ...values, 'TT01.KQ': 1500, 'TT02.KQ': 493 }), structure: { ...now.structure, districts: true } };
    const text = paragraphs(draftReport({ province: 'Đắk Lắk', period: H1, generatedAt: '2026-11-30T03:00:00Z', consolidations: [{ ...now, structure: { ...now.structure, districts: false } }], previousYear: [withDistricts] })).join(' ');
    expect(text).toContain('(tăng 12,2% so với cùng kỳ, khi tỉnh còn cấp huyện)');
    const before = bm03('2023-H1', { ...values, 'TT01.KQ': 1500, 'TT02.KQ': 493 });
    const moreUnits: Consolidation = { ...before, units: [...before.units, { ...before.units.find((u) => u.submission)!, code: 'SNV', name: 'Sở Nội vụ' }] };
    const other = paragraphs(draftReport({ province: 'Đắk Lắk', period: H1, generatedAt: '2026-11-30T03:00:00Z', consolidations: [now], previousYear: [moreUnits] })).join(' ');
    expect(other).toContain('(tăng 12,2% so với cùng kỳ; kỳ này 1 đơn vị nộp, cùng kỳ 2 đơn vị)');
  });

  it('counts reports whose warnings were explained and not yet accepted, calling them so', () => {
    const c = bm03('2024-H1', values);
    const warning = { unit: 'STTTT', code: 'jump', cells: ['TT01.KQ'], message: 'm', note: 'giải trình' };
    const withOpen: Consolidation = { ...c, completeness: { ...c.completeness, expected: 2, openWarnings: [warning, { ...warning, cells: ['HS01.KQ'] }] } };
    const text = paragraphs(draftReport({ province: 'Đắk Lắk', period: H1, generatedAt: '2026-11-30T03:00:00Z', consolidations: [withOpen] }));
    expect(text).toContain('Số liệu chưa đầy đủ: 1/2 đơn vị đã nộp; 1 báo cáo có cảnh báo đã giải trình, chưa được chấp nhận.');
  });

  it('writes a DTI rank with the number of provinces ranked', () => {
    const p = parsePeriod('2024')!;
    const template = templateFor('BM08', p)!;
    const report = validateSubmission({ template: 'BM08', version: template.version, unit: 'SKHCN', period: '2024', values: { 'DT.KQ': '0,6961', 'DT.XH': 36 } });
    const at = '2025-03-10T03:00:00Z';
    const bm08 = consolidate(template, p, DEMO_REGISTRY.filter((u) => u.code === 'SKHCN'), [{ unit: 'SKHCN', submissionId: 's', revision: 1, receivedAt: at, firstReceivedAt: at, status: 'received', values: report.values, warnings: report.warnings }]);
    const text = paragraphs(draftReport({ province: 'Đắk Lắk', period: p, generatedAt: '2026-11-30T03:00:00Z', consolidations: [bm08] })).join(' ');
    expect(text).toContain('xếp hạng 36/34');
  });
});
