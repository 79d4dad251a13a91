import { describe, expect, it } from 'vitest';
import { ApiClient, ApiError } from '../src/api/client';
import { TRAINING_CLOCK_HEADER } from '../../shared/api/training-clock';
import { versionOf } from '../../shared/templates';
import { trainingDay, trainingFetch, trainingNotice } from './training';

describe('the demo page on another day', () => {
  it('reads ?today= as a calendar date, or says it is not one', () => {
    expect(trainingDay('?today=2025-06-10')).toEqual({ day: '2025-06-10' });
    expect(trainingDay('?lang=en')).toBeNull();
    expect(trainingDay('?today=2025-02-30')).toEqual({ invalid: '2025-02-30' });
    expect(trainingDay('?today=2025-06-10T08:00Z')).toEqual({ invalid: '2025-06-10T08:00Z' });
    expect(trainingNotice(trainingDay('?today=10/06/2025'), false)).toContain('không phải một ngày');
  });

  it('says whether it files as of that day', () => {
    const day = trainingDay('?today=2025-06-10');
    expect(trainingNotice(day, true)).toBe('Chạy thử ngày 10/06/2025: báo cáo nộp từ trang này được ghi nhận như nộp vào ngày 10/06/2025.');
    expect(trainingNotice(day, false)).toContain('không nộp');
    expect(trainingNotice(null, true)).toBe('');
  });

  it('sends the day with every call, and files only where the server follows it', async () => {
    const sent: { method: string; day: string | null }[] = [];
    const server: typeof fetch = async (input, init) => {
      sent.push({ method: init?.method ?? 'GET', day: new Headers(init?.headers).get(TRAINING_CLOCK_HEADER) });
      return new Response(JSON.stringify({}), { status: 500 });
    };
    let follows = false;
    const api = new ApiClient({ token: () => 'ctk_x', lang: () => 'vi', today: () => '2025-06-10', fetch: trainingFetch(server, async () => follows) });
    const filing = { template: 'BM03', version: versionOf('BM03'), unit: 'PHUOCAN', period: '2025-Q2', values: { 'HS01.KQ': 1 } };

    const refused = await api.submit(filing, 'k1').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).message).toContain('không theo ngày chạy thử');
    expect(sent).toEqual([]);

    await api.me().catch(() => undefined);
    follows = true;
    await api.submit(filing, 'k2').catch(() => undefined);
    expect(sent).toEqual([
      { method: 'GET', day: '2025-06-10' },
      { method: 'POST', day: '2025-06-10' },
    ]);
  });
});
