/**
 * Writes a workbook model (shared/workbook) to .xlsx bytes: SpreadsheetML built as text and zipped
 * synchronously. No library state, timer or worker outlives the call, so a long-lived Worker can
 * write any number of workbooks between uploads.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import { absoluteA1, type SheetModel, type WorkbookModel } from '../shared/workbook';
import { commentsVml, commentsXml } from './comments-part';
import { SharedStrings, printTitles, sheetXml } from './sheet-part';
import { StyleBook } from './styles-part';
import { XML_HEADER, escapeXml, tag } from './xml-text';

const NS = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  pkg: 'http://schemas.openxmlformats.org/package/2006/relationships',
};
const REL = {
  document: `${NS.rel}/officeDocument`,
  core: 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties',
  sheet: `${NS.rel}/worksheet`,
  styles: `${NS.rel}/styles`,
  strings: `${NS.rel}/sharedStrings`,
  comments: `${NS.rel}/comments`,
  vml: `${NS.rel}/vmlDrawing`,
};
const TYPE = {
  workbook: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  sheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  strings: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml',
  comments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  core: 'application/vnd.openxmlformats-package.core-properties+xml',
};
/** A fixed time inside the archive, so the same content always zips to the same bytes. */
const ZIP_TIME = new Date(2000, 0, 1);

function relationships(list: { id: string; type: string; target: string }[]): string {
  return `${XML_HEADER}<Relationships xmlns="${NS.pkg}">${list.map((r) => tag('Relationship', { Id: r.id, Type: r.type, Target: r.target })).join('')}</Relationships>`;
}

function definedNames(sheets: readonly SheetModel[]): string {
  const out: string[] = [];
  sheets.forEach((sheet, index) => {
    const titles = printTitles(sheet);
    if (titles) out.push(`${tag('definedName', { name: '_xlnm.Print_Titles', localSheetId: index }, false)}${escapeXml(titles)}</definedName>`);
    const quoted = `'${sheet.name.replace(/'/g, "''")}'`;
    for (const n of sheet.names) {
      const end = n.rows === 1 && n.cols === 1 ? '' : `:${absoluteA1(n.row + n.rows - 1, n.col + n.cols - 1)}`;
      out.push(`${tag('definedName', { name: n.name }, false)}${escapeXml(`${quoted}!${absoluteA1(n.row, n.col)}${end}`)}</definedName>`);
    }
  });
  return out.length > 0 ? `<definedNames>${out.join('')}</definedNames>` : '';
}

export interface WriteOptions {
  /** When the file was made (its document properties); now by default. */
  created?: Date;
}

export function writeWorkbook(model: WorkbookModel, options: WriteOptions = {}): Uint8Array {
  const styles = new StyleBook();
  const strings = new SharedStrings();
  const files: Zippable = {};
  const put = (path: string, xml: string) => {
    files[path] = strToU8(xml);
  };
  const overrides: { part: string; type: string }[] = [];
  const workbookRels: { id: string; type: string; target: string }[] = [];
  let drawings = 0;
  const firstVisible = model.sheets.findIndex((s) => s.visibility !== 'veryHidden');

  model.sheets.forEach((sheet, i) => {
    const n = i + 1;
    const notes = sheet.cells.filter((c) => c.comment);
    let legacyDrawing: string | undefined;
    if (notes.length > 0) {
      drawings++;
      put(`xl/comments${drawings}.xml`, commentsXml(notes));
      put(`xl/drawings/vmlDrawing${drawings}.vml`, commentsVml(notes, drawings));
      overrides.push({ part: `/xl/comments${drawings}.xml`, type: TYPE.comments });
      put(
        `xl/worksheets/_rels/sheet${n}.xml.rels`,
        relationships([
          { id: 'rId1', type: REL.comments, target: `../comments${drawings}.xml` },
          { id: 'rId2', type: REL.vml, target: `../drawings/vmlDrawing${drawings}.vml` },
        ]),
      );
      legacyDrawing = 'rId2';
    }
    put(`xl/worksheets/sheet${n}.xml`, sheetXml(sheet, styles, strings, { selected: i === firstVisible, ...(legacyDrawing ? { legacyDrawing } : {}) }));
    overrides.push({ part: `/xl/worksheets/sheet${n}.xml`, type: TYPE.sheet });
    workbookRels.push({ id: `rId${n}`, type: REL.sheet, target: `worksheets/sheet${n}.xml` });
  });

  const sheetList = model.sheets
    .map((s, i) => tag('sheet', { name: s.name, sheetId: i + 1, state: s.visibility === 'veryHidden' ? 'veryHidden' : undefined, 'r:id': `rId${i + 1}` }))
    .join('');
  put(
    'xl/workbook.xml',
    `${XML_HEADER}<workbook xmlns="${NS.main}" xmlns:r="${NS.rel}"><workbookPr/><bookViews>${tag('workbookView', { activeTab: Math.max(firstVisible, 0) })}</bookViews>` +
      `<sheets>${sheetList}</sheets>${definedNames(model.sheets)}<calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>`,
  );
  workbookRels.push({ id: `rId${model.sheets.length + 1}`, type: REL.styles, target: 'styles.xml' });
  workbookRels.push({ id: `rId${model.sheets.length + 2}`, type: REL.strings, target: 'sharedStrings.xml' });
  put('xl/_rels/workbook.xml.rels', relationships(workbookRels));
  put('xl/styles.xml', styles.toXml());
  put('xl/sharedStrings.xml', strings.toXml());

  const created = (options.created ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  put(
    'docProps/core.xml',
    `${XML_HEADER}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
      `<dc:title>${escapeXml(model.title)}</dc:title><dc:creator>chitieu</dc:creator>` +
      `<dcterms:created xsi:type="dcterms:W3CDTF">${created}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${created}</dcterms:modified></cp:coreProperties>`,
  );
  put(
    '_rels/.rels',
    relationships([
      { id: 'rId1', type: REL.document, target: 'xl/workbook.xml' },
      { id: 'rId2', type: REL.core, target: 'docProps/core.xml' },
    ]),
  );
  overrides.push(
    { part: '/xl/workbook.xml', type: TYPE.workbook },
    { part: '/xl/styles.xml', type: TYPE.styles },
    { part: '/xl/sharedStrings.xml', type: TYPE.strings },
    { part: '/docProps/core.xml', type: TYPE.core },
  );
  const contentTypes =
    `${XML_HEADER}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>' +
    overrides.map((o) => tag('Override', { PartName: o.part, ContentType: o.type })).join('') +
    '</Types>';
  // The content types come first in the archive, as Office writes them.
  return zipSync({ '[Content_Types].xml': strToU8(contentTypes), ...files }, { level: 6, mtime: ZIP_TIME });
}
