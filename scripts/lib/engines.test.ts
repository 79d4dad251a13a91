/**
 * `npm install` warns (EBADENGINE) for every installed package whose `engines.node` rejects the Node.js
 * running it. The Node.js versions package.json (and the README) supports must satisfy every one.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './d1';

const semver = createRequire(import.meta.url)('semver') as {
  satisfies(version: string, range: string): boolean;
  minVersion(range: string): { version: string } | null;
};

interface LockEntry { version?: string; optional?: boolean; engines?: { node?: string } }
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };

/** The oldest supported release, and the first of each later LTS line up to the pinned one. */
const SUPPORTED = [semver.minVersion(manifest.engines.node)!.version, '24.0.0'];

function rejecting(version: string): string[] {
  return Object.entries(lock.packages)
    .filter(([path, p]) => path !== '' && !p.optional && p.engines?.node && !semver.satisfies(version, p.engines.node))
    .map(([path, p]) => `${path.replace(/^.*node_modules\//, '')}@${p.version} wants ${p.engines!.node}`);
}

describe('supported Node.js versions', () => {
  it('start at 22.12: wrangler, miniflare, Fluent UI and docx need Node.js 22', () => {
    expect(SUPPORTED[0]).toBe('22.12.0');
    // Node.js 20 (end of life April 2026) is refused by these, so it cannot be supported.
    expect(rejecting('20.19.0').length).toBeGreaterThan(0);
  });

  it.each(SUPPORTED)('Node.js %s installs every locked package without an engine warning', (version) => {
    expect(rejecting(version)).toEqual([]);
  });

  it('the README names the same oldest version', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain('Node.js 22.12 or later');
  });
});
