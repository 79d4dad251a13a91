/** A report for people: one line per issue, with its place in the sheet. */
import type { Issue, Report } from '../shared/validation';
import type { CliText } from './text';

export function printReport(report: Report, t: CliText, out: (text: string) => void): void {
  out(t.heading(report.template, report.templateVersion || '?', report.period, report.unit ?? '', report.engineVersion) + '\n');
  for (const issue of report.errors) out(line(t.error, issue) + '\n');
  for (const issue of report.warnings) {
    out(line(t.warning, issue) + '\n');
    out(`    ↳ ${issue.explained ? t.explained(issue.note ?? '') : t.unexplained}\n`);
  }
  const open = report.warnings.filter((w) => !w.explained).length;
  out(t.summary(report.errors.length, report.warnings.length, open) + '\n');
}

function line(label: string, issue: Issue): string {
  const where = issue.addresses?.[0] ?? issue.cells[0] ?? '';
  return `${label.padEnd(9)} ${where.padEnd(12)} ${issue.message}`;
}
