/**
 * The consolidated provincial workbook as plain data: a summary, the provincial figures, one sheet per
 * template, filing status (and by district), warnings not yet accepted, and district figures that
 * differ from their communes. Each sheet holds one table, printed as an annex of the report under its
 * own header on every page. The worker writes it to .xlsx and the add-in into the open workbook (with
 * native charts), from the same model.
 */
import type { WorkbookModel } from '../model';
import { buildMetadataSheet } from '../metadata';
import { completenessSheet } from './completeness-sheet';
import { summarySheet } from './summary-sheet';
import { consolidatedTemplateSheet } from './template-sheet';
import { warningsSheet } from './warnings-sheet';
import { fitColumns, fitWrappedRows, keepSignatureWithTable, type ConsolidatedInput } from './common';
import { SHEET_WORDS } from '../words';
import { TEMPLATES } from '../../templates';
import { sheetNameFor } from './common';
import { SUMMARY_SHEET } from './summary-sheet';
import { COMPLETENESS_SHEET } from './completeness-sheet';
import { WARNINGS_SHEET } from './warnings-sheet';
import { FIGURES_SHEET, figuresSheet } from './figures-sheet';
import { BY_DISTRICT_SHEET, byDistrictSheet } from './by-district-sheet';
import { BY_TEMPLATE_SHEET, byTemplateSheet } from './by-template-sheet';
import { DISTRICT_CHECKS_SHEET, districtChecksSheet } from './district-checks-sheet';

export type { ConsolidatedInput } from './common';
export { sheetNameFor, formatTime, PROVINCE_ROW_CODE } from './common';
export { provinceRowArea } from './template-sheet';
export { SUMMARY_SHEET, COMPLETENESS_SHEET, WARNINGS_SHEET, FIGURES_SHEET, BY_DISTRICT_SHEET, BY_TEMPLATE_SHEET, DISTRICT_CHECKS_SHEET };

/** Every name a consolidated sheet can have, in any language: what a pull replaces, and nothing else. */
export function isConsolidatedSheet(name: string): boolean {
  const fixed = [SUMMARY_SHEET, FIGURES_SHEET, COMPLETENESS_SHEET, BY_TEMPLATE_SHEET, BY_DISTRICT_SHEET, WARNINGS_SHEET, DISTRICT_CHECKS_SHEET].flatMap((names) => Object.values(names));
  return fixed.includes(name) || TEMPLATES.some((t) => sheetNameFor(t.id) === name);
}

export function consolidatedWorkbook(input: ConsolidatedInput): WorkbookModel {
  const lang = input.lang ?? 'vi';
  const summary = summarySheet(input);
  const templates = input.consolidations.map((c) => consolidatedTemplateSheet(c, input));
  const byDistrict = byDistrictSheet(input);
  const byTemplate = byTemplateSheet(input);
  const checks = districtChecksSheet(input);
  const metadata = templates.flatMap((t) => (t.metadata ? [t.metadata] : []));
  const printed = [
    summary.sheet,
    figuresSheet(input),
    ...templates.map((t) => t.sheet),
    completenessSheet(input),
    ...(byTemplate ? [byTemplate.sheet] : []),
    ...(byDistrict ? [byDistrict.sheet] : []),
    warningsSheet(input),
    ...(checks ? [checks] : []),
  ];
  return {
    title: SHEET_WORDS[lang].workbookTitle(input.province, input.period.code),
    sheets: [...printed.map((sheet) => keepSignatureWithTable(fitWrappedRows(fitColumns(sheet)))), buildMetadataSheet(metadata)],
    metadata,
    charts: [...summary.charts, ...(byTemplate?.charts ?? []), ...(byDistrict?.charts ?? [])],
  };
}
