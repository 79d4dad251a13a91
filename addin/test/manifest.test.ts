/** The manifest, checked here because the online validator cannot be reached from these machines. */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { OfficeAddinManifest } from 'office-addin-manifest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_ORIGIN, buildAddin, devOriginFor } from '../../scripts/build';

const PRODUCTION = 'https://chitieu.daklak.gov.vn';
let out: string;
let dev: string;
let production: string;

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'chitieu-build-'));
  await buildAddin(out, PRODUCTION);
  dev = await readFile(join(out, 'manifest.xml'), 'utf8');
  production = await readFile(join(out, 'manifest.production.xml'), 'utf8');
}, 60_000);

afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

/** Every URL the manifest hands Excel: the DefaultValue and Value attributes that hold one. */
const urls = (xml: string) => [...xml.matchAll(/(?:DefaultValue|Value)="(https?:\/\/[^"]+)"/g)].map((m) => m[1]!);

describe('a production build', () => {
  it('serves no source maps, and names security headers for every file', async () => {
    const files = await readdir(join(out, 'addin'), { recursive: true });
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(await readFile(join(out, 'addin', '_headers'), 'utf8')).toContain('Content-Security-Policy:');
  });
});

describe('manifest.xml', () => {
  it('is well-formed XML, an add-in-only manifest for Excel workbooks', () => {
    expect(XMLValidator.validate(dev)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false }).parse(dev);
    expect(doc.OfficeApp['@_xsi:type']).toBe('TaskPaneApp');
    expect(doc.OfficeApp.Hosts.Host['@_Name']).toBe('Workbook');
  });

  it('has a GUID id and a four-part version, as office-addin-manifest reads them', async () => {
    const info = await OfficeAddinManifest.readManifestFile(join(out, 'manifest.xml'));
    expect(info.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(info.version).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(info.displayName).toContain('chitieu');
  });

  it('resolves every resid to a resource', () => {
    const ids = new Set([...dev.matchAll(/<bt:(?:Image|Url|String) id="([^"]+)"/g)].map((m) => m[1]));
    const resids = [...dev.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]);
    expect(resids.length).toBeGreaterThan(10);
    for (const r of resids) expect(ids.has(r), r).toBe(true);
  });

  it('declares the shared runtime and the CHITIEU namespace for the custom functions', () => {
    expect(dev).toMatch(/<Runtime resid="Taskpane.Url" lifetime="long" \/>/);
    expect(dev).toMatch(/<bt:String id="Functions.Namespace" DefaultValue="CHITIEU" \/>/);
    expect(dev).toMatch(/<Set Name="SharedRuntime" MinVersion="1.1" \/>/);
  });

  it('points every URL at a file the build produces, on the development origin', () => {
    const list = urls(dev);
    expect(list.length).toBeGreaterThan(5);
    for (const url of list) {
      expect(url.startsWith(DEV_ORIGIN), url).toBe(true);
      expect(existsSync(join(out, 'addin', new URL(url).pathname)), url).toBe(true);
    }
  });

  it('rewrites every development URL for production', () => {
    expect(production).not.toContain('localhost');
    expect(urls(production).every((u) => u.startsWith(PRODUCTION))).toBe(true);
    expect(urls(production)).toHaveLength(urls(dev).length);
  });

  it('serves the production manifest and function metadata with the add-in', async () => {
    expect(await readFile(join(out, 'addin', 'manifest.xml'), 'utf8')).toBe(production);
    const functions = JSON.parse(await readFile(join(out, 'addin', 'functions.json'), 'utf8'));
    expect(functions.functions[0].helpUrl.startsWith(PRODUCTION)).toBe(true);
  });
});

describe('a development build on another HTTPS port', () => {
  it('points the manifest and function metadata at https://localhost:HTTPS_PORT', async () => {
    const other = await mkdtemp(join(tmpdir(), 'chitieu-build-'));
    try {
      await buildAddin(other, undefined, devOriginFor('3443'));
      for (const file of ['manifest.xml', 'addin/manifest.xml']) {
        const xml = await readFile(join(other, file), 'utf8');
        expect(xml, file).not.toContain(DEV_ORIGIN);
        expect(urls(xml).length, file).toBeGreaterThan(5);
        for (const url of urls(xml)) expect(url, file).toMatch(/^https:\/\/localhost:3443\//);
      }
      expect(await readFile(join(other, 'addin/functions.json'), 'utf8')).not.toContain(DEV_ORIGIN);
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  }, 60_000);

  it('takes the default port without HTTPS_PORT, and refuses what is not a port', () => {
    expect(devOriginFor(undefined)).toBe(DEV_ORIGIN);
    expect(devOriginFor('')).toBe(DEV_ORIGIN);
    expect(() => devOriginFor('3000x')).toThrow('HTTPS_PORT=3000x');
  });
});
