/** The task pane in Excel: the shared runtime also registers the custom functions. */
/// <reference types="office-js" />
import { registerFunctions } from '../functions/register';
import { OfficeWorkbook } from '../excel/office-workbook';
import { mountTaskPane } from './app';
import { useFluent } from './fluent';
import { storageSession } from './session';

registerFunctions();
useFluent();
Office.onReady(() => {
  mountTaskPane(document.getElementById('app')!, { port: new OfficeWorkbook(), session: storageSession() });
});
