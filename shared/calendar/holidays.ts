/**
 * Viet Nam's public holidays as days off for state bodies, year by year (Labour Code 2019, Art. 112,
 * and the Prime Minister's yearly announcement of Tết and of compensatory days): Tết Dương lịch,
 * Tết Nguyên đán, Giỗ Tổ Hùng Vương (10/3 âm lịch), 30/4 and 1/5, Quốc khánh (2/9 and the day
 * before or after it from 2021). Days off that fall on a weekend are listed too; a holiday on a
 * weekend is followed by its compensatory day (nghỉ bù). `WORKING_SATURDAYS` are Saturdays worked
 * in exchange for a bridge day (làm bù). Data: one line per day, checked each year against the
 * announcement.
 */
export interface CalendarDay {
  day: string;
  name: string;
}

const TET = 'Tết Nguyên đán';
const NEW_YEAR = 'Tết Dương lịch';
const HUNG_KINGS = 'Giỗ Tổ Hùng Vương';
const REUNIFICATION = 'Ngày Chiến thắng 30/4';
const LABOUR = 'Ngày Quốc tế Lao động 1/5';
const NATIONAL = 'Quốc khánh 2/9';
const COMPENSATORY = 'nghỉ bù';
const BRIDGE = 'nghỉ hoán đổi (làm bù vào thứ Bảy)';

const days = (name: string, ...list: string[]): CalendarDay[] => list.map((day) => ({ day, name }));

export const PUBLIC_HOLIDAYS: readonly CalendarDay[] = [
  // 2020
  ...days(NEW_YEAR, '2020-01-01'),
  ...days(TET, '2020-01-23', '2020-01-24', '2020-01-25', '2020-01-26', '2020-01-27', '2020-01-28', '2020-01-29'),
  ...days(HUNG_KINGS, '2020-04-02'),
  ...days(REUNIFICATION, '2020-04-30'),
  ...days(LABOUR, '2020-05-01'),
  ...days(NATIONAL, '2020-09-02'),
  // 2021
  ...days(NEW_YEAR, '2021-01-01'),
  ...days(TET, '2021-02-10', '2021-02-11', '2021-02-12', '2021-02-13', '2021-02-14', '2021-02-15', '2021-02-16'),
  ...days(HUNG_KINGS, '2021-04-21'),
  ...days(REUNIFICATION, '2021-04-30'),
  ...days(LABOUR, '2021-05-01'),
  ...days(`${LABOUR} (${COMPENSATORY})`, '2021-05-03'),
  ...days(NATIONAL, '2021-09-02', '2021-09-03'),
  // 2022
  ...days(NEW_YEAR, '2022-01-01'),
  ...days(`${NEW_YEAR} (${COMPENSATORY})`, '2022-01-03'),
  ...days(TET, '2022-01-29', '2022-01-30', '2022-01-31', '2022-02-01', '2022-02-02', '2022-02-03', '2022-02-04', '2022-02-05', '2022-02-06'),
  ...days(HUNG_KINGS, '2022-04-10'),
  ...days(`${HUNG_KINGS} (${COMPENSATORY})`, '2022-04-11'),
  ...days(REUNIFICATION, '2022-04-30'),
  ...days(LABOUR, '2022-05-01'),
  ...days(`30/4 – 1/5 (${COMPENSATORY})`, '2022-05-02', '2022-05-03'),
  ...days(NATIONAL, '2022-09-01', '2022-09-02'),
  // 2023
  ...days(NEW_YEAR, '2022-12-31', '2023-01-01'),
  ...days(`${NEW_YEAR} (${COMPENSATORY})`, '2023-01-02'),
  ...days(TET, '2023-01-20', '2023-01-21', '2023-01-22', '2023-01-23', '2023-01-24', '2023-01-25', '2023-01-26'),
  ...days(HUNG_KINGS, '2023-04-29'),
  ...days(REUNIFICATION, '2023-04-30'),
  ...days(LABOUR, '2023-05-01'),
  // Giỗ Tổ (29/4) and 30/4 fell on the weekend: both compensated, no Saturday worked.
  ...days(`${HUNG_KINGS} (${COMPENSATORY})`, '2023-05-02'),
  ...days(`${REUNIFICATION} (${COMPENSATORY})`, '2023-05-03'),
  ...days(NATIONAL, '2023-09-01', '2023-09-02'),
  ...days(`${NATIONAL} (${COMPENSATORY})`, '2023-09-04'),
  // 2024
  ...days(NEW_YEAR, '2024-01-01'),
  ...days(TET, '2024-02-08', '2024-02-09', '2024-02-10', '2024-02-11', '2024-02-12', '2024-02-13', '2024-02-14'),
  ...days(HUNG_KINGS, '2024-04-18'),
  ...days(BRIDGE, '2024-04-29'),
  ...days(REUNIFICATION, '2024-04-30'),
  ...days(LABOUR, '2024-05-01'),
  ...days(NATIONAL, '2024-09-02', '2024-09-03'),
  // 2025 (Thông báo 6150/TB-BLĐTBXH, 3/12/2024)
  ...days(NEW_YEAR, '2025-01-01'),
  ...days(TET, '2025-01-25', '2025-01-26', '2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01', '2025-02-02'),
  ...days(HUNG_KINGS, '2025-04-07'),
  ...days(REUNIFICATION, '2025-04-30'),
  ...days(LABOUR, '2025-05-01'),
  ...days(BRIDGE, '2025-05-02'),
  ...days(NATIONAL, '2025-09-01', '2025-09-02'),
  // 2026 (Công văn 12729/VPCP-KGVX, 25/12/2025; Bộ Nội vụ's notice of October 2025 for Tết and Quốc khánh)
  ...days(NEW_YEAR, '2026-01-01'),
  ...days(BRIDGE, '2026-01-02'),
  ...days(TET, '2026-02-14', '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22'),
  ...days(HUNG_KINGS, '2026-04-26'),
  ...days(`${HUNG_KINGS} (${COMPENSATORY})`, '2026-04-27'),
  ...days(REUNIFICATION, '2026-04-30'),
  ...days(LABOUR, '2026-05-01'),
  ...days(BRIDGE, '2026-08-31'),
  ...days(NATIONAL, '2026-09-01', '2026-09-02'),
  // 2027 (by the Labour Code, until the yearly announcement). Tết: mùng 1 is Saturday 6/2; the five
  // days of Art. 112 (30 Tết to mùng 4) hold two weekend days, so two compensatory days follow.
  ...days(NEW_YEAR, '2027-01-01'),
  ...days(TET, '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09'),
  ...days(`${TET} (${COMPENSATORY})`, '2027-02-10', '2027-02-11'),
  ...days(HUNG_KINGS, '2027-04-16'),
  ...days(REUNIFICATION, '2027-04-30'),
  ...days(LABOUR, '2027-05-01'),
  ...days(`30/4 – 1/5 (${COMPENSATORY})`, '2027-05-03'),
  ...days(NATIONAL, '2027-09-02', '2027-09-03'),
];

/** Saturdays worked in exchange for a bridge day off. */
export const WORKING_SATURDAYS: readonly CalendarDay[] = [
  ...days('làm bù cho ngày 29/4/2024', '2024-05-04'),
  ...days('làm bù cho ngày 02/5/2025', '2025-04-26'),
  ...days('làm bù cho ngày 02/1/2026', '2026-01-10'),
  ...days('làm bù cho ngày 31/8/2026', '2026-08-22'),
];
