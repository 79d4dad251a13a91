/** BM03 — Thủ tục hành chính và dịch vụ công trực tuyến (seeds 000 §9, 001 §7, 003 §5b). */
import { defineTemplate } from './define';
import { filedBy } from './filing';
import { nextVersion } from './versions';
import { TWO_LEVEL_LOCAL_GOVERNMENT_FROM } from '../settings';
// The catalogue (TT…) is the province's, kept by one body and never summed; the records (HS…) each unit handled.
import { CATALOGUE, FLOW, L, NOTE_COLUMN_DEF, RESULT_COLUMN, countRow, le, shareRow, shareRules, sum, type RowInput, type RuleInput } from './build';

const TTHC = L('TTHC', 'procedures');
const SERVICES = L('dịch vụ', 'services');
const RECORDS = L('hồ sơ', 'records');
const ALL = ['department', 'district', 'commune'] as const;

const rows: RowInput[] = [
  countRow('TT01', L('TTHC cung cấp trên hệ thống (tổng)', 'Procedures provided on the system (total)'), TTHC, CATALOGUE),
  countRow('TT02', L('Dịch vụ công trực tuyến toàn trình', 'Full online public services'), SERVICES, { ...CATALOGUE, level: 1 }),
  countRow('TT03', L('Dịch vụ công trực tuyến một phần', 'Partial online public services'), SERVICES, { ...CATALOGUE, level: 1 }),
  countRow('TT04', L('Dịch vụ cung cấp thông tin trực tuyến', 'Information-only online services'), SERVICES, { ...CATALOGUE, level: 1 }),
  countRow('TT05', L('Dịch vụ có phát sinh hồ sơ (tổng)', 'Services with records (total)'), SERVICES, CATALOGUE),
  countRow('TT06', L('Dịch vụ toàn trình có phát sinh hồ sơ', 'Full online services with records'), SERVICES, { ...CATALOGUE, level: 1 }),
  countRow('TT07', L('Dịch vụ một phần có phát sinh hồ sơ', 'Partial online services with records'), SERVICES, { ...CATALOGUE, level: 1 }),
  countRow('TT08', L('Dịch vụ cung cấp thông tin có phát sinh hồ sơ', 'Information services with records'), SERVICES, { ...CATALOGUE, level: 1 }),
  countRow('TT09', L('Dịch vụ một phần có phát sinh hồ sơ trực tuyến', 'Partial services with online records'), SERVICES, { ...CATALOGUE, level: 2 }),
  countRow('HS01', L('Hồ sơ tiếp nhận', 'Records received'), RECORDS, { ...FLOW, requiredFor: [...ALL] }),
  countRow('HS02', L('Hồ sơ tiếp nhận trực tuyến', 'Records received online'), RECORDS, { ...FLOW, level: 1, requiredFor: [...ALL] }),
  countRow('HS03', L('Hồ sơ đã giải quyết', 'Records resolved'), RECORDS, { ...FLOW, requiredFor: [...ALL] }),
  countRow('HS04', L('Hồ sơ giải quyết đúng hạn', 'Records resolved on time'), RECORDS, { ...FLOW, level: 1, requiredFor: [...ALL] }),
  countRow('HS05', L('Hồ sơ được số hóa', 'Records digitised'), RECORDS, FLOW),
  countRow('HS05A', L('Số hóa tại cấp tỉnh', 'Digitised at province level'), RECORDS, { ...FLOW, level: 1 }),
  countRow('HS05B', L('Số hóa tại cấp huyện', 'Digitised at district level'), RECORDS, { ...FLOW, level: 1 }),
  countRow('HS05C', L('Số hóa tại cấp xã', 'Digitised at commune level'), RECORDS, { ...FLOW, level: 1 }),
  shareRow('TL01', L('Tỷ lệ DVCTT toàn trình trên tổng TTHC', 'Full online services / procedures'), ['TT02.KQ'], 'TT01.KQ'),
  shareRow('TL02', L('Tỷ lệ DVCTT một phần trên tổng TTHC', 'Partial online services / procedures'), ['TT03.KQ'], 'TT01.KQ'),
  shareRow('TL03', L('Tỷ lệ dịch vụ toàn trình có phát sinh hồ sơ', 'Full online services with records / services with records'), ['TT06.KQ'], 'TT05.KQ'),
  shareRow('TL04', L('Tỷ lệ dịch vụ một phần có phát sinh hồ sơ', 'Partial services with records / services with records'), ['TT07.KQ'], 'TT05.KQ'),
  shareRow('TL05', L('Tỷ lệ dịch vụ cung cấp thông tin có phát sinh hồ sơ', 'Information services with records / services with records'), ['TT08.KQ'], 'TT05.KQ'),
  shareRow('TL06', L('Tỷ lệ dịch vụ một phần có phát sinh hồ sơ trực tuyến', 'Partial services with online records / partial services with records'), ['TT09.KQ'], 'TT07.KQ'),
  shareRow('TL07', L('Tỷ lệ hồ sơ tiếp nhận trực tuyến', 'Records received online / records received'), ['HS02.KQ'], 'HS01.KQ'),
  shareRow('TL08', L('Tỷ lệ hồ sơ giải quyết đúng hạn', 'Records resolved on time / records resolved'), ['HS04.KQ'], 'HS03.KQ'),
  shareRow('TL09', L('Tỷ lệ hồ sơ được số hóa', 'Records digitised / records received'), ['HS05.KQ'], 'HS01.KQ'),
];

/** The rules of a version: the catalogue's sums and bounds, the records', then the given digitisation sums and every share. */
function rulesOf(rows: readonly RowInput[], digitised: RuleInput[], levels: RuleInput[] = []): RuleInput[] {
  return [
    sum('TT01.TONG', 'TT01.KQ', ['TT02.KQ', 'TT03.KQ', 'TT04.KQ'], 'TEMPLATES.md BM03'),
    ...levels,
    sum('TT05.TONG', 'TT05.KQ', ['TT06.KQ', 'TT07.KQ', 'TT08.KQ'], 'TEMPLATES.md BM03'),
    le('TT05.TT01', 'TT05.KQ', 'TT01.KQ'),
    le('TT06.TT02', 'TT06.KQ', 'TT02.KQ'),
    le('TT07.TT03', 'TT07.KQ', 'TT03.KQ'),
    le('TT08.TT04', 'TT08.KQ', 'TT04.KQ'),
    le('TT09.TT07', 'TT09.KQ', 'TT07.KQ'),
    le('HS02.HS01', 'HS02.KQ', 'HS01.KQ'),
    le('HS04.HS03', 'HS04.KQ', 'HS03.KQ'),
    ...digitised,
    le('HS05.HS01', 'HS05.KQ', 'HS01.KQ'),
    ...shareRules(rows),
  ];
}

export const BM03 = defineTemplate({
  id: 'BM03',
  version: '2024.1',
  kind: 'indicator',
  title: L('Thủ tục hành chính và dịch vụ công trực tuyến', 'Administrative procedures and online public services'),
  source: 'Quyết định 3330/QĐ-UBND ngày 29/11/2021 của UBND tỉnh',
  periodKinds: ['Q', 'H', 'Y'],
  filedBy: filedBy([...ALL]),
  columns: [RESULT_COLUMN, NOTE_COLUMN_DEF],
  rows,
  rules: rulesOf(rows, [sum('HS05.TONG', 'HS05.KQ', ['HS05A.KQ', 'HS05B.KQ', 'HS05C.KQ'], 'TEMPLATES.md BM03')]),
});

/**
 * From the periods ending on or after 1 July 2025 (two-level local government): the province's
 * catalogue by level, tỉnh (TT01A) and xã (TT01C), kept by the catalogue's body like every TT row and
 * never summed; and no digitisation at district level (HS05 = HS05A + HS05C).
 *
 * The version before gets no level rows, not even as a version of its own. Every period it serves
 * ended before 1 July 2025 and has been filed (and some closed) under 2024.1: a version with TT01A–TT01C
 * for those periods would put their filings under another version than their consolidation's, move
 * the addresses of workbooks already sent upward, and ask the keeper again for figures of a catalogue
 * that the province published as a total only (seed 001 §7: 1.683). Those periods keep 2024.1 as filed.
 */
const levelRows: RowInput[] = [
  countRow('TT01A', L('TTHC cấp tỉnh', 'Procedures at province level'), TTHC, { ...CATALOGUE, catalogueLevel: 'province', level: 1 }),
  countRow('TT01C', L('TTHC cấp xã', 'Procedures at commune level'), TTHC, { ...CATALOGUE, catalogueLevel: 'commune', level: 1 }),
];
const twoLevelRows = rows.flatMap((row) => (row.code === 'TT01' ? [row, ...levelRows] : row.code === 'HS05B' ? [] : [row]));

export const BM03_TWO_LEVEL = nextVersion(BM03, {
  version: '2025.1',
  from: TWO_LEVEL_LOCAL_GOVERNMENT_FROM,
  dropRows: ['HS05B'],
  rows: twoLevelRows,
  rules: rulesOf(
    twoLevelRows,
    [sum('HS05.TONG', 'HS05.KQ', ['HS05A.KQ', 'HS05C.KQ'], 'TEMPLATES.md BM03 (từ 01/7/2025)')],
    [sum('TT01.CAP', 'TT01.KQ', ['TT01A.KQ', 'TT01C.KQ'], 'TEMPLATES.md BM03 (từ 01/7/2025)')],
  ),
});

export const BM03_VERSIONS = [BM03, BM03_TWO_LEVEL];
