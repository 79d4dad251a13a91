import { describe, expect, it } from 'vitest';
import { readTemplateFile } from '../../../xlsx/template-file';
import { z } from 'zod';
import { TemplateSummarySchema } from '../../../shared/api/schemas';
import { api, json, read, seedUnits } from '../../test/helpers';
import { versionOf } from '../../../shared/templates';

describe('public routes', () => {
  it('reports health with the engine version and the database', async () => {
    const r = await api('/health');
    expect(r.status).toBe(200);
    expect(await json(r)).toMatchObject({ status: 'ok', engineVersion: '1.0.0', database: 'ok', templates: ['BM01', 'BM02', 'BM03', 'BM04', 'BM05', 'BM06', 'BM07', 'BM08'] });
  });

  it('serves the catalogue and each template’s definition', async () => {
    const list = await read(await api('/templates'), z.array(TemplateSummarySchema));
    expect(list.map((t) => t.id)).toHaveLength(8);
    const bm03 = await json(await api('/templates/BM03'));
    expect(bm03).toMatchObject({ id: 'BM03', version: versionOf('BM03'), kind: 'indicator' });
    const missing = await api('/templates/BM99');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await json(missing)).toMatchObject({ status: 404, detail: 'Không có mẫu báo cáo BM99.' });
  });

  it('serves a blank workbook for a unit and a period, made in workerd', async () => {
    await seedUnits();
    const r = await api('/templates/BM03.xlsx?unit=KPA&period=2024-H1');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-disposition')).toContain('BM03-KPA-2024-H1.xlsx');
    const [sheet] = await readTemplateFile(new Uint8Array(await r.arrayBuffer()));
    expect(sheet!.metadata).toMatchObject({ template: 'BM03', unit: 'KPA', unitKind: 'district', period: '2024-H1', unitName: 'UBND huyện Krông Pắc' });
  });

  it('names what is wrong in a workbook request', async () => {
    expect(await json(await api('/templates/BM07.xlsx?period=2024-Q1'))).toMatchObject({ status: 422, field: 'period' });
    expect(await json(await api('/templates/BM03.xlsx?unit=NOPE'))).toMatchObject({ status: 422, field: 'unit' });
  });
});
