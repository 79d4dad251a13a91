/**
 * The folders of shared/ depend on each other in one direction only: the domain below (numbers,
 * periods, rules, templates, registry, submission), the engine and consolidation above it, the HTTP
 * contract (api) and the sheets (workbook) on top. A cycle would tie them into one lump.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = import.meta.dirname;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

function dependencies(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sources(ROOT)) {
    const folder = relative(ROOT, file).split('/')[0]!;
    if (folder.endsWith('.ts')) continue;
    const deps = graph.get(folder) ?? new Set<string>();
    graph.set(folder, deps);
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(/from '(\.[^']*)'/g)) {
      const target = relative(ROOT, resolve(dirname(file), spec!)).split('/')[0]!;
      expect(target.startsWith('..'), `${relative(ROOT, file)} imports ${spec} outside shared/`).toBe(false);
      if (target !== folder) deps.add(target.replace(/\.ts$/, ''));
    }
  }
  return graph;
}

describe('the folders of shared/', () => {
  it('depend on each other without a cycle', () => {
    const graph = dependencies();
    const cycles: string[] = [];
    const visit = (node: string, path: string[]) => {
      if (path.includes(node)) {
        cycles.push([...path.slice(path.indexOf(node)), node].join(' → '));
        return;
      }
      for (const next of graph.get(node) ?? []) visit(next, [...path, node]);
    };
    for (const node of graph.keys()) visit(node, []);
    expect(cycles).toEqual([]);
  });

  it('keep the domain model out of the HTTP contract: only api depends on api', () => {
    const graph = dependencies();
    expect([...graph].filter(([folder, deps]) => folder !== 'api' && deps.has('api')).map(([folder]) => folder)).toEqual([]);
  });
});
