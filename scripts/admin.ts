/**
 * `npm run admin -- …`: administration a deployment needs before anyone can sign in.
 *
 *   token create --role unit|dic|auditor [--unit CODE] [--person LOGIN] [--label TEXT] [--expires YYYY-MM-DD] --local|--remote
 *   token list --local|--remote
 *   token rotate TOKEN_ID [--expires YYYY-MM-DD] --local|--remote
 *   token revoke TOKEN_ID --local|--remote
 *   units import FILE.csv --local|--remote
 *   units export --local|--remote
 *
 * With --local, --persist-to DIR names the local state directory, as for `wrangler dev --persist-to`.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { keepAbsentColumns, parseUnitsCsv, unitsToCsv } from '../shared/registry/units-csv';
import { auditActionOf, planImport, type FiledEnd, type FiledPeriod } from '../shared/registry/history';
import { closedPeriodsAltered, type ClosedSpan } from '../shared/registry/closed-periods';
import { problemLine, renderField, renderProblem } from '../shared/problems';
import { UNIT_COLUMNS, toUnit, type UnitRow } from '../worker/src/db/units';
import { d1, sql, type LocalState, type Target } from './lib/d1';
import { unitsInsertSql } from './lib/units-sql';
import { createTokenIn, listTokensIn, revokeTokenIn, rotateTokenIn, tokenExpiry, UsageError, type Role } from './lib/tokens';

const USAGE = `Cách dùng:
  npm run admin -- token create --role unit|dic|auditor [--unit MÃ] [--person EMAIL_HOẶC_TÊN_ĐĂNG_NHẬP] [--label "mô tả"] [--expires YYYY-MM-DD] --local|--remote
  npm run admin -- token list --local|--remote
  npm run admin -- token rotate MÃ_ĐỊNH_DANH [--expires YYYY-MM-DD] --local|--remote
  npm run admin -- token revoke MÃ_ĐỊNH_DANH --local|--remote
(Mã thông báo có hiệu lực 365 ngày nếu không ghi --expires, tối đa 3 năm.)
  npm run admin -- units import don-vi.csv --local|--remote
  npm run admin -- units export --local|--remote
(--local dùng dữ liệu của npm start; thêm --persist-to THƯ_MỤC nếu worker chạy với thư mục khác.)`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      role: { type: 'string' },
      unit: { type: 'string' },
      label: { type: 'string' },
      person: { type: 'string' },
      expires: { type: 'string' },
      local: { type: 'boolean' },
      remote: { type: 'boolean' },
      'persist-to': { type: 'string' },
    },
  });
  const [subject, action, arg] = positionals;
  if (values.local === values.remote) {
    console.error('Chọn một: --local (cơ sở dữ liệu trên máy) hoặc --remote (trên Cloudflare).\n\n' + USAGE);
    return 2;
  }
  const target: Target = values.local ? 'local' : 'remote';
  if (target === 'remote' && values['persist-to']) {
    console.error('--persist-to chỉ dùng với --local: cơ sở dữ liệu trên Cloudflare không có thư mục trên máy này.');
    return 2;
  }
  const state: LocalState = values['persist-to'] ? { persistTo: values['persist-to'] } : {};

  if (subject === 'token' && action === 'create') {
    const role = values.role as Role | undefined;
    if (!role || !['unit', 'dic', 'auditor'].includes(role)) throw new Error('--role phải là unit, dic hoặc auditor.');
    if (role === 'unit' && !values.unit) throw new Error('Mã thông báo vai trò unit cần --unit MÃ_ĐƠN_VỊ.');
    if (role === 'auditor' && values.unit) throw new Error('Kiểm toán viên không gắn với đơn vị.');
    const { id, token, expiresAt } = await createTokenIn(target, role, values.unit?.toUpperCase() ?? null, values.label ?? null, state, tokenExpiry(values.expires), values.person ?? null);
    console.log(`Đã tạo mã ${id} (vai trò ${role}${values.unit ? `, đơn vị ${values.unit.toUpperCase()}` : ''}${values.person ? `, của ${values.person}` : ''}, hết hạn sau ngày ${expiresAt}). Mã bí mật chỉ hiện một lần:`);
    console.log(token);
    return 0;
  }
  if (subject === 'token' && action === 'rotate') {
    if (!arg) throw new Error('Cần mã định danh của mã thông báo (xem: token list).');
    const rotated = await rotateTokenIn(target, arg, state, tokenExpiry(values.expires));
    if (rotated === 'not_found') throw new Error(`Không có mã thông báo ${arg}.`);
    if (rotated === 'revoked') throw new Error(`Mã thông báo ${arg} đã bị thu hồi; hãy tạo mã mới (token create).`);
    console.log(`Đã thay ${arg} bằng ${rotated.id} (hết hạn sau ngày ${rotated.expiresAt}); mã cũ thôi hiệu lực. Mã bí mật mới chỉ hiện một lần:`);
    console.log(rotated.token);
    return 0;
  }
  if (subject === 'token' && action === 'list') {
    const rows = await listTokensIn(target, state);
    for (const r of rows) {
      const status = r.revoked_at ? `thu hồi ${r.revoked_at}` : r.expires_at ? `hiệu lực đến hết ${r.expires_at}` : 'còn hiệu lực';
      console.log([r.id, r.role, r.unit ?? '-', r.person ?? '-', status, r.label ?? ''].join('\t'));
    }
    if (rows.length === 0) console.log('Chưa có mã thông báo nào.');
    return 0;
  }
  if (subject === 'token' && action === 'revoke') {
    if (!arg) throw new Error('Cần mã định danh của mã thông báo (xem: token list).');
    const outcome = await revokeTokenIn(target, arg, state);
    if (outcome === 'not_found') throw new Error(`Không có mã thông báo ${arg}.`);
    if (typeof outcome === 'object') throw new Error(`Mã ${arg} đã được thay bằng ${outcome.replacedBy}; thu hồi ${outcome.replacedBy} để chấm dứt quyền truy cập.`);
    console.log(outcome === 'revoked' ? `Đã thu hồi ${arg}.` : `${arg} đã được thu hồi từ trước; không có gì thay đổi.`);
    return 0;
  }
  if (subject === 'units' && action === 'import') {
    const MAX_LISTED = 200;
    if (!arg) throw new Error('Cần tệp CSV.');
    const parsed = parseUnitsCsv(await readFile(arg, 'utf8'));
    const lineOf = new Map(parsed.units.map((u, i) => [`${u.code}|${u.validFrom}`, parsed.lines[i]]));
    // The same rules as an import through the API: the registry as a whole, and history never rewritten.
    // The registry, its version and what was filed under it, in one read (each call to D1 is slow).
    const [read] = await d1(
      target,
      `SELECT (SELECT version FROM registry_version WHERE id = 1) AS version,
         (SELECT json_group_array(json_object(${UNIT_COLUMNS.split(', ').map((c) => `'${c}', ${c}`).join(', ')})) FROM (SELECT * FROM units ORDER BY rowid)) AS units,
         (SELECT json_group_array(json_object('unit', unit_code, 'period', period)) FROM (SELECT DISTINCT unit_code, period FROM submissions)) AS filings,
         (SELECT json_group_array(json_object('code', code, 'validFrom', valid_from, 'validTo', valid_to)) FROM filed_record_ends) AS ends,
         (SELECT json_group_array(json_object('period', period, 'start', first_day, 'end', last_day)) FROM period_locks) AS closed`,
      state,
    );
    const version = Number(read!.version);
    const existing = (JSON.parse(String(read!.units)) as UnitRow[]).map(toUnit);
    const filings = JSON.parse(String(read!.filings)) as FiledPeriod[];
    const filedEnds = JSON.parse(String(read!.ends)) as FiledEnd[];
    const plan = parsed.problems.length > 0 ? undefined : planImport(existing, keepAbsentColumns(parsed.units, parsed.columns, existing), filings, filedEnds);
    // Closed periods: what was sent upward is not altered (the database's triggers refuse it too).
    const altered = plan ? closedPeriodsAltered(plan.changes, JSON.parse(String(read!.closed)) as ClosedSpan[]) : [];
    const problems = [
      ...(altered.length > 0 ? [{ line: undefined, field: undefined, message: renderProblem('period_closed', { period: altered.join(', '), version: '' }, 'vi') }] : []),
      ...parsed.problems,
      ...(plan?.problems ?? []).map((p) => ({ line: lineOf.get(`${p.code}|${p.validFrom}`), field: p.field, message: `${p.code}: ${renderField({ code: p.problem, ...(p.params ? { params: p.params } : {}) }, 'vi')}` })),
      ...(plan?.conflicts ?? []).map((c) => ({ line: lineOf.get(`${c.code}|${c.validFrom}`), field: 'code', message: renderProblem('registry_history_conflict', { list: `${c.code}@${c.validFrom}: ${c.periods.join(', ')}` }, 'vi') })),
    ];
    if (problems.length > 0 || !plan) {
      for (const p of problems.slice(0, MAX_LISTED)) console.error(problemLine('vi', p.line, p.field, p.message));
      if (problems.length > MAX_LISTED) console.error(`… và ${problems.length - MAX_LISTED} lỗi khác.`);
      console.error(`Không nhập đơn vị nào: ${problems.length} lỗi.`);
      // A file that is not a registry (a date that is no day, a missing column) is a usage error.
      return parsed.problems.length > 0 ? 2 : 1;
    }
    // Like an import through the API, each record changed is written down in the audit log, before and after, in the same execution.
    const at = new Date().toISOString();
    const audit = plan.changes
      .map((ch) => `INSERT INTO audit_log (at, actor, role, action, target, detail) VALUES (${sql(at)}, 'admin', 'dic', ${sql(auditActionOf(ch))}, ${sql(`${ch.after.code}@${ch.after.validFrom}`)}, ${sql(JSON.stringify({ before: ch.before, after: ch.after, file: basename(arg) }))});`)
      .join('\n');
    // Written only onto the registry as it was read, like an import through the API.
    const unchangedSince = `INSERT INTO write_guards (what, ok) SELECT 'registry', (SELECT version FROM registry_version WHERE id = 1) = ${Number(version)};`;
    if (plan.changes.length > 0) await d1(target, `${unchangedSince}\n${unitsInsertSql(plan.changes.map((ch) => ch.after))}\n${audit}`, state);
    console.log(`Đã nhập ${parsed.units.length} đơn vị: ${plan.changes.filter((ch) => ch.action === 'created').length} thêm, ${plan.changes.filter((ch) => ch.action === 'updated').length} sửa, ${plan.unchanged} không đổi.`);
    return 0;
  }
  if (subject === 'units' && action === 'export') {
    const rows = await d1(target, `SELECT ${UNIT_COLUMNS} FROM units ORDER BY rowid`, state);
    process.stdout.write(unitsToCsv(rows.map((r) => toUnit(r as unknown as UnitRow))));
    return 0;
  }
  console.error(USAGE);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (e: Error) => {
    if (/write_conflict/.test(e.message)) console.error('Cùng lúc có một thay đổi khác của cùng dữ liệu; lệnh chưa được thực hiện, không có gì thay đổi. Hãy chạy lại.');
    else console.error(e.message);
    process.exitCode = e instanceof UsageError ? 2 : 1;
  },
);
