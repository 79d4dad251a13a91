/**
 * What DIC reads before closing a reopened period again, in workerd on a real D1: the changes since the
 * last close against the figures as they are now (no `to`), the filings made meanwhile with the person
 * who filed them, and the people on the summaries of Lịch sử and Duyệt.
 */
import { describe, expect, it, beforeAll } from 'vitest';
import { PeriodChangesSchema, PeriodClosedSchema, ReviewSchema, SubmissionSummarySchema } from '../../../shared/api/schemas';
import { demoSubmission } from '../../../shared/demo/generate';
import { DEPARTMENTS } from '../../../shared/demo/registry';
import { api, json, read, makeToken, seedUnits } from '../../test/helpers';
import { z } from 'zod';

const department = (code: string) => DEPARTMENTS.find((d) => d.code === code)!;
let dic: string;
let clerk: string;
let reviewer: string;

beforeAll(async () => {
  await seedUnits();
  dic = await makeToken('dic', 'SKHCN');
  const people = [
    { login: 'lan@sgddt.gov.vn', name: 'Trần Thị Lan', role: 'unit', unit: 'SGDDT', validFrom: '2024-01-01', validTo: null },
    { login: 'minh@skhcn.gov.vn', name: 'Lê Văn Minh', role: 'dic', unit: 'SKHCN', validFrom: '2024-01-01', validTo: null },
  ];
  expect((await api('/people', { method: 'PUT', token: dic, json: { people } })).status).toBe(200);
  clerk = (await json(await api('/tokens', { token: dic, json: { role: 'unit', unit: 'SGDDT', person: 'lan@sgddt.gov.vn' } }))).token;
  reviewer = (await json(await api('/tokens', { token: dic, json: { role: 'dic', person: 'minh@skhcn.gov.vn' } }))).token;
  expect((await api('/submissions', { token: dic, json: demoSubmission('BM03', department('STC'), '2024-H1') })).status).toBe(201);
});

describe('changes since the last close', () => {
  it('are the live figures against the close, with the filings made since, whose and by whom', async () => {
    expect((await read(await api('/periods/2024-H1/close', { token: dic, json: {} }), PeriodClosedSchema)).version).toBe(1);
    // Nothing changed yet: nothing to show.
    const none = await read(await api('/periods/2024-H1/changes?from=1', { token: dic }), PeriodChangesSchema);
    expect(none.to).toBeUndefined();
    expect(none.filings).toEqual([]);
    expect(none.templates.every((t) => t.total.length === 0 && t.units.length === 0)).toBe(true);

    expect((await api('/periods/2024-H1/reopen', { token: dic, json: { reason: 'Sở GD&ĐT bổ sung' } })).status).toBe(201);
    const filed = await api('/submissions', { token: clerk, json: demoSubmission('BM03', department('SGDDT'), '2024-H1') });
    expect(filed.status).toBe(201);
    expect((await json(filed)).filedBy).toMatchObject({ name: 'Trần Thị Lan' });

    const changes = await read(await api('/periods/2024-H1/changes?from=1', { token: dic }), PeriodChangesSchema);
    expect(changes.filings).toEqual([expect.objectContaining({ unit: 'SGDDT', template: 'BM03', revision: 1, submitterName: 'Trần Thị Lan' })]);
    const bm03 = changes.templates.find((t) => t.template === 'BM03')!;
    expect(bm03.missing.removed).toEqual(['SGDDT']);
    const cell = bm03.units.find((u) => u.unit === 'SGDDT')!.cells.find((c) => c.ref === 'HS01.KQ')!;
    const total = bm03.total.find((c) => c.ref === 'HS01.KQ')!;
    expect((total.after as number) - (total.before as number)).toBe(cell.after);
    // A template nobody touched shows nothing, as between two closes.
    expect(changes.templates.find((t) => t.template === 'BM05')).toMatchObject({ total: [], units: [] });
  });

  it('names the filer and the reviewer on the summaries, and says when a filing covers its predecessors', async () => {
    const [summary] = z.array(SubmissionSummarySchema).parse(await json(await api('/submissions?unit=SGDDT&period=2024-H1', { token: dic })));
    expect(summary).toMatchObject({ submitterName: 'Trần Thị Lan', review: null });
    expect(summary!.coversPredecessors).toBeUndefined();
    const review = await read(await api(`/submissions/${summary!.id}/review`, { token: reviewer, json: { decision: 'accept' } }), ReviewSchema);
    expect(review.reviewerName).toBe('Lê Văn Minh');
    const [after] = z.array(SubmissionSummarySchema).parse(await json(await api('/submissions?unit=SGDDT&period=2024-H1', { token: clerk })));
    expect(after!.review).toMatchObject({ decision: 'accepted', reviewerName: 'Lê Văn Minh' });
    // A token that belongs to no one names no one.
    const [stc] = z.array(SubmissionSummarySchema).parse(await json(await api('/submissions?unit=STC&period=2024-H1', { token: dic })));
    expect(stc!.submitterName).toBeNull();
  });
});
