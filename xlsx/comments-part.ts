/**
 * Notes a clerk sees on hover (a row's hint): the comments part and the legacy VML drawing
 * Excel still needs to show them.
 */
import type { CellModel } from '../shared/workbook';
import { a1 } from '../shared/workbook';
import { XML_HEADER, escapeXml } from './xml-text';

const AUTHOR = 'chitieu';

export function commentsXml(cells: readonly CellModel[]): string {
  const list = cells
    .map((c) => `<comment ref="${a1(c.row, c.col)}" authorId="0"><text><r><t xml:space="preserve">${escapeXml(c.comment ?? '')}</t></r></text></comment>`)
    .join('');
  return `${XML_HEADER}<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>${AUTHOR}</author></authors><commentList>${list}</commentList></comments>`;
}

/** `drawingId` is unique in the workbook (one per sheet with notes); shape ids derive from it. */
export function commentsVml(cells: readonly CellModel[], drawingId: number): string {
  const shapes = cells
    .map((c, i) => {
      const anchor = [c.col + 1, 15, Math.max(c.row - 1, 0), 10, c.col + 4, 15, c.row + 4, 4].join(', ');
      return (
        `<v:shape id="_x0000_s${drawingId * 1024 + i + 1}" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:2pt;width:200pt;height:70pt;z-index:${i + 1};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
        '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
        '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
        `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${anchor}</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${c.row}</x:Row><x:Column>${c.col}</x:Column></x:ClientData>` +
        '</v:shape>'
      );
    })
    .join('');
  return (
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${drawingId}"/></o:shapelayout>` +
    '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>' +
    shapes +
    '</xml>'
  );
}
