/** The API from the task pane: same origin, bearer token, responses checked against the shared schemas. */
import type { z } from 'zod';
import {
  ConsolidationSchema,
  MeSchema,
  PeriodConsolidationSchema,
  PeriodStatusSchema,
  FiledPeriodSummarySchema,
  ComparisonSchema,
  UnitSchema,
  ProblemSchema,
  ReceiptSchema,
  ReviewSchema,
  RevisionDetailSchema,
  SubmissionDetailSchema,
  SubmissionSummarySchema,
  TemplateSummarySchema,
  TokenCreatedSchema,
  PeriodClosedSchema,
  PeriodReopenedSchema,
  PeriodStateSchema,
  PeriodChangesSchema,
  type Problem,
} from '../../../shared/api/schemas';
import type { Submission } from '../../../shared/submission';
import type { Lang, Words } from '../../../shared/i18n';
import { z as zod } from 'zod';
import { TRAINING_CLOCK_HEADER } from '../../../shared/api/training-clock';
import { OpenSessionSchema, PeopleImportResultSchema, PersonSchema, SessionsEndedSchema } from '../../../shared/api/identity-schemas';

const UNREACHABLE: Words = {
  vi: 'Không kết nối được máy chủ chitieu. Kiểm tra mạng rồi thử lại.',
  en: 'Cannot reach the chitieu server. Check the network and try again.',
};

/** A refusal that is not the API's problem document (a proxy's error page, a crash): said plainly, with its status. */
const UNEXPLAINED: Record<Lang, (status: number) => string> = {
  vi: (status) => `Máy chủ chitieu gặp sự cố (HTTP ${status}) và không nói rõ lý do. Hãy thử lại sau ít phút; nếu vẫn lỗi, hãy báo cơ quan thường trực.`,
  en: (status) => `The chitieu server failed (HTTP ${status}) without saying why. Try again in a few minutes; if it keeps failing, tell the coordinating department.`,
};

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | null,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface ApiOptions {
  base?: string;
  token: () => string | null;
  lang: () => Lang;
  fetch?: typeof fetch;
  /** Training only: the day every request files as of (the demo's `?today=`); the server follows it where allowed. */
  today?: () => string | null;
  /** Told of every 401 (a session ended, a token revoked) before the call's caller is: the pane signs out. */
  onUnauthorized?: (error: ApiError) => void;
}

export class ApiClient {
  private readonly base: string;
  private readonly doFetch: typeof fetch;

  constructor(private readonly options: ApiOptions) {
    this.base = options.base ?? '/api/v1';
    this.doFetch = options.fetch ?? ((...args) => fetch(...args));
  }

  private async call<S extends z.ZodType>(schema: S | null, path: string, init: RequestInit = {}): Promise<z.output<S>> {
    const response = await this.send(path, init);
    if (schema === null) return undefined as z.output<S>;
    const parsed = schema.safeParse(await response.json());
    if (!parsed.success) throw new ApiError(response.status, null, `Máy chủ trả lời không đúng định dạng (${path}).`);
    return parsed.data;
  }

  /** A request with the token and language; a refusal becomes an ApiError with the server's words. */
  private async send(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    const token = this.options.token();
    if (token) headers.set('authorization', `Bearer ${token}`);
    headers.set('accept-language', this.options.lang());
    const today = this.options.today?.();
    if (today) headers.set(TRAINING_CLOCK_HEADER, today);
    let response: Response;
    try {
      response = await this.doFetch(`${this.base}${path}`, { ...init, headers });
    } catch {
      throw new ApiError(0, null, UNREACHABLE[this.options.lang()]);
    }
    if (!response.ok) {
      let problem: Problem | null = null;
      try {
        const parsed = ProblemSchema.safeParse(await response.json());
        if (parsed.success) problem = parsed.data;
      } catch {
        // not a problem document
      }
      const error = new ApiError(response.status, problem, problem?.detail ?? UNEXPLAINED[this.options.lang()](response.status));
      if (response.status === 401) this.options.onUnauthorized?.(error);
      throw error;
    }
    return response;
  }

  /** The periodic report drafted from a period's consolidated figures, as a Word document. */
  async reportDocx(period: string): Promise<Blob> {
    return (await this.send(`/reports/${encodeURIComponent(period)}.docx?lang=${this.options.lang()}`)).blob();
  }

  me() {
    return this.call(MeSchema, '/me');
  }

  templates() {
    return this.call(zod.array(TemplateSummarySchema), '/templates');
  }

  /** Files a report; with `onlyIfChanged`, content identical to the latest revision is a 409 `submission_unchanged`. */
  submit(submission: Submission, idempotencyKey: string, options: { onlyIfChanged?: boolean } = {}) {
    return this.call(ReceiptSchema, `/submissions${options.onlyIfChanged ? '?onlyIfChanged=true' : ''}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
      body: JSON.stringify(submission),
    });
  }

  /** The unit records in force at some time during a period. */
  units(period: string) {
    return this.call(zod.array(UnitSchema), `/units?period=${encodeURIComponent(period)}`);
  }

  /** The previous period's figures a report of `unit` will be compared with. */
  comparison(template: string, period: string, unit?: string) {
    return this.call(ComparisonSchema, `/comparisons/${encodeURIComponent(template)}/${encodeURIComponent(period)}${unit ? `?unit=${encodeURIComponent(unit)}` : ''}`);
  }

  submissions(filter: { unit?: string; template?: string; period?: string } = {}) {
    const query = new URLSearchParams(Object.entries(filter).filter(([, v]) => v) as [string, string][]);
    return this.call(zod.array(SubmissionSummarySchema), `/submissions${query.size ? `?${query}` : ''}`);
  }

  submission(id: string) {
    return this.call(SubmissionDetailSchema, `/submissions/${encodeURIComponent(id)}`);
  }

  revision(id: string, revision: number) {
    return this.call(RevisionDetailSchema, `/submissions/${encodeURIComponent(id)}/revisions/${revision}`);
  }

  review(id: string, decision: 'accept' | 'return', comment: string | undefined, revision: number) {
    return this.call(ReviewSchema, `/submissions/${encodeURIComponent(id)}/review`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ decision, revision, ...(comment ? { comment } : {}) }),
    });
  }

  consolidation(template: string, period: string) {
    return this.call(ConsolidationSchema, `/consolidations/${template}/${period}`);
  }

  periodConsolidation(period: string) {
    return this.call(PeriodConsolidationSchema, `/consolidations/${period}`);
  }

  /** Periods with filings (a unit's own for a unit token), the one ending latest first. */
  filedPeriods() {
    return this.call(zod.array(FiledPeriodSummarySchema), '/periods');
  }

  periodStatus(period: string) {
    return this.call(PeriodStatusSchema, `/periods/${period}/status`);
  }

  // Closing a period

  /** Whether the period is closed, when and by whom, and every closed version. */
  periodState(period: string) {
    return this.call(PeriodStateSchema, `/periods/${encodeURIComponent(period)}`);
  }

  /** Closes the period (DIC): its consolidation, workbook and report are kept as they are now. */
  closePeriod(period: string, note?: string) {
    return this.call(PeriodClosedSchema, `/periods/${encodeURIComponent(period)}/close`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(note ? { note } : {}),
    });
  }

  /** Reopens a closed period (DIC), with the reason the audit log keeps. */
  reopenPeriod(period: string, reason: string) {
    return this.call(PeriodReopenedSchema, `/periods/${encodeURIComponent(period)}/reopen`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ reason }),
    });
  }

  /** What changed between two closed versions of a period, cell by cell; without `to`, since the `from` close until now. */
  periodChanges(period: string, from: number, to?: number) {
    return this.call(PeriodChangesSchema, `/periods/${encodeURIComponent(period)}/changes?from=${from}${to === undefined ? '' : `&to=${to}`}`);
  }

  createToken(role: 'unit' | 'dic' | 'auditor', unit: string | undefined, label: string | undefined) {
    return this.call(TokenCreatedSchema, '/tokens', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role, ...(unit ? { unit } : {}), ...(label ? { label } : {}) }),
    });
  }

  // identity: people and sessions (DIC)

  people() {
    return this.call(zod.array(PersonSchema), '/people');
  }

  sessions() {
    return this.call(zod.array(OpenSessionSchema), '/sessions');
  }

  endSession(id: string) {
    return this.call(null, `/sessions/${encodeURIComponent(id)}`, { method: 'DELETE' });
  }

  endPersonSessions(personId: string) {
    return this.call(SessionsEndedSchema, `/people/${encodeURIComponent(personId)}/sessions`, { method: 'DELETE' });
  }

  /** Registers people from DIC's CSV file, all or nothing; with `dryRun`, only says what would change. */
  importPeople(csv: string, dryRun: boolean) {
    return this.call(PeopleImportResultSchema, `/people${dryRun ? '?dryRun=true' : ''}`, { method: 'PUT', headers: { 'content-type': 'text/csv' }, body: csv });
  }
}
