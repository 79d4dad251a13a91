/**
 * Published figures of Đắk Lắk province (the seed documents), as submissions. They are the
 * golden cases of the engine and the demo data of a local run; some break the rules, as published.
 */
import type { Submission } from '../submission';
import { versionOf } from '../templates';

/** Seed 001 §7 (6/2024): 1.683 TTHC = 676 + 753 + 254; 565 services with records; 382.982/384.618 on time. */
export const BM03_2024_H1: Submission = {
  template: 'BM03',
  version: versionOf('BM03', '2024-H1'),
  period: '2024-H1',
  values: {
    'TT01.KQ': '1.683',
    'TT02.KQ': 676,
    'TT03.KQ': 753,
    'TT04.KQ': 254,
    'TT05.KQ': 565,
    'TT06.KQ': 204,
    'TT07.KQ': 271,
    'TT08.KQ': 90,
    'TT09.KQ': 215,
    'HS03.KQ': '384.618',
    'HS04.KQ': '382.982',
    'TL01.KQ': '40%',
    'TL02.KQ': '44,7%',
    'TL03.KQ': '36,11%',
    'TL04.KQ': '47,96%',
    'TL05.KQ': '15,93%',
    'TL06.KQ': '79,34%',
    'TL08.KQ': '99,57%',
  },
};

/**
 * Seed 000 §9 (14/12/2023): 1.586 TTHC = 652 + 934; 586 services with records = 248 + 338, of which
 * 213 with online records (63.02%); 658.403 records digitised (299.412 + 34.463 + 324.528) of 922.917
 * received (71,34%). The 2023 report has no information-only services: written 0 so the totals are checked.
 */
export const BM03_2023: Submission = {
  template: 'BM03',
  version: versionOf('BM03', '2023'),
  period: '2023',
  values: {
    'TT01.KQ': '1.586',
    'TT02.KQ': 652,
    'TT03.KQ': 934,
    'TT04.KQ': 0,
    'TT05.KQ': 586,
    'TT06.KQ': 248,
    'TT07.KQ': 338,
    'TT08.KQ': 0,
    'TT09.KQ': 213,
    'HS01.KQ': '922.917',
    'HS02.KQ': '196.658',
    'HS05.KQ': '658.403',
    'HS05A.KQ': '299.412',
    'HS05B.KQ': '34.463',
    'HS05C.KQ': '324.528',
    'TL03.KQ': '42.32%',
    'TL04.KQ': '57.68%',
    'TL06.KQ': '63.02%',
    'TL09.KQ': '71,34%',
  },
};

/** Seed 001 §7: 770.509 documents = 715 003 within the province + 55 506 with ministries. */
export const BM04_2024_H1: Submission = {
  template: 'BM04',
  version: versionOf('BM04', '2024-H1'),
  period: '2024-H1',
  values: { 'VB01.KQ': '770.509', 'VB02.KQ': '715 003', 'VB03.KQ': '55 506' },
};

/**
 * Seed 003 §5a (2021), as published: 619.120 documents "of which 579.445 within the province and
 * 40.375 outside" (they add up to 619.820), 571.421 signed "98,6%" (571.421 / 619.120 is 92,30%).
 */
export const BM04_2021_PUBLISHED: Submission = {
  template: 'BM04',
  version: versionOf('BM04', '2021'),
  period: '2021',
  values: { 'VB01.KQ': '619.120', 'VB02.KQ': '579.445', 'VB03.KQ': '40.375', 'VB04.KQ': '571.421', 'TL01.KQ': '98,6%' },
};

/** Seed 003 §7 (2021): 13 level-2 systems approved (18,57%), 4 level-3 approved (80%), 5 incidents handled. */
export const BM05_2021: Submission = {
  template: 'BM05',
  version: versionOf('BM05', '2021'),
  period: '2021',
  values: {
    'AT01.KQ': 70,
    'AT02.KQ': 13,
    'AT03.KQ': 5,
    'AT04.KQ': 4,
    'AT05.KQ': '2.553',
    'AT06.KQ': 5,
    'AT07.KQ': 5,
    'AT08.KQ': 82,
    'TL01.KQ': '18,57%',
    'TL02.KQ': '80%',
    'TL03.KQ': '100%',
  },
};

/** Seed 001 §8 (6/2024): 1.163 community teams with 7.228 members; 1.715 products; VNeID accounts. */
export const BM06_2024_H1: Submission = {
  template: 'BM06',
  version: versionOf('BM06', '2024-H1'),
  period: '2024-H1',
  values: { 'XH01.KQ': '1.163', 'XH02.KQ': '7.228', 'XH05.KQ': '1.715', 'XH06.KQ': '331.531', 'XH07.KQ': '1.498.856' },
};

/**
 * Seed 000 §12 (2023), in tỷ đồng: 409,8 = 288 (100 + 188) + 56 (40 + 16) + 50 (34 + 16) + 15,8 (5,9 + 9,9).
 * Information security is 3,86% of the total, under the 10% of seed 004 §III.5: a warning to explain.
 */
export const BM07_2023: Submission = {
  template: 'BM07',
  version: versionOf('BM07', '2023'),
  period: '2023',
  values: {
    'KP01.KQ': 100,
    'KP02.KQ': 188,
    'KP03.KQ': 40,
    'KP04.KQ': 16,
    'KP05.KQ': 34,
    'KP06.KQ': 16,
    'KP07.KQ': '5,9',
    'KP08.KQ': '9,9',
    'KP09.KQ': '409,8 tỷ đồng',
  },
};

/** Seed 004 §II: the DTI 2021 scores and ranks among 63 provinces (total 398,49; rank 36). */
export const BM08_2021: Submission = {
  template: 'BM08',
  version: versionOf('BM08', '2021'),
  period: '2021',
  values: {
    'DT.KQ': '398,49',
    'DT.XH': 36,
    'D1.KQ': 74,
    'D1.XH': 22,
    'D2.KQ': 30,
    'D2.XH': 53,
    'D3.KQ': '41,6',
    'D3.XH': 35,
    'D4.KQ': '12,63',
    'D4.XH': 53,
    'D5.KQ': 54,
    'D5.XH': 27,
    'D6.KQ': '78,47',
    'D6.XH': 37,
    'D7.KQ': '61,62',
    'D7.XH': 34,
    'D8.KQ': '46,17',
    'D8.XH': 39,
  },
};

/** Seed 001 §II.1 (6/2024): some of the 25 key indicators, targets against results. */
export const BM01_2024_H1: Submission = {
  template: 'BM01',
  version: versionOf('BM01', '2024-H1'),
  period: '2024-H1',
  values: {
    'CT01.MT': '100%',
    'CT01.KQ': '100%',
    'CT03.MT': '100%',
    'CT03.KQ': '74,65%',
    'CT04.MT': '60%',
    'CT04.KQ': '30%',
    'CT07.MT': '90%',
    'CT07.KQ': '78,85%',
    'CT10.MT': '30%',
    'CT10.KQ': '10%',
    'CT15A.MT': '> 90%',
    'CT15A.KQ': '82%',
    'CT15B.MT': '100%',
    'CT15B.KQ': '100%',
    'CT15B.TS': 184,
    'CT15B.MS': 184,
    'CT16.MT': 'Phổ cập Internet cáp quang; 100% dịch vụ mạng di động 5G trên địa bàn Tp. BMT',
    'CT16.KQ': 'VNPT Đắk Lắk đã triển khai tổng 813 trạm 4G; mạng 5G dự kiến phát sóng trong năm 2024',
    'CT20.MT': '100%',
    'CT20.KQ': '80%',
    'CT22.MT': '100%',
    'CT22.KQ': '80%',
  },
};

/** Plan 30/KH-BCĐCĐS at 6/2024 (seed 001 §II.3): 66 tasks, 18 completed, 13 recurring, 35 in progress. */
export function plan30Tasks(): NonNullable<Submission['rows']> {
  return tasks('KH30', [
    ['Hoàn thành', 18],
    ['Thường xuyên', 13],
    ['Đang thực hiện', 35],
  ]);
}

/** Plan 203/KH-UBND at 6/2024 (seed 001 §II.4): 63 tasks, 10 completed, 9 recurring, 44 in progress. */
export function plan203Tasks(): NonNullable<Submission['rows']> {
  return tasks('KH203', [
    ['Hoàn thành', 10],
    ['Thường xuyên', 9],
    ['Đang thực hiện', 44],
  ]);
}

function tasks(plan: string, statuses: [string, number][]): NonNullable<Submission['rows']> {
  const rows: NonNullable<Submission['rows']> = [];
  for (const [status, count] of statuses) {
    for (let i = 0; i < count; i++) {
      const n = rows.length + 1;
      rows.push({
        MA: `${plan}-${String(n).padStart(2, '0')}`,
        ND: `Nhiệm vụ số ${n} của kế hoạch ${plan.slice(2)}`,
        DV: 'Sở Thông tin và Truyền thông',
        TH: status === 'Thường xuyên' ? 'Thường xuyên' : '31/12/2024',
        TT: status,
        KQ: null,
      });
    }
  }
  return rows;
}

/** Shares the seeds publish with their fractions: [numerator, denominator, written %, decimals, where]. */
export const PUBLISHED_SHARES: readonly (readonly [number, number, number, number, string])[] = [
  [18, 66, 27.27, 2, 'seed 001 §II.3 kế hoạch 30: hoàn thành'],
  [13, 66, 19.69, 2, 'seed 001 §II.3 kế hoạch 30: thường xuyên (cắt bớt)'],
  [35, 66, 53.03, 2, 'seed 001 §II.3 kế hoạch 30: đang thực hiện'],
  [10, 63, 15.87, 2, 'seed 001 §II.4 kế hoạch 203: hoàn thành'],
  [9, 63, 14.28, 2, 'seed 001 §II.4 kế hoạch 203: thường xuyên (cắt bớt)'],
  [44, 63, 69.84, 2, 'seed 001 §II.4 kế hoạch 203: đang thực hiện'],
  [8, 53, 15.1, 1, 'seed 001 §II.2 kế hoạch 10'],
  [382982, 384618, 99.57, 2, 'seed 001 §7 giải quyết đúng hạn'],
  [213, 338, 63.02, 2, 'seed 000 §9 một phần có hồ sơ trực tuyến'],
  [658403, 922917, 71.34, 2, 'seed 000 §9 số hóa'],
  [153, 191, 80.1, 1, 'seed 003 §5b mức độ 3 trực tuyến'],
  [214, 258, 82.94, 2, 'seed 003 §5b mức độ 4 trực tuyến (cắt bớt)'],
  [237636, 751295, 31.63, 2, 'seed 003 §5b hồ sơ mức độ 3'],
  [13, 70, 18.57, 2, 'seed 003 §7 HTTT cấp độ 2'],
];

/** Shares the seeds publish that do not match their own fractions. */
export const BROKEN_SHARES: readonly (readonly [number, number, number, number, string])[] = [
  [84394, 751295, 11.3, 1, 'seed 003 §5b: 84.394/751.295 là 11,23%, không phải 11,3%'],
  [571421, 619120, 98.6, 1, 'seed 003 §5a: 571.421/619.120 là 92,30%, không phải 98,6%'],
  [1315, 1611, 82.6, 1, 'seed 003 §4: 1315/1611 là 81,63%, không phải 82,6%'],
  [212201, 751295, 28.25, 2, 'seed 003 §5b: 212.201/751.295 là 28,24%, không phải 28,25%'],
];
