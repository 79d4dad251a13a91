/**
 * What Excel reads of a part: the elements of the part's own namespace. An element of another
 * namespace is skipped with everything inside it, as is an `<extLst>` (extensions Excel may know,
 * none of which holds a figure chitieu reads). Markup compatibility is resolved as a consumer that
 * understands no extension does: `mc:Choice` is skipped, `mc:Fallback` is read in its place.
 */
import { XmlError, clip, type XmlHandlers } from './xml-scan';

export const SPREADSHEET_NAMESPACES: ReadonlySet<string> = new Set([
  'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  'http://purl.oclc.org/ooxml/spreadsheetml/main',
]);
export const RELATIONSHIP_NAMESPACES: ReadonlySet<string> = new Set(['http://schemas.openxmlformats.org/package/2006/relationships']);
const MARKUP_COMPATIBILITY = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

const transparent = (name: string, namespace: string): boolean => namespace === MARKUP_COMPATIBILITY && (name === 'AlternateContent' || name === 'Fallback');

/** `handlers` seeing only the part's own elements; a root element of another namespace is refused. */
export function ownElements(namespaces: ReadonlySet<string>, handlers: XmlHandlers): XmlHandlers {
  let skipped = 0;
  let root = true;
  return {
    open(name, attributes, selfClosing, namespace) {
      if (root && !namespaces.has(namespace)) throw new XmlError(`phần tử gốc <${clip(name)}> thuộc không gian tên khác / root element <${clip(name)}> in namespace "${clip(namespace)}"`);
      root = false;
      if (skipped > 0 || (!transparent(name, namespace) && (!namespaces.has(namespace) || name === 'extLst'))) {
        skipped++;
        return;
      }
      if (!transparent(name, namespace)) handlers.open?.(name, attributes, selfClosing, namespace);
    },
    close(name, namespace) {
      if (skipped > 0) skipped--;
      else if (!transparent(name, namespace)) handlers.close?.(name, namespace);
    },
    text(text) {
      if (skipped === 0) handlers.text?.(text);
    },
  };
}
