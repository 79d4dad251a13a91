/** Reads an .xlsx file into plain grids, defined names and template metadata (shared/workbook). */
import ExcelJS from 'exceljs';
import { METADATA_SHEET, parseMetadata, parseSheetAddress, type NameRef, type RawValue, type SheetGrid, type SheetMetadata } from '../shared/workbook';
import { isoToExcelSerial } from '../shared/dates';

export interface WorkbookContents {
  sheets: SheetGrid[];
  names: NameRef[];
  metadata: SheetMetadata[];
}

export class WorkbookReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkbookReadError';
  }
}

/** What Excel shows in a cell: a formula's result, a rich text's text, a date as its serial number. */
function plain(value: ExcelJS.CellValue): RawValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return isoToExcelSerial(value.toISOString().slice(0, 10)) + (value.getTime() % 86_400_000) / 86_400_000;
  if (typeof value === 'object') {
    if ('result' in value) return plain((value as { result?: ExcelJS.CellValue }).result ?? null);
    if ('formula' in value || 'sharedFormula' in value) return null;
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('text' in value) return String((value as { text: unknown }).text);
    if ('error' in value) return String((value as { error: unknown }).error);
  }
  return null;
}

export async function readWorkbook(bytes: Uint8Array): Promise<WorkbookContents> {
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw new WorkbookReadError('Tệp không phải là bảng tính .xlsx (thiếu chữ ký ZIP).');
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch (e) {
    throw new WorkbookReadError(`Không đọc được tệp .xlsx: tệp bị hỏng hoặc không phải bảng tính Excel (${(e as Error).message}).`);
  }

  const sheets: SheetGrid[] = [];
  let metadataValues: RawValue[][] | undefined;
  workbook.eachSheet((ws) => {
    const values: RawValue[][] = [];
    const rowCount = ws.rowCount;
    const colCount = ws.columnCount;
    for (let r = 1; r <= rowCount; r++) {
      const row = ws.getRow(r);
      const line: RawValue[] = [];
      for (let c = 1; c <= colCount; c++) {
        const cell = row.getCell(c);
        // Merged cells repeat the master's value in exceljs; only the master holds it.
        line.push(cell.isMerged && cell.master !== cell ? null : plain(cell.value));
      }
      values.push(line);
    }
    if (ws.name === METADATA_SHEET) metadataValues = values;
    else sheets.push({ sheet: ws.name, values });
  });

  const names: NameRef[] = [];
  for (const entry of workbook.definedNames.model as { name: string; ranges: string[] }[]) {
    const first = entry.ranges[0];
    const at = first ? parseSheetAddress(first) : undefined;
    if (at) names.push({ name: entry.name, ...at });
  }
  return { sheets, names, metadata: metadataValues ? parseMetadata(metadataValues) : [] };
}
