/**
 * A small, strict XML scanner for the parts of a workbook: elements, attributes and text, with
 * namespace prefixes dropped. It never expands entities beyond XML's own five and character
 * references, and refuses a DOCTYPE outright, so no external entity or entity bomb can reach it.
 * It keeps no tree: callers take what they need as it passes.
 */

export interface XmlHandlers {
  open?(name: string, attributes: Record<string, string>, selfClosing: boolean): void;
  close?(name: string): void;
  text?(text: string): void;
}

export class XmlError extends Error {
  override readonly name = 'XmlError';
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&([^;&\s]{1,10});/g, (whole, entity: string) => {
    if (entity[0] === '#') {
      const code = entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
      if (!Number.isInteger(code) || code < 0 || code > 0x10ffff) throw new XmlError(`tham chiếu ký tự sai / bad character reference ${whole}`);
      return String.fromCodePoint(code);
    }
    const named = NAMED[entity];
    if (named === undefined) throw new XmlError(`thực thể không xác định / undefined entity ${whole}`);
    return named;
  });
}

const local = (qualified: string): string => {
  const colon = qualified.indexOf(':');
  return colon < 0 ? qualified : qualified.slice(colon + 1);
};

function parseAttributes(body: string, at: number): Record<string, string> {
  const attributes: Record<string, string> = {};
  const pattern = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  let match: RegExpExecArray | null;
  let consumed = 0;
  while ((match = pattern.exec(body)) !== null) {
    if (body.slice(consumed, match.index).trim() !== '') throw new XmlError(`thuộc tính sai ở vị trí ${at} / bad attribute at ${at}`);
    const name = match[1]!;
    // Namespace declarations say nothing the reader needs; prefixed attributes keep their local name.
    if (name !== 'xmlns' && !name.startsWith('xmlns:')) attributes[local(name)] = decodeEntities(match[2] ?? match[3] ?? '');
    consumed = pattern.lastIndex;
  }
  if (body.slice(consumed).trim() !== '') throw new XmlError(`thuộc tính sai ở vị trí ${at} / bad attribute at ${at}`);
  return attributes;
}

/** Where the tag opened at `start` ends (its `>`), skipping quoted attribute values. */
function tagEnd(xml: string, start: number): number {
  let quote = '';
  for (let i = start + 1; i < xml.length; i++) {
    const ch = xml[i];
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '>') return i;
  }
  throw new XmlError('thẻ không đóng / unterminated tag');
}

export function scanXml(xml: string, handlers: XmlHandlers): void {
  const stack: string[] = [];
  let i = 0;
  let seenRoot = false;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const textEnd = lt < 0 ? xml.length : lt;
    if (textEnd > i) {
      const raw = xml.slice(i, textEnd);
      if (stack.length > 0) handlers.text?.(decodeEntities(raw));
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
      const name = local(xml.slice(lt + 2, end).trim());
      const open = stack.pop();
      if (open !== name) throw new XmlError(`thẻ </${name}> không khớp <${open ?? ''}> / mismatched end tag`);
      handlers.close?.(name);
      i = end + 1;
    } else {
      const end = tagEnd(xml, lt);
      const selfClosing = xml[end - 1] === '/';
      const body = xml.slice(lt + 1, selfClosing ? end - 1 : end);
      const space = body.search(/\s/);
      const qualified = space < 0 ? body : body.slice(0, space);
      if (qualified === '') throw new XmlError(`thẻ trống ở vị trí ${lt} / empty tag at ${lt}`);
      if (stack.length === 0) {
        if (seenRoot) throw new XmlError('nhiều phần tử gốc / several root elements');
        seenRoot = true;
      }
      const name = local(qualified);
      handlers.open?.(name, space < 0 ? {} : parseAttributes(body.slice(space), lt), selfClosing);
      if (selfClosing) handlers.close?.(name);
      else stack.push(name);
      i = end + 1;
    }
  }
  if (stack.length > 0) throw new XmlError(`phần tử <${stack[stack.length - 1]}> không đóng / unclosed element`);
  if (!seenRoot) throw new XmlError('không có phần tử nào / no element');
}
