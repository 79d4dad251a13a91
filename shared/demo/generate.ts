/**
 * Plausible, valid submissions for any unit, template and period, deterministic for a seed.
 * They fill a demo province, the benches and the load tests.
 */
import type { Submission, ListRow } from '../submission';
import { roundTo } from '../numbers/decimal';
import { parsePeriod } from '../periods';
import { on, PROVINCE_COUNT } from '../settings';
import { templateCells, templateFor, type IndicatorTemplate, type UnitKind } from '../templates';
import type { DemoUnit } from './registry';

/** mulberry32: small, fast, good enough for demo figures. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function hashSeed(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

const SCALE: Record<UnitKind, number> = { department: 1, district: 0.6, commune: 0.08 };

type Values = Record<string, number | string>;
type Gen = (r: () => number, kind: UnitKind, year: number, template: IndicatorTemplate) => Values;

const int = (r: () => number, min: number, max: number) => Math.floor(min + r() * (max - min + 1));
const part = (r: () => number, whole: number, lo = 0.5, hi = 1) => Math.floor(whole * (lo + r() * (hi - lo)));

const GENERATORS: Record<string, Gen> = {
  BM01: (r) => {
    const v: Values = {};
    for (const code of ['CT02', 'CT03', 'CT05A', 'CT08A', 'CT13', 'CT20', 'CT21', 'CT22']) {
      const ms = int(r, 100, 5000);
      const ts = part(r, ms, 0.4, 1);
      v[`${code}.MT`] = 100;
      v[`${code}.TS`] = ts;
      v[`${code}.MS`] = ms;
      v[`${code}.KQ`] = roundTo((ts / ms) * 100, 2);
    }
    v['CT07.MT'] = 90;
    v['CT07.KQ'] = roundTo(70 + r() * 25, 2);
    return v;
  },
  BM03: (r, kind, _year, template) => {
    const s = SCALE[kind];
    const tt02 = int(r, 50, 700 * s + 50);
    const tt03 = int(r, 50, 800 * s + 50);
    const tt04 = int(r, 10, 250 * s + 10);
    const tt06 = part(r, tt02, 0.2, 0.5);
    const tt07 = part(r, tt03, 0.2, 0.5);
    const tt08 = part(r, tt04, 0.1, 0.5);
    const hs01 = int(r, 1000, 400_000 * s + 1000);
    const hs03 = part(r, hs01, 0.8, 1);
    const hs05a = part(r, hs01, 0.1, 0.3);
    // Drawn in every version, so the figures of a period do not depend on which rows its version has.
    const drawnHs05b = part(r, hs01, 0.05, 0.2);
    const hs05c = part(r, hs01, 0.1, 0.3);
    const has = (code: string) => template.rows.some((row) => row.code === code);
    // No digitisation at district level once there are no districts (HS05B ends on 1 July 2025).
    const hs05b = has('HS05B') ? drawnHs05b : 0;
    const tt01 = tt02 + tt03 + tt04;
    const v: Values = {
      'TT01.KQ': tt01,
      'TT02.KQ': tt02,
      'TT03.KQ': tt03,
      'TT04.KQ': tt04,
      'TT05.KQ': tt06 + tt07 + tt08,
      'TT06.KQ': tt06,
      'TT07.KQ': tt07,
      'TT08.KQ': tt08,
      'TT09.KQ': part(r, tt07, 0.5, 0.9),
      'HS01.KQ': hs01,
      'HS02.KQ': part(r, hs01, 0.1, 0.4),
      'HS03.KQ': hs03,
      'HS04.KQ': part(r, hs03, 0.95, 1),
      'HS05.KQ': hs05a + hs05b + hs05c,
      'HS05A.KQ': hs05a,
      'HS05B.KQ': hs05b,
      'HS05C.KQ': hs05c,
    };
    // The catalogue by level, where the version counts it so (tỉnh and xã from 1 July 2025): most procedures are the province's.
    if (has('TT01A') && has('TT01C')) {
      v['TT01C.KQ'] = part(r, tt01, 0.1, 0.2);
      v['TT01A.KQ'] = tt01 - (v['TT01C.KQ'] as number);
    }
    return v;
  },
  BM04: (r, kind) => {
    const s = SCALE[kind];
    const vb02 = int(r, 1000, 700_000 * s + 1000);
    const vb03 = part(r, vb02, 0.03, 0.1);
    const v: Values = { 'VB01.KQ': vb02 + vb03, 'VB02.KQ': vb02, 'VB03.KQ': vb03, 'VB04.KQ': part(r, vb02 + vb03, 0.9, 1) };
    const hc = kind === 'department' ? 'HC01' : kind === 'district' ? 'HC02' : 'HC03';
    const ms = int(r, 200, 20_000 * s + 200);
    const ts = part(r, ms, 0.3, 1);
    v[`${hc}.TS`] = ts;
    v[`${hc}.MS`] = ms;
    v[`${hc}.KQ`] = roundTo((ts / ms) * 100, 2);
    return v;
  },
  BM05: (r, kind) => {
    const s = SCALE[kind];
    const at01 = int(r, 1, 10 * s + 1);
    const at03 = int(r, 0, 2);
    const at06 = int(r, 0, 20 * s);
    const at08 = int(r, 1, 6);
    return {
      'AT01.KQ': at01,
      'AT02.KQ': part(r, at01, 0.5, 1),
      'AT03.KQ': at03,
      'AT04.KQ': part(r, at03, 0.5, 1),
      'AT05.KQ': int(r, 20, 600 * s + 20),
      'AT06.KQ': at06,
      'AT07.KQ': part(r, at06, 0.8, 1),
      'AT08.KQ': at08,
      'AT09.KQ': part(r, at08, 0.5, 1),
    };
  },
  BM06: (r, kind) => {
    const s = kind === 'department' ? 0.6 : SCALE[kind];
    const nl01 = int(r, 1, 30 * s + 1);
    const xh01 = int(r, 5, 150 * s + 5);
    return {
      'NL01.KQ': nl01,
      'NL02.KQ': nl01 * int(r, 20, 60),
      'XH01.KQ': xh01,
      'XH02.KQ': xh01 * int(r, 4, 8),
      'XH03.KQ': int(r, 500, 30_000 * s + 500),
      'XH04.KQ': int(r, 500, 40_000 * s + 500),
      'XH05.KQ': int(r, 0, 150 * s),
      'XH06.KQ': int(r, 100, 30_000 * s + 100),
      'XH07.KQ': int(r, 500, 120_000 * s + 500),
    };
  },
  BM07: (r, kind) => {
    const s = SCALE[kind];
    const parts = Array.from({ length: 6 }, () => roundTo(r() * 20 * s + 0.1, 1));
    const spent = parts.reduce((a, b) => roundTo(a + b, 1), 0);
    // Information security at 10–15% of the total, as seed 004 §III.5 asks.
    const security = roundTo(spent * (0.12 + r() * 0.06), 1);
    const kp07 = roundTo(security * 0.4, 1);
    const kp08 = roundTo(security - kp07, 1);
    const v: Values = {};
    [...parts, kp07, kp08].forEach((x, i) => (v[`KP0${i + 1}.KQ`] = x));
    v['KP09.KQ'] = roundTo(spent + kp07 + kp08, 1);
    return v;
  },
  BM08: (r, _kind, year, template) => {
    // Ranks among the provinces the version's DTI year is ranked among (63, or 34 from DTI 2024).
    const provinces = template.rankAmong ?? on(PROVINCE_COUNT, `${year}-12-31`);
    // Points with two decimals (922/QĐ-BTTTT), or values from 0 to 1 with four (405/QĐ-BKHCN).
    const pillars = template.rows.filter((row) => row.code !== 'DT');
    const v: Values = {};
    let total = 0;
    for (const row of pillars) {
      const max = row.max ?? 1;
      const score = roundTo(max * (0.3 + r() * 0.5), max <= 1 ? 4 : 2);
      total = roundTo(total + score, 2);
      v[`${row.code}.KQ`] = score;
      v[`${row.code}.XH`] = int(r, 1, provinces);
    }
    // The 2022 scheme's total is the sum of its pillars; the 405 index is the Ministry's weighted combination.
    v['DT.KQ'] = template.rules.some((rule) => rule.id === 'DT.TONG') ? total : roundTo(0.3 + r() * 0.5, 4);
    v['DT.XH'] = int(r, 1, provinces);
    return v;
  },
};

const STATUS_LABELS = ['Hoàn thành', 'Thường xuyên', 'Đang thực hiện', 'Chưa thực hiện'];

function taskRows(r: () => number, unit: DemoUnit, year: number): ListRow[] {
  const n = int(r, 3, 12);
  return Array.from({ length: n }, (_, i) => {
    const status = STATUS_LABELS[Math.min(3, Math.floor(r() * r() * 4))]!;
    return {
      MA: `${unit.code}-${String(i + 1).padStart(2, '0')}`,
      ND: `Nhiệm vụ chuyển đổi số số ${i + 1} của ${unit.name}`,
      DV: unit.name,
      // Unfinished tasks fall due after the period, so a demo report has no overdue task to explain.
      TH: status === 'Thường xuyên' ? 'Thường xuyên' : status === 'Hoàn thành' ? `30/06/${year}` : `30/06/${year + 1}`,
      TT: status,
      KQ: null,
    };
  });
}

/** A valid submission of `templateId` for `unit` in `period`, the same every time for the same inputs. */
export function demoSubmission(templateId: string, unit: DemoUnit, period: string, salt = ''): Submission {
  const parsed = parsePeriod(period);
  // The version in force for the period.
  const template = parsed && templateFor(templateId, parsed);
  if (!template || !parsed) throw new Error(`demoSubmission: unknown template ${templateId} or period ${period}`);
  const r = rng(hashSeed(`${templateId}|${unit.code}|${period}|${salt}`));
  const base = { template: template.id, version: template.version, unit: unit.code, period: parsed.code };
  if (template.kind === 'list') return { ...base, rows: taskRows(r, unit, parsed.year) };
  const cells = templateCells(template);
  // Only the cells the period's version has (a district's row ends with the districts).
  const values = Object.fromEntries(Object.entries(GENERATORS[template.id]!(r, unit.kind, parsed.year, template)).filter(([ref]) => cells.has(ref)));
  // The catalogue is the province's, filed by the body that keeps it; every other unit files the records it handled.
  if (!unit.catalogue) for (const row of template.rows) if (row.aggregation === 'catalogue') for (const key of row.columns) delete values[`${row.code}.${key}`];
  return { ...base, values };
}
