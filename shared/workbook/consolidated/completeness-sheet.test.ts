/**
 * The filing status sheet names who filed and who reviewed each report. Names are people's own text:
 * written as text whatever they begin with, and read back as text by exceljs and openpyxl.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { writeWorkbook } from '../../../xlsx/write';
import { openpyxl } from '../../../test/openpyxl';
import { demoProvinceConsolidations } from '../../demo/province';
import { parsePeriod } from '../../periods';
import { getTemplate } from '../../templates';
import { SHEET_WORDS } from '../words';
import { COMPLETENESS_SHEET, consolidatedWorkbook } from './index';

const HOSTILE = ['=1+2', '+84 Nguyễn Thị Hoa', '-Trần Văn Nam', '@SUM(A1:A2)', '=HYPERLINK("http://example.invalid","x")'];

function workbook(): { bytes: Uint8Array; filed: { unit: string; filer: string; reviewer: string | null }[] } {
  const [c] = demoProvinceConsolidations('2024', [getTemplate('BM03')!], 20);
  const filed: { unit: string; filer: string; reviewer: string | null }[] = [];
  let i = 0;
  const units = c!.units.map((u) => {
    if (!u.submission) return u;
    const filer = HOSTILE[i % HOSTILE.length]!;
    const reviewer = i % 2 === 0 ? HOSTILE[(i + 1) % HOSTILE.length]! : null;
    i++;
    filed.push({ unit: u.code, filer, reviewer });
    return { ...u, submission: { ...u.submission, submitterName: filer, reviewerName: reviewer } };
  });
  const model = consolidatedWorkbook({ province: 'Đắk Lắk', period: parsePeriod('2024')!, generatedAt: '2024-12-31T00:00:00Z', engineVersion: '1.0.0', consolidations: [{ ...c!, units }] });
  return { bytes: writeWorkbook(model), filed };
}

describe('who filed and who reviewed, on the filing status sheet', () => {
  const { bytes, filed } = workbook();
  const headers = SHEET_WORDS.vi.completenessHeaders;
  const filerCol = headers.indexOf('Người nộp') + 1;
  const reviewerCol = headers.indexOf('Người duyệt') + 1;

  it('has its columns, side by side', () => {
    expect(filerCol).toBeGreaterThan(0);
    expect(reviewerCol).toBe(filerCol + 1);
    expect(filed.length).toBeGreaterThan(HOSTILE.length);
  });

  it('reads back as text in exceljs, with no formula anywhere on the sheet', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const sheet = book.getWorksheet(COMPLETENESS_SHEET.vi)!;
    let formulas = 0;
    const byUnit = new Map<string, [unknown, unknown]>();
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula) formulas++;
      });
      const code = row.getCell(2).value;
      if (typeof row.getCell(1).value === 'number') byUnit.set(String(code), [row.getCell(filerCol).value, row.getCell(reviewerCol).value]);
    });
    expect(formulas).toBe(0);
    for (const f of filed) expect(byUnit.get(f.unit), f.unit).toEqual([f.filer, f.reviewer ?? '']);
  });

  it('reads back as text in openpyxl', () => {
    const read = openpyxl<Record<string, [unknown, unknown, string, string]>>(
      bytes,
      `ws = wb[${JSON.stringify(COMPLETENESS_SHEET.vi)}]
out = {}
for row in ws.iter_rows():
    if isinstance(row[0].value, int):
        a, b = row[${filerCol - 1}], row[${reviewerCol - 1}]
        out[row[1].value] = [a.value, b.value, a.data_type, b.data_type]
print(json.dumps(out))`,
    );
    for (const f of filed) {
      const [filer, reviewer, filerType, reviewerType] = read[f.unit]!;
      expect(filer, f.unit).toBe(f.filer);
      expect(filerType).toBe('s');
      expect(reviewer || null).toBe(f.reviewer);
      if (f.reviewer) expect(reviewerType).toBe('s');
    }
  });
});
