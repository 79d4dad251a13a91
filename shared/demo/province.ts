/** A whole synthetic province that has filed every template it files: consolidations for benches and tests. */
import { consolidate, type Consolidation } from '../consolidation';
import { parsePeriod } from '../periods';
import { TEMPLATES, filesTemplate, templateFor, type Template } from '../templates';
import { validateSubmission } from '../validation';
import { demoSubmission } from './generate';
import { demoRecord, syntheticProvince } from './registry';

export function demoProvinceConsolidations(period = '2024', templates: readonly Template[] = TEMPLATES, size = 220): Consolidation[] {
  const p = parsePeriod(period)!;
  const demo = syntheticProvince(size);
  const units = demo.map((u) => demoRecord(u));
  // Each template in the version in force for the period.
  return templates.map((given) => templateFor(given.id, p)!).map((t) => {
    const reports = demo
      .filter((u) => filesTemplate(t, u, p.end))
      .map((u) => {
        const r = validateSubmission(demoSubmission(t.id, u, period), { unitKind: u.kind });
        return { unit: u.code, submissionId: `sub_${u.code}`, revision: 1, receivedAt: '2024-12-01T00:00:00Z', firstReceivedAt: '2024-12-01T00:00:00Z', status: 'received' as const, values: r.values, ...(r.rows ? { rows: r.rows } : {}), warnings: r.warnings };
      });
    return consolidate(t, p, units, reports);
  });
}
