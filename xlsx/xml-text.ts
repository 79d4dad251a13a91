/** Text into XML: escaped, and never holding a character XML cannot carry. */
import { replaceUnwritable } from '../shared/text';

export function escapeXml(text: string): string {
  return replaceUnwritable(text).replace(/[<>&"\r]/g, (ch) => (ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : ch === '&' ? '&amp;' : ch === '"' ? '&quot;' : '&#13;'));
}

/** `<name a="1" b="x">` from an attribute list; undefined attributes are left out. */
export function tag(name: string, attributes: Record<string, string | number | undefined>, selfClosing = true): string {
  let out = `<${name}`;
  for (const [key, value] of Object.entries(attributes)) if (value !== undefined) out += ` ${key}="${escapeXml(String(value))}"`;
  return out + (selfClosing ? '/>' : '>');
}

export const XML_HEADER = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
