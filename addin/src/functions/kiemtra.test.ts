import { describe, expect, it } from 'vitest';
import { BM04_2021_PUBLISHED } from '../../../shared/demo/seed-figures';
import { getTemplate } from '../../../shared/templates';
import { buildTemplateSheet, cellName } from '../../../shared/workbook';
import { CheckError } from '../check';
import { functionsMetadata } from '../../../scripts/lib/functions-metadata';
import { kiemtra } from './kiemtra';
import { versionOf } from '../../../shared/templates';

/** The values a range of a template sheet passes to the function: empty cells are "". */
function rangeOf(templateId: string, values: Record<string, number | string>): unknown[][] {
  const model = buildTemplateSheet(getTemplate(templateId)!);
  const rows = Math.max(...model.cells.map((c) => c.row)) + 1;
  const cols = Math.max(...model.cells.map((c) => c.col)) + 1;
  const grid: unknown[][] = Array.from({ length: rows }, () => Array(cols).fill(''));
  for (const c of model.cells) if (c.value !== undefined && c.value !== null && c.formula === undefined) grid[c.row]![c.col] = c.value;
  for (const [ref, v] of Object.entries(values)) {
    const n = model.names.find((x) => x.name === cellName(templateId, ref))!;
    grid[n.row]![n.col] = v;
  }
  return grid;
}

describe('=CHITIEU.KIEMTRA(range, template)', () => {
  it('spills the issues as code, cell and message, with the engine version', () => {
    const values = Object.fromEntries(Object.entries(BM04_2021_PUBLISHED.values!).map(([k, v]) => [k, typeof v === 'string' ? Number(v.replace(/\./g, '').replace(',', '.').replace('%', '')) : v!]));
    values['TL01.KQ'] = 0.986; // a percent cell holds the fraction
    const out = kiemtra(rangeOf('BM04', values), 'BM04', 'BM04!A1:H40');
    expect(out[0]).toEqual(['Mã', 'Ô', 'Nội dung']);
    expect(out.slice(1, -1).map((r) => r.slice(0, 2))).toEqual([
      ['sum_mismatch', 'E7'],
      ['share_mismatch', 'E11'],
    ]);
    expect(String(out[1]![2])).toContain('619.820');
    expect(out[out.length - 1]).toEqual(['chitieu', '1.0.0', `Mẫu BM04 phiên bản ${versionOf('BM04')}: 2 lỗi, 0 cảnh báo`]);
  });

  it('says OK for a range with nothing wrong', () => {
    expect(kiemtra(rangeOf('BM03', { 'TT01.KQ': 10, 'TT02.KQ': 5, 'TT03.KQ': 3, 'TT04.KQ': 2 }), 'BM03', 'BM03!A1:F40')).toEqual([['OK']]);
  });

  it('names cells where the range sits, even when it does not start at A1', () => {
    const grid = rangeOf('BM03', { 'HS01.KQ': 10, 'HS02.KQ': 11 }).slice(4).map((r) => r.slice(1));
    const out = kiemtra(grid, 'BM03', "'BM03'!B5:F40");
    // The current version's layout: HS02 sits below TT01's two level rows (TT01A, TT01C).
    expect(out[1]!.slice(0, 2)).toEqual(['part_exceeds_whole', 'E19']);
  });

  it('speaks English on request', () => {
    const out = kiemtra(rangeOf('BM03', { 'HS01.KQ': 10, 'HS02.KQ': 11 }), 'BM03', undefined, '', 'en');
    expect(out[0]).toEqual(['Code', 'Cell', 'Message']);
    expect(String(out[1]![2])).toContain('a part cannot exceed its whole');
  });

  it('refuses an unknown template with a message Excel shows', () => {
    expect(() => kiemtra([[1]], 'BM99')).toThrow(CheckError);
    expect(() => kiemtra([[1]], 'BM99')).toThrow('Không có mẫu "BM99"');
  });

  it('is described to Excel, from its own signature, with its parameters and the range address it needs', async () => {
    const [fn] = JSON.parse(await functionsMetadata()).functions;
    expect(fn.id).toBe('KIEMTRA');
    expect(fn.parameters.map((p: { name: string }) => p.name)).toEqual(['vung', 'mau', 'ky', 'ngon_ngu']);
    expect(fn.options.requiresParameterAddresses).toBe(true);
    expect(fn.result.dimensionality).toBe('matrix');
  });
});
