/**
 * A province as a dated membership: Phú Yên's units, recorded with their lineage after the merger of
 * 1 July 2025, are never expected, shown or summed in the periods before they joined, cannot file
 * for them, and recording them changes nothing already consolidated.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { TEMPLATES, filesTemplate, isFiledFor } from '../../../shared/templates';
import { parsePeriod } from '../../../shared/periods';
import { demoSubmission } from '../../../shared/demo/generate';
import { DEMO_REGISTRY } from '../../../shared/demo/registry';
import { isMember, lastDayIn } from '../../../shared/registry/units';
import { unitsToCsv } from '../../../shared/registry/units-csv';
import { UnitImportResultSchema, UnitSchema } from '../../../shared/api/schemas';
import { api, apiAt, makeToken, problem, read, seedUnits } from '../../test/helpers';

let dic: string;
const PERIODS = ['2023', '2024-H1', '2025-H1'];
const members = DEMO_REGISTRY.filter(isMember);
const joined = DEMO_REGISTRY.filter((u) => !isMember(u));
const put = (csv: string, query = '') => api(`/units${query}`, { method: 'PUT', token: dic, body: csv, headers: { 'content-type': 'text/csv' } });

/** Every consolidation of the periods, as DIC pulls them at one fixed time. */
async function consolidations(): Promise<string[]> {
  const out: string[] = [];
  for (const period of PERIODS) {
    for (const template of TEMPLATES.filter((t) => isFiledFor(t, parsePeriod(period)!))) {
      out.push(await (await apiAt('2026-11-29T03:00:00Z', `/consolidations/${template.id}/${period}`, { token: dic })).text());
    }
  }
  return out;
}

beforeAll(async () => {
  await seedUnits(members);
  dic = await makeToken('dic', 'SKHCN');
  // A few units of each period file everything they are due for.
  for (const period of PERIODS.map((p) => parsePeriod(p)!)) {
    const filers = members.filter((u) => ['STC', 'SYT', 'KPA', 'KPA-EAKLY', 'VPUBND'].includes(u.code) && u.validFrom <= period.end && (u.validTo ?? '9999') >= period.start);
    for (const unit of filers) {
      for (const template of TEMPLATES.filter((t) => isFiledFor(t, period) && filesTemplate(t, unit, lastDayIn(unit, period)))) {
        expect((await api('/submissions', { token: dic, json: demoSubmission(template.id, unit, period.code) })).status).toBe(201);
      }
    }
  }
});

describe('a province joining', () => {
  it('changes no consolidation of the periods before it joined, and the dry run says so', async () => {
    const before = await consolidations();
    const dryRun = await read(await put(unitsToCsv(joined), '?dryRun=true'), UnitImportResultSchema);
    expect(dryRun).toMatchObject({ created: joined.length, periodsChanged: [] });
    expect((await read(await put(unitsToCsv(joined)), UnitImportResultSchema)).created).toBe(joined.length);
    expect(await consolidations()).toEqual(before);
  });

  it('shows its units in no period before they joined, and lists them with their lineage', async () => {
    const h1 = await read(await api('/units?period=2025-H1', { token: dic }), z.array(UnitSchema));
    expect(h1.filter((u) => u.code.startsWith('PY-'))).toEqual([]);
    const all = await read(await api('/units', { token: dic }), z.array(UnitSchema));
    expect(all.find((u) => u.code === 'PY-STC')).toMatchObject({ province: 'Phú Yên', successors: ['STC'], validTo: '2025-06-30' });
    expect(all.find((u) => u.code === 'VPUBND')).toMatchObject({ catalogue: true, contact: expect.stringContaining('@') });
  });

  it('refuses a filing of its units for a period before they joined, naming the province', async () => {
    const unit = joined.find((u) => u.code === 'PY-STC')!;
    const r = await api('/submissions', { token: dic, json: demoSubmission('BM03', unit, '2025-H1') });
    expect(r.status).toBe(422);
    const body = await problem(r);
    expect(body.code).toBe('unit_not_member');
    expect(body.detail).toContain('Phú Yên');
  });

  it('names the periods an import would change when it touches a unit of this province', async () => {
    const kpa = members.find((u) => u.code === 'KPA')!;
    const r = await read(await put(unitsToCsv([{ ...kpa, kind: 'district' }, { ...members.find((u) => u.code === 'CTK')!, validFrom: '2024-01-01', code: 'CTK2' }]), '?dryRun=true'), UnitImportResultSchema);
    expect(r.periodsChanged).toEqual(['2024-H1', '2025-H1']);
  });
});
