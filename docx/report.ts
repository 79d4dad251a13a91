/**
 * A drafted report (shared/report) written as a Word document with the `docx` library, in the layout
 * of an administrative report under Decree 30/2020/NĐ-CP: A4, Times New Roman, margins 20/20/30/15 mm,
 * the national heading beside the issuing body, number and date left for the clerk, the title, the
 * sections, recipients and signature block; then the annex naming the source of every figure.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Packer,
  PageBreak,
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

function line(value: string, options: { bold?: boolean; italic?: boolean; size?: number; align?: IParagraphOptions['alignment']; after?: number } = {}): Paragraph {
  return new Paragraph({ alignment: options.align ?? AlignmentType.CENTER, spacing: { after: options.after ?? 0 }, children: [text(value, options)] });
}

/** A table of cells without borders: the heading beside the national motto, recipients beside the signature. */
function sideBySide(left: Paragraph[], right: Paragraph[], widths: [number, number]): Table {
  const cell = (children: Paragraph[], width: number) => new TableCell({ children, width: { size: width, type: WidthType.PERCENTAGE }, borders: NO_BORDERS });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [new TableRow({ children: [cell(left, widths[0]), cell(right, widths[1])] })],
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

function block(b: Block): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'heading':
      return [new Paragraph({ spacing: { before: 160, after: 80 }, keepNext: true, children: [text(b.text, { bold: true, size: b.level === 1 ? SIZE.body : SIZE.heading })] })];
    case 'paragraph':
      return [
        new Paragraph({
          alignment: AlignmentType.JUSTIFIED,
          indent: { firstLine: convertMillimetersToTwip(10) },
          spacing: { after: 80, line: 300 },
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
    [38, 62],
  );
  const closing = sideBySide(
    [
      new Paragraph({ children: [text(draft.closing.recipientsTitle, { bold: true, italic: true, size: SIZE.table })] }),
      ...draft.closing.recipients.map((r) => new Paragraph({ children: [text(r, { size: SIZE.small })] })),
    ],
    [line(draft.closing.signatureTitle, { bold: true }), line(draft.closing.signatureHint, { italic: true, size: SIZE.table })],
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
          page: {
            size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) },
            margin: { top: convertMillimetersToTwip(20), bottom: convertMillimetersToTwip(20), left: convertMillimetersToTwip(30), right: convertMillimetersToTwip(15) },
          },
        },
        footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: SIZE.small })] })] }) },
        children: [
          head,
          new Paragraph({ spacing: { after: 240 }, children: [] }),
          line(draft.kind, { bold: true }),
          line(draft.title, { bold: true, after: 60 }),
          line(draft.note, { italic: true, size: SIZE.small, after: 200 }),
          ...draft.blocks.flatMap(block),
          new Paragraph({ spacing: { after: 200 }, children: [] }),
          closing,
          new Paragraph({ children: [new PageBreak()] }),
          line(draft.sources.title, { bold: true, after: 120 }),
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
