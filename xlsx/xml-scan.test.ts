import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_ATTRIBUTES, MAX_DEPTH, XmlError, scanXml } from './xml-scan';

function events(xml: string): string[] {
  const out: string[] = [];
  scanXml(xml, {
    open: (name, a, self) => out.push(`<${name}${Object.entries(a).map(([k, v]) => ` ${k}=${v}`).join('')}${self ? '/' : ''}>`),
    close: (name) => out.push(`</${name}>`),
    text: (t) => t.trim() && out.push(t),
  });
  return out;
}

describe('the XML scanner', () => {
  it('reads elements, attributes, text and XML’s own entities, dropping namespace prefixes', () => {
    expect(events('<?xml version="1.0"?><x:a xmlns:x="urn:x" r="A1" t=\'s\'><x:v>1 &lt; 2 &amp; &#273;&#x1EA1;</x:v><b/></x:a>')).toEqual([
      '<a r=A1 t=s>',
      '<v>',
      '1 < 2 & đạ',
      '</v>',
      '<b/>',
      '</b>',
      '</a>',
    ]);
  });

  it('takes > inside a quoted attribute, CDATA as text, and skips comments', () => {
    expect(events('<a f="x>1"><!-- note --><![CDATA[<not a tag>]]></a>')).toEqual(['<a f=x>1>', '<not a tag>', '</a>']);
  });

  it('refuses a DOCTYPE, so no entity is ever defined or expanded', () => {
    const bomb = '<!DOCTYPE a [<!ENTITY x "xxxxxxxx"><!ENTITY y "&x;&x;&x;&x;">]><a>&y;</a>';
    expect(() => events(bomb)).toThrow(XmlError);
    expect(() => events('<!DOCTYPE a SYSTEM "file:///etc/passwd"><a/>')).toThrow(/DOCTYPE/);
  });

  it('refuses undefined entities, mismatched and unclosed tags, and text outside the root', () => {
    expect(() => events('<a>&nbsp;</a>')).toThrow(/entity/);
    expect(() => events('<a><b></a></b>')).toThrow(/mismatched/);
    expect(() => events('<a><b>')).toThrow(/unclosed/);
    expect(() => events('<a/>junk')).toThrow(/outside/);
    expect(() => events('<a x="1></a>')).toThrow(/unterminated/);
    expect(() => events('')).toThrow(/no element/);
  });

  it('refuses characters and character references XML 1.0 cannot hold, a bare &, and a repeated attribute', () => {
    expect(() => events('<a>&#xFFFF;</a>')).toThrow(/character reference/);
    expect(() => events('<a>&#1;</a>')).toThrow(/character reference/);
    expect(() => events('<a>&#xD800;</a>')).toThrow(/character reference/);
    expect(() => events('<a n="x\uFFFFy"/>')).toThrow(/U\+FFFF at 8/);
    expect(() => events('<a>\u0001</a>')).toThrow(/U\+0001/);
    expect(() => events('<a>fish & chips</a>')).toThrow(/bare &/);
    expect(() => events('<a r="1" r="2"/>')).toThrow(/repeated/);
    expect(events('<a>&#x1F600;&#9;</a>')).toEqual(['<a>', '\u{1F600}\t', '</a>']);
  });
});

describe('namespaces', () => {
  const namespaced = (xml: string): string[] => {
    const out: string[] = [];
    scanXml(xml, { open: (name, _a, _s, ns) => out.push(`${ns}|${name}`) });
    return out;
  };

  it('gives each element the namespace its prefix or the default is bound to, within the declaring element only', () => {
    expect(namespaced('<w xmlns="urn:main" xmlns:x="urn:x"><c/><x:c><c xmlns="urn:other"/></x:c><c/></w>')).toEqual([
      'urn:main|w',
      'urn:main|c',
      'urn:x|c',
      'urn:other|c',
      'urn:main|c',
    ]);
    expect(namespaced('<a><x:b xmlns:x="urn:x"/><c/></a>')).toEqual(['|a', 'urn:x|b', '|c']);
  });

  it('refuses a prefix never declared, or used after its scope ended, and an end tag of another prefix', () => {
    expect(() => namespaced('<x:a/>')).toThrow(/undeclared prefix/);
    expect(() => namespaced('<a><b xmlns:x="urn:x"/><x:c/></a>')).toThrow(/undeclared prefix/);
    expect(() => namespaced('<a xmlns:x="urn:x" xmlns:y="urn:x"><x:b></y:b></a>')).toThrow(/mismatched/);
  });
});

describe('linear time: adversarial inputs of any size get the right answer', () => {
  /** Sizes in bytes, about; each shape repeats its unit to reach one. */
  const sizes = fc.integer({ min: 1, max: 200_000 });
  const times = (n: number, unit: string): number => Math.ceil(n / unit.length);
  const failure = (xml: string): string => {
    try {
      scanXml(xml, {});
    } catch (e) {
      if (e instanceof XmlError) return e.message;
      throw e;
    }
    return 'read';
  };

  // Each shape once cost time quadratic (or worse) in its length somewhere in a scanner like this one.
  const SHAPES: [string, (n: number) => string, RegExp | 'read' | ((n: number) => RegExp | 'read')][] = [
    ['an attribute-like word without =', (n) => `<Relationships><Relationship ${'a'.repeat(n)}/></Relationships>`, /bad attribute/],
    ['words separated by spaces', (n) => `<a ${'a '.repeat(times(n, 'a '))}/>`, /bad attribute/],
    ['an unterminated quote', (n) => `<a b="${'x'.repeat(n)}`, /unterminated tag/],
    ['many < without >', (n) => '<a'.repeat(times(n, '<a')), /unterminated tag/],
    ['many ampersands', (n) => `<a>${'&'.repeat(n)}</a>`, /bare &/],
    ['many almost-entities', (n) => `<a>${'&amp'.repeat(times(n, '&amp'))}</a>`, /bare &|undefined entity/],
    ['attributes with one name', (n) => `<a ${'x="1" '.repeat(times(n, 'x="1" ') + 1)}/>`, /repeated|more than 256 attributes/],
    ['a declaration on every level', (n) => `${'<p:a xmlns:p="urn:p">'.repeat(times(n, '<p:a xmlns:p="urn:p"></p:a>'))}${'</p:a>'.repeat(times(n, '<p:a xmlns:p="urn:p"></p:a>'))}`, (n) => (times(n, '<p:a xmlns:p="urn:p"></p:a>') > MAX_DEPTH ? /nested more than/ : 'read')],
    ['deep nesting never closed', (n) => '<a>'.repeat(times(n, '<a>')), (n) => (times(n, '<a>') > MAX_DEPTH ? /nested more than/ : /unclosed/)],
    ['an unterminated comment', (n) => `<a><!--${'-'.repeat(n)}`, /unterminated comment/],
    ['many attributes', (n) => `<a ${Array.from({ length: Math.ceil(n / 8) }, (_, i) => `a${i}="v"`).join(' ')}/>`, (n) => (Math.ceil(n / 8) > MAX_ATTRIBUTES ? /more than 256 attributes/ : 'read')],
  ];

  for (const [shape, make, expecting] of SHAPES) {
    it(shape, () => {
      fc.assert(
        fc.property(sizes, (n) => {
          const expected = typeof expecting === 'function' ? expecting(n) : expecting;
          const answer = failure(make(n));
          if (expected === 'read') expect(answer).toBe('read');
          else expect(answer).toMatch(expected);
        }),
        { numRuns: 25 },
      );
    });
  }

  it('random well-formed documents are read back exactly, whatever their size', () => {
    const element: fc.Memo<string> = fc.memo((depth) =>
      fc
        .tuple(fc.constantFrom('a', 'b', 'x:c'), fc.dictionary(fc.constantFrom('r', 's', 't'), fc.string({ unit: fc.constantFrom('1', 'A', ' ', '<', '&', '"', 'đ') })), depth <= 1 ? fc.constant([]) : fc.array(element(depth - 1), { maxLength: 4 }))
        .map(([name, attributes, children]) => {
          const attrs = Object.entries(attributes).map(([k, v]) => ` ${k}="${v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;')}"`).join('');
          return children.length === 0 ? `<${name}${attrs}/>` : `<${name}${attrs}>${children.join('')}</${name}>`;
        }),
    );
    fc.assert(
      fc.property(element(5), (inner) => {
        const xml = `<root xmlns:x="urn:x">${inner}</root>`;
        const seen: string[] = [];
        scanXml(xml, { open: (name, a) => seen.push(`${name}${JSON.stringify(a)}`) });
        const expected = [...inner.matchAll(/<(?:x:)?([abc])((?:\s[rst]="[^"]*")*)\/?>/g)].map(([, name, attrs]) => {
          const a: Record<string, string> = {};
          for (const [, k, v] of attrs!.matchAll(/([rst])="([^"]*)"/g)) a[k!] = v!.replace(/&lt;/g, '<').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
          return `${name}${JSON.stringify(a)}`;
        });
        expect(seen).toEqual(['root{}', ...expected]);
      }),
      { numRuns: 200 },
    );
  });
});
