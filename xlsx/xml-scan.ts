/**
 * A small, strict XML scanner for the parts of a workbook: elements with their namespace, attributes
 * and text. It never expands entities beyond XML's own five and character references, and refuses a
 * DOCTYPE outright, so no external entity or entity bomb can reach it. It keeps no tree: callers take
 * what they need as it passes.
 *
 * It runs in time linear in its input: every byte is looked at a bounded number of times (each
 * search for a delimiter starts where the last one ended and never goes back), and no regular
 * expression is retried from successive positions. An element may carry at most 256 attributes
 * and nest at most 256 deep, so no one element costs more than a bounded amount.
 */
import { findUnwritable } from '../shared/text';

export interface XmlHandlers {
  /** `name` is the local name; `namespace` the URI its prefix (or the default namespace) is bound to, '' for none. */
  open?(name: string, attributes: Record<string, string>, selfClosing: boolean, namespace: string): void;
  close?(name: string, namespace: string): void;
  text?(text: string): void;
}

export class XmlError extends Error {
  override readonly name = 'XmlError';
}

/** A name or text the part wrote, as a refusal quotes it: a few words at most. */
export function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';

/** A character reference XML 1.0 allows: no C0 control but tab and line breaks, no surrogate, no U+FFFE/U+FFFF. */
function isXmlChar(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

function decodeReference(entity: string, whole: string): string {
  if (entity[0] === '#') {
    const hex = entity[1] === 'x' || entity[1] === 'X';
    const digits = entity.slice(hex ? 2 : 1);
    const code = (hex ? /^[0-9a-fA-F]{1,6}$/ : /^[0-9]{1,7}$/).test(digits) ? parseInt(digits, hex ? 16 : 10) : NaN;
    if (!isXmlChar(code)) throw new XmlError(`tham chiếu ký tự sai / bad character reference ${whole}`);
    return String.fromCodePoint(code);
  }
  const named = NAMED[entity];
  if (named === undefined) throw new XmlError(`thực thể không xác định / undefined entity ${whole}`);
  return named;
}

/** Text with XML's references replaced; one pass, each `&` looking at most 12 characters ahead. */
export function decodeEntities(text: string): string {
  let amp = text.indexOf('&');
  if (amp < 0) return text;
  let out = '';
  let from = 0;
  while (amp >= 0) {
    const semi = text.indexOf(';', amp + 1);
    const entity = semi < 0 || semi - amp > 12 ? '' : text.slice(amp + 1, semi);
    if (entity === '' || /[\s&]/.test(entity)) throw new XmlError(`dấu & lẻ / bare & at ${amp}`);
    out += text.slice(from, amp) + decodeReference(entity, `&${entity};`);
    from = semi + 1;
    amp = text.indexOf('&', from);
  }
  return out + text.slice(from);
}

/**
 * Budgets no part of a workbook comes near (SpreadsheetML elements carry a few dozen attributes and
 * nest a dozen deep): past them a part is refused, so no element costs more than a bounded amount.
 */
export const MAX_ATTRIBUTES = 256;
export const MAX_DEPTH = 256;

const isSpace = (ch: string | undefined): boolean => ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r';

interface RawAttribute {
  name: string;
  value: string;
}

const ATTRIBUTE_NAME = /[^\s="'/<]*/y;
const TAG_DELIMITER = /["'>]/g;

function badAttribute(at: number): never {
  throw new XmlError(`thuộc tính sai ở vị trí ${at} / bad attribute at ${at}`);
}

/** The attributes of a start tag's body (after its name), read left to right once; a name written twice is refused. */
function readAttributes(body: string, at: number): RawAttribute[] {
  const out: RawAttribute[] = [];
  let i = 0;
  while (i < body.length) {
    if (isSpace(body[i])) {
      i++;
      continue;
    }
    const nameStart = i;
    // A sticky pattern matches once, from here: the name is read in one native pass, never retried.
    ATTRIBUTE_NAME.lastIndex = i;
    ATTRIBUTE_NAME.test(body);
    i = ATTRIBUTE_NAME.lastIndex;
    if (i === nameStart) badAttribute(at);
    const name = body.slice(nameStart, i);
    while (isSpace(body[i])) i++;
    if (body[i] !== '=') badAttribute(at);
    i++;
    while (isSpace(body[i])) i++;
    const quote = body[i];
    if (quote !== '"' && quote !== "'") badAttribute(at);
    const end = body.indexOf(quote, i + 1);
    if (end < 0) badAttribute(at);
    const value = body.slice(i + 1, end);
    if (value.includes('<')) badAttribute(at);
    if (out.push({ name, value }) > MAX_ATTRIBUTES) throw new XmlError(`hơn ${MAX_ATTRIBUTES} thuộc tính ở vị trí ${at} / more than ${MAX_ATTRIBUTES} attributes at ${at}`);
    i = end + 1;
    if (i < body.length && !isSpace(body[i])) badAttribute(at);
  }
  // A handful of attributes is compared pairwise; many go through a set, so neither costs more than linear.
  const repeated = out.length <= 8 ? out.find((a, k) => out.findIndex((b) => b.name === a.name) !== k) : findRepeated(out);
  if (repeated) throw new XmlError(`thuộc tính ${clip(repeated.name)} lặp lại / attribute ${clip(repeated.name)} repeated at ${at}`);
  return out;
}

function findRepeated(attributes: readonly RawAttribute[]): RawAttribute | undefined {
  const seen = new Set<string>();
  for (const a of attributes) {
    if (seen.has(a.name)) return a;
    seen.add(a.name);
  }
  return undefined;
}

const splitName = (qualified: string): [prefix: string, local: string] => {
  const colon = qualified.indexOf(':');
  return colon < 0 ? ['', qualified] : [qualified.slice(0, colon), qualified.slice(colon + 1)];
};

/**
 * Prefixes bound in scope: one stack of URIs per prefix, so a lookup costs the same however deep
 * the element or however many declarations enclose it.
 */
class NamespaceScope {
  private readonly bound = new Map<string, string[]>([['xml', [XML_NAMESPACE]]]);
  private readonly declaredAt: (string[] | null)[] = [];

  enter(declarations: readonly [prefix: string, uri: string][]): void {
    if (declarations.length === 0) {
      this.declaredAt.push(null);
      return;
    }
    for (const [prefix, uri] of declarations) {
      const stack = this.bound.get(prefix);
      if (stack) stack.push(uri);
      else this.bound.set(prefix, [uri]);
    }
    this.declaredAt.push(declarations.map(([prefix]) => prefix));
  }

  leave(): void {
    for (const prefix of this.declaredAt.pop() ?? []) this.bound.get(prefix)!.pop();
  }

  resolve(prefix: string, qualified: string): string {
    const stack = this.bound.get(prefix);
    const uri = stack?.[stack.length - 1];
    if (uri !== undefined) return uri;
    if (prefix === '') return '';
    throw new XmlError(`tiền tố chưa khai báo / undeclared prefix in <${clip(qualified)}>`);
  }
}

/** Where the tag opened at `start` ends (its `>`), skipping quoted attribute values; each search starts where the last ended. */
function tagEnd(xml: string, start: number): number {
  TAG_DELIMITER.lastIndex = start + 1;
  for (let m = TAG_DELIMITER.exec(xml); m; m = TAG_DELIMITER.exec(xml)) {
    if (m[0] === '>') return m.index;
    const close = xml.indexOf(m[0], m.index + 1);
    if (close < 0) break;
    TAG_DELIMITER.lastIndex = close + 1;
  }
  throw new XmlError('thẻ không đóng / unterminated tag');
}

function nameEnd(body: string): number {
  let i = 0;
  while (i < body.length && !isSpace(body[i])) i++;
  return i;
}

export function scanXml(xml: string, handlers: XmlHandlers): void {
  const unwritable = findUnwritable(xml);
  if (unwritable) throw new XmlError(`ký tự không hợp lệ ${unwritable.char} ở vị trí ${unwritable.position} / character ${unwritable.char} at ${unwritable.position} is not allowed`);
  const stack: { qualified: string; local: string; namespace: string }[] = [];
  const scope = new NamespaceScope();
  let i = 0;
  let seenRoot = false;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const textEnd = lt < 0 ? xml.length : lt;
    if (textEnd > i) {
      const raw = xml.slice(i, textEnd);
      if (stack.length > 0) {
        const text = decodeEntities(raw);
        handlers.text?.(text);
      }
      else if (raw.trim() !== '') throw new XmlError('văn bản ngoài phần tử gốc / text outside the root element');
    }
    if (lt < 0) break;
    if (xml.startsWith('<?', lt)) {
      const end = xml.indexOf('?>', lt + 2);
      if (end < 0) throw new XmlError('chỉ thị không đóng / unterminated processing instruction');
      i = end + 2;
    } else if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4);
      if (end < 0) throw new XmlError('chú thích không đóng / unterminated comment');
      i = end + 3;
    } else if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9);
      if (end < 0 || stack.length === 0) throw new XmlError('CDATA sai / bad CDATA section');
      handlers.text?.(xml.slice(lt + 9, end));
      i = end + 3;
    } else if (xml.startsWith('<!', lt)) {
      throw new XmlError('không nhận DOCTYPE / DOCTYPE is not accepted');
    } else if (xml[lt + 1] === '/') {
      const end = xml.indexOf('>', lt);
      if (end < 0) throw new XmlError('thẻ đóng không kết thúc / unterminated end tag');
      const qualified = xml.slice(lt + 2, end).trimEnd();
      const open = stack.pop();
      if (open?.qualified !== qualified) throw new XmlError(`thẻ </${clip(qualified)}> không khớp <${clip(open?.qualified ?? '')}> / mismatched end tag`);
      handlers.close?.(open.local, open.namespace);
      scope.leave();
      i = end + 1;
    } else {
      const end = tagEnd(xml, lt);
      const selfClosing = xml[end - 1] === '/';
      const body = xml.slice(lt + 1, selfClosing ? end - 1 : end);
      const space = nameEnd(body);
      const qualified = body.slice(0, space);
      if (qualified === '' || /["'=<]/.test(qualified)) throw new XmlError(`thẻ sai ở vị trí ${lt} / bad tag at ${lt}`);
      if (stack.length === 0) {
        if (seenRoot) throw new XmlError('nhiều phần tử gốc / several root elements');
        seenRoot = true;
      }
      const declarations: [string, string][] = [];
      const attributes: Record<string, string> = {};
      for (const { name, value } of space < body.length ? readAttributes(body.slice(space), lt) : []) {
        if (name === 'xmlns') declarations.push(['', decodeEntities(value)]);
        else if (name.startsWith('xmlns:')) declarations.push([name.slice(6), decodeEntities(value)]);
        // Prefixed attributes (r:id) keep their local name: no SpreadsheetML element has two of one local name.
        else attributes[splitName(name)[1]] = decodeEntities(value);
      }
      scope.enter(declarations);
      const [prefix, name] = splitName(qualified);
      const namespace = scope.resolve(prefix, qualified);
      handlers.open?.(name, attributes, selfClosing, namespace);
      if (selfClosing) {
        handlers.close?.(name, namespace);
        scope.leave();
      } else if (stack.push({ qualified, local: name, namespace }) > MAX_DEPTH) {
        throw new XmlError(`phần tử lồng quá ${MAX_DEPTH} cấp / elements nested more than ${MAX_DEPTH} deep`);
      }
      i = end + 1;
    }
  }
  if (stack.length > 0) throw new XmlError(`phần tử <${clip(stack[stack.length - 1]!.qualified)}> không đóng / unclosed element`);
  if (!seenRoot) throw new XmlError('không có phần tử nào / no element');
}
