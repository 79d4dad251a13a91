/**
 * The periodic report's wording, as data: one entry per section, Vietnamese first, English beside it.
 * DIC's staff change a sentence here without touching the code that fills it, and a new indicator
 * appears in the report by adding its sentence.
 *
 * In a sentence, `{TT01.KQ}` is the provincial figure of that cell of the section's template, written
 * as Vietnamese (or English) numbers; `{NL01.KQ:unit}` adds its unit of measure ("12 lớp");
 * `{TT01.KQ:change}` is its change from
 * the same period a year before ("tăng 12,3% so với cùng kỳ"; a rate's change in percentage points,
 * "tăng 2,3 điểm phần trăm"), saying so when that period's units differ. A rank (`{DT.XH}`) is written
 * with the number ranked ("36/63"). A part in `[…]` is left out when a
 * figure in it is missing, and a sentence is left out when a figure outside such a part is: the
 * report never invents a number.
 */
import type { Localized } from './schema';

export interface ReportSection {
  /** The heading; the report numbers the sections it prints, consecutively. */
  heading: Localized;
  /** The template whose consolidated figures the sentences use. */
  template: string;
  sentences: readonly Localized[];
}

export const REPORT_SECTIONS: readonly ReportSection[] = [
  {
    heading: { vi: 'Thủ tục hành chính và dịch vụ công trực tuyến', en: 'Administrative procedures and online public services' },
    template: 'BM03',
    sentences: [
      {
        vi: 'Tổng số thủ tục hành chính được cung cấp trên Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh là {TT01.KQ} thủ tục[ ({TT01.KQ:change})], trong đó {TT02.KQ} dịch vụ công trực tuyến toàn trình ({TL01.KQ}), {TT03.KQ} dịch vụ công trực tuyến một phần ({TL02.KQ}) và {TT04.KQ} dịch vụ cung cấp thông tin trực tuyến.',
        en: 'The province’s procedures system offers {TT01.KQ} administrative procedures[ ({TT01.KQ:change})], of which {TT02.KQ} are full online public services ({TL01.KQ}), {TT03.KQ} partial online services ({TL02.KQ}) and {TT04.KQ} information-only online services.',
      },
      // The catalogue by level, where the period's version counts it so (tỉnh and xã from 1 July 2025).
      {
        vi: '[Theo cấp, danh mục thủ tục hành chính của tỉnh gồm {TT01A.KQ} thủ tục cấp tỉnh và {TT01C.KQ} thủ tục cấp xã.]',
        en: '[By level, the province’s catalogue has {TT01A.KQ} procedures at province level and {TT01C.KQ} at commune level.]',
      },
      {
        vi: 'Số dịch vụ có phát sinh hồ sơ là {TT05.KQ}, trong đó {TT06.KQ} dịch vụ toàn trình ({TL03.KQ}) và {TT07.KQ} dịch vụ một phần ({TL04.KQ}).',
        en: '{TT05.KQ} services had records, of which {TT06.KQ} full online services ({TL03.KQ}) and {TT07.KQ} partial ones ({TL04.KQ}).',
      },
      {
        vi: 'Các cơ quan, đơn vị đã tiếp nhận {HS01.KQ} hồ sơ[, trong đó {HS02.KQ} hồ sơ trực tuyến ({TL07.KQ})].',
        en: 'Agencies received {HS01.KQ} records[, of which {HS02.KQ} online ({TL07.KQ})].',
      },
      {
        vi: 'Số hồ sơ đã giải quyết là {HS03.KQ} hồ sơ, trong đó {HS04.KQ} hồ sơ giải quyết đúng hạn, đạt tỷ lệ {TL08.KQ}[ ({TL08.KQ:change})].',
        en: '{HS03.KQ} records were resolved, {HS04.KQ} of them on time: {TL08.KQ}[ ({TL08.KQ:change})].',
      },
      {
        vi: 'Số hồ sơ được số hóa là {HS05.KQ} hồ sơ, đạt tỷ lệ {TL09.KQ} trên tổng số hồ sơ tiếp nhận.',
        en: '{HS05.KQ} records were digitised, {TL09.KQ} of those received.',
      },
    ],
  },
  {
    heading: { vi: 'Văn bản điện tử và hồ sơ công việc', en: 'Electronic documents and work records' },
    template: 'BM04',
    sentences: [
      {
        vi: 'Tổng số văn bản điện tử gửi, nhận là {VB01.KQ} văn bản[ ({VB01.KQ:change})], trong đó {VB02.KQ} văn bản gửi, nhận trong tỉnh và {VB03.KQ} văn bản trao đổi với bộ, ngành, tỉnh khác; {VB04.KQ} văn bản được ký số ({TL01.KQ}).',
        en: '{VB01.KQ} electronic documents were sent and received[ ({VB01.KQ:change})]: {VB02.KQ} within the province and {VB03.KQ} with ministries and other provinces; {VB04.KQ} were digitally signed ({TL01.KQ}).',
      },
      {
        vi: 'Tỷ lệ hồ sơ công việc xử lý trên môi trường mạng[ ở cấp tỉnh đạt {HC01.KQ}][, cấp huyện {HC02.KQ}][, cấp xã {HC03.KQ}].',
        en: 'Work records handled online[: {HC01.KQ} at province level][, {HC02.KQ} at district level][, {HC03.KQ} at commune level].',
      },
    ],
  },
  {
    heading: { vi: 'An toàn thông tin mạng', en: 'Information security' },
    template: 'BM05',
    sentences: [
      {
        vi: 'Toàn tỉnh có {AT01.KQ} hệ thống thông tin cấp độ 2 ({AT02.KQ} đã được phê duyệt hồ sơ đề xuất cấp độ, {TL01.KQ}) và {AT03.KQ} hệ thống cấp độ 3 ({AT04.KQ} đã được phê duyệt, {TL02.KQ}).',
        en: 'The province has {AT01.KQ} level-2 information systems ({AT02.KQ} approved, {TL01.KQ}) and {AT03.KQ} level-3 systems ({AT04.KQ} approved, {TL02.KQ}).',
      },
      {
        vi: 'Đã phát hiện {AT06.KQ} sự cố an toàn thông tin, xử lý {AT07.KQ} sự cố ({TL03.KQ}); {AT05.KQ} máy trạm được cài phần mềm phòng chống mã độc.',
        en: '{AT06.KQ} security incidents were detected and {AT07.KQ} handled ({TL03.KQ}); {AT05.KQ} workstations run anti-malware software.',
      },
      {
        vi: 'Đội ngũ cán bộ chuyên trách công nghệ thông tin có {AT08.KQ:unit}, trong đó {AT09.KQ} được đào tạo về an toàn thông tin ({TL04.KQ}).',
        en: 'Dedicated IT staff number {AT08.KQ}, {AT09.KQ} of them trained in information security ({TL04.KQ}).',
      },
    ],
  },
  {
    heading: { vi: 'Kinh tế số và xã hội số', en: 'Digital economy and society' },
    template: 'BM06',
    sentences: [
      {
        vi: 'Các địa phương đã tổ chức {NL01.KQ:unit} tập huấn, bồi dưỡng kỹ năng số với {NL02.KQ:unit} tham gia.',
        en: 'Localities held {NL01.KQ} digital-skills training classes, with {NL02.KQ:unit}.',
      },
      {
        vi: 'Toàn tỉnh có {XH01.KQ:unit} công nghệ số cộng đồng với {XH02.KQ:unit}; {XH03.KQ:unit} có kết nối Internet cáp quang và {XH04.KQ:unit} có người dùng điện thoại thông minh.',
        en: 'There are {XH01.KQ} community digital-technology teams with {XH02.KQ} members; {XH03.KQ:unit} have fibre Internet and {XH04.KQ:unit} have a smartphone user.',
      },
      {
        vi: 'Đã có {XH05.KQ:unit} được đưa lên sàn thương mại điện tử; {XH06.KQ:unit} định danh điện tử mức 1 và {XH07.KQ:unit} mức 2 được kích hoạt.',
        en: '{XH05.KQ:unit} are on e-commerce platforms; {XH06.KQ:unit} of level-1 electronic ID and {XH07.KQ:unit} of level 2 are active.',
      },
    ],
  },
  {
    heading: { vi: 'Kinh phí thực hiện chuyển đổi số', en: 'Spending on digital transformation' },
    template: 'BM07',
    sentences: [
      {
        vi: 'Tổng kinh phí thực hiện chuyển đổi số là {KP09.KQ:unit}, trong đó chi cho an toàn thông tin chiếm {TL01.KQ}.',
        en: 'Digital-transformation spending totals {KP09.KQ:unit}, of which information security takes {TL01.KQ}.',
      },
    ],
  },
  {
    heading: { vi: 'Tự đánh giá chỉ số chuyển đổi số (DTI)', en: 'Digital transformation index (DTI), self-assessed' },
    template: 'BM08',
    sentences: [
      {
        // Points (922/QĐ-BTTTT, DTI 2021–2023) or a value from 0 to 1 (405/QĐ-BKHCN, from DTI 2024): the period's version says which.
        vi: 'Chỉ số DTI tự đánh giá của tỉnh đạt {DT.KQ:unit}[, xếp hạng {DT.XH}].',
        en: 'The province’s self-assessed DTI is {DT.KQ:unit}[, ranked {DT.XH}].',
      },
    ],
  },
];
