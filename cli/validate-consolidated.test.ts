/**
 * Thẩm tra on the province's consolidated workbook as it was written, before and after the 2025 reform:
 * `chitieu validate` finds the provincial row of TH_BM03 valid in both BM03 versions, the catalogue by
 * level where the version has it.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../shared/periods';
import { consolidatedWorkbook } from '../shared/workbook/consolidated';
import { demoConsolidations } from '../scripts/lib/demo-data';
import { writeWorkbook } from '../xlsx/write';
import { main, nodeIo } from './main';

async function validateUntouched(period: string): Promise<{ code: number; reports: { template: string; templateVersion: string; valid: boolean; values: Record<string, unknown> }[] }> {
  // TH_BM03 alone: the catalogue's sheet, as the province's workbook writes it.
  const consolidations = demoConsolidations(period, '2026-11-29').filter((c) => c.template.id === 'BM03');
  const model = consolidatedWorkbook({ province: 'Đắk Lắk', period: parsePeriod(period)!, generatedAt: '2026-11-29T03:00:00Z', engineVersion: '1.0.0', consolidations });
  const file = join(await mkdtemp(join(tmpdir(), 'chitieu-th-')), `tong-hop-${period}.xlsx`);
  await writeFile(file, writeWorkbook(model));
  let stdout = '';
  let stderr = '';
  const code = await main(['validate', file, '--json'], { ...nodeIo, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  if (!stdout) throw new Error(stderr);
  const parsed = JSON.parse(stdout);
  return { code, reports: Array.isArray(parsed) ? parsed : [parsed] };
}

describe('chitieu validate on an untouched consolidated workbook', () => {
  it.each([
    ['2024-H1', '2024.1', 1683],
    ['2025-H2', '2025.1', null],
  ] as const)('%s: TH_BM03 is valid in version %s', async (period, version, procedures) => {
    const { code, reports } = await validateUntouched(period);
    expect(reports.map((r) => [r.template, r.valid])).toEqual([['BM03', true]]);
    expect(code).toBe(0);
    const bm03 = reports[0]!;
    expect(bm03.templateVersion).toBe(version);
    if (procedures !== null) expect(bm03.values['TT01.KQ']).toBe(procedures);
    if (version === '2025.1') {
      // The keeper's levels add up to its total; no district part is read.
      expect((bm03.values['TT01A.KQ'] as number) + (bm03.values['TT01C.KQ'] as number)).toBe(bm03.values['TT01.KQ']);
      expect(bm03.values).not.toHaveProperty('HS05B.KQ');
    } else expect(bm03.values).not.toHaveProperty('TT01A.KQ');
  });
});
