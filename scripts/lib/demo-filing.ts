/**
 * Files the demo reports through the API, as clerks would have on their days: each request carries its
 * filing instant in the training-clock header (the worker follows it where `TRAINING_CLOCK=on`), so the
 * worker's own validation, lateness and storage apply. Period by period, oldest first, so each report
 * is compared with the one before it; within a period several at a time.
 */
import { TRAINING_CLOCK_HEADER } from '../../shared/api/training-clock';
import type { Submission } from '../../shared/submission';
import { explained } from './demo-data';

export interface DemoFiling {
  submission: Submission;
  receivedAt: string;
}

export interface DemoFilingSummary {
  filed: number;
  /** Filed once the warnings the server named were explained. */
  explained: number;
  late: number;
  periods: string[];
  /** What could not be filed, with the server's words (Vietnamese). */
  failed: string[];
}

type Answer = { status: number; body: { issues?: { severity: string; explained?: boolean; cells: string[] }[]; detail?: string; late?: boolean } };

export async function fileDemoReports(origin: string, token: string, filings: readonly DemoFiling[], concurrency = 16): Promise<DemoFilingSummary> {
  const summary: DemoFilingSummary = { filed: 0, explained: 0, late: 0, periods: [], failed: [] };
  const post = async (submission: Submission, receivedAt: string): Promise<Answer> => {
    const r = await fetch(`${origin}/api/v1/submissions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'accept-language': 'vi', [TRAINING_CLOCK_HEADER]: receivedAt },
      body: JSON.stringify(submission),
    });
    return { status: r.status, body: (await r.json().catch(() => ({}))) as Answer['body'] };
  };
  const fileOne = async ({ submission, receivedAt }: DemoFiling) => {
    let answer = await post(submission, receivedAt);
    const issues = answer.body.issues ?? [];
    if (answer.status === 422 && issues.length > 0 && issues.every((i) => i.severity === 'warning')) {
      answer = await post(explained(submission, issues.filter((i) => !i.explained)), receivedAt);
      if (answer.status === 201) summary.explained++;
    }
    if (answer.status === 201) {
      summary.filed++;
      if (answer.body.late) summary.late++;
    } else summary.failed.push(`${submission.template} ${submission.unit} ${submission.period}: ${answer.status} ${answer.body.detail ?? ''}`.trim());
  };

  const periods = [...new Set(filings.map((f) => f.submission.period ?? ''))];
  for (const period of periods) {
    const queue = filings.filter((f) => f.submission.period === period);
    await Promise.all(
      Array.from({ length: Math.min(concurrency, queue.length) }, async () => {
        for (let f = queue.shift(); f; f = queue.shift()) await fileOne(f);
      }),
    );
  }
  summary.periods = periods;
  return summary;
}
