/**
 * The add-in in a browser, without Excel: the real task pane beside a simulated workbook. It serves
 * training and demonstrations, and the end-to-end tests drive it.
 */
import { MemoryWorkbook } from '../src/excel/memory-workbook';
import { mountTaskPane } from '../src/taskpane/app';
import { useFluent } from '../src/taskpane/fluent';
import { storageSession } from '../src/taskpane/session';
import { renderWorkbook } from './render';
import { isCalendarDate } from '../../shared/dates/days';

useFluent();
const workbook = new MemoryWorkbook();
const params = new URLSearchParams(location.search);
// A day of the calendar only: `?today=2025-06-31` is ignored, the computer's date stands.
const asked = params.get('today');
const today = asked && isCalendarDate(asked) ? asked : null;
renderWorkbook(document.getElementById('workbook')!, workbook);
mountTaskPane(document.getElementById('app')!, { port: workbook, session: storageSession(), ...(today ? { today: () => today } : {}) });

declare global {
  interface Window {
    chitieuDemo: { workbook: MemoryWorkbook };
  }
}
window.chitieuDemo = { workbook };
