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
import type { ConsolidatedInput } from './common';
import { SHEET_WORDS } from '../words';

export type { ConsolidatedInput } from './common';
export { sheetNameFor, formatTime, PROVINCE_ROW_CODE } from './common';
export { SUMMARY_SHEET } from './summary-sheet';
export { COMPLETENESS_SHEET } from './completeness-sheet';
export { WARNINGS_SHEET } from './warnings-sheet';

export function consolidatedWorkbook(input: ConsolidatedInput): WorkbookModel {
  const lang = input.lang ?? 'vi';
  const summary = summarySheet(input);
  const templates = input.consolidations.map((c) => consolidatedTemplateSheet(c, input));
  const completeness = completenessSheet(input);
  const metadata = templates.flatMap((t) => (t.metadata ? [t.metadata] : []));
  return {
    title: SHEET_WORDS[lang].workbookTitle(input.province, input.period.code),
    sheets: [summary.sheet, ...templates.map((t) => t.sheet), completeness.sheet, warningsSheet(input), buildMetadataSheet(metadata)],
    metadata,
    charts: [...summary.charts, ...completeness.charts],
  };
}
