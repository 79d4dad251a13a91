/**
 * Thẩm tra on the province's consolidated workbook as it was written, before and after the 2025 reform:
 * `chitieu validate` finds every provincial row valid (TH_BM03 in both BM03 versions, the catalogue by
 * level where the version has it), says which templates nobody filed, and reads only the provincial rows:
 * the unit rows below are not the province's figures. A unit's upload stays read within its template.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../shared/periods';
import { getTemplate } from '../shared/templates';
import { consolidatedWorkbook } from '../shared/workbook/consolidated';
import type { Consolidation } from '../shared/consolidation';
import type { WorkbookModel } from '../shared/workbook/model';
import { templateArea } from '../shared/workbook';
import { demoConsolidations } from '../scripts/lib/demo-data';
import { writeWorkbook } from '../xlsx/write';
import { readTemplateFile, WorkbookReadError } from '../xlsx/template-file';
import { editPart } from '../test/crafted-xlsx';
import { main, nodeIo } from './main';

interface Checked {
  template: string;
  templateVersion: string;
  valid: boolean;
  errors: unknown[];
  values: Record<string, unknown>;
}

const built = new Map<string, Promise<{ bytes: Uint8Array; file: string; model: WorkbookModel; consolidations: Consolidation[] }>>();

/** The province's workbook of a period, as the worker writes it from the demo's filings: every template. */
function workbookOf(period: string) {
  if (!built.has(period)) {
    built.set(
      period,
      (async () => {
        const consolidations = demoConsolidations(period, '2026-11-29');
        const model = consolidatedWorkbook({ province: 'Đắk Lắk', period: parsePeriod(period)!, generatedAt: '2026-11-29T03:00:00Z', engineVersion: '1.0.0', consolidations });
        const bytes = writeWorkbook(model);
        const file = join(await mkdtemp(join(tmpdir(), 'chitieu-th-')), `tong-hop-${period}.xlsx`);
        await writeFile(file, bytes);
        return { bytes, file, model, consolidations };
      })(),
    );
  }
  return built.get(period)!;
}

async function validateFile(file: string, json: boolean): Promise<{ code: number; stdout: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(['validate', file, ...(json ? ['--json'] : [])], { ...nodeIo, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  if (!stdout) throw new Error(stderr);
  return { code, stdout };
}

async function validateUntouched(period: string): Promise<{ code: number; reports: Checked[] }> {
  const { code, stdout } = await validateFile((await workbookOf(period)).file, true);
  const parsed = JSON.parse(stdout);
  return { code, reports: Array.isArray(parsed) ? parsed : [parsed] };
}

describe('chitieu validate on an untouched consolidated workbook', () => {
  it.each([
    ['2024-H1', '2024.1', 1683],
    ['2025-H2', '2025.1', null],
  ] as const)('%s: TH_BM03 is valid in version %s', async (period, version, procedures) => {
    const { reports } = await validateUntouched(period);
    const bm03 = reports.find((r) => r.template === 'BM03')!;
    expect(bm03.valid).toBe(true);
    expect(bm03.templateVersion).toBe(version);
    if (procedures !== null) expect(bm03.values['TT01.KQ']).toBe(procedures);
    if (version === '2025.1') {
      // The keeper's levels add up to its total; no district part is read.
      expect((bm03.values['TT01A.KQ'] as number) + (bm03.values['TT01C.KQ'] as number)).toBe(bm03.values['TT01.KQ']);
      expect(bm03.values).not.toHaveProperty('HS05B.KQ');
    } else expect(bm03.values).not.toHaveProperty('TT01A.KQ');
  });

  it.each(['2024-H1', '2025-H1', '2025-H2', '2025'])('%s: every TH_ sheet passes, or says nobody filed it', async (period) => {
    const { model, consolidations, file } = await workbookOf(period);
    const { code, reports } = await validateUntouched(period);
    const thSheets = model.sheets.filter((s) => s.name.startsWith('TH_')).map((s) => s.name);
    expect(thSheets).toEqual(consolidations.map((c) => `TH_${c.template.id}`));
    const indicator = consolidations.filter((c) => getTemplate(c.template.id)!.kind === 'indicator');
    const filed = indicator.filter((c) => c.completeness.submitted > 0);
    const nobody = indicator.filter((c) => c.completeness.submitted === 0);
    // Each provincial row with figures is checked once, in the version of its sheet, and is valid.
    expect(reports.map((r) => [r.template, r.templateVersion, r.valid, r.errors])).toEqual(filed.map((c) => [c.template.id, c.template.version, true, []]));
    expect(code).toBe(0);
    // The figures checked are the province's totals as consolidated, not a unit's row.
    for (const c of filed) {
      const values = reports.find((r) => r.template === c.template.id)!.values;
      for (const [ref, value] of Object.entries(c.total.values)) if (typeof value === 'number') expect([ref, values[ref]]).toEqual([ref, value]);
    }
    // A template nobody filed has no provincial row: said so, not counted as an empty report.
    const { stdout } = await validateFile(file, false);
    for (const c of nobody) expect(stdout).toContain(`TH_${c.template.id}: không đơn vị nào nộp mẫu ${c.template.id}`);
    // A list template's sheet holds one row per unit's tasks and carries no provincial report to check.
    const lists = consolidations.filter((c) => getTemplate(c.template.id)!.kind === 'list').map((c) => `TH_${c.template.id}`);
    expect(model.metadata.filter((m) => lists.includes(m.sheet))).toEqual([]);
  });

  it("2024-H1 has a template nobody filed, and 2025-H2 a sheet wider than its template's area", async () => {
    // The two ways an untouched workbook was refused: both must stay covered by the periods above.
    const h1 = await workbookOf('2024-H1');
    expect(h1.consolidations.some((c) => getTemplate(c.template.id)!.kind === 'indicator' && c.completeness.submitted === 0)).toBe(true);
    const h2 = await workbookOf('2025-H2');
    const bm01 = h2.model.sheets.find((s) => s.name === 'TH_BM01')!;
    // One column per figure of the template: more columns than a filled template has, its slack included.
    expect(Math.max(...bm01.cells.map((c) => c.col))).toBeGreaterThanOrEqual(templateArea(getTemplate('BM01')!).cols);
  });

  it('a filled TH_ sheet whose cell names were deleted is not taken for one nobody filed: it is refused', async () => {
    const { bytes } = await workbookOf('2024-H1');
    const stripped = editPart(bytes, 'xl/workbook.xml', (xml) => xml.replace(/<definedName [^>]*>[^<]*TH_BM03[^<]*<\/definedName>/g, ''));
    const file = join(await mkdtemp(join(tmpdir(), 'chitieu-th-')), 'tong-hop-khong-ten.xlsx');
    await writeFile(file, stripped);
    const { code, stdout } = await validateFile(file, false);
    expect(stdout).not.toContain('không đơn vị nào nộp mẫu BM03');
    expect(code).not.toBe(0);
  });

  it("read as a unit's upload, the same workbook is refused: its unit rows lie outside the template's area", async () => {
    const { bytes } = await workbookOf('2025-H2');
    let error: unknown;
    try {
      readTemplateFile(bytes);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(WorkbookReadError);
    expect((error as WorkbookReadError).code).toBe('cell_outside_area');
  });
});
