import { describe, expect, it } from 'vitest';
import { ROUTES } from '../../../shared/api/openapi';
import { API_BASE, createApp } from '../app';
import { api, json } from '../../test/helpers';

describe('the OpenAPI document', () => {
  it('is served at /api/v1/openapi.json', async () => {
    const doc = await json(await api('/openapi.json'));
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.servers[0].url).toBe('http://chitieu.test/api/v1');
    expect(doc.paths['/submissions'].post.requestBody.content['application/json'].schema.properties.values).toBeDefined();
    expect(doc.paths['/submissions'].post.responses['422'].content['application/problem+json']).toBeDefined();
  });

  it('describes exactly the routes the worker serves', () => {
    const served = new Set(
      createApp()
        .routes.filter((r) => r.method !== 'ALL' && r.path.startsWith(`${API_BASE}/`))
        .map((r) => `${r.method.toLowerCase()} ${r.path.slice(API_BASE.length).replace(/:(\w+)/g, '{$1}')}`),
    );
    const documented = new Set(ROUTES.map((r) => `${r.method} ${r.path}`));
    // One route serves both a template's definition and its blank workbook.
    documented.delete('get /templates/{id}.xlsx');
    documented.delete('get /templates/{id}');
    served.delete('get /templates/{file}');
    // Likewise a period's consolidations as JSON and as a workbook.
    documented.delete('get /consolidations/{period}.xlsx');
    documented.delete('get /consolidations/{period}');
    served.delete('get /consolidations/{file}');
    expect([...served].sort()).toEqual([...documented].sort());
  });
});
