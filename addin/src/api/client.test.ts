/** The pane's calls for closing a period: the requests they make, and answers read through the shared schemas. */
import { describe, expect, it } from 'vitest';
import { ApiClient, ApiError } from './client';

function clientAnswering(status: number, body: unknown) {
  const requests: { url: string; init: RequestInit }[] = [];
  const client = new ApiClient({
    token: () => 'ctk_test',
    lang: () => 'vi',
    fetch: async (url, init) => {
      requests.push({ url: String(url), init: init ?? {} });
      return new Response(JSON.stringify(body), { status, headers: { 'content-type': status < 400 ? 'application/json' : 'application/problem+json' } });
    },
  });
  return { client, requests };
}

const FILE = { sha256: 'a'.repeat(64), bytes: 10 };

describe('closing a period from the pane', () => {
  it('closes with a note and reads the answer', async () => {
    const answer = { period: '2024-H1', version: 2, closedAt: '2026-11-29T03:00:00.000Z', closedBy: 'tok_x', files: { json: FILE, xlsx: FILE, docx: FILE } };
    const { client, requests } = clientAnswering(201, answer);
    expect(await client.closePeriod('2024-H1', 'Gửi UBND tỉnh')).toEqual(answer);
    expect(requests[0]!.url).toBe('/api/v1/periods/2024-H1/close');
    expect(requests[0]!.init.method).toBe('POST');
    expect(JSON.parse(String(requests[0]!.init.body))).toEqual({ note: 'Gửi UBND tỉnh' });
    expect(new Headers(requests[0]!.init.headers).get('authorization')).toBe('Bearer ctk_test');
  });

  it('reopens with a reason, and reads a refusal as the server words it', async () => {
    const { client, requests } = clientAnswering(409, { type: 'urn:chitieu:problem:conflict', title: 'Xung đột', status: 409, detail: 'Kỳ 2024-H1 chưa chốt số liệu (hoặc đã được mở lại).', code: 'period_not_closed' });
    const error = await client.reopenPeriod('2024-H1', 'bổ sung').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).problem?.code).toBe('period_not_closed');
    expect(JSON.parse(String(requests[0]!.init.body))).toEqual({ reason: 'bổ sung' });
  });

  it('reads the state of a period, and refuses an answer of another shape', async () => {
    const state = { period: '2024-H1', closed: false, closing: false, current: null, versions: [] };
    expect(await clientAnswering(200, state).client.periodState('2024-H1')).toEqual(state);
    await expect(clientAnswering(200, { period: '2024-H1' }).client.periodState('2024-H1')).rejects.toThrow(/không đúng định dạng/);
  });
});

describe('a refusal that is not a problem document', () => {
  it('is said plainly in Vietnamese with its status, never as a bare "HTTP 502"', async () => {
    const client = new ApiClient({ token: () => 'ctk_test', lang: () => 'vi', fetch: async () => new Response('<html>Bad gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } }) });
    const error = (await client.me().catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(502);
    expect(error.problem).toBeNull();
    expect(error.message).toMatch(/^Máy chủ chitieu gặp sự cố \(HTTP 502\).*thử lại/);
  });
});
