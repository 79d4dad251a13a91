/** A whole province's consolidated workbook, built from demo reports of 220 units for every template. */
import { consolidate, type Consolidation } from '../shared/consolidation';
import { demoSubmission } from '../shared/demo/generate';
import { demoRecord, syntheticProvince } from '../shared/demo/registry';
import { parsePeriod } from '../shared/periods';
import { TEMPLATES } from '../shared/templates';
import { ENGINE_VERSION, validateSubmission } from '../shared/validation';
import { consolidatedWorkbook } from '../shared/workbook';
import { writeWorkbook } from '../xlsx/write';

export function provinceConsolidations(period = '2024'): Consolidation[] {
  const p = parsePeriod(period)!;
  const demo = syntheticProvince(220);
  const units = demo.map((u) => demoRecord(u));
  return TEMPLATES.map((t) => {
    const reports = demo
      .filter((u) => t.filledBy.includes(u.kind) && (t.scope !== 'province' || u.coordinator))
      .map((u) => {
        const r = validateSubmission(demoSubmission(t.id, u, period), { unitKind: u.kind });
        return { unit: u.code, submissionId: u.code, revision: 1, receivedAt: '2024-12-01T00:00:00Z', firstReceivedAt: '2024-12-01T00:00:00Z', status: 'received' as const, values: r.values, ...(r.rows ? { rows: r.rows } : {}), warnings: r.warnings };
      });
    return consolidate(t, p, units, reports);
  });
}

export async function provinceWorkbook(consolidations: Consolidation[], period = '2024'): Promise<Uint8Array> {
  const model = consolidatedWorkbook({ province: 'Đắk Lắk', period: parsePeriod(period)!, generatedAt: new Date().toISOString(), engineVersion: ENGINE_VERSION, consolidations });
  return writeWorkbook(model);
}
