/** Demo reports for a local run, filed through the API like any client would. */
import type { Submission } from '../../shared/submission';
import { demoSubmission } from '../../shared/demo/generate';
import { DEMO_REGISTRY, type DemoUnit } from '../../shared/demo/registry';
import { BM03_2024_H1, BM07_2023, plan30Tasks } from '../../shared/demo/seed-figures';
import { filesTemplate, getTemplate } from '../../shared/templates';
import { versionOf } from '../../shared/templates';

/** Most units have filed 2024-H1; a few have not, so the dashboard has someone to chase. */
export function demoSubmissions(): Submission[] {
  const out: Submission[] = [];
  const files = (unit: DemoUnit, i: number) => (i * 7) % 10 < 8;
  DEMO_REGISTRY.forEach((unit, i) => {
    for (const id of ['BM03', 'BM04', 'BM05', 'BM06']) {
      const template = getTemplate(id)!;
      if (!filesTemplate(template, unit) || !files(unit, i + id.charCodeAt(3))) continue;
      out.push(demoSubmission(id, unit, '2024-H1'));
    }
  });
  const dic = out.findIndex((s) => s.template === 'BM03' && s.unit === 'STTTT');
  const published = { ...BM03_2024_H1, unit: 'STTTT', values: { ...BM03_2024_H1.values, 'HS01.KQ': '400.000', 'HS02.KQ': '120.000' } };
  if (dic >= 0) out[dic] = published;
  else out.push(published);
  out.push({ template: 'BM02', version: versionOf('BM02'), unit: 'STTTT', period: '2024-H1', rows: plan30Tasks() });
  out.push({ ...BM07_2023, unit: 'STTTT', notes: { KP09: 'Kinh phí đầu tư Trung tâm SOC chuyển sang năm 2024.' } });
  return out;
}
