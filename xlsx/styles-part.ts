/**
 * `xl/styles.xml`: each distinct pair of semantic style and number format used by a workbook
 * becomes one cell format, built from the style table both writers share (shared/workbook/styles).
 */
import { BORDER_COLOR, FONT_NAME, FONT_SIZE, STYLES, type CellStyle, type StyleSpec } from '../shared/workbook';
import { XML_HEADER, escapeXml, tag } from './xml-text';

/** Excel's built-in number formats, which are referred to by id rather than declared. */
const BUILT_IN_FORMATS: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10, '@': 49 };
const FIRST_CUSTOM_FORMAT = 164;
const FONT_COLOR = '1F1F1F';

export class StyleBook {
  private readonly fonts = ['']; // 0: the default font
  private readonly fills = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'];
  private readonly borders = ['<border><left/><right/><top/><bottom/><diagonal/></border>'];
  private readonly formats = new Map<string, number>();
  private readonly xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private readonly xfIndex = new Map<string, number>();

  constructor() {
    this.fonts[0] = this.font({});
  }

  /** The index of the cell format for a style and number format (0 for neither). */
  xf(style: CellStyle | undefined, numberFormat: string | undefined): number {
    if (!style && !numberFormat) return 0;
    const key = `${style ?? ''}|${numberFormat ?? ''}`;
    const known = this.xfIndex.get(key);
    if (known !== undefined) return known;
    const spec: StyleSpec = style ? STYLES[style] : {};
    const numFmtId = numberFormat === undefined ? 0 : this.format(numberFormat);
    const fontId = style ? this.add(this.fonts, this.font(spec)) : 0;
    const fillId = spec.fill ? this.add(this.fills, `<fill><patternFill patternType="solid"><fgColor rgb="FF${spec.fill}"/><bgColor indexed="64"/></patternFill></fill>`) : 0;
    const line = `<left style="thin"><color rgb="FF${BORDER_COLOR}"/></left><right style="thin"><color rgb="FF${BORDER_COLOR}"/></right><top style="thin"><color rgb="FF${BORDER_COLOR}"/></top><bottom style="thin"><color rgb="FF${BORDER_COLOR}"/></bottom>`;
    const borderId = spec.border ? this.add(this.borders, `<border>${line}<diagonal/></border>`) : 0;
    const alignment = style
      ? tag('alignment', {
          horizontal: spec.horizontal,
          vertical: spec.vertical === 'top' ? 'top' : 'center',
          wrapText: spec.wrap ? 1 : undefined,
          indent: spec.indent,
        })
      : '';
    const protection = spec.locked === false ? '<protection locked="0"/>' : '';
    const open = tag(
      'xf',
      {
        numFmtId,
        fontId,
        fillId,
        borderId,
        xfId: 0,
        applyNumberFormat: numFmtId ? 1 : undefined,
        applyFont: fontId ? 1 : undefined,
        applyFill: fillId ? 1 : undefined,
        applyBorder: borderId ? 1 : undefined,
        applyAlignment: alignment ? 1 : undefined,
        applyProtection: protection ? 1 : undefined,
      },
      false,
    );
    const index = this.xfs.push(`${open}${alignment}${protection}</xf>`) - 1;
    this.xfIndex.set(key, index);
    return index;
  }

  toXml(): string {
    const numFmts = [...this.formats].map(([code, id]) => tag('numFmt', { numFmtId: id, formatCode: code })).join('');
    return (
      XML_HEADER +
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      (this.formats.size ? `<numFmts count="${this.formats.size}">${numFmts}</numFmts>` : '') +
      `<fonts count="${this.fonts.length}">${this.fonts.join('')}</fonts>` +
      `<fills count="${this.fills.length}">${this.fills.join('')}</fills>` +
      `<borders count="${this.borders.length}">${this.borders.join('')}</borders>` +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.xfs.length}">${this.xfs.join('')}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '</styleSheet>'
    );
  }

  private font(spec: StyleSpec): string {
    return (
      '<font>' +
      (spec.bold ? '<b/>' : '') +
      (spec.italic ? '<i/>' : '') +
      `<sz val="${spec.size ?? FONT_SIZE}"/><color rgb="FF${spec.color ?? FONT_COLOR}"/><name val="${escapeXml(FONT_NAME)}"/><family val="1"/><charset val="163"/>` +
      '</font>'
    );
  }

  private format(code: string): number {
    const builtIn = BUILT_IN_FORMATS[code];
    if (builtIn !== undefined) return builtIn;
    let id = this.formats.get(code);
    if (id === undefined) {
      id = FIRST_CUSTOM_FORMAT + this.formats.size;
      this.formats.set(code, id);
    }
    return id;
  }

  private add(list: string[], xml: string): number {
    const i = list.indexOf(xml);
    return i >= 0 ? i : list.push(xml) - 1;
  }
}
