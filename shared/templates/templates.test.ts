import { describe, expect, it } from 'vitest';
import { BM03, BM03_TWO_LEVEL } from './bm03';
import { TemplateDefinitionError, defineTemplate } from './define';
import { TEMPLATES, getTemplate, templateCells, templateFor, templateIds, versionsOf, type IndicatorTemplate, type TemplateInput } from './index';

/** The stable codes of TEMPLATES.md: they must exist as given. */
const CATALOGUE: Record<string, string[]> = {
  BM01: ['CT01', 'CT02', 'CT03', 'CT04', 'CT05A', 'CT05B', 'CT05C', 'CT06', 'CT07', 'CT08A', 'CT08B', 'CT09', 'CT10', 'CT11', 'CT12', 'CT13', 'CT14', 'CT15A', 'CT15B', 'CT16', 'CT17', 'CT18', 'CT19', 'CT20', 'CT21', 'CT22', 'CT23', 'CT24', 'CT25'],
  BM03: ['TT01', 'TT02', 'TT03', 'TT04', 'TT05', 'TT06', 'TT07', 'TT08', 'TT09', 'HS01', 'HS02', 'HS03', 'HS04', 'HS05', 'HS05A', 'HS05B', 'HS05C'],
  BM04: ['VB01', 'VB02', 'VB03', 'VB04', 'HC01', 'HC02', 'HC03'],
  BM05: ['AT01', 'AT02', 'AT03', 'AT04', 'AT05', 'AT06', 'AT07', 'AT08', 'AT09'],
  BM06: ['NL01', 'NL02', 'XH01', 'XH02', 'XH03', 'XH04', 'XH05', 'XH06', 'XH07'],
  BM07: ['KP01', 'KP02', 'KP03', 'KP04', 'KP05', 'KP06', 'KP07', 'KP08', 'KP09'],
  BM08: ['D1', 'D2', 'D3', 'D4', 'D5', 'D6', 'D7', 'D8', 'DT'],
};

describe('the template catalogue', () => {
  it('has the eight templates of TEMPLATES.md', () => {
    expect(templateIds()).toEqual(['BM01', 'BM02', 'BM03', 'BM04', 'BM05', 'BM06', 'BM07', 'BM08']);
    expect(getTemplate('bm03')).toBe(BM03_TWO_LEVEL);
    expect(getTemplate('BM99')).toBeUndefined();
  });

  it.each(Object.entries(CATALOGUE))('%s carries every catalogue code in its first version, and a later version only ends rows', (id, codes) => {
    const [first, ...later] = versionsOf(id) as IndicatorTemplate[];
    const have = first!.rows.map((r) => r.code);
    for (const code of codes) expect(have).toContain(code);
    // The district rows end with the districts (1 July 2025); no other code disappears.
    for (const version of later.filter((v) => v.id !== 'BM08')) {
      const gone = codes.filter((code) => !version.rows.some((r) => r.code === code));
      expect(gone.every((code) => ['CT05B', 'HC02', 'HS05B'].includes(code)), `${id} ${version.version}: ${gone.join(', ')}`).toBe(true);
    }
  });

  it('BM01 collects ratio indicators with numerator and denominator, and has target and result columns', () => {
    const bm01 = getTemplate('BM01') as IndicatorTemplate;
    expect(bm01.columns.map((c) => c.key)).toEqual(['MT', 'KQ', 'TS', 'MS', 'DG', 'GC']);
    const ct03 = bm01.rows.find((r) => r.code === 'CT03')!;
    expect(ct03.consolidate).toBe('ratio');
    expect(ct03.columns).toEqual(['MT', 'KQ', 'TS', 'MS']);
    expect(bm01.rules.find((r) => r.id === 'CT03.TYLE')).toMatchObject({ kind: 'ratio', share: 'CT03.KQ', numerator: ['CT03.TS'], denominator: 'CT03.MS' });
    expect(bm01.rows.find((r) => r.code === 'CT16')).toMatchObject({ measure: 'text', consolidate: 'list' });
  });

  it('BM02 is a list template with the four statuses', () => {
    const bm02 = getTemplate('BM02')!;
    expect(bm02.kind).toBe('list');
    if (bm02.kind !== 'list') return;
    expect(bm02.statuses.map((s) => s.code)).toEqual(['HT', 'TX', 'DTH', 'CTH']);
    expect(bm02.listColumns.map((c) => c.key)).toEqual(['MA', 'ND', 'DV', 'TH', 'TT', 'KQ']);
  });

  it('BM08 of DTI 2021–2023 carries the seed maxima, 1000 in all; from DTI 2024 the 405 scheme’s values from 0 to 1', () => {
    const bm08 = templateFor('BM08', '2023') as IndicatorTemplate;
    const max = Object.fromEntries(bm08.rows.map((r) => [r.code, r.max]));
    expect(max).toEqual({ DT: 1000, D1: 100, D2: 100, D3: 100, D4: 100, D5: 100, D6: 200, D7: 150, D8: 150 });
    expect(bm08.scope).toBe('province');
    expect(bm08.rules.map((r) => r.id)).toEqual(['DT.TONG']);
    const dti2024 = templateFor('BM08', '2024') as IndicatorTemplate;
    expect(dti2024.source).toContain('405/QĐ-BKHCN');
    expect(Object.values(Object.fromEntries(dti2024.rows.map((r) => [r.code, r.max])))).toEqual(Array(9).fill(1));
    // The index is the Ministry's weighted combination of the main indices: no sum rule.
    expect(dti2024.rules).toEqual([]);
    expect([bm08.rankAmong, dti2024.rankAmong]).toEqual([63, 34]);
    expect(dti2024.rows.map((r) => r.code).sort()).toEqual(CATALOGUE.BM08!.slice().sort());
  });

  it('every rule of every template names numeric cells the template has', () => {
    for (const t of TEMPLATES) {
      if (t.kind !== 'indicator') continue;
      const cells = templateCells(t);
      for (const rule of t.rules) {
        const refs = JSON.stringify({ ...rule, id: undefined, source: undefined }).match(/[A-Z]{1,3}\d{0,2}[A-Z]?\.[A-Z]{2}/g) ?? [];
        for (const ref of refs) expect(cells.has(ref), `${t.id} ${rule.id} ${ref}`).toBe(true);
      }
    }
  });

  it('templates are frozen data: a clerk’s session cannot change them', () => {
    expect(Object.isFrozen(BM03)).toBe(true);
    const row = BM03.kind === 'indicator' ? BM03.rows[0]! : undefined;
    const rules = BM03.kind === 'indicator' ? BM03.rules : [];
    for (const inner of [row, row?.label, row?.columns, rules, rules[0]]) expect(Object.isFrozen(inner)).toBe(true);
    expect(() => {
      (row!.columns as string[]).push('XX');
    }).toThrow(TypeError);
  });
});

describe('a broken template fails loudly when defined', () => {
  const base = (): TemplateInput => JSON.parse(JSON.stringify(BM03));

  it('a rule naming a cell the template does not have', () => {
    const t = base() as Extract<TemplateInput, { kind: 'indicator' }>;
    t.rules = [...t.rules, { id: 'X.Y', kind: 'le', part: 'TT99.KQ', whole: 'TT01.KQ' }];
    expect(() => defineTemplate(t)).toThrow(TemplateDefinitionError);
    expect(() => defineTemplate(t)).toThrow(/TT99\.KQ không có trong mẫu/);
  });

  it('a duplicated row code', () => {
    const t = base() as Extract<TemplateInput, { kind: 'indicator' }>;
    t.rows = [...t.rows, t.rows[0]!];
    expect(() => defineTemplate(t)).toThrow(/mã dòng TT01 bị trùng/);
  });

  it('a field of the wrong shape, named by its path', () => {
    const t = { ...base(), version: 'mới' } as TemplateInput;
    expect(() => defineTemplate(t)).toThrow(/version/);
  });

  it('a rule on a text cell', () => {
    const t = base() as Extract<TemplateInput, { kind: 'indicator' }>;
    t.rules = [...t.rules, { id: 'BAD', kind: 'le', part: 'TT01.GC', whole: 'TT02.KQ' }];
    expect(() => defineTemplate(t)).toThrow(/TT01\.GC không phải ô số/);
  });
});
