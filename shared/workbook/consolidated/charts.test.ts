import { describe, expect, it } from 'vitest';
import { demoProvinceConsolidations } from '../../demo/province';
import { parsePeriod } from '../../periods';
import { getTemplate } from '../../templates';
import { consolidatedWorkbook } from './index';

describe('charts of the consolidated workbook', () => {
  it('a quarter after the reform (no districts, no BM01) still has its filing chart, by template', () => {
    const consolidations = demoProvinceConsolidations('2025-Q3', ['BM03', 'BM04', 'BM06'].map((id) => getTemplate(id)!), 40).map((c) => ({
      ...c,
      units: c.units.filter((u) => u.kind !== 'district').map((u) => ({ ...u, parent: null })),
    }));
    const model = consolidatedWorkbook({ province: 'Đắk Lắk', period: parsePeriod('2025-Q3')!, generatedAt: '2025-09-30T00:00:00Z', engineVersion: '1.0.0', consolidations });
    const charts = model.charts ?? [];
    const byTemplate = charts.find((c) => c.title === 'Tình hình nộp báo cáo theo mẫu');
    expect(byTemplate).toBeDefined();
    // A header line and one line per template, on the sheet the chart is drawn on.
    expect(byTemplate!.source.rows).toBe(consolidations.length + 1);
    const sheet = model.sheets.find((s) => s.name === byTemplate!.sheet)!;
    const labels = sheet.cells.filter((c) => c.col === byTemplate!.source.col && c.row > byTemplate!.source.row && c.row < byTemplate!.source.row + byTemplate!.source.rows).map((c) => c.value);
    expect(labels).toEqual(['BM03', 'BM04', 'BM06']);
  });
});
