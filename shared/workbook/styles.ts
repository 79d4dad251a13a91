/** What each semantic style looks like; both sheet writers read this table. */
import type { CellStyle } from './model';

export interface StyleSpec {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
  fill?: string;
  border?: boolean;
  wrap?: boolean;
  horizontal?: 'left' | 'center' | 'right';
  vertical?: 'top' | 'middle';
  indent?: number;
  /** Input cells stay editable when the sheet is protected. */
  locked?: boolean;
}

/** The font of official documents, and the light grid of every bordered cell. */
export const FONT_NAME = 'Times New Roman';
export const FONT_SIZE = 11;
export const BORDER_COLOR = 'BFBFBF';

const FONT_COLOR = '1F1F1F';
const MUTED = '616161';

export const STYLES: Record<CellStyle, StyleSpec> = {
  title: { bold: true, size: 14, color: '0F3D6E', horizontal: 'left' },
  subtitle: { bold: true, size: 11, color: FONT_COLOR },
  meta: { italic: true, size: 9, color: MUTED },
  // The same, wrapped within a narrow merged block (a sheet printed in bands of columns).
  titleWrapped: { bold: true, size: 14, color: '0F3D6E', horizontal: 'left', wrap: true, vertical: 'top' },
  subtitleWrapped: { bold: true, size: 11, color: FONT_COLOR, wrap: true, vertical: 'top' },
  metaWrapped: { italic: true, size: 9, color: MUTED, wrap: true, vertical: 'top' },
  instruction: { italic: true, size: 9, color: MUTED, wrap: false },
  header: { bold: true, fill: 'DCE6F1', border: true, wrap: true, horizontal: 'center', vertical: 'middle' },
  key: { italic: true, size: 8, color: MUTED, fill: 'EEF3F8', border: true, horizontal: 'center' },
  index: { border: true, horizontal: 'center', vertical: 'top', color: MUTED },
  code: { bold: true, border: true, horizontal: 'center', vertical: 'top' },
  label0: { bold: true, border: true, wrap: true, vertical: 'top' },
  label1: { border: true, wrap: true, indent: 1, vertical: 'top' },
  label2: { italic: true, border: true, wrap: true, indent: 2, vertical: 'top' },
  unit: { border: true, horizontal: 'center', vertical: 'top', color: MUTED },
  input: { fill: 'FFF8D6', border: true, horizontal: 'right', vertical: 'top', locked: false },
  inputText: { fill: 'FFF8D6', border: true, wrap: true, vertical: 'top', locked: false },
  derived: { fill: 'F2F2F2', border: true, horizontal: 'right', vertical: 'top', color: '404040' },
  unused: { fill: 'E7E7E7', border: true },
  total: { bold: true, fill: 'E2EFDA', border: true, horizontal: 'right' },
  totalLabel: { bold: true, fill: 'E2EFDA', border: true, wrap: true, vertical: 'top' },
  signature: { bold: true, horizontal: 'center' },
  signatureHint: { italic: true, size: 9, color: MUTED, horizontal: 'center' },
  plain: { border: true, wrap: true, vertical: 'top' },
  good: { border: true, color: '1E6B30', bold: true, horizontal: 'center' },
  bad: { border: true, color: 'A4262C', bold: true, horizontal: 'center', wrap: true },
  group: { bold: true, fill: 'EDEDED', border: true },
  unitName0: { bold: true, border: true, wrap: true, vertical: 'top' },
  unitName1: { border: true, indent: 1, wrap: true, vertical: 'top' },
  value: { border: true, horizontal: 'right' },
  valueBold: { bold: true, border: true, horizontal: 'right' },
  muted: { border: true, color: MUTED, wrap: true, vertical: 'top' },
};

/** Page margins of every printed sheet, in inches (as SpreadsheetML writes them): what the print layout lays rows and columns in. */
export const PRINT_MARGINS = { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } as const;

/** Excel number formats by measure (format codes are locale-independent; Excel shows 1.683 in Vietnamese). */
export const NUMBER_FORMATS = {
  count: '#,##0',
  rank: '0',
  percent: '0.00%',
  money: '#,##0.0##',
  /** Points keep two decimals; an index published from 0 to 1 (BM08 under 405/QĐ-BKHCN) up to four. */
  score: '0.00##',
  text: '@',
  date: 'dd/mm/yyyy',
} as const;
