import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { LANGS } from '../i18n';
import { CellRefSchema, RULE_BASE, RULE_ISSUE_CODES, RULE_KINDS, RuleSchema, cellsOf, defineRuleKind } from './index';

describe('the kinds of rule', () => {
  it('each has its schema in the template rule schema, its cells, and words for every issue in every language', () => {
    for (const kind of RULE_KINDS) {
      const name = kind.schema.shape.kind.value;
      expect(RuleSchema.options.map((o) => o.shape.kind.value)).toContain(name);
      for (const [code, issue] of Object.entries(kind.issues)) {
        expect(RULE_ISSUE_CODES).toContain(code);
        for (const lang of LANGS) expect(typeof issue.message[lang], `${code} ${lang}`).toBe('function');
      }
    }
  });

  it('names the cells a rule reads in the order its messages name them', () => {
    expect(cellsOf(RuleSchema.parse({ id: 'TT01.TONG', kind: 'sum', total: 'TT01.KQ', parts: ['TT02.KQ', 'TT03.KQ'] }))).toEqual(['TT01.KQ', 'TT02.KQ', 'TT03.KQ']);
    expect(cellsOf(RuleSchema.parse({ id: 'X', kind: 'ratio', share: 'TL01.KQ', numerator: ['A.KQ'], denominator: 'B.KQ' }))).toEqual(['TL01.KQ', 'A.KQ', 'B.KQ']);
  });

  it('a kind without an evaluator or without words does not compile', () => {
    const schema = z.object({ ...RULE_BASE, kind: z.literal('never'), cell: CellRefSchema });
    // @ts-expect-error a kind must say how it is evaluated
    defineRuleKind({ schema, cells: (r) => [r.cell], issues: {} });
    // @ts-expect-error every issue needs words in every language
    defineRuleKind({ schema, cells: (r) => [r.cell], evaluate: () => ({ code: 'odd' }), issues: { odd: { severity: 'error', message: { vi: () => '' } } } });
    expect(RULE_KINDS.length).toBeGreaterThan(0);
  });
});
