/**
 * What a unit has to file: every template and period due or overdue, with its deadline and state.
 * Computed from the unit's record, the templates' filing rules and the unit's filings, the same way
 * wherever it is shown. A unit that ended files the periods up to its end by the rules of its last day.
 */
import { parsePeriod, periodBefore, periodContaining, type Period, type PeriodKind } from '../periods';
import { filesTemplate, isFiledFor, unitDeadlineFor } from '../templates/filing';
import type { Template } from '../templates/schema';
import { lastDayIn, validDuring, type Unit } from '../registry/units';

export const DUE_STATES = ['returned', 'not_started', 'checked', 'filed', 'accepted'] as const;
export type DueState = (typeof DUE_STATES)[number];

/** What a filing of the unit says about a template and period (the API's submission summary fits). */
export interface FiledSummary {
  id: string;
  template: string;
  period: string;
  revision: number;
  status: 'received' | 'accepted' | 'returned';
  review: { comment: string | null } | null;
}

export interface DueItem {
  template: string;
  period: Period;
  /** Last day to file on time (inclusive). */
  deadline: string;
  state: DueState;
  /** Still to be filed (or filed again) and past its deadline. */
  overdue: boolean;
  /** The latest filing, when there is one. */
  filing: FiledSummary | null;
  /** DIC's comment on a returned report. */
  comment: string | null;
}

export interface DueOptions {
  /** Today (ISO date, Viet Nam). */
  today: string;
  /** `TEMPLATE|PERIOD` of sheets checked on this computer and not filed yet. */
  checked?: ReadonlySet<string>;
  /** How far back from today (or the unit's last day) periods are listed, in years. */
  yearsBack?: number;
}

export const dueKey = (template: string, period: string) => `${template}|${period}`;

/** Every period of `kind` that has begun by `today` and ended on or after `since`, newest first. */
function periodsBetween(kind: PeriodKind, since: string, today: string): Period[] {
  const out: Period[] = [];
  for (let p = periodContaining(kind, today); p.end >= since; p = periodBefore(p)) out.push(p);
  return out;
}

function stateOf(filing: FiledSummary | undefined, checked: boolean): DueState {
  if (!filing) return checked ? 'checked' : 'not_started';
  if (filing.status === 'returned') return 'returned';
  return filing.status === 'accepted' ? 'accepted' : 'filed';
}

const STATE_ORDER: Record<DueState, number> = { returned: 0, not_started: 1, checked: 1, filed: 2, accepted: 3 };

/**
 * The unit's templates and periods: returned reports first, then what is still to file (the oldest
 * deadline first), then what is filed. A template is listed for a period when the unit was in force
 * during it and filed it by the rules of the unit's last day in the period.
 */
export function dueFor(unit: Pick<Unit, 'kind' | 'coordinator' | 'validFrom' | 'validTo'>, templates: readonly Template[], filings: readonly FiledSummary[], options: DueOptions): DueItem[] {
  const { today } = options;
  const reference = unit.validTo !== null && unit.validTo < today ? unit.validTo : today;
  const since = `${Number(reference.slice(0, 4)) - (options.yearsBack ?? 1)}${reference.slice(4)}`;
  const latest = new Map<string, FiledSummary>();
  for (const f of filings) {
    const k = dueKey(f.template, parsePeriod(f.period)?.code ?? f.period);
    const had = latest.get(k);
    if (!had || had.revision < f.revision) latest.set(k, f);
  }
  const items: DueItem[] = [];
  for (const template of templates) {
    for (const kind of template.periodKinds) {
      for (const period of periodsBetween(kind, since, reference)) {
        if (!isFiledFor(template, period) || !validDuring(unit, period.start, period.end)) continue;
        if (!filesTemplate(template, unit, lastDayIn(unit, period))) continue;
        const filing = latest.get(dueKey(template.id, period.code));
        const state = stateOf(filing, options.checked?.has(dueKey(template.id, period.code)) ?? false);
        const toFile = state === 'returned' || state === 'not_started' || state === 'checked';
        // The template's own deadline: the DTI of a year is filed in the next one.
        const deadline = unitDeadlineFor(template, period);
        items.push({
          template: template.id,
          period,
          deadline,
          state,
          overdue: toFile && today > deadline,
          filing: filing ?? null,
          comment: state === 'returned' ? (filing?.review?.comment ?? null) : null,
        });
      }
    }
  }
  return items.sort(
    (a, b) =>
      STATE_ORDER[a.state] - STATE_ORDER[b.state] ||
      (a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : 0) ||
      (a.template < b.template ? -1 : a.template > b.template ? 1 : 0),
  );
}
