/**
 * The OpenAPI document as third-party linters read it: Spectral's and Redocly's recommended rules
 * find no error, and each warning left is named here with why it stays.
 */
import spectralCore from '@stoplight/spectral-core';
import * as spectralParsers from '@stoplight/spectral-parsers';
import { oas } from '@stoplight/spectral-rulesets';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { openApiDocument } from './openapi';

const doc = openApiDocument('https://chitieu.example.gov.vn/api/v1') as {
  paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
  components: { schemas: Record<string, unknown>; responses: Record<string, unknown> };
};
const text = JSON.stringify(doc);

/** The warnings each linter leaves, by rule, with how many and why they stay. */
const SPECTRAL_WARNINGS: Record<string, { count: number; why: string }> = {
  'info-contact': { count: 1, why: 'the contact is the deploying province’s coordinating department, which the code does not know' },
  'operation-description': { count: 45, why: 'each route’s summary says all it does (routes.ts); a description would repeat it' },
};
const REDOCLY_WARNINGS: Record<string, { count: number; why: string }> = {
  'info-license': { count: 1, why: 'a government system’s API is not licensed to the public (package.json: UNLICENSED)' },
  'operation-4xx-response': { count: 4, why: 'GET /health, /openapi.json, /templates and /auth/config are public and take no input, so no 4xx answer is theirs to describe' },
  'operation-2xx-response': { count: 2, why: 'GET /auth/login and /auth/callback answer a browser with a redirect (302), as OpenID Connect has it' },
};

const tally = (rules: string[]) => rules.reduce<Record<string, number>>((m, r) => ((m[r] = (m[r] ?? 0) + 1), m), {});
const counts = (explained: Record<string, { count: number }>) => Object.fromEntries(Object.entries(explained).map(([rule, w]) => [rule, w.count]));

describe('the OpenAPI document', () => {
  it('is well under 200 KB', () => {
    expect(new TextEncoder().encode(text).length).toBeLessThan(100_000);
  });

  it('writes each named schema once, under components, and refers to it everywhere else', () => {
    const file = doc.paths['/submissions']!.post!;
    expect(JSON.stringify(file)).toContain('"$ref":"#/components/schemas/SubmissionInput"');
    expect(file.responses['201']).toMatchObject({ content: { 'application/json': { schema: { $ref: '#/components/schemas/Receipt' } } } });
    expect(file.responses['422']).toEqual({ $ref: '#/components/responses/Unprocessable' });
    for (const [id, schema] of Object.entries(doc.components.schemas)) {
      const body = JSON.stringify(schema);
      if (body.length > 80) expect(text.split(body).length - 1, id).toBe(1);
    }
    for (const [, kind, id] of text.matchAll(/"\$ref":"#\/components\/(schemas|responses)\/([^"]+)"/g)) expect(doc.components[kind as 'schemas' | 'responses'][id!], id).toBeDefined();
  });

  describe('linted', () => {
    let spectral: { code: string | number; severity: number }[];
    let redocly: { ruleId: string; severity: string }[];
    beforeAll(async () => {
      const { Spectral, Document } = spectralCore;
      const linter = new Spectral();
      linter.setRuleset({ extends: [[oas as never, 'recommended']] });
      const parsers = spectralParsers as unknown as { Json?: spectralParsers.IParser; default?: { Json: spectralParsers.IParser } };
      spectral = await linter.run(new Document(JSON.stringify(doc, null, 2), (parsers.Json ?? parsers.default!.Json) as never, 'openapi.json'));
      redocly = await lintFromString({ source: JSON.stringify(doc, null, 2), absoluteRef: 'openapi.json', config: await createConfig({ extends: ['recommended'] }) });
    }, 60_000);

    it("by Spectral's recommended OpenAPI rules: no error, and only the warnings explained", () => {
      expect(spectral.filter((r) => r.severity === 0)).toEqual([]);
      expect(tally(spectral.map((r) => String(r.code)))).toEqual(counts(SPECTRAL_WARNINGS));
    });

    it("by Redocly's recommended rules: no error, and only the warnings explained", () => {
      expect(redocly.filter((p) => p.severity === 'error')).toEqual([]);
      expect(tally(redocly.map((p) => p.ruleId))).toEqual(counts(REDOCLY_WARNINGS));
    });
  });
});
