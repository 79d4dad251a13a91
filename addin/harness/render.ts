/**
 * Draws an in-memory workbook as a spreadsheet: sheet tabs, cells with their template styles and
 * number formats, highlights, and a cell editor. It stands in for Excel in the browser.
 */
import { formatNumber, formatPercent } from '../../shared/numbers/format';
import { excelSerialToIso, formatDateVi } from '../../shared/dates';
import { STYLES, a1, columnLetters, type ChartModel } from '../../shared/workbook';
import { shiftDecimal } from '../../shared/numbers/decimal';
import { PROTECTED_CELL, usedExtent, type MemoryCell, type MemoryWorkbook } from '../src/excel/memory-workbook';

export function display(cell: MemoryCell | undefined): string {
  if (!cell || cell.formula !== undefined) return '';
  const input = cell.value;
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
  const draw = () => {
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
    if (sheet) grid.append(table(wb, sheet.name), ...wb.charts.filter((c) => c.sheet === sheet.name).map(chart(wb)));
    container.append(grid, tabs);
  };
  wb.onChange((what) => {
    if (what === 'content') return draw();
    // Moving the selection only moves the outline; the cells stay, so an edit in progress survives.
    for (const td of container.querySelectorAll('td.selected')) td.classList.remove('selected');
    const address = wb.selection.slice(wb.selection.lastIndexOf('!') + 1);
    container.querySelector(`td[data-address="${address}"]`)?.classList.add('selected');
  });
  draw();
}

function table(wb: MemoryWorkbook, name: string): HTMLTableElement {
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
  const colgroup = document.createElement('colgroup');
  colgroup.append(Object.assign(document.createElement('col'), { style: 'width:36px' }));
  for (let c = 0; c < cols; c++) {
    const col = document.createElement('col');
    col.style.width = `${Math.round((sheet.widths.get(c) ?? 9) * 7)}px`;
    colgroup.append(col);
  }
  t.append(colgroup);
  const head = document.createElement('tr');
  head.append(document.createElement('th'));
  for (let c = 0; c < cols; c++) head.append(Object.assign(document.createElement('th'), { textContent: columnLetters(c) }));
  t.append(head);
  for (let r = 0; r < rows; r++) {
    const tr = document.createElement('tr');
    tr.append(Object.assign(document.createElement('th'), { textContent: String(r + 1) }));
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
      td.textContent = display(cell);
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
      td.onclick = () => void wb.select(`'${name}'!${address}`);
      td.ondblclick = () => edit(td, wb, name, address);
      tr.append(td);
    }
    t.append(tr);
  }
  return t;
}

/** Typing into a cell, as in Excel: Enter keeps the value, Escape drops it; a locked cell of a protected sheet says why it refuses. */
function edit(td: HTMLTableCellElement, wb: MemoryWorkbook, sheet: string, address: string): void {
  const notice = document.getElementById('demo-notice');
  if (!wb.editable(address, sheet)) {
    if (notice) notice.textContent = PROTECTED_CELL;
    return;
  }
  if (notice) notice.textContent = '';
  const input = document.createElement('input');
  input.className = 'cell-editor';
  input.value = '';
  input.setAttribute('aria-label', `${sheet}!${address}`);
  td.replaceChildren(input);
  input.focus();
  input.onkeydown = (e) => {
    if (e.key === 'Enter') wb.type(address, input.value, sheet);
    if (e.key === 'Escape') void wb.select(`'${sheet}'!${address}`);
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
      const label = display(wb.cell(c.sheet, r, c.source.col));
      const series: number[] = [];
      for (let col = c.source.col + 1; col < c.source.col + c.source.cols; col++) {
        const v = wb.value(c.sheet, r, col);
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
