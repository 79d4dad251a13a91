/**
 * The add-in in a browser, without Excel: the real task pane beside a simulated workbook. It serves
 * training and demonstrations, and the end-to-end tests drive it.
 */
import { MemoryWorkbook } from '../src/excel/memory-workbook';
import { mountTaskPane } from '../src/taskpane/app';
import { useFluent } from '../src/taskpane/fluent';
import { storageSession } from '../src/taskpane/session';
import { renderWorkbook } from './render';
import { serverFollows, trainingDay, trainingFetch, trainingNotice } from './training';
import { ApiClient } from '../src/api/client';

useFluent();
const workbook = new MemoryWorkbook();
const session = storageSession();
const training = trainingDay(location.search);
const today = training && 'day' in training ? training.day : null;
const clock = document.getElementById('demo-clock')!;
clock.textContent = trainingNotice(training, today ? null : false);
// With ?today=, the server is asked once whether it follows the day; until it says yes the page only reads.
const follows = today ? serverFollows(today, fetch) : Promise.resolve(false);
void follows.then((yes) => (clock.textContent = trainingNotice(training, yes)));
const api = today
  ? new ApiClient({ token: () => session.token(), lang: () => session.lang(), today: () => today, fetch: trainingFetch((...args) => fetch(...args), () => follows) })
  : undefined;
renderWorkbook(document.getElementById('workbook')!, workbook);
mountTaskPane(document.getElementById('app')!, { port: workbook, session, ...(today ? { today: () => today } : {}), ...(api ? { api } : {}) });

declare global {
  interface Window {
    chitieuDemo: { workbook: MemoryWorkbook };
  }
}
window.chitieuDemo = { workbook };
