/**
 * Excel for the Excel layer's tests: office-addin-mock's object model for what is read (with load and
 * sync), and recorders for what is written. It counts round trips, which is what the layer promises.
 */
import { OfficeMockObject } from 'office-addin-mock';
import { a1Range } from '../../../shared/workbook';

export interface FakeSheet {
  values: unknown[][];
  rowIndex?: number;
  columnIndex?: number;
}

export interface FakeState {
  sheets: Record<string, FakeSheet>;
  names?: { name: string; formula: string; type?: string }[];
  active: string;
  excelApi?: string;
}

export interface Write {
  target: string;
  path: string;
  value: unknown;
}

export interface FakeExcel {
  excel: unknown;
  office: unknown;
  writes: Write[];
  syncs: () => number;
}

/** Anything assigned or called on it is written down as `target path = value`. */
function recorder(target: string, log: Write[], path = ''): unknown {
  const fn = function () {};
  return new Proxy(fn, {
    get: (_t, prop) => (prop === 'then' ? undefined : recorder(target, log, path ? `${path}.${String(prop)}` : String(prop))),
    set: (_t, prop, value) => {
      log.push({ target, path: path ? `${path}.${String(prop)}` : String(prop), value });
      return true;
    },
    apply: (_t, _this, args) => {
      log.push({ target, path: `${path}()`, value: args.length === 1 ? args[0] : args });
      if (path.endsWith('getRangeByIndexes')) {
        const [row, col, rows, cols] = args as number[];
        return recorder(`${target}!${a1Range(row!, col!, rows!, cols!)}`, log, '');
      }
      return recorder(args.length === 1 && typeof args[0] === 'string' ? `${target}:${args[0]}` : target, log, '');
    },
  });
}

export function fakeExcel(state: FakeState): FakeExcel {
  const writes: Write[] = [];
  const added = new Set<string>();
  let syncs = 0;
  const sheet = (name: string, s: FakeSheet) => ({
    name,
    usedRange: { values: s.values, rowIndex: s.rowIndex ?? 0, columnIndex: s.columnIndex ?? 0 },
    getUsedRangeOrNullObject() {
      return (this as unknown as { usedRange: unknown }).usedRange;
    },
    getRangeByIndexes(row: number, col: number, rows: number, cols: number) {
      return recorder(`${name}!${a1Range(row, col, rows, cols)}`, writes);
    },
    delete() {
      writes.push({ target: name, path: 'delete()', value: [] });
    },
    activate() {
      writes.push({ target: name, path: 'activate()', value: [] });
    },
  });
  const nullSheet = {
    nullRange: { values: [] },
    getUsedRangeOrNullObject() {
      return (this as unknown as { nullRange: unknown }).nullRange;
    },
  };
  const data = {
    context: {
      workbook: {
        worksheets: {
          items: Object.keys(state.sheets).map((name) => ({ name })),
          nullSheet,
          ...Object.fromEntries(Object.entries(state.sheets).map(([n, s]) => [n, sheet(n, s)])),
          getItem(name: string) {
            // A sheet added in this session is written to, not read.
            return added.has(name) ? recorder(name, writes) : ((this as Record<string, unknown>)[name] ?? recorder(name, writes));
          },
          getItemOrNullObject(name: string) {
            return (this as Record<string, unknown>)[name] ?? (this as unknown as { nullSheet: unknown }).nullSheet;
          },
          getActiveWorksheet() {
            return (this as Record<string, unknown>)[state.active];
          },
          add(name: string) {
            writes.push({ target: name, path: 'add()', value: name });
            added.add(name);
            return recorder(name, writes);
          },
        },
        names: {
          items: (state.names ?? []).map((n) => ({ type: 'Range', ...n })),
          add(name: string, range: unknown) {
            writes.push({ target: 'names', path: 'add()', value: [name, range] });
          },
          getItem(name: string) {
            return recorder(`name:${name}`, writes);
          },
        },
      },
    },
    run: async function (this: { context: unknown }, callback: (context: unknown) => Promise<unknown>) {
      return callback(this.context);
    },
  };
  const excel = new OfficeMockObject(data) as unknown as {
    context: { sync: () => Promise<void>; workbook: { worksheets: Record<string, { usedRange: Record<string, unknown>; nullRange?: Record<string, unknown>; isNullObject?: boolean }> } };
  };
  // Office.js answers isNullObject without a load; the mock needs it set.
  const worksheets = excel.context.workbook.worksheets;
  for (const name of Object.keys(state.sheets)) {
    worksheets[name]!.isNullObject = false;
    worksheets[name]!.usedRange.isNullObject = false;
  }
  worksheets.nullSheet!.isNullObject = true;
  worksheets.nullSheet!.nullRange!.isNullObject = true;
  const sync = excel.context.sync.bind(excel.context);
  excel.context.sync = async () => {
    syncs++;
    await sync();
  };
  Object.assign(excel, {
    SheetVisibility: { veryHidden: 'VeryHidden', visible: 'Visible' },
    DataValidationOperator: { greaterThanOrEqualTo: 'GreaterThanOrEqualTo', between: 'Between' },
    PageOrientation: { landscape: 'Landscape', portrait: 'Portrait' },
    PaperType: { a4: 'A4' },
    ChartSeriesBy: { columns: 'Columns' },
  });
  const version = Number((state.excelApi ?? '1.9').split('.')[1]);
  const office = { context: { requirements: { isSetSupported: (_set: string, v: string) => Number(v.split('.')[1]) <= version } } };
  return { excel, office, writes, syncs: () => syncs };
}
