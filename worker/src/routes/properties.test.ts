/**
 * Generated requests against the worker in workerd: JSON bodies from near-valid to absurd, and
 * .xlsx files mutated byte by byte and part by part. Whatever arrives, the answer is never a 5xx,
 * and a refused request stores nothing.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { XLSX_MEDIA_TYPE } from '../../../shared/api/media';
import { TEMPLATES, templateCells } from '../../../shared/templates';
import { appendRow, editPart, replaceCell } from '../../../test/crafted-xlsx';
import { api, count, makeToken, seedUnits } from '../../test/helpers';
import { versionOf } from '../../../shared/templates';

let dic: string;
let clerk: string;
let blank: Uint8Array;

beforeAll(async () => {
  await seedUnits();
  dic = await makeToken('dic', 'STTTT');
  clerk = await makeToken('unit', 'PHUOCAN');
  blank = new Uint8Array(await (await api('/templates/BM03.xlsx?unit=PHUOCAN&period=2026-Q3', { token: clerk })).arrayBuffer());
});

/** Files the request and checks the answer: below 500, and storage grows only with a 201. */
async function fileAndCheck(token: string, body: BodyInit, contentType: string): Promise<void> {
  const before = await count('revisions');
  const r = await api('/submissions', { token, body, headers: { 'content-type': contentType } });
  const text = await r.text();
  expect(r.status, text.slice(0, 300)).toBeLessThan(500);
  expect(r.headers.get('content-type')).toMatch(r.status === 201 ? /^application\/json/ : /^application\/problem\+json/);
  expect(await count('revisions')).toBe(before + (r.status === 201 ? 1 : 0));
}

const cellRefs = TEMPLATES.flatMap((t) => (t.kind === 'indicator' ? [...templateCells(t).keys()] : []));
const text = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }), fc.constantFrom('1.683', 'hơn 5.092', '74,65%', '=1+1', '1e300', '\uFFFF', '-0', ''));
const figure = fc.oneof(fc.integer({ min: -10, max: 2_000_000 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(1e300, 9007199254740993, 0.1 + 0.2));
const value = fc.oneof(figure, text, fc.constant(null), fc.anything({ maxDepth: 1 }));

const submissionLike = fc.record(
  {
    template: fc.oneof(fc.constantFrom(...TEMPLATES.map((t) => t.id)), text),
    version: fc.oneof(fc.constantFrom(...TEMPLATES.map((t) => t.version)), text),
    unit: fc.oneof(fc.constantFrom('PHUOCAN', 'KPA', 'STTTT', 'SKHCN', 'BMT', 'phuocan'), text),
    period: fc.oneof(fc.constantFrom('2026-Q3', '2026-Q4', '2026', '2024-H1', '2030-H1'), text),
    values: fc.dictionary(fc.oneof(fc.constantFrom(...cellRefs), text), value, { maxKeys: 12 }),
    notes: fc.dictionary(text, fc.oneof(text, figure), { maxKeys: 3 }),
    rows: fc.array(fc.dictionary(fc.constantFrom('MA', 'ND', 'DV', 'TH', 'TT', 'KQ', 'XX'), value, { maxKeys: 6 }), { maxLength: 5 }),
  },
  { requiredKeys: [] },
);

describe('generated requests', () => {
  it('JSON bodies, from near-valid submissions to anything at all', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof({ weight: 4, arbitrary: submissionLike }, { weight: 1, arbitrary: fc.jsonValue() }), fc.boolean(), async (body, asDic) => {
        await fileAndCheck(asDic ? dic : clerk, JSON.stringify(body), 'application/json');
      }),
      { numRuns: 150 },
    );
  });

  it('raw bytes that are not JSON at all', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
        await fileAndCheck(clerk, bytes, 'application/json');
      }),
      { numRuns: 40 },
    );
  });

  it('.xlsx files with cells, parts and bytes changed', async () => {
    const mutation = fc.oneof(
      // A cell of the template replaced by something a clerk or a tool might leave.
      fc.record({ kind: fc.constant('cell' as const), ref: fc.constantFrom('E7', 'E8', 'E16', 'E17', 'F7'), xml: fc.oneof(fc.integer().map((n) => `<v>${n}</v>`), text.map((t) => `<is><t>${t.replace(/[<&]/g, '')}</t></is>`), fc.constantFrom('<f>SUM(E8:E10)</f>', '<v>1e400</v>', '<v>abc</v>', '<v></v>')) }),
      // A row far away, or at a random place.
      fc.record({ kind: fc.constant('row' as const), row: fc.integer({ min: 1, max: 1_048_576 }), col: fc.constantFrom('A', 'E', 'Z', 'XFD') }),
      // The metadata sheet's version or template changed.
      fc.record({ kind: fc.constant('meta' as const), to: fc.oneof(fc.constantFrom('2023.1', 'BM99', ''), text.map((t) => t.replace(/[<&]/g, ''))) }),
    );
    // Last, the archive itself: bytes flipped or the file cut short.
    const damage = fc.option(fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }), cut: fc.boolean() }), { nil: undefined });
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { maxLength: 3 }), damage, async (mutations, broken) => {
        let bytes = blank;
        for (const m of mutations) {
          if (m.kind === 'cell') bytes = replaceCell(bytes, m.ref, `<c r="${m.ref}"${m.xml.startsWith('<is>') ? ' t="inlineStr"' : ''}>${m.xml}</c>`);
          else if (m.kind === 'row') bytes = appendRow(bytes, m.row, `<c r="${m.col}${m.row}"><v>1</v></c>`);
          else bytes = editPart(bytes, 'xl/sharedStrings.xml', (xml) => xml.replace(`>${versionOf('BM03')}</t>`, () => `>${m.to}</t>`));
        }
        if (broken) {
          bytes = bytes.slice(0, broken.cut ? Math.max(1, broken.at % bytes.length) : bytes.length);
          if (!broken.cut) bytes[broken.at % bytes.length] = broken.byte;
        }
        await fileAndCheck(clerk, bytes, XLSX_MEDIA_TYPE);
      }),
      { numRuns: 80 },
    );
  });
});
