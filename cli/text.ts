/** What the command line says, in Vietnamese and English. */
import type { Lang } from '../shared/i18n';

export const TEXT = {
  vi: {
    usage: `chitieu — kiểm tra và lập biểu mẫu báo cáo chỉ tiêu chuyển đổi số

Cách dùng:
  chitieu template <MÃ MẪU> [--unit MÃ] [--unit-name TÊN] [--unit-kind department|district|commune]
                   [--period 2024-H1] [--lang vi|en] --out tệp.xlsx
      Tạo bảng tính mẫu trống, đã định dạng (mã mẫu: BM01 … BM08).
  chitieu validate <TỆP> [--json] [--lang vi|en] [--unit-kind KIND]
      Kiểm tra tệp .xlsx lập từ mẫu, hoặc tệp JSON báo cáo.
      Mã thoát: 0 hợp lệ, 1 có lỗi, 2 không đọc được tệp.
  chitieu consolidated --period 2024-H1 --out tong-hop.xlsx [--server URL] [--token MÃ] [--lang vi|en]
      Tải bảng tính tổng hợp của tỉnh từ máy chủ chitieu (mặc định http://127.0.0.1:8787;
      hoặc biến môi trường CHITIEU_SERVER, CHITIEU_TOKEN). Cần mã thông báo của cơ quan thường trực (DIC) hoặc kiểm tra.
  chitieu report --period 2024-H1 --out bao-cao.docx [--server URL] [--token MÃ] [--lang vi|en]
      Tải dự thảo báo cáo định kỳ (.docx) dựng từ số liệu tổng hợp, như trên.
  chitieu close --period 2024-H1 [--note GHI CHÚ] [--server URL] [--token MÃ]
      Chốt số liệu kỳ khi gửi báo cáo lên cấp trên (mã thông báo của cơ quan thường trực): máy chủ giữ
      tổng hợp, bảng tính và báo cáo đúng như lúc chốt; in lần chốt và mã băm SHA-256 của từng tệp.
  chitieu reopen --period 2024-H1 --reason LÝ DO [--server URL] [--token MÃ]
      Mở lại kỳ đã chốt, ghi lý do; lần chốt sau là lần chốt mới, các lần trước vẫn được giữ.
  chitieu templates
      Liệt kê các mẫu báo cáo.
`,
    unknownCommand: (c: string) => `Không có lệnh "${c}".`,
    missing: (what: string) => `Thiếu ${what}.`,
    templates: (ids: string) => `Các mẫu: ${ids}.`,
    filedPer: (kinds: string) => `Mẫu này báo cáo theo: ${kinds}.`,
    badKind: (k: string) => `Loại đơn vị "${k}" không hợp lệ (department, district, commune).`,
    written: (file: string, id: string, version: string) => `Đã tạo ${file} (mẫu ${id}, phiên bản ${version}).`,
    cannotRead: (file: string, why: string) => `Không đọc được ${file}: ${why}`,
    noSuchFile: 'không có tệp này.',
    cannotWrite: (file: string, why: string) => `Không ghi được ${file}: ${why}`,
    badJson: (why: string) => `tệp JSON không hợp lệ (${why}).`,
    notSubmission: (problems: string) => `tệp JSON không đúng định dạng báo cáo: ${problems}`,
    unknownType: 'chỉ đọc được tệp .xlsx hoặc .json.',
    heading: (t: string, v: string, p: string, u: string, e: string) =>
      `Mẫu ${t} · phiên bản ${v}${p ? ` · kỳ ${p}` : ''}${u ? ` · đơn vị ${u}` : ''} · bộ kiểm tra ${e}`,
    summary: (errors: number, warnings: number, open: number) =>
      errors === 0 && warnings === 0
        ? 'Hợp lệ: không có lỗi, không có cảnh báo.'
        : `${errors} lỗi, ${warnings} cảnh báo${warnings ? ` (${open} chưa giải trình)` : ''}.`,
    error: 'LỖI',
    warning: 'CẢNH BÁO',
    explained: (note: string) => `đã giải trình: "${note}"`,
    unexplained: 'chưa giải trình',
    periodKinds: { Q: 'quý', H: '6 tháng', Y: 'năm' },
    kinds: { department: 'sở, ban, ngành', district: 'cấp huyện', commune: 'cấp xã' },
    from: (day: string) => `từ ${day.split('-').reverse().join('/')}: `,
    listHeader: 'Các mẫu báo cáo (mã, phiên bản, tên; kỳ báo cáo · đơn vị lập):',
    unexpected: (why: string) => `Lỗi không mong đợi: ${why}`,
    missingToken: 'Thiếu mã thông báo: dùng --token hoặc biến môi trường CHITIEU_TOKEN.',
    unreachable: (server: string, why: string) => `Không kết nối được máy chủ ${server}: ${why}`,
    serverRefused: (status: number, detail: string) => `Máy chủ từ chối (${status}): ${detail}`,
    consolidatedWritten: (file: string, period: string, size: number) => `Đã ghi ${file}: bảng tính tổng hợp kỳ ${period} (${Math.round(size / 1024)} KB).`,
    reportWritten: (file: string, period: string, size: number) => `Đã ghi ${file}: dự thảo báo cáo kỳ ${period} (${Math.round(size / 1024)} KB).`,
    // Template versions
    versionFrom: (version: string, day: string) => `${version} cho các kỳ kết thúc từ ${day.split('-').reverse().join('/')}`,
    versions: (list: string) => `phiên bản: ${list}`,
    // Closing a period
    closed: (period: string, version: number, at: string) => `Đã chốt số liệu kỳ ${period}, lần ${version}, lúc ${at}. Tệp đã chốt (loại, SHA-256, số byte):`,
    reopened: (period: string, version: number) => `Đã mở lại kỳ ${period} (lần chốt ${version} vẫn được giữ).`,
    // Validating a consolidated workbook
    nothingFiled: (sheet: string, template: string) => `${sheet}: không đơn vị nào nộp mẫu ${template}, không có dòng tổng hợp của tỉnh để kiểm tra.`,
  },
  en: {
    usage: `chitieu — check and create digital-transformation indicator report templates

Usage:
  chitieu template <ID> [--unit CODE] [--unit-name NAME] [--unit-kind department|district|commune]
                   [--period 2024-H1] [--lang vi|en] --out file.xlsx
      Write a blank, formatted template workbook (IDs: BM01 … BM08).
  chitieu validate <FILE> [--json] [--lang vi|en] [--unit-kind KIND]
      Check an .xlsx filled from a template, or a submission JSON.
      Exit code: 0 valid, 1 errors, 2 the file cannot be read.
  chitieu consolidated --period 2024-H1 --out province.xlsx [--server URL] [--token TOKEN] [--lang vi|en]
      Download the province's consolidated workbook from a chitieu server (default http://127.0.0.1:8787,
      or the CHITIEU_SERVER and CHITIEU_TOKEN environment variables). Needs a DIC or auditor token.
  chitieu report --period 2024-H1 --out report.docx [--server URL] [--token TOKEN] [--lang vi|en]
      Download the periodic report drafted from the consolidated figures (.docx), as above.
  chitieu close --period 2024-H1 [--note NOTE] [--server URL] [--token TOKEN]
      Close the period when its report goes upward (DIC token): the server keeps the consolidation,
      workbook and report as they are now; prints the close version and each file's SHA-256.
  chitieu reopen --period 2024-H1 --reason REASON [--server URL] [--token TOKEN]
      Reopen a closed period, with its reason; the next close is a new version, earlier ones are kept.
  chitieu templates
      List the report templates.
`,
    unknownCommand: (c: string) => `There is no command "${c}".`,
    missing: (what: string) => `Missing ${what}.`,
    templates: (ids: string) => `Templates: ${ids}.`,
    filedPer: (kinds: string) => `It is filed per: ${kinds}.`,
    badKind: (k: string) => `Unit kind "${k}" is not valid (department, district, commune).`,
    written: (file: string, id: string, version: string) => `Wrote ${file} (template ${id}, version ${version}).`,
    cannotRead: (file: string, why: string) => `Cannot read ${file}: ${why}`,
    noSuchFile: 'no such file.',
    cannotWrite: (file: string, why: string) => `Cannot write ${file}: ${why}`,
    badJson: (why: string) => `the JSON is malformed (${why}).`,
    notSubmission: (problems: string) => `the JSON is not a submission: ${problems}`,
    unknownType: 'only .xlsx and .json files can be read.',
    heading: (t: string, v: string, p: string, u: string, e: string) =>
      `Template ${t} · version ${v}${p ? ` · period ${p}` : ''}${u ? ` · unit ${u}` : ''} · engine ${e}`,
    summary: (errors: number, warnings: number, open: number) =>
      errors === 0 && warnings === 0
        ? 'Valid: no errors, no warnings.'
        : `${errors} error(s), ${warnings} warning(s)${warnings ? ` (${open} unexplained)` : ''}.`,
    error: 'ERROR',
    warning: 'WARNING',
    explained: (note: string) => `explained: "${note}"`,
    unexplained: 'unexplained',
    periodKinds: { Q: 'quarter', H: 'half-year', Y: 'year' },
    kinds: { department: 'departments', district: 'districts', commune: 'communes' },
    from: (day: string) => `from ${day}: `,
    listHeader: 'Report templates (id, version, title; periods · filed by):',
    unexpected: (why: string) => `Unexpected error: ${why}`,
    missingToken: 'Missing token: use --token or the CHITIEU_TOKEN environment variable.',
    unreachable: (server: string, why: string) => `Cannot reach ${server}: ${why}`,
    serverRefused: (status: number, detail: string) => `The server refused (${status}): ${detail}`,
    consolidatedWritten: (file: string, period: string, size: number) => `Wrote ${file}: the consolidated workbook of ${period} (${Math.round(size / 1024)} KB).`,
    reportWritten: (file: string, period: string, size: number) => `Wrote ${file}: the drafted report of ${period} (${Math.round(size / 1024)} KB).`,
    // Template versions
    versionFrom: (version: string, day: string) => `${version} for periods ending from ${day}`,
    versions: (list: string) => `versions: ${list}`,
    // Closing a period
    closed: (period: string, version: number, at: string) => `Closed ${period}, version ${version}, at ${at}. Closed files (kind, SHA-256, bytes):`,
    reopened: (period: string, version: number) => `Reopened ${period} (close version ${version} is kept).`,
    // Validating a consolidated workbook
    nothingFiled: (sheet: string, template: string) => `${sheet}: no unit filed ${template}, so there is no provincial row to check.`,
  },
} as const;

export type CliText = (typeof TEXT)[Lang];

/** A failure the user can act on: printed as one line, never a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
