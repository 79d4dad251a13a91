import { describe, expect, it } from 'vitest';
import { consolidate } from '../../consolidation';
import { demoSubmission } from '../../demo/generate';
import { DEMO_REGISTRY } from '../../demo/registry';
import { parsePeriod } from '../../periods';
import { getTemplate } from '../../templates';
import { validateSubmission } from '../../validation';
import { HEADER_ROWS } from './common';
import { consolidatedTemplateSheet } from './template-sheet';

function bm08(year: string) {
  const period = parsePeriod(year)!;
  const unit = DEMO_REGISTRY.find((u) => u.code === 'STTTT')!;
  const report = validateSubmission(demoSubmission('BM08', unit, year), { unitKind: 'department' });
  const at = `${period.year + 1}-03-10T03:00:00Z`;
  const c = consolidate(getTemplate('BM08')!, period, [unit], [{ unit: 'STTTT', submissionId: 's', revision: 1, receivedAt: at, firstReceivedAt: at, status: 'received', values: report.values, warnings: report.warnings }]);
  return consolidatedTemplateSheet(c, { province: 'Đắk Lắk', period, generatedAt: '2026-11-30T03:00:00Z', engineVersion: 'x', consolidations: [c] }).sheet;
}

describe('a consolidated template sheet', () => {
  it('opens with the annex line and ends with the signature block', () => {
    const sheet = bm08('2024');
    expect(String(sheet.cells.find((c) => c.row === 1 && c.col === 0)?.value)).toMatch(/^\(Phụ lục kèm theo Báo cáo số +\/BC-STTTT ngày +tháng +năm 2026 của Sở Thông tin và Truyền thông\)$/);
    const last = Math.max(...sheet.cells.map((c) => c.row));
    expect(sheet.cells.filter((c) => c.row >= last - 2).map((c) => c.value)).toEqual(expect.arrayContaining(['NGƯỜI LẬP BIỂU', 'THỦ TRƯỞNG ĐƠN VỊ']));
  });
});
