/**
 * Training on another day (`demo.html?today=2025-06-10`): every API call carries the day, the page
 * says whether the server files as of it, and where the server does not follow the training clock
 * the page files nothing, since a filing stamped with the real date would be wrong for the day trained.
 */
import { TRAINING_CLOCK_HEADER, trainingInstant } from '../../shared/api/training-clock';
import { formatDateVi } from '../../shared/dates';
import { PROBLEM_MEDIA_TYPE } from '../../shared/api/media';

export type TrainingDay = { day: string } | { invalid: string } | null;

/** The day `?today=` names, refused when it is not a calendar date. */
export function trainingDay(search: string): TrainingDay {
  const value = new URLSearchParams(search).get('today');
  if (value === null || value === '') return null;
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && trainingInstant(value, new Date()) ? { day: value } : { invalid: value.slice(0, 40) };
}

/** Whether the server answers as of `day` (it echoes the header only where its training clock is on). */
export async function serverFollows(day: string, fetcher: typeof fetch, base = '/api/v1'): Promise<boolean> {
  try {
    const r = await fetcher(`${base}/health`, { headers: { [TRAINING_CLOCK_HEADER]: day } });
    return r.headers.get(TRAINING_CLOCK_HEADER) === day;
  } catch {
    return false;
  }
}

/** What the page says about its day: null while the server has not yet answered. */
export function trainingNotice(training: TrainingDay, follows: boolean | null): string {
  if (training === null) return '';
  if ('invalid' in training) return `?today=${training.invalid} không phải một ngày (YYYY-MM-DD, ví dụ ?today=2025-06-10); trang dùng ngày hôm nay.`;
  const day = formatDateVi(training.day);
  if (follows === null) return `Chạy thử ngày ${day}: đang hỏi máy chủ…`;
  if (follows) return `Chạy thử ngày ${day}: báo cáo nộp từ trang này được ghi nhận như nộp vào ngày ${day}.`;
  return `Chạy thử ngày ${day}: máy chủ này không theo ngày chạy thử, nên trang không nộp và không ghi gì (chỉ xem và kiểm tra).`;
}

const WRITE_REFUSED = 'Trang chạy thử không nộp và không ghi gì vì máy chủ này không theo ngày chạy thử: báo cáo sẽ mang ngày thật, không phải ngày đang chạy thử.';

/** A fetch that sends nothing but reads until the server is known to follow the training day. */
export function trainingFetch(inner: typeof fetch, follows: () => Promise<boolean>): typeof fetch {
  return async (input, init) => {
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    if (method === 'GET' || method === 'HEAD' || (await follows())) return inner(input, init);
    const problem = { type: 'urn:chitieu:problem:training', title: 'Chạy thử', status: 409, detail: WRITE_REFUSED, code: 'training_clock_off' };
    return new Response(JSON.stringify(problem), { status: 409, headers: { 'content-type': `${PROBLEM_MEDIA_TYPE}; charset=utf-8` } });
  };
}
