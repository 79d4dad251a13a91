/** The template catalogue: every standard template by its stable code, each with its dated versions. */
import { BM01_VERSIONS } from './bm01';
import { BM02 } from './bm02';
import { BM03_VERSIONS } from './bm03';
import { BM04_VERSIONS } from './bm04';
import { BM05 } from './bm05';
import { BM06 } from './bm06';
import { BM07 } from './bm07';
import { BM08_VERSIONS } from './bm08';
import { parsePeriod, type Period } from '../periods';
import { isFiledFor } from './filing';
import type { Template } from './schema';
import { checkVersions, versionInForce } from './versions';

export * from './schema';
export * from './cells';
export { defineTemplate, TemplateDefinitionError } from './define';
export * from './filing';
export { nextVersion, versionInForce, type VersionChange } from './versions';

/** Every version of every template, oldest first (versions.ts: each in force from the last day of a period on). */
export const TEMPLATE_VERSIONS: ReadonlyMap<string, readonly Template[]> = new Map(
  [BM01_VERSIONS, [BM02], BM03_VERSIONS, BM04_VERSIONS, [BM05], [BM06], [BM07], BM08_VERSIONS].map((versions) => [versions[0]!.id, checkVersions(versions)]),
);

/** The current version of each template: the latest one. */
export const TEMPLATES: readonly Template[] = [...TEMPLATE_VERSIONS.values()].map((versions) => versions[versions.length - 1]!);

const byId = new Map(TEMPLATES.map((t) => [t.id, t]));

/** The current version of a template; where a period is known, `templateFor` gives the version in force for it. */
export function getTemplate(id: string): Template | undefined {
  return byId.get(id.toUpperCase());
}

/**
 * The version of a template in force for a period (a period, or its code: one that cannot be read
 * gets the current version, and is refused for itself), which filings,
 * blank workbooks, consolidations and reports of that period use.
 */
export function templateFor(id: string, period: { end: string } | string): Template | undefined {
  const end = typeof period === 'string' ? parsePeriod(period)?.end : period.end;
  const versions = TEMPLATE_VERSIONS.get(id.toUpperCase());
  if (!versions) return undefined;
  return end ? versionInForce(versions, end) : versions[versions.length - 1];
}

/** A template by one of its versions, as a workbook or a stored filing names it. */
export function templateVersion(id: string, version: string): Template | undefined {
  return TEMPLATE_VERSIONS.get(id.toUpperCase())?.find((t) => t.version === version);
}

/** The version a consolidation or a stored filing names (`{ id, version }`), or the current one where the catalogue no longer has it. */
export function templateOf(ref: { id: string; version: string }): Template | undefined {
  return templateVersion(ref.id, ref.version) ?? getTemplate(ref.id);
}

/** Every version of a template, oldest first (empty for an unknown id). */
export function versionsOf(id: string): readonly Template[] {
  return TEMPLATE_VERSIONS.get(id.toUpperCase()) ?? [];
}

/** Every template filed for a period, each in the version in force for it. */
export function templatesFor(period: Period): Template[] {
  return TEMPLATES.map((t) => templateFor(t.id, period)!).filter((t) => isFiledFor(t, period));
}

export function templateIds(): string[] {
  return TEMPLATES.map((t) => t.id);
}

/** A template's version for fixtures and examples that must follow the catalogue: the current one, or the one in force for `period`. */
export function versionOf(id: string, period?: { end: string } | string): string {
  const template = period ? templateFor(id, period) : getTemplate(id);
  if (!template) throw new Error(`no template ${id}`);
  return template.version;
}
