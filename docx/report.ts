/**
 * A drafted report (shared/report) written as a Word document with the `docx` library, in the layout
 * of an administrative report under Decree 30/2020/NĐ-CP: A4, Times New Roman, margins 20/20/30/15 mm,
 * page numbers at the top centre from page 2, the national heading beside the issuing body, number and
 * date left for the clerk, the title with a rule under it, the sections, the closing line "… ./." kept
 * on one page with the recipients and signature block; then the annex naming the source of every figure.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  convertMillimetersToTwip,
  type IParagraphOptions,
} from 'docx';
import type { Block, ReportDraft } from '../shared/report/draft';

const FONT = 'Times New Roman';
/** Half-points, as Word counts font sizes. */
const SIZE = { body: 28, table: 24, small: 22, heading: 26 };
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const LINES = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };

function text(value: string, options: { bold?: boolean; italic?: boolean; size?: number } = {}): TextRun {
  return new TextRun({ text: value, font: FONT, size: options.size ?? SIZE.body, bold: options.bold ?? false, italics: options.italic ?? false });
}

function line(value: string, options: { bold?: boolean; italic?: boolean; size?: number; align?: IParagraphOptions['alignment']; after?: number; keepNext?: boolean; pageBreakBefore?: boolean } = {}): Paragraph {
  return new Paragraph({ alignment: options.align ?? AlignmentType.CENTER, spacing: { after: options.after ?? 0 }, keepNext: options.keepNext ?? false, keepLines: true, pageBreakBefore: options.pageBreakBefore ?? false, children: [text(value, options)] });
}

/**
 * A table of cells without borders: the heading beside the national motto, recipients beside the
 * signature. One row that never splits across pages.
 */
function sideBySide(left: Paragraph[], right: Paragraph[], widths: [number, number]): Table {
  const cell = (children: Paragraph[], width: number) =>
    new TableCell({ children, width: { size: width, type: WidthType.PERCENTAGE }, borders: NO_BORDERS, margins: { left: 0, right: 0 } });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [new TableRow({ cantSplit: true, children: [cell(left, widths[0]), cell(right, widths[1])] })],
  });
}

function table(header: readonly string[], rows: readonly (readonly string[])[], widths: readonly number[]): Table {
  const cell = (value: string, width: number, bold: boolean, numeric: boolean) =>
    new TableCell({
      width: { size: width, type: WidthType.PERCENTAGE },
      children: [new Paragraph({ alignment: numeric ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [text(value, { bold, size: SIZE.table })] })],
    });
  const numeric = (value: string) => /^[\d.,%\s-]+$/.test(value) && value.trim() !== '';
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    layout: TableLayoutType.FIXED,
    borders: LINES,
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h, i) => cell(h, widths[i] ?? 10, true, false)) }),
      ...rows.map((row) => new TableRow({ cantSplit: true, children: row.map((value, i) => cell(value, widths[i] ?? 10, false, numeric(value))) })),
    ],
  });
}

/** A block of the text; `keepNext` keeps its paragraph on the page of what follows (the last one, with the closing). */
function block(b: Block, keepNext = false): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'heading':
      return [new Paragraph({ spacing: { before: 160, after: 80 }, keepNext: true, children: [text(b.text, { bold: true, size: b.level === 1 ? SIZE.body : SIZE.heading })] })];
    case 'paragraph':
      return [
        new Paragraph({
          alignment: AlignmentType.JUSTIFIED,
          indent: { firstLine: convertMillimetersToTwip(10) },
          spacing: { after: 80, line: 300 },
          keepNext,
          children: b.runs.map((r) => text(r.text, { bold: r.bold ?? false, italic: r.italic ?? false, size: b.note ? SIZE.table : SIZE.body })),
        }),
      ];
    case 'table':
      return [table(b.header, b.rows, b.widths), new Paragraph({ spacing: { after: 80 }, children: [] })];
  }
}

export function reportDocument(draft: ReportDraft): Document {
  const head = sideBySide(
    [line(draft.head.superior, { size: SIZE.heading }), line(draft.head.issuer, { bold: true, size: SIZE.heading }), line('―――――', { size: SIZE.small, after: 120 }), line(draft.head.number, { size: SIZE.heading })],
    [line(draft.head.nation, { bold: true, size: SIZE.table }), line(draft.head.motto, { bold: true }), line('―――――――――', { size: SIZE.small, after: 120 }), line(draft.head.placeDate, { italic: true })],
    [36, 64],
  );
  // Every paragraph of the signature block keeps with the next, so the block stays on one page
  // with the closing line before it (Word and LibreOffice honour keepNext inside a table row).
  const kept = { keepNext: true, keepLines: true } as const;
  const closing = sideBySide(
    [
      new Paragraph({ ...kept, children: [text(draft.closing.recipientsTitle, { bold: true, italic: true, size: SIZE.table })] }),
      ...draft.closing.recipients.map((r) => new Paragraph({ ...kept, children: [text(r, { size: SIZE.small })] })),
    ],
    [line(draft.closing.signatureTitle, { bold: true, keepNext: true }), line(draft.closing.signatureHint, { italic: true, size: SIZE.table, keepNext: true })],
    [50, 50],
  );
  const sources = draft.figures.map((f, i) => [String(i + 1), f.text, f.label, f.source]);
  return new Document({
    creator: 'chitieu',
    title: `${draft.kind} ${draft.title}`,
    styles: { default: { document: { run: { font: FONT, size: SIZE.body } } } },
    sections: [
      {
        properties: {
          // Decree 30/2020/NĐ-CP: page numbers at the top centre, none on the first page.
          titlePage: true,
          page: {
            size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) },
            margin: { top: convertMillimetersToTwip(20), bottom: convertMillimetersToTwip(20), left: convertMillimetersToTwip(30), right: convertMillimetersToTwip(15) },
          },
        },
        headers: {
          first: new Header({ children: [new Paragraph({ children: [] })] }),
          default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: SIZE.body })] })] }),
        },
        children: [
          head,
          new Paragraph({ spacing: { after: 240 }, children: [] }),
          line(draft.kind, { bold: true }),
          // The title a phrase a line, so the place is never broken across two (a long phrase still wraps).
          new Paragraph({
            alignment: AlignmentType.CENTER,
            keepNext: true,
            keepLines: true,
            children: draft.titleLines.map((phrase, i) => new TextRun({ text: phrase, font: FONT, size: SIZE.body, bold: true, break: i > 0 ? 1 : 0 })),
          }),
          line(draft.rule, { size: SIZE.small, after: 60 }),
          line(draft.note, { italic: true, size: SIZE.small, after: 200 }),
          // The last paragraph of the text goes with the closing line and the signature: never alone on a page.
          ...draft.blocks.flatMap((b, i) => block(b, i === draft.blocks.length - 1)),
          new Paragraph({
            ...kept,
            alignment: AlignmentType.JUSTIFIED,
            indent: { firstLine: convertMillimetersToTwip(10) },
            spacing: { before: 80, after: 240, line: 300 },
            children: [text(draft.closingLine)],
          }),
          closing,
          // The annex starts a page of its own; a break of its heading, not an empty paragraph, so a full page leaves no blank one.
          line(draft.sources.title, { bold: true, after: 120, pageBreakBefore: true }),
          ...block({ kind: 'paragraph', runs: [{ text: draft.sources.intro, italic: true }], note: true }),
          table(draft.sources.headers, sources, [8, 18, 44, 30]),
        ],
      },
    ],
  });
}

/** The .docx bytes of a drafted report. */
export async function writeReport(draft: ReportDraft): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(reportDocument(draft)));
}
