/** Lời cho mọi vấn đề, tiếng Việt. */
import type { ProblemCode, ProblemParams as P } from './codes';
import type { FieldCode } from './fields';

const MB = (bytes: string | number | undefined) => `${Math.round(Number(bytes) / (1024 * 1024))} MB`;
const dmy = (iso: string | number | undefined) => String(iso ?? '').split('-').reverse().join('/');

export const vi = {
  problems: {
    not_found_path: (p: P) => `Không có địa chỉ ${p.path}.`,
    method_not_allowed: (p: P) => `Địa chỉ ${p.path} không nhận ${p.method}; chỉ nhận ${p.allowed}.`,
    body_too_large: (p: P) => `Nội dung gửi lên vượt quá ${MB(p.limit)}.`,
    malformed_json: (p: P) => `Nội dung không phải JSON hợp lệ: ${p.reason}.`,
    json_required: () => 'Nội dung phải là JSON (Content-Type: application/json).',
    submission_media_type: () => 'Báo cáo gửi dạng JSON (application/json) hoặc tệp .xlsx đã điền.',
    csv_required: () => 'Danh mục đơn vị gửi dạng CSV (Content-Type: text/csv).',
    invalid_data: (p: P) => `Dữ liệu không đúng định dạng: ${p.list}.`,
    bad_request: (p: P) => (p.reason ? String(p.reason) : 'Yêu cầu không hợp lệ.'),
    internal: () => 'Máy chủ gặp lỗi không mong đợi; số liệu đã lưu không bị ảnh hưởng.',
    idempotency_key_length: () => 'Idempotency-Key phải có từ 1 đến 200 ký tự.',
    idempotency_key_reused: () => 'Idempotency-Key này đã dùng cho một báo cáo khác.',
    submission_unchanged: (p: P) => `Nội dung giống hệt lần nộp ${p.revision} (${p.receivedAt}); chưa ghi lần nộp mới. Gửi lại không kèm onlyIfChanged nếu vẫn muốn nộp.`,
    filing_race: () => 'Cùng lúc có một lần nộp khác của báo cáo này; lần nộp này chưa được ghi nhận. Hãy nộp lại sau giây lát.',
    token_missing: () => 'Thiếu mã thông báo: gửi tiêu đề Authorization: Bearer <mã>.',
    token_unknown: () => 'Mã thông báo không đúng.',
    token_revoked: () => 'Mã thông báo đã bị thu hồi; hãy xin mã mới từ cơ quan thường trực.',
    token_expired: (p: P) => `Mã thông báo đã hết hạn từ sau ngày ${dmy(p.date)}; hãy xin mã mới từ cơ quan thường trực.`,
    sign_ins_limited: (p: P) => `Đăng nhập sai quá nhiều lần; hãy thử lại sau ${p.seconds} giây.`,
    role_forbidden: (p: P) => `Vai trò ${p.role} không được làm việc này (cần: ${p.needed}).`,
    unit_may_not_file_for: (p: P) => `Mã thông báo của đơn vị ${p.own} không được nộp báo cáo cho đơn vị ${p.unit}.`,
    unit_reads_own_only: (p: P) => `Đơn vị ${p.own} chỉ xem được báo cáo của mình.`,
    submission_of_other_unit: (p: P) => `Báo cáo ${p.id} thuộc đơn vị khác.`,
    template_unknown: (p: P) => `Không có mẫu báo cáo ${p.template}.`,
    period_invalid: (p: P) => `Kỳ báo cáo "${p.period}" không hợp lệ (viết dạng 2024, 2024-H1 hoặc 2024-Q3).`,
    period_not_filed: (p: P) => `Mẫu ${p.template} không báo cáo cho kỳ ${p.period}.`,
    unit_missing: () => 'Báo cáo thiếu mã đơn vị (unit).',
    unit_unknown: (p: P) => `Không có đơn vị mã ${p.unit}${p.period ? ` trong kỳ ${p.period}` : ''}.`,
    unit_not_in_force: (p: P) => `Đơn vị ${p.unit} không có hiệu lực ngày nào trong kỳ ${p.period}.`,
    unit_kind_not_filer: (p: P) => `Mẫu ${p.template} không do ${KIND[String(p.kind)] ?? p.kind} lập (${p.name}).`,
    coordinator_files: (p: P) => `Mẫu ${p.template} do cơ quan thường trực lập một lần cho cả tỉnh.`,
    submission_not_found: (p: P) => `Không có báo cáo ${p.id}.`,
    revision_not_found: (p: P) => `Báo cáo ${p.id} không có lần nộp ${p.revision}.`,
    review_outdated: (p: P) => `Đơn vị đã nộp lần ${p.latest} sau lần ${p.revision} đang xem; hãy xem lần mới nhất trước khi duyệt.`,
    token_not_found: (p: P) => `Không có mã thông báo ${p.id}.`,
    token_revoked_cannot_rotate: (p: P) => `Mã thông báo ${p.id} đã bị thu hồi; hãy tạo mã mới.`,
    token_self_revoke: () => 'Không thể tự thu hồi mã đang dùng.',
    expiry_format: (p: P) => `Ngày hết hạn "${p.value}" phải là một ngày có thật, dạng YYYY-MM-DD.`,
    expiry_past: (p: P) => `Ngày hết hạn ${dmy(p.date)} đã qua.`,
    expiry_too_far: (p: P) => `Mã thông báo có hiệu lực tối đa ${p.days} ngày.`,
    report_refused: (p: P) =>
      (Number(p.errors) > 0
        ? `Báo cáo có ${p.errors} lỗi${Number(p.open) ? ` và ${p.open} cảnh báo chưa giải trình` : ''}; chưa được ghi nhận.`
        : `Báo cáo có ${p.open} cảnh báo chưa giải trình (ghi chú ở cột Ghi chú); chưa được ghi nhận.`) + (p.shown ? ` Hiện ${p.shown} vấn đề đầu tiên.` : ''),
    several_template_sheets: (p: P) => `Bảng tính có ${p.count} trang mẫu; mỗi lần nộp một mẫu.`,
    not_xlsx: () => 'Tệp không phải là bảng tính .xlsx (thiếu chữ ký ZIP).',
    file_too_large: (p: P) => `Tệp lớn hơn ${MB(p.limit)}, giới hạn của một báo cáo.`,
    corrupt: (p: P) => `Tệp .xlsx bị hỏng (${p.reason}). Hãy mở bằng Excel, lưu lại rồi gửi lại.`,
    encrypted: () => 'Tệp .xlsx có mật khẩu hoặc được mã hóa; hãy gỡ mật khẩu rồi gửi lại.',
    too_many_parts: (p: P) => `Tệp .xlsx có quá nhiều thành phần (hơn ${p.limit}).`,
    part_too_large: (p: P) => `Thành phần "${p.part}" của tệp .xlsx khi giải nén lớn hơn ${MB(p.limit)}.`,
    total_too_large: (p: P) => `Tệp .xlsx khi giải nén lớn hơn ${MB(p.limit)}.`,
    malformed_xml: (p: P) => `Thành phần "${p.part}" của tệp .xlsx không đọc được (${p.reason}).`,
    no_metadata: () => 'Bảng tính không mang thông tin mẫu báo cáo (mã mẫu, phiên bản). Hãy lập báo cáo từ mẫu do chitieu tạo ra (chitieu template …).',
    sheet_missing: (p: P) => `Không tìm thấy trang "${p.sheet}" của mẫu ${p.template} trong bảng tính.`,
    cell_outside_area: (p: P) =>
      `Ô ${p.cell}${Number(p.count) > 1 ? ` (và ${Number(p.count) - 1} ô khác)` : ''} có dữ liệu ở xa ngoài vùng của mẫu (đến ô ${p.last}); chitieu không đọc vùng đó. Hãy xóa hoặc chuyển số liệu vào đúng ô của mẫu.`,
    formula_without_result: (p: P) =>
      `Ô ${p.cells} chứa công thức chưa có kết quả tính (tệp được lưu bởi chương trình không tính công thức). Hãy mở tệp bằng Excel, lưu lại rồi gửi lại.`,
    csv_invalid: (p: P) => `Tệp CSV có ${p.count} lỗi, chưa nhập đơn vị nào: ${p.first}.`,
    csv_no_units: () => 'Tệp CSV không có đơn vị nào.',
    registry_invalid: (p: P) => `Danh mục đơn vị sau khi nhập sẽ có ${p.count} lỗi, chưa nhập đơn vị nào: ${p.first}.`,
    registry_history_conflict: (p: P) =>
      `Không sửa trực tiếp được bản ghi đã có báo cáo (${p.list}): hãy kết thúc bản ghi (valid_to) và thêm bản ghi mới từ ngày hôm sau, ghi đơn vị kế nhiệm.`,
    unit_record_not_found: (p: P) => `Không có bản ghi của đơn vị ${p.code} từ ngày ${dmy(p.from)}.`,
    unit_record_in_use: (p: P) => `Bản ghi của đơn vị ${p.code} từ ngày ${dmy(p.from)} đã có báo cáo các kỳ ${p.periods}; không rút lại được, chỉ kết thúc được.`,
    covers_without_predecessors: (p: P) => `Đơn vị ${p.unit} không tiếp nhận đơn vị nào trong kỳ ${p.period}, nên báo cáo không thể gồm số liệu của đơn vị tiền nhiệm (coversPredecessors).`,
    // The registry and tokens written safely under concurrent requests
    write_conflict: () => `Cùng lúc có một thay đổi khác của cùng dữ liệu (danh mục đơn vị, báo cáo hoặc mã thông báo); yêu cầu này chưa được thực hiện, không có gì bị thay đổi. Hãy thử lại sau giây lát.`,
    token_replaced: (p: P) => `Mã thông báo ${p.id} đã được thay bằng mã ${p.by}; thu hồi mã ${p.by} để chấm dứt quyền truy cập.`,
    // A province as a dated membership
    unit_not_member: (p: P) => `Kỳ ${p.period} đơn vị ${p.unit} còn thuộc tỉnh ${p.province}, chưa thuộc tỉnh này; không nộp báo cáo kỳ đó ở đây được.`,
    // Spreadsheet files: reading what Excel reads
    malformed_cell: (p: P) => `Ô ${p.cell} của thành phần "${p.part}" trong tệp .xlsx bị hỏng (${p.reason}); Excel cũng không đọc được ô này. Hãy mở bằng Excel, lưu lại rồi gửi lại.`,
    heading_mismatch: (p: P) =>
      `Trang "${p.sheet}" ghi ${HEADING_FIELD[String(p.field)] ?? p.field} là "${p.heading}" (ô ${p.cell}) nhưng thông tin ẩn của bảng tính (trang _chitieu) ghi "${p.hidden}". Hãy lập báo cáo từ mẫu đúng đơn vị và kỳ báo cáo rồi gửi lại.`,
    // Training clock (npm start)
    training_clock_invalid: (p: P) => `Tiêu đề ${p.header} “${p.value}” không phải một ngày (YYYY-MM-DD, ví dụ 2025-06-10) hay một thời điểm ISO 8601.`,
    // Closing a period
    period_closed: (p: P) => `Kỳ ${p.period} đã chốt số liệu${p.version ? ` (lần ${p.version})` : ''}; số liệu đã chốt không thay đổi. Muốn sửa, cơ quan thường trực mở lại kỳ (ghi lý do) rồi chốt lại.`,
    period_closing: (p: P) => `Kỳ ${p.period} đang được chốt số liệu; hãy thử lại sau giây lát.`,
    period_not_closed: (p: P) => `Kỳ ${p.period} chưa chốt số liệu (hoặc đã được mở lại).`,
    close_version_not_found: (p: P) => `Kỳ ${p.period} không có lần chốt ${p.version}.`,
    // People, sessions and sign-in through the province's provider
    session_ended: () => 'Phiên đăng nhập đã kết thúc (đã đăng xuất hoặc bị cơ quan thường trực chấm dứt); hãy đăng nhập lại.',
    session_expired: () => 'Phiên đăng nhập đã hết hạn (một phiên chỉ dùng trong ngày làm việc); hãy đăng nhập lại.',
    membership_ended: (p: P) => `${p.person} không còn được giao vai trò ${p.role}${p.unit ? ` của đơn vị ${p.unit}` : ''} từ hôm nay; hãy liên hệ cơ quan thường trực.`,
    person_no_membership: (p: P) => `${p.person} chưa được giao vai trò nào đang có hiệu lực trong chitieu; hãy liên hệ cơ quan thường trực.`,
    person_unknown: (p: P) => `Tài khoản ${p.login} đã đăng nhập được nhưng chưa được cơ quan thường trực đăng ký trong chitieu.`,
    sign_in_not_configured: () => 'Hệ thống này chưa cấu hình đăng nhập qua máy chủ xác thực của tỉnh; hãy dùng mã thông báo.',
    sign_in_state_invalid: () => 'Lượt đăng nhập không hợp lệ hoặc đã hết hạn (tham số state sai, đã dùng hoặc quá 10 phút); hãy đăng nhập lại.',
    sign_in_code_invalid: () => 'Mã trao đổi đăng nhập không đúng, đã dùng hoặc đã hết hạn; hãy đăng nhập lại.',
    sign_in_token_invalid: (p: P) => `Máy chủ xác thực trả về thông tin đăng nhập không hợp lệ (${p.reason}); không đăng nhập được.`,
    sign_in_provider_refused: (p: P) => `Máy chủ xác thực từ chối đăng nhập (${p.reason}).`,
    sign_in_provider_unreachable: (p: P) => `Không kết nối được máy chủ xác thực của tỉnh (${p.reason}); hãy thử lại sau hoặc dùng mã thông báo.`,
    session_not_found: (p: P) => `Không có phiên đăng nhập ${p.id}.`,
    person_not_found: (p: P) => `Không có người dùng ${p.id}.`,
    people_invalid: (p: P) => `Danh sách người dùng có ${p.count} lỗi, chưa nhập ai: ${p.first}.`,
    people_empty: () => 'Danh sách người dùng trống.',
    membership_not_found: (p: P) => `${p.person} không có vai trò ${p.role}${p.unit ? ` của đơn vị ${p.unit}` : ''} đang có hiệu lực.`,
    token_person_membership: (p: P) => `${p.person} không có vai trò ${p.role}${p.unit ? ` của đơn vị ${p.unit}` : ''} đang có hiệu lực; không cấp được mã thông báo.`,
    people_changed_meanwhile: () => 'Danh sách người dùng vừa được người khác thay đổi; hãy tải lại rồi nhập lại.',
    switch_needs_session: () => 'Chỉ phiên đăng nhập của một người mới chuyển được vai trò; mã thông báo dùng cho tập lệnh gắn với một vai trò.',
    people_media_type: () => 'Danh sách người dùng gửi dạng CSV (text/csv) hoặc JSON (application/json).',
    // identity: sign-in starts limited, Microsoft 365 sign-in (NAA)
    sign_in_starts_limited: (p: P) => `Có quá nhiều lượt bắt đầu đăng nhập từ địa chỉ này; hãy thử lại sau ${p.seconds} giây.`,
    naa_not_configured: () => 'Hệ thống này không đăng nhập bằng tài khoản Microsoft 365 của tỉnh.',
    naa_token_invalid: (p: P) => `Mã truy cập Microsoft 365 không hợp lệ (${p.reason}); không có gì được ghi.`,
  } satisfies Record<ProblemCode, (p: P) => string>,

  fields: {
    unwritable_text: (p: P) => `có ký tự ${p.char} ở vị trí ${p.position}, không ghi được vào tệp Excel`,
    unit_code_format: () => 'mã đơn vị chỉ gồm chữ in hoa, số, - và _',
    iso_date: () => 'ngày phải là một ngày có thật, dạng YYYY-MM-DD (ví dụ 2025-06-30)',
    iso_time: () => 'thời điểm phải theo ISO 8601 (2024-06-30T00:00:00Z)',
    review_comment_required: () => 'trả lại báo cáo cần có ý kiến (comment) để đơn vị biết cần sửa gì',
    token_unit_required: () => 'mã thông báo vai trò unit cần có đơn vị (unit)',
    token_auditor_unit: () => 'kiểm toán viên không gắn với đơn vị',
    csv_empty: () => 'tệp CSV trống',
    csv_missing_column: (p: P) => `thiếu cột ${p.column} (cần: ${p.header})`,
    csv_duplicate: (p: P) => `đơn vị ${p.code} từ ${p.from} đã có ở dòng ${p.line}`,
    csv_valid_to_before: () => 'ngày hết hiệu lực trước ngày có hiệu lực',
    csv_only_commune_parent: () => 'chỉ đơn vị cấp xã có đơn vị cấp trên (parent)',
    csv_coordinator_department: () => 'cơ quan thường trực phải là sở, ban, ngành',
    csv_parent_unknown: (p: P) => `không có đơn vị cấp huyện mã ${p.parent}`,
    registry_overlap: (p: P) => `đơn vị ${p.code} đã có bản ghi từ ${dmy(p.other)} trùng thời gian hiệu lực`,
    registry_two_coordinators: (p: P) => `cùng thời gian đã có cơ quan thường trực ${p.other}; kết thúc bản ghi của đơn vị đó trước`,
    registry_parent_ends_first: (p: P) => `đơn vị cấp trên ${p.parent} không có hiệu lực suốt thời gian của đơn vị này`,
    registry_successors_need_end: () => 'đơn vị kế nhiệm chỉ ghi cho bản ghi đã kết thúc (valid_to)',
    registry_change_missing: () => 'bản ghi có đơn vị kế nhiệm cần ghi cách thay đổi (merge, split hoặc rename)',
    registry_successor_missing: (p: P) => `đơn vị kế nhiệm ${p.successor} không có hiệu lực từ ngày ${dmy(p.day)}`,
    // The unit registry: catalogue keeper, days without a coordinator
    csv_catalogue_department: () => 'cơ quan giữ danh mục thủ tục hành chính phải là sở, ban, ngành',
    registry_no_coordinator: (p: P) => `từ ngày ${dmy(p.from)}${p.to ? ` đến ngày ${dmy(p.to)}` : ''} không có cơ quan thường trực nào`,
    // Closing a period
    reopen_reason_required: () => 'mở lại kỳ đã chốt cần ghi lý do (reason)',
    // People and memberships
    login_format: () => 'tên đăng nhập là e-mail hoặc tên tài khoản: chữ, số và . _ % + @ -',
    people_unit_unknown: (p: P) => `danh mục không có đơn vị ${p.unit}`,
    people_name_differs: (p: P) => `${p.login} đã có tên khác ở dòng ${p.line}`,
    people_duplicate: (p: P) => `vai trò này của ${p.login} đã có ở dòng ${p.line}`,
  } satisfies Record<FieldCode, (p: P) => string>,

  /** Names of the roles in messages. */
  roles: { unit: 'đơn vị', dic: 'cơ quan thường trực', auditor: 'kiểm tra' } as Record<string, string>,
  /** `(gốc)`: the field of a problem about the whole body. */
  root: '(gốc)',
  line: (line: number, field: string | undefined, message: string) => `dòng ${line}${field ? ` (${field})` : ''}: ${message}`,
};

/** What a sheet's heading shows, in a problem's words. */
const HEADING_FIELD: Record<string, string> = { template: 'mẫu', unit: 'đơn vị báo cáo', period: 'kỳ báo cáo' };

const KIND: Record<string, string> = { department: 'sở, ban, ngành', district: 'đơn vị cấp huyện', commune: 'đơn vị cấp xã' };

export type ProblemWords = typeof vi;
