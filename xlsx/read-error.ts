/** Why a spreadsheet file could not be read: a code with its facts, worded late in the reader's language. */
import type { Lang } from '../shared/i18n';

type Params = Record<string, string | number>;

const MB = (bytes: number | string) => `${Math.round(Number(bytes) / (1024 * 1024))} MB`;

const MESSAGES = {
  not_xlsx: {
    vi: () => 'Tệp không phải là bảng tính .xlsx (thiếu chữ ký ZIP).',
    en: () => 'The file is not an .xlsx workbook (no ZIP signature).',
  },
  file_too_large: {
    vi: (p: Params) => `Tệp .xlsx lớn hơn ${MB(p.limit!)}.`,
    en: (p: Params) => `The .xlsx file is larger than ${MB(p.limit!)}.`,
  },
  corrupt: {
    vi: (p: Params) => `Tệp .xlsx bị hỏng (${p.reason}). Hãy mở bằng Excel, lưu lại rồi gửi lại.`,
    en: (p: Params) => `The .xlsx file is damaged (${p.reason}). Open it in Excel, save it and send it again.`,
  },
  encrypted: {
    vi: () => 'Tệp .xlsx có mật khẩu hoặc được mã hóa; hãy gỡ mật khẩu rồi gửi lại.',
    en: () => 'The .xlsx file is password-protected or encrypted; remove the password and send it again.',
  },
  too_many_parts: {
    vi: (p: Params) => `Tệp .xlsx có quá nhiều thành phần (hơn ${p.limit}).`,
    en: (p: Params) => `The .xlsx file has too many parts (more than ${p.limit}).`,
  },
  part_too_large: {
    vi: (p: Params) => `Thành phần "${p.part}" của tệp .xlsx khi giải nén lớn hơn ${MB(p.limit!)}.`,
    en: (p: Params) => `Part "${p.part}" of the .xlsx file inflates to more than ${MB(p.limit!)}.`,
  },
  total_too_large: {
    vi: (p: Params) => `Tệp .xlsx khi giải nén lớn hơn ${MB(p.limit!)}.`,
    en: (p: Params) => `The .xlsx file inflates to more than ${MB(p.limit!)}.`,
  },
  malformed_xml: {
    vi: (p: Params) => `Thành phần "${p.part}" của tệp .xlsx không đọc được (${p.reason}).`,
    en: (p: Params) => `Part "${p.part}" of the .xlsx file cannot be read (${p.reason}).`,
  },
  no_metadata: {
    vi: () => 'Bảng tính không mang thông tin mẫu báo cáo (mã mẫu, phiên bản). Hãy lập báo cáo từ mẫu do chitieu tạo ra (chitieu template …).',
    en: () => 'The workbook carries no template information (template code, version). Fill a template made by chitieu (chitieu template …).',
  },
  template_unknown: {
    vi: (p: Params) => `Bảng tính ghi mẫu "${p.template}", không có trong danh mục mẫu.`,
    en: (p: Params) => `The workbook names template "${p.template}", which is not in the catalogue.`,
  },
  version_mismatch: {
    vi: (p: Params) =>
      `Trang "${p.sheet}" lập theo mẫu ${p.template} phiên bản ${p.version}, nhưng phiên bản hiện hành là ${p.current}. Hãy tải mẫu mới và chép số liệu sang.`,
    en: (p: Params) =>
      `Sheet "${p.sheet}" follows template ${p.template} version ${p.version}, but the current version is ${p.current}. Download the new template and copy the figures over.`,
  },
  sheet_missing: {
    vi: (p: Params) => `Không tìm thấy trang "${p.sheet}" của mẫu ${p.template} trong bảng tính.`,
    en: (p: Params) => `Sheet "${p.sheet}" of template ${p.template} is not in the workbook.`,
  },
  cell_outside_area: {
    vi: (p: Params) =>
      `Ô ${p.cell}${Number(p.count) > 1 ? ` (và ${Number(p.count) - 1} ô khác)` : ''} có dữ liệu ở xa ngoài vùng của mẫu (đến ô ${p.last}); chitieu không đọc vùng đó. Hãy xóa hoặc chuyển số liệu vào đúng ô của mẫu.`,
    en: (p: Params) =>
      `Cell ${p.cell}${Number(p.count) > 1 ? ` (and ${Number(p.count) - 1} other cells)` : ''} holds data far outside the template's area (up to ${p.last}), which chitieu does not read. Delete it or move the figures into the template's cells.`,
  },
  formula_without_result: {
    vi: (p: Params) =>
      `Ô ${p.cells} chứa công thức chưa có kết quả tính (tệp được lưu bởi chương trình không tính công thức). Hãy mở tệp bằng Excel, lưu lại rồi gửi lại.`,
    en: (p: Params) =>
      `Cell ${p.cells} holds a formula with no calculated result (the file was saved by a program that does not calculate). Open it in Excel, save it and send it again.`,
  },
} satisfies Record<string, Record<Lang, (p: Params) => string>>;

export type WorkbookReadCode = keyof typeof MESSAGES;

export class WorkbookReadError extends Error {
  constructor(
    readonly code: WorkbookReadCode,
    readonly params: Params = {},
  ) {
    super(MESSAGES[code].vi(params));
    this.name = 'WorkbookReadError';
  }

  describe(lang: Lang): string {
    return MESSAGES[this.code][lang](this.params);
  }
}
