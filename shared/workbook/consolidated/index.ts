/**
 * The consolidated provincial workbook as plain data: a summary, one sheet per template, filing
 * status and open warnings. The worker writes it to .xlsx and the add-in into the open workbook
 * (with native charts), from the same model.
 */
import type { WorkbookModel } from '../model';
import { buildMetadataSheet } from '../metadata';
import { completenessSheet } from './completeness-sheet';
import { summarySheet } from './summary-sheet';
import { consolidatedTemplateSheet } from './template-sheet';
import { warningsSheet } from './warnings-sheet';
import { fitWrappedRows, type ConsolidatedInput } from './common';
import { SHEET_WORDS } from '../words';
import { TEMPLATES } from '../../templates';
import { sheetNameFor } from './common';
import { SUMMARY_SHEET } from './summary-sheet';
import { COMPLETENESS_SHEET } from './completeness-sheet';
import { WARNINGS_SHEET } from './warnings-sheet';

export type { ConsolidatedInput } from './common';
export { sheetNameFor, formatTime, PROVINCE_ROW_CODE } from './common';
export { SUMMARY_SHEET, COMPLETENESS_SHEET, WARNINGS_SHEET };

/** Every name a consolidated sheet can have, in any language: what a pull replaces, and nothing else. */
export function isConsolidatedSheet(name: string): boolean {
  const fixed = [SUMMARY_SHEET, COMPLETENESS_SHEET, WARNINGS_SHEET].flatMap((names) => Object.values(names));
  return fixed.includes(name) || TEMPLATES.some((t) => sheetNameFor(t.id) === name);
}

export function consolidatedWorkbook(input: ConsolidatedInput): WorkbookModel {
  const lang = input.lang ?? 'vi';
  const summary = summarySheet(input);
  const templates = input.consolidations.map((c) => consolidatedTemplateSheet(c, input));
  const completeness = completenessSheet(input);
  const metadata = templates.flatMap((t) => (t.metadata ? [t.metadata] : []));
  return {
    title: SHEET_WORDS[lang].workbookTitle(input.province, input.period.code),
    sheets: [...[summary.sheet, ...templates.map((t) => t.sheet), completeness.sheet, warningsSheet(input)].map(fitWrappedRows), buildMetadataSheet(metadata)],
    metadata,
    charts: [...summary.charts, ...completeness.charts],
  };
}
