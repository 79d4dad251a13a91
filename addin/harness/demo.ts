/**
 * The add-in in a browser, without Excel: the real task pane beside a simulated workbook. It serves
 * training and demonstrations, and the end-to-end tests drive it.
 */
import { MemoryWorkbook } from '../src/excel/memory-workbook';
import { mountTaskPane } from '../src/taskpane/app';
import { useFluent } from '../src/taskpane/fluent';
import { storageSession } from '../src/taskpane/session';
import { renderWorkbook } from './render';

useFluent();
const workbook = new MemoryWorkbook();
const params = new URLSearchParams(location.search);
const today = params.get('today');
renderWorkbook(document.getElementById('workbook')!, workbook);
mountTaskPane(document.getElementById('app')!, { port: workbook, session: storageSession(), ...(today ? { today: () => today } : {}) });

declare global {
  interface Window {
    chitieuDemo: { workbook: MemoryWorkbook };
  }
}
window.chitieuDemo = { workbook };
