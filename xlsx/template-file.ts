/** Blank template workbooks out, filled ones in: the .xlsx side of a template. */
import { getTemplate, type Template } from '../shared/templates';
import { buildTemplateWorkbook, readTemplateGrid, type ReadResult, type SheetMetadata, type TemplateSheetOptions } from '../shared/workbook';
import { readWorkbook, WorkbookReadError } from './read';
import { writeWorkbook } from './write';

export { WorkbookReadError };

export function writeTemplateFile(template: Template, options: TemplateSheetOptions = {}): Promise<Uint8Array> {
  return writeWorkbook(buildTemplateWorkbook(template, options));
}

export interface TemplateSheet {
  template: Template;
  metadata: SheetMetadata;
  read: ReadResult;
}

/**
 * Every template sheet of a filled workbook. A workbook that does not say which template
 * and version it holds, or holds another version, is refused: reading it with shifted rows
 * would put figures in the wrong cells.
 */
export async function readTemplateFile(bytes: Uint8Array): Promise<TemplateSheet[]> {
  const contents = await readWorkbook(bytes);
  if (contents.metadata.length === 0) {
    throw new WorkbookReadError(
      'Bảng tính không mang thông tin mẫu báo cáo (mã mẫu, phiên bản). Hãy lập báo cáo từ mẫu do chitieu tạo ra (chitieu template …).',
    );
  }
  const out: TemplateSheet[] = [];
  for (const metadata of contents.metadata) {
    const template = getTemplate(metadata.template);
    if (!template) throw new WorkbookReadError(`Bảng tính ghi mẫu "${metadata.template}", không có trong danh mục mẫu.`);
    if (metadata.version !== template.version) {
      throw new WorkbookReadError(
        `Trang "${metadata.sheet}" lập theo mẫu ${template.id} phiên bản ${metadata.version}, nhưng phiên bản hiện hành là ${template.version}. Hãy tải mẫu mới và chép số liệu sang.`,
      );
    }
    const sheet = contents.sheets.find((s) => s.sheet === metadata.sheet);
    if (!sheet) throw new WorkbookReadError(`Không tìm thấy trang "${metadata.sheet}" của mẫu ${template.id} trong bảng tính.`);
    out.push({ template, metadata, read: readTemplateGrid(template, sheet, { names: contents.names, metadata }) });
  }
  return out;
}
