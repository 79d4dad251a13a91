/**
 * The page the worker's sign-in callback sends the browser to, with a one-time code in the
 * fragment (never sent to any server by the browser). It hands the code to the pane that opened it:
 * through Office's dialog API (`messageParent`) in Excel, or `postMessage` to the opener in the demo
 * page's popup, to this origin only; then it forgets the fragment.
 */
import { SIGN_IN_MESSAGE } from './sign-in-message';

const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

function codeFromFragment(): string | null {
  const code = new URLSearchParams(location.hash.slice(1)).get('code');
  history.replaceState(null, '', location.pathname);
  return code && /^cth_[A-Za-z0-9_-]{20,100}$/.test(code) ? code : null;
}

function handBack(code: string | null): void {
  const message = JSON.stringify({ type: SIGN_IN_MESSAGE, code });
  if (window.opener) {
    (window.opener as Window).postMessage(message, location.origin);
    window.close();
    return;
  }
  // In Excel the page runs in Office's dialog: office.js is loaded only here, where it is needed.
  const script = document.createElement('script');
  script.src = OFFICE_JS;
  script.onload = () => void Office.onReady(() => Office.context.ui.messageParent(message, { targetOrigin: location.origin }));
  document.head.append(script);
}

handBack(codeFromFragment());
