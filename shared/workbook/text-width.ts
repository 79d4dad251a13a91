/**
 * How wide a text prints in the sheets' font (Times New Roman, see styles.ts), from the font's own
 * metrics rather than a count of characters: capitals, `m` and `w` take twice an `i`, and a code such
 * as BMT-HOATHANG is wider than twelve characters of a name.
 */
import { BOLD_WIDTHS, ITALIC_WIDTHS, MEASURED_CHARACTERS, REGULAR_WIDTHS } from './times-metrics';

export interface FontFace {
  bold?: boolean;
  italic?: boolean;
}

/** A character the table does not know is measured as an em: too wide rather than clipped. */
const UNKNOWN = 1000;

function table(widths: readonly number[]): Map<string, number> {
  const map = new Map<string, number>();
  [...MEASURED_CHARACTERS].forEach((ch, i) => map.set(ch, widths[i]!));
  return map;
}

const REGULAR = table(REGULAR_WIDTHS);
const BOLD = table(BOLD_WIDTHS);
const ITALIC = table(ITALIC_WIDTHS);

/** Combining marks: a text holding them is composed first (ệ typed as e + two marks is one letter). */
const COMBINING = /[\u0300-\u036f]/;

/** Points `text` takes on one line at `size` points. */
export function textPoints(text: string, size: number, face: FontFace = {}): number {
  const widths = face.bold ? BOLD : face.italic ? ITALIC : REGULAR;
  let thousandths = 0;
  for (const ch of COMBINING.test(text) ? text.normalize('NFC') : text) thousandths += widths.get(ch) ?? (ch === '\u00a0' ? widths.get(' ')! : UNKNOWN);
  return (thousandths * size) / 1000;
}

/** Whether `text` surely holds on a line of `linePoints` at `size`: no character is wider than an em. */
export function surelyFits(text: string, linePoints: number, size: number): boolean {
  return text.length * size <= linePoints;
}

/**
 * Points of text a line of a column `width` characters wide holds. Excel on Windows gives a character
 * of width 7 pixels at 96 dpi (5.25 pt; LibreOffice gives the default font's digit, 5.5 pt): the
 * narrower is taken, less the cell's margins on both sides.
 */
export function columnTextPoints(width: number): number {
  return width * 5.25 - CELL_MARGINS;
}

const CELL_MARGINS = 4;

/** The column width (in characters, to the half) that holds `points` of text on one line. */
export function widthForPoints(points: number): number {
  return Math.ceil(((points + CELL_MARGINS) / 5.25) * 2) / 2;
}

/**
 * Lines `text` wraps to in `linePoints`, breaking at spaces as Excel and LibreOffice do; a word longer
 * than a line is cut across lines. Each `\n` starts a line.
 */
export function wrappedLines(text: string, linePoints: number, size: number, face: FontFace = {}): number {
  if (!text.includes('\n') && surelyFits(text, linePoints, size)) return 1;
  const space = textPoints(' ', size, face);
  const room = Math.max(1, linePoints);
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let used = 0;
    let count = 1;
    // Runs of spaces (the blanks of "Báo cáo số      /BC-…" left to fill by hand) print as wide as they are.
    for (const word of paragraph.split(' ')) {
      const width = textPoints(word, size, face);
      if (used > 0 && used + space + width <= room) {
        used += space + width;
        continue;
      }
      if (used > 0) count++;
      // A word wider than the line fills whole lines, the rest begins the next.
      count += Math.max(0, Math.ceil(width / room) - 1);
      used = width - Math.max(0, Math.ceil(width / room) - 1) * room;
    }
    lines += count;
  }
  return lines;
}
