import { describe, expect, it } from 'vitest';
import { API, type RouteSpec } from '../../../shared/api/routes';
import { API_BASE, createApp } from '../app';
import { honoPath } from '../lib/route';
import { api, json } from '../../test/helpers';

describe('the OpenAPI document', () => {
  it('is served at /api/v1/openapi.json, with operation ids, tags, inputs and every status a route answers', async () => {
    const doc = await json(await api('/openapi.json'));
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.servers[0].url).toBe('http://chitieu.test/api/v1');
    const file = doc.paths['/submissions'].post;
    expect(file.operationId).toBe('fileSubmission');
    expect(file.tags).toEqual(['Báo cáo']);
    const resolve = (ref: string) => ref.split('/').slice(1).reduce((at, key) => at[key], doc);
    expect(resolve(file.requestBody.content['application/json'].schema.$ref).properties.values).toBeDefined();
    expect(Object.keys(file.responses).sort()).toEqual(['200', '201', '400', '401', '403', '409', '413', '415', '422', '429', '500']);
    expect(resolve(file.responses['422'].$ref).content['application/problem+json'].schema).toEqual({ $ref: '#/components/schemas/Problem' });
    const audit = doc.paths['/audit'].get;
    expect(audit.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`)).toEqual(['query:since', 'query:limit']);
    const ids = Object.values(doc.paths).flatMap((methods) => Object.values(methods as Record<string, { operationId: string }>).map((o) => o.operationId));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('describes exactly the routes the worker serves, from the same definitions', () => {
    const served = createApp()
      .routes.filter((r) => r.method !== 'ALL' && r.path.startsWith(`${API_BASE}/`))
      .map((r) => `${r.method} ${r.path.slice(API_BASE.length)}`);
    const defined = (Object.values(API) as RouteSpec[]).map((r) => `${r.method.toUpperCase()} ${honoPath(r.path)}`);
    expect([...new Set(served)].sort()).toEqual(defined.sort());
  });
});
