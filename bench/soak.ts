/**
 * A soak of the worker as a province uses it: about 2,000 mixed requests (JSON filings, filled
 * .xlsx uploads, blank templates, consolidated workbooks) from 20 clients at once, in one long-lived
 * worker. Every answer is counted; the goal is not one 5xx.
 */
import { demoSubmission } from '../shared/demo/generate';
import type { DemoUnit } from '../shared/demo/registry';
import { filesTemplate, templateCells, templateFor, TEMPLATES, type IndicatorTemplate } from '../shared/templates';
import { buildTemplateWorkbook, cellName } from '../shared/workbook';
import { XLSX_MEDIA_TYPE } from '../shared/api/media';
import { writeWorkbook } from '../xlsx/write';

interface SoakRequest {
  kind: 'json' | 'xlsx' | 'template' | 'workbook';
  path: string;
  init?: RequestInit;
  expect: number;
}

/** A BM03 workbook filled as a clerk fills it: counts typed into the named cells. */
function filledBm03(unit: DemoUnit, period: string): Uint8Array {
  const template = templateFor('BM03', period) as IndicatorTemplate;
  const model = buildTemplateWorkbook(template, { unit: { code: unit.code, name: unit.name, kind: unit.kind }, period });
  const sheet = model.sheets[0]!;
  const values = demoSubmission('BM03', unit, period).values ?? {};
  const cells = templateCells(template);
  for (const [ref, value] of Object.entries(values)) {
    const name = sheet.names.find((n) => n.name === cellName(template.id, ref));
    const cell = name && sheet.cells.find((c) => c.row === name.row && c.col === name.col);
    if (cell && cells.get(ref)?.measure === 'count') cell.value = value;
  }
  return writeWorkbook(model);
}

function shuffled<T>(items: T[], seed = 7): T[] {
  let s = seed;
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export interface SoakResult {
  requests: number;
  seconds: number;
  serverErrors: number;
  unexpected: number;
  /** `kind status` of the unexpected answers, with the first problem's detail. */
  unexpectedBy: Record<string, { count: number; detail: string }>;
  byKind: Record<SoakRequest['kind'], { count: number; p99: number }>;
}

export async function soak(origin: string, token: string, province: readonly DemoUnit[]): Promise<SoakResult> {
  const auth = { authorization: `Bearer ${token}` };
  // Units that file BM03 after the reform (districts no longer do), so every filing is due.
  const bm03 = templateFor('BM03', '2025-Q3')!;
  const units = province.filter((u) => u.kind !== 'department' && filesTemplate(bm03, u, '2025-09-30')).slice(0, 200);
  const requests: SoakRequest[] = [];
  // JSON filings and uploads come from different units: a Q4 upload after a unit's Q3 filing would warn of a jump.
  const filers = units.slice(0, 150);
  for (let i = 0; i < 1000; i++) {
    const body = JSON.stringify(demoSubmission('BM03', filers[i % filers.length]!, '2025-Q3'));
    requests.push({ kind: 'json', path: '/submissions', init: { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body }, expect: 201 });
  }
  const files = units.slice(150, 200).map((u) => filledBm03(u, '2025-Q4'));
  for (let i = 0; i < 500; i++) {
    requests.push({ kind: 'xlsx', path: '/submissions', init: { method: 'POST', headers: { ...auth, 'content-type': XLSX_MEDIA_TYPE }, body: files[i % files.length] as BodyInit }, expect: 201 });
  }
  for (let i = 0; i < 400; i++) requests.push({ kind: 'template', path: `/templates/${TEMPLATES[i % TEMPLATES.length]!.id}.xlsx`, init: { headers: auth }, expect: 200 });
  for (let i = 0; i < 100; i++) requests.push({ kind: 'workbook', path: '/consolidations/2025-Q3.xlsx', init: { headers: auth }, expect: 200 });

  const queue = shuffled(requests);
  const latencies: Record<SoakRequest['kind'], number[]> = { json: [], xlsx: [], template: [], workbook: [] };
  let serverErrors = 0;
  let unexpected = 0;
  const unexpectedBy: SoakResult['unexpectedBy'] = {};
  let next = 0;
  const started = performance.now();
  const client = async () => {
    while (next < queue.length) {
      const request = queue[next++]!;
      const t0 = performance.now();
      try {
        const r = await fetch(`${origin}/api/v1${request.path}`, request.init);
        const body = await r.text();
        if (r.status >= 500) serverErrors++;
        else if (r.status !== request.expect) {
          unexpected++;
          const key = `${request.kind} ${r.status}`;
          unexpectedBy[key] ??= { count: 0, detail: body.slice(0, 300) };
          unexpectedBy[key].count++;
        }
      } catch {
        serverErrors++;
      }
      latencies[request.kind].push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: 20 }, client));
  const p99 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.99)] ?? 0;
  return {
    requests: queue.length,
    seconds: (performance.now() - started) / 1000,
    serverErrors,
    unexpected,
    unexpectedBy,
    byKind: Object.fromEntries(Object.entries(latencies).map(([k, xs]) => [k, { count: xs.length, p99: p99(xs) }])) as SoakResult['byKind'],
  };
}
