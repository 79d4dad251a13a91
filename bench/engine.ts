/** The shared engine on a whole province: every template filled by every unit that files it. */
import { demoSubmission } from '../shared/demo/generate';
import { syntheticProvince } from '../shared/demo/registry';
import { TEMPLATES } from '../shared/templates';
import { validate } from '../shared/validation';
import { ms, printTable, time } from './harness';

export async function engineBench(): Promise<void> {
  const province = syntheticProvince(220);
  // Every unit fills every template, as the goal states it: the upper bound of a reporting round.
  const batches = TEMPLATES.map((template) => {
    const period = template.periodKinds.includes('H') ? '2024-H1' : '2024';
    return { template, submissions: province.map((unit) => ({ unit, submission: demoSubmission(template.id, unit, period) })) };
  });

  const rows: { name: string; value: string; goal?: string; ok?: boolean }[] = [];
  for (const { template, submissions } of batches) {
    const t = await time(template.id, () => {
      for (const { unit, submission } of submissions) validate(template, submission, { unitKind: unit.kind });
    });
    rows.push({ name: `${template.id} × 220 đơn vị`, value: ms(t.medianMs) });
  }
  const province8 = await time('province', () => {
    for (const { template, submissions } of batches) {
      for (const { unit, submission } of submissions) validate(template, submission, { unitKind: unit.kind });
    }
  }, { runs: 15 });
  rows.push({ name: 'Cả tỉnh: 8 mẫu × 220 đơn vị', value: ms(province8.medianMs), goal: '< 1 s', ok: province8.medianMs < 1000 });
  const single = await time('one', () => validate(batches[2]!.template, batches[2]!.submissions[0]!.submission), { runs: 2000, budgetMs: 2000 });
  rows.push({ name: 'Một báo cáo BM03', value: `${(single.medianMs * 1000).toFixed(0)} µs` });
  printTable('Bộ kiểm tra (trung vị, một lõi)', rows);
}
