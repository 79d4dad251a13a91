/**
 * Task deadlines as plans write them: `31/12/2024`, `2024-06-30`, `06/2024`, `Quý III/2024`,
 * `Năm 2024`, an Excel date serial, or no fixed date (`Thường xuyên`).
 */
export * from './calendar-date';

export type DeadlineResult =
  | { ok: true; date: string }
  | { ok: true; date: null; recurring: true }
  | { ok: false };

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

export function parseDeadline(input: string | number): DeadlineResult {
  if (typeof input === 'number') {
    const iso = excelSerialToIso(input);
    return iso ? { ok: true, date: iso } : { ok: false };
  }
  const s = input.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');
  if (s === '') return { ok: false };
  if (/^(thường xuyên|hằng năm|hàng năm|hằng quý|hàng quý|liên tục)$/.test(s)) return { ok: true, date: null, recurring: true };

  let m = /^(?:ngày )?(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) return dateOf(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{4})-(\d{2})-(\d{2})(?:t.*)?$/.exec(s);
  if (m) return dateOf(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(?:tháng )?(\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) return endOfMonth(Number(m[2]), Number(m[1]));
  m = /^quý ([1-4]|i{1,3}|iv)[/ ](?:năm )?(\d{4})$/.exec(s);
  if (m) {
    const q = ROMAN[m[1]!] ?? Number(m[1]);
    return endOfMonth(Number(m[2]), q * 3);
  }
  m = /^(?:năm )?(\d{4})$/.exec(s);
  if (m) return dateOf(Number(m[1]), 12, 31);
  return { ok: false };
}

function dateOf(y: number, mo: number, d: number): DeadlineResult {
  if (y < 2000 || y > 2100 || mo < 1 || mo > 12) return { ok: false };
  const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d < 1 || d > last) return { ok: false };
  return { ok: true, date: `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}` };
}

function endOfMonth(y: number, mo: number): DeadlineResult {
  if (mo < 1 || mo > 12) return { ok: false };
  return dateOf(y, mo, new Date(Date.UTC(y, mo, 0)).getUTCDate());
}

/** Excel's 1900 date system: serial 1 is 1900-01-01, with the phantom 29 February 1900. */
export function excelSerialToIso(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return undefined;
  const days = Math.floor(serial);
  const ms = Date.UTC(1899, 11, 30) + days * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

export function isoToExcelSerial(iso: string): number {
  return Math.round((Date.parse(iso + 'T00:00:00Z') - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/** `2024-06-30` → `30/06/2024`. */
export function formatDateVi(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}
