/**
 * How much of an uploaded spreadsheet is ever looked at. A .xlsx file is a ZIP archive: a few
 * kilobytes can inflate to gigabytes, and one far-away cell can claim a million rows. Every bound
 * is checked before the bytes it guards are inflated or allocated.
 */
import { MAX_UPLOAD_BYTES } from '../shared/api/media';

export const XLSX_LIMITS = {
  /** The file as sent: the API's and the command line's upload limit. */
  compressedBytes: MAX_UPLOAD_BYTES,
  /** Entries in the archive; a chitieu workbook has about fifteen. */
  entries: 500,
  /** One part (a sheet's XML, the shared strings) once inflated. */
  partBytes: 8 * 1024 * 1024,
  /** Every part the reader inflates, together. */
  totalBytes: 16 * 1024 * 1024,
  /** Rows and columns read from a sheet that is not a template (the metadata sheet). */
  metadataArea: { rows: 200, cols: 16 },
  /** Rows and columns read from any sheet, when a whole workbook is read (a consolidated one, by its tests and tools). */
  sheetArea: { rows: 20_000, cols: 256 },
} as const;

export type XlsxLimits = typeof XLSX_LIMITS;
