/** Every word the product writes into a sheet: template sheets and the consolidated workbook, one table per language. */
import { catalogue } from '../i18n';

/** Which local levels a consolidated sheet shows: districts (until 30 June 2025), communes under the province (since). */
export interface LocalParts {
  districts: boolean;
  rootCommunes: boolean;
}

/** Where a template's catalogue rows come from: the body that keeps them, whether it filed, whether they are by level. */
export interface CatalogueNote {
  keeper: string | null;
  filed: boolean;
  levels: boolean;
}

const dmy = (iso: string) => iso.split('-').reverse().join('/');

const vi = {
  // Template sheets
  templateTitle: (id: string, title: string) => `BIỂU MẪU ${id}. ${title.toUpperCase()}`,
  reportingUnit: 'Đơn vị báo cáo',
  periodLabel: 'Kỳ báo cáo',
  blank: '……………………',
  meta: (id: string, version: string, source: string) => `Mẫu ${id} · phiên bản ${version} · nguồn: ${source}`,
  instructionList: 'Mỗi dòng một nhiệm vụ. Chọn trạng thái trong danh sách; thời hạn ghi dd/mm/yyyy. Giải trình nhiệm vụ quá hạn ở cột Kết quả.',
  instructionIndicator:
    'Nhập số liệu vào ô màu vàng; ô màu xám là công thức. Để trống ô không có số liệu (không ghi 0). Giải trình cảnh báo ở cột Ghi chú.',
  indicatorHeaders: ['STT', 'Mã', 'Chỉ tiêu', 'Đơn vị tính'],
  achieved: 'Đạt',
  notAchieved: 'Chưa đạt',
  listSummary: { title: 'Tổng hợp theo trạng thái', count: 'Số nhiệm vụ', share: 'Tỷ lệ', total: 'Tổng số nhiệm vụ' },
  index: 'STT',
  signature: { date: '……, ngày …… tháng …… năm ……', preparer: 'NGƯỜI LẬP BIỂU', head: 'THỦ TRƯỞNG ĐƠN VỊ', signHint: '(Ký, ghi rõ họ tên)', stampHint: '(Ký tên, đóng dấu)' },

  // Consolidated workbook
  workbookTitle: (province: string, period: string) => `Tổng hợp chỉ tiêu chuyển đổi số ${province} ${period}`,
  provinceLine: (province: string, period: string) => `Tỉnh ${province} · Kỳ báo cáo: ${period}`,
  status: { received: 'Đã nhận', accepted: 'Đã duyệt', returned: 'Trả lại', missing: 'Chưa nộp' },
  kind: { department: 'Sở, ban, ngành', district: 'Cấp huyện', commune: 'Cấp xã' },
  provinceRowCode: 'TỈNH',

  summarySheet: 'Tổng hợp',
  summaryTitle: (province: string) => `BÁO CÁO TỔNG HỢP CHỈ TIÊU CHUYỂN ĐỔI SỐ TỈNH ${province.toUpperCase()}`,
  summaryFiling: 'A. TÌNH HÌNH NỘP BÁO CÁO',
  summaryFilingHeaders: ['Mẫu', '', 'Tên biểu mẫu', 'Phải nộp', 'Đã nộp', 'Đúng hạn', 'Trễ hạn', 'Chưa nộp', 'Trả lại', 'Báo cáo có cảnh báo đã giải trình, chưa chấp nhận', 'Tỷ lệ đã nộp'],
  summaryKey: 'B. KẾT QUẢ THỰC HIỆN CHỈ TIÊU CHỦ YẾU (BM01)',
  summaryKeyHeaders: ['Mã', '', 'Chỉ tiêu', 'Mục tiêu', 'Kết quả', 'Đánh giá'],
  summaryKeyChart: 'Mục tiêu và kết quả các chỉ tiêu chủ yếu',
  summaryFiguresHeaders: ['Mẫu', 'Mã', 'Chỉ tiêu', 'Đơn vị tính', 'Tổng tỉnh'],
  tasksOf: (status: string, count: number, total: number) => `Nhiệm vụ: ${status} (${count}/${total})`,

  templateSheetTitle: (id: string, title: string) => `TỔNG HỢP BIỂU MẪU ${id}. ${title.toUpperCase()}`,
  templateSheetMethod: (id: string, version: string, parts: LocalParts, kept?: CatalogueNote) =>
    `mẫu ${id} phiên bản ${version} · tổng tỉnh = sở, ban, ngành${parts.districts ? ' + cấp huyện (số liệu cấp huyện đã gồm cấp xã)' : ''}${parts.rootCommunes ? ' + cấp xã trực thuộc tỉnh' : ''}; tỷ lệ tính lại từ tử số và mẫu số${
      kept ? `; danh mục TTHC${kept.levels ? ' (theo cấp)' : ''} lấy một lần từ ${kept.keeper ?? 'cơ quan giữ danh mục'}, không cộng theo đơn vị${kept.filed ? '' : ' (chưa nộp)'}` : ''
    }`,
  listSheetMethod: (id: string, version: string) => `mẫu ${id} ${version}`,
  unitHeaders: ['STT', 'Mã ĐV', 'Đơn vị', 'Lần nộp', 'Thời điểm nộp', 'Tình trạng', 'Cảnh báo'],
  groupDepartments: 'I. SỞ, BAN, NGÀNH',
  groupLocal: (districts: boolean): string => (districts ? 'II. CẤP HUYỆN VÀ CẤP XÃ' : 'II. CẤP XÃ'),
  partOfPeriod: (from: string, to: string) => ` · phần kỳ ${dmy(from)}–${dmy(to)}`,
  coveredBy: (periods: string) => ` · số liệu lưu lượng từ báo cáo kỳ ${periods}`,
  illustrative: 'SỐ LIỆU MINH HỌA',
  includedIn: (successor: string) => ` · đã gồm trong báo cáo của ${successor}, không cộng lại`,
  partMissing: ' · thiếu số liệu phần kỳ',
  coordinatorLine: (name: string) => ` · Cơ quan tổng hợp: ${name}`,
  daysLate: (days: number) => ` (trễ ${days} ngày)`,
  provinceTotal: (province: string) => `TỔNG CỘNG TỈNH ${province.toUpperCase()}`,
  unitsFiled: (filed: number, expected: number) => `${filed}/${expected} đơn vị đã nộp`,
  allTasks: 'Tổng số nhiệm vụ',
  shareOf: (status: string) => `Tỷ lệ ${status.toLowerCase()}`,

  completenessSheet: 'Tình hình nộp báo cáo',
  completenessTitle: 'TÌNH HÌNH NỘP BÁO CÁO',
  completenessHeaders: ['STT', 'Mã ĐV', 'Đơn vị', 'Loại', 'Thuộc', 'Mẫu', 'Tình trạng', 'Thời điểm nộp lần đầu', 'Trễ (ngày)', 'Lần nộp', 'Thời điểm nộp gần nhất', 'Người nộp', 'Người duyệt', 'Cảnh báo đã giải trình, chưa được chấp nhận'],
  byDistrictHeaders: ['Huyện', 'Đã nộp', 'Chưa nộp'],
  byDistrictChart: 'Tình hình nộp báo cáo theo huyện',

  warningsSheet: 'Cảnh báo',
  warningsTitle: 'CẢNH BÁO ĐÃ GIẢI TRÌNH, CHƯA ĐƯỢC CHẤP NHẬN',
  warningsHeaders: ['STT', 'Mẫu', 'Mã ĐV', 'Đơn vị', 'Ô', 'Cảnh báo', 'Giải trình của đơn vị'],
  notExplained: '(chưa giải trình)',
  noWarnings: 'Không có cảnh báo nào đã giải trình mà chưa được chấp nhận.',
  nobodyFiled: (id: string, expected: number) =>
    `Chưa đơn vị nào nộp mẫu ${id} trong kỳ này (${expected} đơn vị phải nộp): chưa có số liệu để tổng hợp. Danh sách đơn vị phải nộp ở trang Tình hình nộp báo cáo.`,
  summaryKeyEmpty: (filed: number, expected: number) =>
    filed === 0
      ? `Chưa có số liệu: chưa đơn vị nào nộp mẫu BM01 trong kỳ này (${expected} đơn vị phải nộp).`
      : `Chưa có số liệu: ${filed}/${expected} đơn vị đã nộp mẫu BM01 nhưng chưa có chỉ tiêu nào có mục tiêu hoặc kết quả.`,
  summaryKeyNotFiled: 'Mẫu BM01 (các chỉ tiêu chủ yếu) không lập cho kỳ báo cáo này.',
  summaryFiguresEmpty: 'Chưa có số liệu: chưa đơn vị nào nộp báo cáo trong kỳ này.',
  districtChecks: 'SỐ LIỆU CẤP HUYỆN KHÁC TỔNG CẤP XÃ',
  districtCheckHeaders: ['STT', 'Mẫu', 'Huyện', 'Ô', 'Số cấp huyện', 'Tổng cấp xã', 'Ghi chú'],
  communesComplete: (n: number) => `Đủ ${n} xã đã nộp: cần đối chiếu`,
  communesPartial: (n: number) => `Mới ${n} xã nộp`,
  // Template versions
  otherVersion: (version: string) => ` · lập theo phiên bản ${version}, khác phiên bản của kỳ: giữ nguyên như đã nộp, không tổng hợp`,

  // Consolidated sheets printed as annexes of the report, one table each
  annexOf: (issuerCode: string, issuerName: string, year: number) =>
    `(Phụ lục kèm theo Báo cáo số          /BC-${issuerCode} ngày        tháng        năm ${year} của ${issuerName})`,
  madeAt: (when: string) => `Số liệu tổng hợp lúc ${when}`,
  figuresSheet: 'Số liệu toàn tỉnh',
  figuresTitle: (province: string) => `SỐ LIỆU TỔNG HỢP TOÀN TỈNH ${province.toUpperCase()}`,
  byDistrictSheet: 'Nộp theo huyện',
  byDistrictTitle: 'TÌNH HÌNH NỘP BÁO CÁO THEO ĐƠN VỊ CẤP HUYỆN (GỒM CẤP XÃ)',
  districtChecksSheet: 'Đối chiếu huyện - xã',
  noDistrictChecks: 'Không có số liệu cấp huyện nào khác tổng cấp xã.',
  // Required rows marked on the template sheets.
  requiredLegend: 'Dòng có dấu * đơn vị bắt buộc điền.',
  // Filing by template on the filing-status sheet, charted for every period.
  byTemplate: 'Theo mẫu báo cáo',
  byTemplateSheet: 'Nộp theo mẫu',
  byTemplateHeaders: ['Mẫu', 'Đã nộp', 'Chưa nộp'],
  byTemplateChart: 'Tình hình nộp báo cáo theo mẫu',
};

type SheetWords = typeof vi;

const en: SheetWords = {
  templateTitle: (id, title) => `TEMPLATE ${id}. ${title.toUpperCase()}`,
  reportingUnit: 'Reporting unit',
  periodLabel: 'Period',
  blank: '……………………',
  meta: (id, version, source) => `Template ${id} · version ${version} · source: ${source}`,
  instructionList: 'One task per row. Pick the status from the list; write deadlines as dd/mm/yyyy. Explain overdue tasks in the result column.',
  instructionIndicator:
    'Type figures in the yellow cells; grey cells are formulas. Leave a cell blank when there is no figure (do not write 0). Explain warnings in the note column.',
  indicatorHeaders: ['No.', 'Code', 'Indicator', 'Unit'],
  achieved: 'Achieved',
  notAchieved: 'Not achieved',
  listSummary: { title: 'Summary by status', count: 'Tasks', share: 'Share', total: 'All tasks' },
  index: 'No.',
  signature: { date: '……, date ……', preparer: 'PREPARED BY', head: 'HEAD OF UNIT', signHint: '(signature and full name)', stampHint: '(signature and seal)' },

  workbookTitle: (province, period) => `${province} digital transformation indicators ${period}`,
  provinceLine: (province, period) => `${province} province · Period: ${period}`,
  status: { received: 'Received', accepted: 'Accepted', returned: 'Returned', missing: 'Missing' },
  kind: { department: 'Department', district: 'District', commune: 'Commune' },
  provinceRowCode: 'PROVINCE',

  summarySheet: 'Summary',
  summaryTitle: (province) => `DIGITAL TRANSFORMATION INDICATORS OF ${province.toUpperCase()} PROVINCE`,
  summaryFiling: 'A. FILING',
  summaryFilingHeaders: ['Template', '', 'Title', 'Expected', 'Filed', 'On time', 'Late', 'Missing', 'Returned', 'Reports with warnings explained, not yet accepted', 'Share filed'],
  summaryKey: 'B. KEY INDICATORS (BM01)',
  summaryKeyHeaders: ['Code', '', 'Indicator', 'Target', 'Result', 'Achievement'],
  summaryKeyChart: 'Key indicators: target and result',
  summaryFiguresHeaders: ['Template', 'Code', 'Indicator', 'Unit', 'Province'],
  tasksOf: (status, count, total) => `Tasks: ${status} (${count}/${total})`,

  templateSheetTitle: (id, title) => `CONSOLIDATED TEMPLATE ${id}. ${title.toUpperCase()}`,
  templateSheetMethod: (id, version, parts, kept) =>
    `template ${id} version ${version} · province = departments${parts.districts ? ' + districts (districts include their communes)' : ''}${parts.rootCommunes ? ' + communes under the province' : ''}; ratios recomputed from numerators and denominators${
      kept ? `; the procedures catalogue${kept.levels ? ' (by level)' : ''} taken once from ${kept.keeper ?? 'the body that keeps it'}, never summed over units${kept.filed ? '' : ' (not filed)'}` : ''
    }`,
  listSheetMethod: (id, version) => `template ${id} ${version}`,
  unitHeaders: ['No.', 'Unit code', 'Unit', 'Revision', 'Filed at', 'Status', 'Warnings'],
  groupDepartments: 'I. DEPARTMENTS',
  groupLocal: (districts) => (districts ? 'II. DISTRICTS AND COMMUNES' : 'II. COMMUNES AND WARDS'),
  partOfPeriod: (from, to) => ` · part of the period ${from}–${to}`,
  coveredBy: (periods) => ` · flows from its ${periods} filings`,
  illustrative: 'ILLUSTRATIVE FIGURES',
  includedIn: (successor) => ` · included in ${successor}'s report, not added again`,
  partMissing: ' · its part of the period is missing',
  coordinatorLine: (name) => ` · Coordinated by ${name}`,
  daysLate: (days) => ` (${days} days late)`,
  provinceTotal: (province) => `${province.toUpperCase()} PROVINCE TOTAL`,
  unitsFiled: (filed, expected) => `${filed}/${expected} units filed`,
  allTasks: 'All tasks',
  shareOf: (status) => `Share ${status.toLowerCase()}`,

  completenessSheet: 'Filing status',
  completenessTitle: 'FILING STATUS',
  completenessHeaders: ['No.', 'Code', 'Unit', 'Kind', 'Under', 'Template', 'Status', 'First filed', 'Days late', 'Revision', 'Last filed', 'Filed by', 'Reviewed by', 'Warnings explained, not yet accepted'],
  byDistrictHeaders: ['District', 'Filed', 'Missing'],
  byDistrictChart: 'Filing by district',

  warningsSheet: 'Warnings',
  warningsTitle: 'WARNINGS EXPLAINED, NOT YET ACCEPTED',
  warningsHeaders: ['No.', 'Template', 'Unit code', 'Unit', 'Cells', 'Warning', 'Explanation'],
  notExplained: '(not explained)',
  noWarnings: 'No warning explained and not yet accepted.',
  nobodyFiled: (id, expected) => `No unit has filed ${id} for this period (${expected} units must): there are no figures to consolidate. The units that must file are on the Filing status sheet.`,
  summaryKeyEmpty: (filed, expected) =>
    filed === 0
      ? `No figures: no unit has filed BM01 for this period (${expected} units must).`
      : `No figures: ${filed}/${expected} units filed BM01 but no indicator has a target or a result.`,
  summaryKeyNotFiled: 'BM01 (key indicators) is not filed for this period.',
  summaryFiguresEmpty: 'No figures: no unit has filed a report for this period.',
  districtChecks: 'DISTRICT FIGURES THAT DIFFER FROM THEIR COMMUNES',
  districtCheckHeaders: ['No.', 'Template', 'District', 'Cell', 'District figure', 'Communes sum', 'Note'],
  communesComplete: (n) => `All ${n} communes filed: reconcile`,
  communesPartial: (n) => `Only ${n} communes filed`,
  // Template versions
  otherVersion: (version) => ` · filed under version ${version}, not the period's: kept as filed, not consolidated`,

  annexOf: (issuerCode, issuerName, year) => `(Annex to report No.          /BC-${issuerCode} of ……/……/${year} by ${issuerName})`,
  madeAt: (when) => `Figures as of ${when}`,
  figuresSheet: 'Provincial figures',
  figuresTitle: (province) => `PROVINCIAL FIGURES OF ${province.toUpperCase()}`,
  byDistrictSheet: 'Filing by district',
  byDistrictTitle: 'FILING BY DISTRICT (WITH ITS COMMUNES)',
  districtChecksSheet: 'District vs communes',
  noDistrictChecks: 'No district figure differs from the sum of its communes.',
  // Required rows marked on the template sheets.
  requiredLegend: 'Rows marked * must be filled by your unit.',
  // Filing by template on the filing-status sheet, charted for every period.
  byTemplate: 'By template',
  byTemplateSheet: 'Filing by template',
  byTemplateHeaders: ['Template', 'Filed', 'Missing'],
  byTemplateChart: 'Filing by template',
};

export const SHEET_WORDS = catalogue({ vi, en });
