/** The task pane in Excel: the shared runtime also registers the custom functions. */
/// <reference types="office-js" />
import { OfficeWorkbook } from '../excel/office-workbook';
import { mountTaskPane } from './app';
import { h, message, replace } from './dom';
import { useFluent } from './fluent';
import { STRINGS } from './i18n';
import { storageSession } from './session';

/** Office.js answers within a second or two inside Excel; past this, the page is not in Office. */
const OFFICE_READY_WITHIN_MS = 8000;

const app = document.getElementById('app')!;

/** Opened in a browser (or Office.js could not load): say what the page is, and lead to the demo. */
function outsideOffice(): void {
  const t = STRINGS.vi.outsideOffice;
  replace(app, h('h1', {}, t.title), message('info', t.body, ' ', h('a', { href: 'demo.html', id: 'open-demo' }, t.demo)));
}

useFluent();
// The custom functions share this runtime; their engine loads beside the first screen, not before it.
void import('../functions/register').then((m) => m.registerFunctions());
if (typeof Office === 'undefined') outsideOffice();
else {
  const timer = setTimeout(outsideOffice, OFFICE_READY_WITHIN_MS);
  void Office.onReady((info) => {
    clearTimeout(timer);
    if (!info.host) outsideOffice();
    else mountTaskPane(app, { port: new OfficeWorkbook(), session: storageSession() });
  });
}
