/**
 * The seed periods as unit filings that add up to what the province published: 2024-H1 (seed 001
 * §7, §8) and the 2023 budget (seed 000 §12). Each published total is shared out among the units
 * that held it (departments and districts; a commune's figures are inside its district's), in whole
 * numbers, or tenths of a tỷ đồng, that add up exactly. The split itself is illustrative.
 */
import type { Unit } from '../registry/units';
import type { Submission } from '../submission';
import { templateCells, templateFor, versionOf, type IndicatorTemplate } from '../templates';
import { demoSubmission, hashSeed, rng } from './generate';
import { BM03_2024_H1, BM07_2023, plan30Tasks } from './seed-figures';

/** What the province published for 2024-H1 (seed 001 §7, §8); records received are not published, so illustrative. */
export const PUBLISHED_2024_H1 = {
  procedures: 1683,
  resolved: 384_618,
  onTime: 382_982,
  received: 400_000,
  receivedOnline: 120_000,
  documents: 770_509,
  withinProvince: 715_003,
  withOthers: 55_506,
  teams: 1_163,
  members: 7_228,
} as const;

/** Whole numbers in proportion to `weights` that add up to `total` exactly (largest remainder). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (weights.length === 0) return [];
  const exact = weights.map((w) => (sum > 0 ? (total * w) / sum : total / weights.length));
  const out = exact.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    out[i]!++;
    left--;
  }
  return out;
}

/** A stable weight for a unit's share of a published figure. */
function weight(unit: Unit, key: string): number {
  const scale = unit.kind === 'department' ? 1 : unit.kind === 'district' ? 1.4 : 0.1;
  return scale * (0.5 + rng(hashSeed(`${key}|${unit.code}`))());
}

/** Tenths of a tỷ đồng as a number of tỷ đồng (409,8 from 4098). */
const tenths = (n: number) => n / 10;

/** The catalogue cells of a template: filed by the body that keeps it alone. */
function catalogueRefs(template: IndicatorTemplate): string[] {
  return [...templateCells(template).values()].filter((c) => c.row.aggregation === 'catalogue').map((c) => c.ref);
}

/** 2024-H1: every unit files BM03, BM04 and BM06, and their figures add up to what the province published. */
function firstHalf2024(units: readonly Unit[]): Submission[] {
  const period = '2024-H1';
  const top = units.filter((u) => u.kind !== 'commune' || !u.parent);
  const districts = units.filter((u) => u.kind === 'district');
  const share = (total: number, among: readonly Unit[], key: string) => new Map(among.map((u, i) => [u.code, apportion(total, among.map((x) => weight(x, key)))[i]!]));
  // Parts are shared in proportion to their whole, so no unit's part exceeds its whole.
  const within = (total: number, wholes: Map<string, number>) => {
    const codes = [...wholes.keys()];
    const parts = apportion(total, codes.map((c) => wholes.get(c)!));
    return new Map(codes.map((c, i) => [c, parts[i]!]));
  };
  const resolved = share(PUBLISHED_2024_H1.resolved, top, 'HS03');
  const onTime = within(PUBLISHED_2024_H1.onTime, resolved);
  const received = share(PUBLISHED_2024_H1.received, top, 'HS01');
  const online = within(PUBLISHED_2024_H1.receivedOnline, received);
  const documents = share(PUBLISHED_2024_H1.documents, top, 'VB01');
  const withOthers = within(PUBLISHED_2024_H1.withOthers, documents);
  const teams = share(PUBLISHED_2024_H1.teams, districts, 'XH01');
  const members = within(PUBLISHED_2024_H1.members, teams);

  const bm03 = templateFor('BM03', period) as IndicatorTemplate;
  const out: Submission[] = [];
  for (const unit of units) {
    const isTop = resolved.has(unit.code);
    const generated = (id: string) => demoSubmission(id, unit, period);
    // Records each unit handled; a commune's are inside its district's, so its own generated figures stand.
    const records = generated('BM03');
    const values = { ...records.values };
    if (isTop) {
      Object.assign(values, { 'HS01.KQ': received.get(unit.code)!, 'HS02.KQ': online.get(unit.code)!, 'HS03.KQ': resolved.get(unit.code)!, 'HS04.KQ': onTime.get(unit.code)! });
      for (const ref of ['HS05.KQ', 'HS05A.KQ', 'HS05B.KQ', 'HS05C.KQ']) delete values[ref];
    }
    for (const ref of catalogueRefs(bm03)) delete values[ref];
    // The catalogue as published, from the body that keeps it.
    if (unit.catalogue) Object.assign(values, BM03_2024_H1.values, { 'HS01.KQ': values['HS01.KQ'], 'HS02.KQ': values['HS02.KQ'], 'HS03.KQ': values['HS03.KQ'], 'HS04.KQ': values['HS04.KQ'] });
    out.push({ ...records, values: withoutShares(bm03, values) });

    const docs = generated('BM04');
    if (isTop) {
      const total = documents.get(unit.code)!;
      const outside = withOthers.get(unit.code)!;
      docs.values = { ...docs.values, 'VB01.KQ': total, 'VB02.KQ': total - outside, 'VB03.KQ': outside, 'VB04.KQ': Math.floor(total * 0.96) };
    }
    out.push(docs);

    if (unit.kind !== 'department') {
      const society = generated('BM06');
      if (teams.has(unit.code)) society.values = { ...society.values, 'XH01.KQ': teams.get(unit.code)!, 'XH02.KQ': members.get(unit.code)! };
      out.push(society);
    }
  }
  const coordinator = units.find((u) => u.coordinator);
  if (coordinator) out.push({ template: 'BM02', version: versionOf('BM02'), unit: coordinator.code, period, rows: plan30Tasks() });
  return out;
}

/** Shares of records are left to the template's formulas; the catalogue's shares stay as published (40%, 44,7%). */
function withoutShares(template: IndicatorTemplate, values: Record<string, number | string | null>): Record<string, number | string> {
  const catalogue = new Set(catalogueRefs(template));
  const out: Record<string, number | string> = {};
  for (const [ref, v] of Object.entries(values)) {
    const row = template.rows.find((r) => `${r.code}.KQ` === ref);
    if (v === null || (row?.share && !catalogue.has(row.share.denominator))) continue;
    out[ref] = v;
  }
  return out;
}

/**
 * 2023: the budget of 409,8 tỷ đồng (seed 000 §12) shared among the departments and districts, each
 * of its eight parts in tenths of a tỷ đồng, so every unit's total is the sum of its parts.
 */
function budget2023(units: readonly Unit[]): Submission[] {
  const filers = units.filter((u) => u.kind !== 'commune');
  const parts = ['KP01', 'KP02', 'KP03', 'KP04', 'KP05', 'KP06', 'KP07', 'KP08'];
  const shares = parts.map((p) => {
    const total = Math.round(Number(String(BM07_2023.values![`${p}.KQ`]).replace(',', '.')) * 10);
    return apportion(total, filers.map((u) => weight(u, p)));
  });
  return filers.map((unit, i) => {
    const values: Record<string, number> = {};
    let sum = 0;
    parts.forEach((p, j) => {
      values[`${p}.KQ`] = tenths(shares[j]![i]!);
      sum += shares[j]![i]!;
    });
    values['KP09.KQ'] = tenths(sum);
    return { template: 'BM07', version: versionOf('BM07'), unit: unit.code, period: '2023', values };
  });
}

/** Every filing of the seed periods, from the units in force at each period's end. */
export function seedPeriodFilings(registry: readonly Unit[]): Submission[] {
  const at = (day: string) => registry.filter((u) => u.validFrom <= day && (u.validTo === null || u.validTo >= day) && !u.province);
  return [...firstHalf2024(at('2024-06-30')), ...budget2023(at('2023-12-31'))];
}
