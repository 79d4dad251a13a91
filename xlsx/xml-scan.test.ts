import { describe, expect, it } from 'vitest';
import { XmlError, scanXml } from './xml-scan';

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
});
