/** BM01 — Kết quả thực hiện chỉ tiêu chủ yếu (seed 001 §II.1: the 25 key indicators). */
import { defineTemplate } from './define';
import { filedBy } from './filing';
import { nextVersion } from './versions';
import { TWO_LEVEL_LOCAL_GOVERNMENT_FROM } from '../settings';
import { BALANCE, CATALOGUE, DENOMINATOR_COLUMN, FLOW, L, NOTE_COLUMN_DEF, NUMERATOR_COLUMN, RESULT_COLUMN, UNITS, fractionRow, fractionRules, type RowInput } from './build';

const percentOnly = (code: string, label: ReturnType<typeof L>, source?: string): RowInput => ({
  code,
  label,
  unit: UNITS.percent,
  measure: 'percent',
  columns: ['MT', 'KQ'],
  consolidate: 'list',
  textAllowed: true,
  ...(source ? { source } : {}),
});

const withTarget = (row: RowInput): RowInput => ({ ...row, columns: ['MT', ...row.columns], textAllowed: true });

const rows: RowInput[] = [
  withTarget(fractionRow('CT01', L('Dịch vụ công trực tuyến toàn trình đủ điều kiện được cung cấp trên nhiều phương tiện truy cập, kể cả thiết bị di động', 'Full online public services available on several devices, including mobile'), L('Tử số: DVCTT toàn trình cung cấp trên thiết bị di động; mẫu số: DVCTT toàn trình đủ điều kiện', 'Numerator: full online services on mobile; denominator: eligible full online services'), CATALOGUE)),
  withTarget(fractionRow('CT02', L('Văn bản trao đổi giữa các cơ quan nhà nước dưới dạng điện tử, được ký số (trừ văn bản mật)', 'Documents exchanged between state agencies electronically and digitally signed (except classified)'), L('Tử số: văn bản điện tử được ký số; mẫu số: tổng văn bản trao đổi', 'Numerator: signed electronic documents; denominator: all documents exchanged'), FLOW)),
  withTarget(fractionRow('CT03', L('Tỷ lệ số hóa hồ sơ, kết quả giải quyết thủ tục hành chính', 'Digitised administrative-procedure records and results'), L('Tử số: hồ sơ được số hóa; mẫu số: hồ sơ tiếp nhận', 'Numerator: digitised records; denominator: records received'), FLOW)),
  withTarget(fractionRow('CT04', L('Hồ sơ được tạo, lưu giữ, chia sẻ dữ liệu điện tử theo quy định', 'Records created, kept and shared as electronic data'), L('Tử số: hồ sơ điện tử; mẫu số: tổng hồ sơ', 'Numerator: electronic records; denominator: all records'), FLOW)),
  withTarget(fractionRow('CT05A', L('Hồ sơ công việc cấp tỉnh xử lý trên môi trường mạng', 'Work records handled online, province level'), L('Tử số: hồ sơ công việc xử lý trên mạng; mẫu số: tổng hồ sơ công việc', 'Numerator: work records handled online; denominator: all work records'), { ...FLOW, level: 1 })),
  withTarget(fractionRow('CT05B', L('Hồ sơ công việc cấp huyện xử lý trên môi trường mạng', 'Work records handled online, district level'), L('Tử số: hồ sơ công việc xử lý trên mạng; mẫu số: tổng hồ sơ công việc', 'Numerator: work records handled online; denominator: all work records'), { ...FLOW, level: 1 })),
  withTarget(fractionRow('CT05C', L('Hồ sơ công việc cấp xã xử lý trên môi trường mạng', 'Work records handled online, commune level'), L('Tử số: hồ sơ công việc xử lý trên mạng; mẫu số: tổng hồ sơ công việc', 'Numerator: work records handled online; denominator: all work records'), { ...FLOW, level: 1 })),
  withTarget(fractionRow('CT06', L('Chế độ báo cáo, chỉ tiêu tổng hợp được kết nối, chia sẻ trên Hệ thống thông tin báo cáo Chính phủ', 'Reporting regimes connected to the Government reporting system'), L('Tử số: chế độ báo cáo đã kết nối; mẫu số: tổng chế độ báo cáo', 'Numerator: connected reporting regimes; denominator: all reporting regimes'), BALANCE)),
  percentOnly('CT07', L('Người dân, doanh nghiệp hài lòng với dịch vụ của cơ quan nhà nước', 'Citizens and businesses satisfied with public services'), 'seed 001 §II.1 (7)'),
  withTarget(fractionRow('CT08A', L('CBCCVC được tập huấn, bồi dưỡng, phổ cập kỹ năng số cơ bản', 'Civil servants trained in basic digital skills'), L('Tử số: CBCCVC đã được tập huấn; mẫu số: tổng CBCCVC', 'Numerator: civil servants trained; denominator: all civil servants'), { ...BALANCE, level: 1 })),
  withTarget(fractionRow('CT08B', L('CBCCVC được tập huấn kỹ năng phân tích, khai thác dữ liệu số và công nghệ số', 'Civil servants trained in data analysis and digital technology'), L('Tử số: CBCCVC đã được tập huấn; mẫu số: tổng CBCCVC', 'Numerator: civil servants trained; denominator: all civil servants'), { ...BALANCE, level: 1 })),
  withTarget(fractionRow('CT09', L('Cơ quan nhà nước cung cấp dữ liệu mở theo danh mục dùng chung của tỉnh', 'State agencies publishing open data from the shared catalogue'), L('Tử số: cơ quan đã cung cấp dữ liệu mở; mẫu số: tổng cơ quan', 'Numerator: agencies publishing open data; denominator: all agencies'), BALANCE)),
  withTarget(fractionRow('CT10', L('Hoạt động kiểm tra của cơ quan quản lý nhà nước thực hiện qua môi trường số', 'Inspections carried out through digital systems'), L('Tử số: cuộc kiểm tra qua môi trường số; mẫu số: tổng cuộc kiểm tra', 'Numerator: digital inspections; denominator: all inspections'), FLOW)),
  percentOnly('CT11', L('Tỷ trọng kinh tế số trong GRDP', 'Digital economy share of GRDP'), 'seed 001 §II.1 (11)'),
  percentOnly('CT12', L('Tỷ trọng kinh tế số trong từng ngành, lĩnh vực', 'Digital economy share in each sector'), 'seed 001 §II.1 (12)'),
  withTarget(fractionRow('CT13', L('Doanh nghiệp sử dụng hóa đơn điện tử', 'Businesses using e-invoices'), L('Tử số: doanh nghiệp dùng hóa đơn điện tử; mẫu số: tổng doanh nghiệp', 'Numerator: businesses using e-invoices; denominator: all businesses'), BALANCE)),
  withTarget(fractionRow('CT14', L('Doanh nghiệp nhỏ và vừa sử dụng nền tảng số', 'Small and medium businesses using digital platforms'), L('Tử số: DNNVV dùng nền tảng số; mẫu số: tổng DNNVV', 'Numerator: SMEs on digital platforms; denominator: all SMEs'), BALANCE)),
  withTarget(fractionRow('CT15A', L('Hạ tầng băng rộng cáp quang: hộ gia đình', 'Fibre broadband coverage: households'), L('Tử số: hộ gia đình có cáp quang; mẫu số: tổng hộ gia đình', 'Numerator: households with fibre; denominator: all households'), { ...BALANCE, level: 1 })),
  withTarget(fractionRow('CT15B', L('Hạ tầng băng rộng cáp quang: xã', 'Fibre broadband coverage: communes'), L('Tử số: xã có cáp quang đến trung tâm xã; mẫu số: tổng số xã', 'Numerator: communes with fibre; denominator: all communes'), { ...BALANCE, level: 1 })),
  {
    code: 'CT16',
    label: L('Phổ cập dịch vụ mạng di động 4G/5G', 'Universal 4G/5G mobile service'),
    unit: UNITS.text,
    measure: 'text',
    columns: ['MT', 'KQ'],
    consolidate: 'list',
    source: 'seed 001 §II.1 (16)',
  },
  percentOnly('CT17', L('Người dân từ 15 tuổi trở lên có tài khoản giao dịch tại ngân hàng hoặc tổ chức được phép', 'People aged 15+ with a bank or payment account'), 'seed 001 §II.1 (17)'),
  withTarget(fractionRow('CT18', L('Trường học ứng dụng công nghệ số trong dạy học và quản lý', 'Schools using digital technology in teaching and management'), L('Tử số: trường đã ứng dụng; mẫu số: tổng trường học', 'Numerator: schools applying it; denominator: all schools'), BALANCE)),
  withTarget(fractionRow('CT19', L('Bệnh viện tuyến tỉnh, huyện kết nối khám chữa bệnh qua nền tảng số', 'Provincial and district hospitals connected for remote care'), L('Tử số: bệnh viện đã kết nối; mẫu số: tổng bệnh viện', 'Numerator: connected hospitals; denominator: all hospitals'), BALANCE)),
  withTarget(fractionRow('CT20', L('Hệ thống thông tin được xác định cấp độ và có phương án bảo đảm an toàn', 'Information systems with an approved security level and plan'), L('Tử số: HTTT đã được phê duyệt cấp độ; mẫu số: tổng HTTT', 'Numerator: systems with approved level; denominator: all systems'), BALANCE)),
  withTarget(fractionRow('CT21', L('Thiết bị đầu cuối được cài đặt giải pháp bảo vệ', 'Endpoints with protection installed'), L('Tử số: máy được bảo vệ; mẫu số: tổng thiết bị đầu cuối', 'Numerator: protected endpoints; denominator: all endpoints'), BALANCE)),
  withTarget(fractionRow('CT22', L('Cán bộ chuyên trách CNTT được đào tạo về an toàn thông tin', 'Dedicated IT staff trained in information security'), L('Tử số: cán bộ đã được đào tạo; mẫu số: tổng cán bộ chuyên trách', 'Numerator: staff trained; denominator: all dedicated IT staff'), BALANCE)),
  withTarget(fractionRow('CT23', L('CBCCVC và người lao động được tuyên truyền, phổ biến kỹ năng bảo đảm an toàn thông tin', 'Staff informed about basic information-security habits'), L('Tử số: người đã được phổ biến; mẫu số: tổng CBCCVC, người lao động', 'Numerator: staff informed; denominator: all staff'), BALANCE)),
  withTarget(fractionRow('CT24', L('Cơ sở giáo dục được tuyên truyền, giáo dục kỹ năng tham gia môi trường mạng an toàn', 'Schools teaching children safe internet use'), L('Tử số: cơ sở giáo dục đã thực hiện; mẫu số: tổng cơ sở giáo dục', 'Numerator: schools doing it; denominator: all schools'), BALANCE)),
  withTarget(fractionRow('CT25', L('Trẻ em bị xâm hại trên môi trường mạng được hỗ trợ, can thiệp khi có yêu cầu', 'Child victims of online abuse supported on request'), L('Tử số: trường hợp được hỗ trợ; mẫu số: trường hợp có yêu cầu', 'Numerator: cases supported; denominator: cases requested'), FLOW)),
];

export const BM01 = defineTemplate({
  id: 'BM01',
  version: '2024.1',
  kind: 'indicator',
  title: L('Kết quả thực hiện một số chỉ tiêu chủ yếu', 'Key indicators: targets and results'),
  source: 'Quyết định 3330/QĐ-UBND ngày 29/11/2021 của UBND tỉnh',
  periodKinds: ['H', 'Y'],
  // Results to date against the year's target: a half-year's flows run from 1 January.
  flows: 'year-to-date',
  filedBy: filedBy(['department', 'district']),
  columns: [
    { key: 'MT', label: L('Mục tiêu năm', 'Target for the year'), measure: 'target', consolidate: 'same', width: 16 },
    RESULT_COLUMN,
    NUMERATOR_COLUMN,
    DENOMINATOR_COLUMN,
    { key: 'DG', label: L('Đánh giá', 'Achievement'), measure: 'text', derived: 'achievement', consolidate: 'none', width: 12 },
    NOTE_COLUMN_DEF,
  ],
  rows,
  rules: fractionRules(rows),
});

/** From 1 July 2025 there is no district level (Resolution 202/2025/QH15): its work-records row ends. */
export const BM01_VERSIONS = [BM01, nextVersion(BM01, { version: '2025.1', from: TWO_LEVEL_LOCAL_GOVERNMENT_FROM, dropRows: ['CT05B'] })];
