/** The template catalogue: every standard template by its stable code. */
import { BM01 } from './bm01';
import { BM02 } from './bm02';
import { BM03 } from './bm03';
import { BM04 } from './bm04';
import { BM05 } from './bm05';
import { BM06 } from './bm06';
import { BM07 } from './bm07';
import { BM08 } from './bm08';
import type { Template } from './schema';

export * from './schema';
export * from './cells';
export { defineTemplate, TemplateDefinitionError } from './define';
export * from './filing';

export const TEMPLATES: readonly Template[] = [BM01, BM02, BM03, BM04, BM05, BM06, BM07, BM08];

const byId = new Map(TEMPLATES.map((t) => [t.id, t]));

export function getTemplate(id: string): Template | undefined {
  return byId.get(id.toUpperCase());
}

export function templateIds(): string[] {
  return TEMPLATES.map((t) => t.id);
}

/** The current version of a template, for fixtures and examples that must follow the catalogue. */
export function versionOf(id: string): string {
  const template = getTemplate(id);
  if (!template) throw new Error(`no template ${id}`);
  return template.version;
}
