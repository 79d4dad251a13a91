/**
 * Draws an in-memory workbook as a spreadsheet: sheet tabs, cells with their template styles and
 * number formats, highlights, and a cell editor. It stands in for Excel in the browser.
 */
import { formatNumber, formatPercent } from '../../shared/numbers/format';
import { excelSerialToIso, formatDateVi } from '../../shared/dates';
import { STYLES, a1, columnLetters, parseSheetAddress, type ChartModel } from '../../shared/workbook';
import { shiftDecimal } from '../../shared/numbers/decimal';
import { FormulaError, type FormulaValue } from '../src/excel/formula';
import { PROTECTED_CELL, usedExtent, type MemoryCell, type MemoryWorkbook } from '../src/excel/memory-workbook';

/** Pixels per character of a column's width, as Excel draws Times New Roman 12. */
const PX_PER_CHAR = 7;
const HEADER_COL_PX = 36;

/** What a cell shows: its value (a formula's computed value when given) in its number format. */
export function display(cell: MemoryCell | undefined, computed?: FormulaValue | FormulaError): string {
  if (!cell) return '';
  if (computed instanceof FormulaError) return computed.code;
  if (cell.formula !== undefined && computed === undefined) return '';
  const input = cell.formula !== undefined ? computed : cell.value;
  if (input === null || input === undefined) return '';
  if (typeof input === 'string') return input;
  if (typeof input === 'boolean') return input ? 'TRUE' : 'FALSE';
  const format = cell?.numberFormat ?? '';
  if (format.includes('%')) return formatPercent(shiftDecimal(input, 2), 'vi', (format.split('.')[1] ?? '').replace('%', '').length);
  if (format.startsWith('dd/')) return formatDateVi(excelSerialToIso(input) ?? '');
  if (format === '#,##0') return formatNumber(input, 'vi', 0);
  return formatNumber(input, 'vi');
}

export function renderWorkbook(container: HTMLElement, wb: MemoryWorkbook): void {
  /** The sheet had the keyboard before a redraw: the new one gets it back. */
  let keyboardInGrid = false;
  const draw = () => {
    keyboardInGrid = keyboardInGrid || !!container.querySelector('table.sheet')?.contains(document.activeElement);
    container.replaceChildren();
    const tabs = document.createElement('div');
    tabs.className = 'sheet-tabs';
    tabs.setAttribute('role', 'tablist');
    for (const sheet of wb.sheets.filter((s) => !s.hidden)) {
      const tab = document.createElement('button');
      tab.type = 'button';
      tab.textContent = sheet.name;
      tab.className = 'sheet-tab';
      tab.setAttribute('role', 'tab');
      tab.setAttribute('aria-selected', String(sheet.name === wb.active));
      tab.dataset.sheet = sheet.name;
      tab.onclick = () => {
        wb.activate(sheet.name);
        draw();
      };
      tabs.append(tab);
    }
    const sheet = wb.sheet(wb.active);
    const grid = document.createElement('div');
    grid.className = 'sheet-grid';
    if (sheet) grid.append(table(wb, sheet.name, draw), ...wb.charts.filter((c) => c.sheet === sheet.name).map(chart(wb)));
    container.append(grid, tabs);
    if (keyboardInGrid) (container.querySelector('table.sheet') as HTMLElement | null)?.focus({ preventScroll: true });
    keyboardInGrid = false;
  };
  wb.onChange((what) => {
    if (what === 'content') return draw();
    // Moving the selection only moves the outline; the cells stay, so an edit in progress survives.
    for (const td of container.querySelectorAll('td.selected')) td.classList.remove('selected');
    const address = wb.selection.slice(wb.selection.lastIndexOf('!') + 1);
    const td = container.querySelector(`td[data-address="${address}"]`);
    td?.classList.add('selected');
    td?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  });
  draw();
}

function table(wb: MemoryWorkbook, name: string, redraw: () => void): HTMLTableElement {
  const sheet = wb.sheet(name)!;
  // One empty row and column beyond the used range, as a spreadsheet shows them.
  const used = usedExtent(sheet);
  const rows = Math.min(Math.max(20, used.rows + 1), 400);
  const cols = Math.min(Math.max(8, used.cols + 1), 60);
  const covered = new Set<string>();
  const spans = new Map<string, { rows: number; cols: number }>();
  for (const m of sheet.merges) {
    spans.set(`${m.row},${m.col}`, { rows: m.rows, cols: m.cols });
    for (let r = m.row; r < m.row + m.rows; r++) for (let c = m.col; c < m.col + m.cols; c++) if (r !== m.row || c !== m.col) covered.add(`${r},${c}`);
  }
  const t = document.createElement('table');
  t.className = 'sheet';
  t.dataset.sheet = name;
  // The sheet takes the keyboard as Excel does: arrows move, typing replaces, Enter or F2 edits.
  t.tabIndex = 0;
  t.setAttribute('aria-label', name);
  const colgroup = document.createElement('colgroup');
  colgroup.append(Object.assign(document.createElement('col'), { style: `width:${HEADER_COL_PX}px` }));
  let widthPx = HEADER_COL_PX;
  for (let c = 0; c < cols; c++) {
    const col = document.createElement('col');
    const px = Math.round((sheet.widths.get(c) ?? 9) * PX_PER_CHAR);
    col.style.width = `${px}px`;
    widthPx += px;
    colgroup.append(col);
  }
  // A fixed layout keeps the columns' widths only when the table has a width of its own.
  t.style.width = `${widthPx}px`;
  t.append(colgroup);
  const head = document.createElement('tr');
  head.append(document.createElement('th'));
  for (let c = 0; c < cols; c++) head.append(Object.assign(document.createElement('th'), { textContent: columnLetters(c) }));
  t.append(head);
  for (let r = 0; r < rows; r++) {
    const tr = document.createElement('tr');
    tr.append(Object.assign(document.createElement('th'), { textContent: String(r + 1) }));
    const height = sheet.heights.get(r);
    if (height) tr.style.height = `${Math.round(height * 1.33)}px`;
    for (let c = 0; c < cols; c++) {
      if (covered.has(`${r},${c}`)) continue;
      const cell = wb.cell(name, r, c);
      const td = document.createElement('td');
      const span = spans.get(`${r},${c}`);
      if (span) {
        td.rowSpan = span.rows;
        td.colSpan = span.cols;
      }
      const address = a1(r, c);
      td.dataset.address = address;
      td.textContent = display(cell, cell?.formula !== undefined ? wb.computed(name, r, c) : undefined);
      const spec = cell?.style ? STYLES[cell.style] : undefined;
      const fill = cell?.fill ?? spec?.fill;
      if (fill) td.style.background = `#${fill}`;
      if (spec?.bold) td.style.fontWeight = '600';
      if (spec?.italic) td.style.fontStyle = 'italic';
      if (spec?.color) td.style.color = `#${spec.color}`;
      if (spec?.size) td.style.fontSize = `${spec.size}px`;
      if (spec?.horizontal) td.style.textAlign = spec.horizontal;
      if (spec?.indent) td.style.paddingLeft = `${4 + spec.indent * 10}px`;
      if (spec?.border) td.classList.add('bordered');
      if (cell?.formula !== undefined) td.classList.add('formula');
      if (wb.selection.endsWith(`!${address}`) && wb.selection.includes(name)) td.classList.add('selected');
      // One click selects the cell and gives the sheet the keyboard: typing goes into the cell.
      td.onclick = () => {
        void wb.select(`'${name}'!${address}`);
        t.focus({ preventScroll: true });
      };
      td.ondblclick = () => edit(t, wb, name, address, td.textContent ?? '', redraw);
      tr.append(td);
    }
    t.append(tr);
  }
  t.onkeydown = (e) => onSheetKey(e, t, wb, name, { rows, cols, covered }, redraw);
  return t;
}

/** The selected cell of the sheet, or A1. */
function selected(wb: MemoryWorkbook, name: string): { row: number; col: number } {
  const at = parseSheetAddress(wb.selection);
  return at && at.sheet === name ? { row: at.row, col: at.col } : { row: 0, col: 0 };
}

const MOVES: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };

function move(wb: MemoryWorkbook, name: string, by: [number, number], bounds: { rows: number; cols: number; covered: ReadonlySet<string> }): void {
  let { row, col } = selected(wb, name);
  do {
    row = Math.min(Math.max(0, row + by[0]), bounds.rows - 1);
    col = Math.min(Math.max(0, col + by[1]), bounds.cols - 1);
  } while (bounds.covered.has(`${row},${col}`) && row > 0 && col > 0 && row < bounds.rows - 1 && col < bounds.cols - 1);
  void wb.select(`'${name}'!${a1(row, col)}`);
}

function onSheetKey(e: KeyboardEvent, t: HTMLTableElement, wb: MemoryWorkbook, name: string, bounds: { rows: number; cols: number; covered: ReadonlySet<string> }, redraw: () => void): void {
  if (e.target !== t) return;
  const by = MOVES[e.key] ?? (e.key === 'Tab' ? ([0, e.shiftKey ? -1 : 1] as [number, number]) : undefined);
  const { row, col } = selected(wb, name);
  const address = a1(row, col);
  if (by && !(e.key === 'Tab' && e.shiftKey && col === 0)) {
    if (e.key === 'Tab' && !e.shiftKey && col === bounds.cols - 1) return;
    e.preventDefault();
    move(wb, name, by, bounds);
  } else if (e.key === 'Enter' || e.key === 'F2') {
    e.preventDefault();
    const td = t.querySelector(`td[data-address="${address}"]`);
    edit(t, wb, name, address, td?.textContent ?? '', redraw);
  } else if ((e.key === 'Delete' || e.key === 'Backspace') && wb.editable(address, name)) {
    e.preventDefault();
    wb.type(address, '', name);
  } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
    // Typing into a selected cell replaces what it holds, as in Excel.
    e.preventDefault();
    edit(t, wb, name, address, e.key, redraw);
  }
}

/**
 * Typing into a cell, as in Excel: Enter keeps the value and moves down, Tab moves right, Escape drops
 * it; a locked cell of a protected sheet says why it refuses.
 */
function edit(t: HTMLTableElement, wb: MemoryWorkbook, sheet: string, address: string, initial: string, redraw: () => void): void {
  const notice = document.getElementById('demo-notice');
  if (!wb.editable(address, sheet)) {
    if (notice) notice.textContent = PROTECTED_CELL;
    return;
  }
  if (notice) notice.textContent = '';
  const td = t.querySelector(`td[data-address="${address}"]`);
  if (!td) return;
  void wb.select(`'${sheet}'!${address}`);
  const input = document.createElement('input');
  input.className = 'cell-editor';
  input.value = initial;
  input.setAttribute('aria-label', `${sheet}!${address}`);
  td.replaceChildren(input);
  input.focus();
  input.setSelectionRange(initial.length, initial.length);
  let done = false;
  const commit = (then: [number, number] | null) => {
    if (done) return;
    done = true;
    const at = parseSheetAddress(`'${sheet}'!${address}`)!;
    t.focus({ preventScroll: true });
    wb.type(address, input.value, sheet);
    if (then) void wb.select(`'${sheet}'!${a1(Math.max(0, at.row + then[0]), Math.max(0, at.col + then[1]))}`);
  };
  input.onkeydown = (e) => {
    e.stopPropagation();
    if (e.key === 'Enter') commit([1, 0]);
    else if (e.key === 'Tab') {
      e.preventDefault();
      commit([0, e.shiftKey ? -1 : 1]);
    } else if (e.key === 'Escape') {
      done = true;
      t.focus({ preventScroll: true });
      redraw();
    }
  };
  // Clicking elsewhere keeps what was typed, as Excel does.
  input.onblur = () => {
    if (!done && input.isConnected) commit(null);
  };
}

function chart(wb: MemoryWorkbook) {
  return (c: ChartModel): HTMLElement => {
    const box = document.createElement('figure');
    box.className = 'chart';
    box.dataset.chart = c.kind;
    const caption = document.createElement('figcaption');
    caption.textContent = c.title;
    const values: { label: string; series: number[] }[] = [];
    for (let r = c.source.row + 1; r < c.source.row + c.source.rows; r++) {
      const label = display(wb.cell(c.sheet, r, c.source.col), wb.computed(c.sheet, r, c.source.col));
      const series: number[] = [];
      for (let col = c.source.col + 1; col < c.source.col + c.source.cols; col++) {
        const v = wb.computed(c.sheet, r, col);
        series.push(typeof v === 'number' ? v : 0);
      }
      values.push({ label, series });
    }
    const max = Math.max(1e-9, ...values.map((v) => (c.kind === 'columnStacked' ? v.series.reduce((a, b) => a + b, 0) : Math.max(...v.series))));
    const colors = ['#0f6cbd', '#c19c00', '#a4262c'];
    const bars = values
      .map((v, i) => {
        let offset = 0;
        return v.series
          .map((x, j) => {
            const width = (x / max) * 220;
            const y = i * 18 + (c.kind === 'columnStacked' ? 0 : j * 6);
            const rect = `<rect x="${90 + (c.kind === 'columnStacked' ? offset : 0)}" y="${y}" width="${width.toFixed(1)}" height="${c.kind === 'columnStacked' ? 12 : 6}" fill="${colors[j % 3]}"/>`;
            offset += width;
            return rect;
          })
          .join('') + `<text x="0" y="${i * 18 + 10}" font-size="10">${v.label.slice(0, 14)}</text>`;
      })
      .join('');
    box.innerHTML = `<svg width="330" height="${values.length * 18 + 4}" role="img" aria-label="${c.title}">${bars}</svg>`;
    box.prepend(caption);
    return box;
  };
}
