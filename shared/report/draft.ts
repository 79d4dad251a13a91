/**
 * The periodic report drafted from the consolidation: the administrative form, a sentence per figure
 * group built from the sentences in sentences.ts, the key-indicator table, task progress, filing
 * completeness, and an annex that names the consolidated cell of every figure. Plain data: the .docx
 * writer (docx/) lays it out, tests read it back.
 */
import type { Consolidation } from '../consolidation';
import type { Lang } from '../i18n';
import { formatNumber, formatPercent } from '../numbers/format';
import { periodLabel, type Period } from '../periods';
import { getTemplate, templateCells, templateOf } from '../templates';
import type { IndicatorTemplate } from '../templates/schema';
import { achievementOf } from '../validation/cell-checks';
import { parseTarget } from '../validation/target';
import { cellName } from '../workbook/layout';
import { formatTime, sheetNameFor } from '../workbook/consolidated/common';
import { REPORT_SECTIONS } from '../templates/report-sentences';
import type { Coordinator } from '../registry/coordinator';
import { rankUniverse } from './rank-universe';
import { REPORT_WORDS } from './words';

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

export type Block =
  | { kind: 'heading'; level: 1 | 2; text: string }
  | { kind: 'paragraph'; runs: Run[]; note?: boolean }
  | { kind: 'table'; header: readonly string[]; rows: string[][]; widths: readonly number[] };

/** A number as the report writes it, and where it comes from. */
export interface Figure {
  text: string;
  label: string;
  /** `TH_BM03 · BM03_TT01_KQ`: the consolidated sheet and the cell's name. */
  source: string;
}

export interface ReportDraft {
  lang: Lang;
  head: { superior: string; issuer: string; number: string; nation: string; motto: string; placeDate: string };
  kind: string;
  title: string;
  /** The title as it is set: a phrase a line, the place on its own line. */
  titleLines: readonly string[];
  /** The short rule under the title. */
  rule: string;
  note: string;
  blocks: Block[];
  /** "Trên đây là báo cáo … ./.": the last line of the text, kept with the signature. */
  closingLine: string;
  closing: { recipientsTitle: string; recipients: readonly string[]; signatureTitle: string; signatureHint: string };
  /** The annex that lists every figure with its source. */
  sources: { title: string; intro: string; headers: readonly string[] };
  figures: Figure[];
}

export interface DraftInput {
  province: string;
  period: Period;
  generatedAt: string;
  consolidations: readonly Consolidation[];
  /** The same period a year before, where it was consolidated: each `:change` compares with it. */
  previousYear?: readonly Consolidation[];
  /**
   * The coordinator in force on the day the report is drafted, who issues it; the period's own
   * (`structure.coordinator`) is named in the text where it differs. Without it, the period's issues it.
   */
  issuer?: Coordinator | null;
  lang?: Lang;
  /** The figures are illustrative (the demo): the draft says so where a reader looks first. */
  illustrative?: boolean;
}

/** The source of a consolidated cell, as the workbook names it. */
export function sourceOf(templateId: string, ref: string): string {
  return `${sheetNameFor(templateId)} · ${cellName(templateId, ref)}`;
}

/** A provincial figure written as the report writes it: Vietnamese numbers, shares at two decimals. */
export function writeFigure(value: number | string, measure: string, lang: Lang): string {
  if (typeof value === 'string') return value;
  switch (measure) {
    case 'percent':
      return formatPercent(value, lang, 2);
    case 'count':
      return formatNumber(value, lang, 0);
    case 'score':
      return formatNumber(value, lang, 2);
    case 'index':
      return formatNumber(value, lang, 4);
    default:
      return formatNumber(value, lang);
  }
}

const PLACEHOLDER = /\{([A-Z0-9]+\.[A-Z]+)(?::(unit|change))?\}/g;

export function draftReport(input: DraftInput): ReportDraft {
  const lang = input.lang ?? 'vi';
  const w = REPORT_WORDS[lang];
  const figures: Figure[] = [];
  const seen = new Set<string>();
  const record = (figure: Figure) => {
    const key = `${figure.text}|${figure.source}`;
    if (!seen.has(key)) figures.push(figure);
    seen.add(key);
    return figure.text;
  };
  const byId = new Map(input.consolidations.map((c) => [c.template.id, c]));
  const previousById = new Map((input.previousYear ?? []).map((c) => [c.template.id, c]));
  const coordinator = input.consolidations.find((c) => c.structure.coordinator)?.structure.coordinator;
  // Mid-sentence in Vietnamese: "năm 2024", "quý I năm 2024".
  const label = periodLabel(input.period, lang);
  const periodName = lang === 'vi' ? label.charAt(0).toLocaleLowerCase('vi') + label.slice(1) : label;
  const blocks: Block[] = [];
  const paragraph = (text: string, note = false): Block => ({ kind: 'paragraph', runs: [{ text, ...(note ? { italic: true } : {}) }], ...(note ? { note } : {}) });

  /**
   * "so với cùng kỳ", and what differs in what is compared: the province's structure (with districts
   * then, without now), or the units whose figures make the two totals.
   */
  const comparedWith = (now: Consolidation, then: Consolidation): string => {
    const filed = (x: Consolidation) => new Set(x.units.filter((u) => u.submission).map((u) => u.code));
    const [a, b] = [filed(now), filed(then)];
    const sameUnits = a.size === b.size && [...a].every((code) => b.has(code));
    const structure = now.structure.districts === then.structure.districts ? w.sameTime : then.structure.districts ? w.sameTimeWithDistricts : w.sameTimeOtherStructure;
    return structure + (sameUnits ? '' : w.sameTimeOtherUnits(a.size, b.size));
  };

  /** One placeholder's text, or null when the figure is missing. */
  const resolve = (template: IndicatorTemplate, c: Consolidation, ref: string, modifier: string | undefined): string | null => {
    const info = templateCells(template).get(ref);
    const value = c.total.values[ref];
    if (!info || value === null || value === undefined) return null;
    const measure = info.measure === 'target' ? info.row.measure : info.measure;
    const label = `${template.id} ${info.row.code}: ${info.row.label[lang]}`;
    if (modifier === 'change') {
      const previous = previousById.get(template.id);
      const before = previous?.total.values[ref];
      if (!previous || typeof value !== 'number' || typeof before !== 'number') return null;
      // A rate changes by percentage points of the rate, never by a share of itself.
      const rate = measure === 'percent';
      if (!rate && before === 0) return null;
      const change = rate ? value - before : ((value - before) / before) * 100;
      const amount = rate ? formatNumber(Math.abs(change), lang, 1) : formatPercent(Math.abs(change), lang, 1);
      const written = rate ? w.points(amount) : amount;
      const direction = Math.abs(change) < 0.05 ? w.unchanged : change > 0 ? w.increase(written) : w.decrease(written);
      if (Math.abs(change) >= 0.05)
        record({ text: amount, label: `${label} (${rate ? `${w.pointsLabel}, ` : ''}${w.previousYear(previous.period)})`, source: `${sourceOf(template.id, ref)} (${input.period.code}, ${previous.period})` });
      return `${direction} ${comparedWith(c, previous)}`;
    }
    // An index published from 0 to 1 (BM08 under 405/QĐ-BKHCN) keeps its four decimals.
    let text = record({ text: writeFigure(value, measure === 'score' && (info.row.max ?? Infinity) <= 1 ? 'index' : measure, lang), label, source: sourceOf(template.id, ref) });
    // A rank among the provinces of its scheme's year: 63, or 34 from DTI 2024.
    const universe = measure === 'rank' ? rankUniverse(template, input.period) : null;
    if (universe) text = w.rank(text, universe);
    return modifier === 'unit' ? `${text} ${info.row.unit[lang]}` : text;
  };
  const fill = (sentence: string, template: IndicatorTemplate, c: Consolidation): string | null => {
    const plain = (text: string): string | null => {
      let missing = false;
      const out = text.replace(PLACEHOLDER, (_, ref: string, modifier: string | undefined) => resolve(template, c, ref, modifier) ?? ((missing = true), ''));
      return missing ? null : out;
    };
    return plain(sentence.replace(/\[([^[\]]*)\]/g, (_, part: string) => plain(part) ?? ''));
  };
  const completenessNote = (c: Consolidation): Block | null => {
    const k = c.completeness;
    // Counted by report (a unit's filing of a template), as the summary sheet and the pane count them.
    const open = new Set(k.openWarnings.map((x) => x.unit)).size;
    return k.submitted < k.expected || open > 0 ? paragraph(w.incomplete(k.submitted, k.expected, open), true) : null;
  };

  const issuer = input.issuer ?? coordinator;
  const periodCoordinator = coordinator && issuer && coordinator.code !== issuer.code ? coordinator.name : null;
  blocks.push(paragraph(w.basis(issuer?.name ?? '', formatTime(input.generatedAt), periodCoordinator)));
  blocks.push({ kind: 'heading', level: 1, text: w.partResults });
  // Sections are numbered as they are printed: one left out leaves no gap.
  let section = 0;
  const numbered = (text: string): Block => ({ kind: 'heading', level: 2, text: `${++section}. ${text}` });
  const titleOf = (id: string) => getTemplate(id)?.title[lang] ?? id;

  // Key indicators against their targets (BM01).
  blocks.push(numbered(w.keyIndicators));
  const bm01 = byId.get('BM01');
  const bm01Template = (bm01 ? templateOf(bm01.template) : getTemplate('BM01')) as IndicatorTemplate;
  if (!bm01) blocks.push(paragraph(w.keyNotFiled, true));
  else {
    const rows: string[][] = [];
    for (const row of bm01Template.rows) {
      const mt = bm01.total.values[`${row.code}.MT`];
      const kq = bm01.total.values[`${row.code}.KQ`];
      if (kq === null || kq === undefined) continue;
      const target = mt === null || mt === undefined ? null : parseTarget(mt, row.measure);
      const verdict = target && typeof kq === 'number' ? achievementOf(target, kq) : null;
      const label = `BM01 ${row.code}: ${row.label[lang]}`;
      // How far the result has come towards a numeric target: "đạt 87,5% mục tiêu".
      const ofTarget =
        target && target.value > 0 && typeof kq === 'number'
          ? record({ text: formatPercent((kq / target.value) * 100, lang, 1), label: `${label} (${w.ofTargetLabel})`, source: `${sourceOf('BM01', `${row.code}.KQ`)} / ${cellName('BM01', `${row.code}.MT`)}` })
          : '';
      rows.push([
        row.code,
        row.label[lang],
        mt === null || mt === undefined ? '' : record({ text: writeFigure(mt, row.measure, lang), label: `${label} (MT)`, source: sourceOf('BM01', `${row.code}.MT`) }),
        record({ text: writeFigure(kq, row.measure, lang), label, source: sourceOf('BM01', `${row.code}.KQ`) }),
        ofTarget,
        verdict === null ? '' : verdict === 'achieved' ? w.achieved : w.notAchieved,
      ]);
    }
    if (rows.length === 0) blocks.push(paragraph(w.keyEmpty(bm01.completeness.submitted, bm01.completeness.expected, titleOf('BM01')), true));
    else blocks.push({ kind: 'table', header: w.keyHeaders, rows, widths: [9, 39, 13, 13, 13, 13] });
    const note = rows.length ? completenessNote(bm01) : null;
    if (note) blocks.push(note);
  }

  // Task progress (BM02).
  const bm02 = byId.get('BM02');
  const bm02Template = getTemplate('BM02');
  if (bm02 && bm02Template?.kind === 'list') {
    blocks.push(numbered(w.tasks));
    const counts = bm02.total.statusCounts;
    if (!counts || bm02.completeness.submitted === 0) blocks.push(paragraph(w.noFigures(titleOf('BM02'), bm02.completeness.expected), true));
    else {
      const source = (key: string) => `${sheetNameFor('BM02')} · ${key}`;
      const total = record({ text: formatNumber(counts.total, lang, 0), label: `BM02: ${w.tasksTotal}`, source: source('TONG') });
      const parts = bm02Template.statuses
        .filter((s) => (counts.counts[s.code] ?? 0) > 0)
        .map((s) =>
          w.taskPart(
            record({ text: formatNumber(counts.counts[s.code] ?? 0, lang, 0), label: `BM02: ${s.label[lang]}`, source: source(s.code) }),
            s.label[lang],
            record({ text: formatPercent(counts.shares[s.code] ?? 0, lang, 2), label: `BM02: ${w.taskShare(s.label[lang])}`, source: source(`TL_${s.code}`) }),
          ),
        );
      blocks.push(paragraph(w.tasksSentence(total, parts.join(', '))));
      const note = completenessNote(bm02);
      if (note) blocks.push(note);
    }
  }

  // The sections of sentences, each over its template's provincial figures.
  for (const part of REPORT_SECTIONS) {
    const c = byId.get(part.template);
    const template = c && templateOf(c.template);
    if (!c || template?.kind !== 'indicator') continue;
    blocks.push(numbered(part.heading[lang]));
    if (c.completeness.submitted === 0) {
      blocks.push(paragraph(w.noFigures(template.title[lang], c.completeness.expected), true));
      continue;
    }
    for (const sentence of part.sentences) {
      const text = fill(sentence[lang], template, c);
      if (text) blocks.push(paragraph(text));
    }
    const note = completenessNote(c);
    if (note) blocks.push(note);
  }

  // Who filed, who was late, who is missing.
  blocks.push({ kind: 'heading', level: 1, text: w.partCompleteness });
  blocks.push({
    kind: 'table',
    header: w.completenessHeaders,
    rows: input.consolidations.map((c) => {
      const k = c.completeness;
      return [c.template.title[lang], String(k.expected), String(k.submitted), String(k.onTime), String(k.late.length), String(k.missing.length)];
    }),
    widths: [40, 12, 12, 12, 12, 12],
  });
  for (const c of input.consolidations) {
    const names = new Map(c.units.map((u) => [u.code, u.name]));
    const list = (codes: readonly string[]) => codes.map((code) => names.get(code) ?? code).join(', ');
    const late = c.completeness.late.map((l) => l.unit);
    if (c.completeness.missing.length) blocks.push(paragraph(w.missingUnits(c.template.title[lang], list(c.completeness.missing))));
    if (late.length) blocks.push(paragraph(w.lateUnits(c.template.title[lang], list(late))));
    // Units that ended during the period: their part is counted from shorter filings, or is missing, and says so.
    const covered = c.completeness.coveredParts.map((p) => p.unit);
    if (covered.length) blocks.push(paragraph(w.coveredParts(c.template.title[lang], list(covered))));
    const parts = c.completeness.missingParts.map((p) => p.unit);
    if (parts.length) blocks.push(paragraph(w.missingParts(c.template.title[lang], list(parts))));
  }

  return {
    lang,
    head: {
      superior: w.superior(input.province),
      issuer: (issuer?.name ?? '').toLocaleUpperCase(lang),
      number: w.number(issuer?.code ?? ''),
      nation: w.nation,
      motto: w.motto,
      placeDate: w.placeDate(input.province, Number(input.generatedAt.slice(0, 4))),
    },
    kind: w.kind,
    title: w.title(periodName, input.province).join(' '),
    titleLines: w.title(periodName, input.province),
    rule: w.ruleUnderTitle,
    note: input.illustrative ? `${w.illustrative} ${w.draft}` : w.draft,
    blocks,
    closingLine: w.closingLine(periodName, input.province, issuer?.name ?? ''),
    closing: { recipientsTitle: w.recipientsTitle, recipients: w.recipients, signatureTitle: w.signatureTitle, signatureHint: w.signatureHint },
    sources: { title: w.sourcesTitle, intro: w.sourcesIntro, headers: w.sourcesHeaders },
    figures,
  };
}

