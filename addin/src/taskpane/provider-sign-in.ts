/**
 * Sign-in through the province's provider, offered on the pane's first screen when the deployment
 * has one: Office's dialog opens the worker's /auth/login on the add-in's origin; the provider's
 * pages run there; the hand-back page (signin.html) returns a one-time code, which is traded once
 * for a session of one working day. Outside Office (the demo page) a popup stands in for the dialog.
 * Where the province uses Microsoft 365 and Office supports Nested App Authentication, the button
 * signs in with the account Office is signed in with instead, without a dialog (sign-in-flow.ts).
 */
import type { Lang } from '../../../shared/i18n';
import type { SignInConfig } from '../../../shared/api/identity-schemas';
import { SIGN_IN_MESSAGE } from '../sign-in-message';
import { h, message, replace } from './dom';
import { microsoft365AccessToken, tradeAccessToken } from './microsoft365-sign-in';
import { chooseSignInFlow, type OfficeRequirements } from './sign-in-flow';

const WORDS = {
  vi: {
    button: (provider: string | null) => (provider ? `Đăng nhập qua ${provider}` : 'Đăng nhập bằng tài khoản công vụ của tỉnh'),
    or: 'Hoặc dán mã thông báo (dùng cho máy chủ chưa cấu hình đăng nhập, hoặc cho tập lệnh):',
    cancelled: 'Chưa đăng nhập: cửa sổ đăng nhập đã đóng.',
    blocked: 'Trình duyệt đã chặn cửa sổ đăng nhập; hãy cho phép cửa sổ bật lên rồi thử lại.',
    microsoft365: 'Đăng nhập bằng tài khoản Microsoft 365 của tỉnh',
  },
  en: {
    button: (provider: string | null) => (provider ? `Sign in with ${provider}` : "Sign in with the province's official account"),
    or: 'Or paste a token (for servers without sign-in, or for scripts):',
    cancelled: 'Not signed in: the sign-in window was closed.',
    blocked: 'The browser blocked the sign-in window; allow pop-ups and try again.',
    microsoft365: "Sign in with the province's Microsoft 365 account",
  },
} as const;


/** The one-time code from the sign-in window, or null if it was closed first. */
function codeFromWindow(url: string): Promise<string | null> {
  const office = (globalThis as { Office?: typeof Office }).Office;
  if (office?.context?.ui?.displayDialogAsync) {
    return new Promise((resolve, reject) => {
      office.context.ui.displayDialogAsync(url, { height: 60, width: 40, promptBeforeOpen: false }, (result) => {
        if (result.status !== office.AsyncResultStatus.Succeeded) return reject(new Error(result.error.message));
        const dialog = result.value;
        dialog.addEventHandler(office.EventType.DialogMessageReceived, (arg) => {
          dialog.close();
          resolve(codeOf('message' in arg ? arg.message : '') ?? null);
        });
        dialog.addEventHandler(office.EventType.DialogEventReceived, () => resolve(null));
      });
    });
  }
  return new Promise((resolve, reject) => {
    const popup = window.open(url, 'chitieu-sign-in', 'popup,width=520,height=680');
    if (!popup) return reject(new Error('blocked'));
    const onMessage = (event: MessageEvent) => {
      if (event.origin !== location.origin || event.source !== popup) return;
      const code = codeOf(event.data);
      if (code === undefined) return;
      finish(code);
    };
    const closed = setInterval(() => popup.closed && finish(null), 500);
    const finish = (code: string | null) => {
      clearInterval(closed);
      window.removeEventListener('message', onMessage);
      resolve(code);
    };
    window.addEventListener('message', onMessage);
  });
}

function codeOf(data: unknown): string | null | undefined {
  try {
    const parsed = JSON.parse(String(data)) as { type?: string; code?: string | null };
    return parsed.type === SIGN_IN_MESSAGE ? (parsed.code ?? null) : undefined;
  } catch {
    return undefined;
  }
}

/** Trades the one-time code for a session token; a refusal carries the server's words. */
async function exchange(code: string, lang: Lang): Promise<string> {
  const response = await fetch('/api/v1/auth/exchange', { method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': lang }, body: JSON.stringify({ code }) });
  const body = (await response.json()) as { token?: string; detail?: string };
  if (!response.ok || !body.token) throw new Error(body.detail ?? `HTTP ${response.status}`);
  return body.token;
}

/** Ends the session on the server when the pane signs out (a pasted token for scripts is left alone). */
export function signOutSession(token: string | null): void {
  if (token?.startsWith('cts_')) void fetch('/api/v1/auth/logout', { method: 'POST', headers: { authorization: `Bearer ${token}` } }).catch(() => undefined);
}

/**
 * The province's sign-in button, shown once the server says it has a provider; `onToken` signs the
 * pane in with the session token as with a pasted one.
 */
export function providerSignIn(lang: Lang, onToken: (token: string) => Promise<void>): HTMLElement {
  const words = WORDS[lang];
  const box = h('div', { id: 'provider-signin' });
  const note = h('div', { id: 'provider-note', 'aria-live': 'polite' });
  const start = async () => {
    replace(note);
    try {
      const code = await codeFromWindow(`${location.origin}/api/v1/auth/login`);
      if (!code) return replace(note, message('warning', words.cancelled));
      await onToken(await exchange(code, lang));
    } catch (e) {
      replace(note, message('error', (e as Error).message === 'blocked' ? words.blocked : (e as Error).message));
    }
  };
  const offer = (id: string, label: string, act: () => Promise<void>) =>
    replace(box, h('div', { class: 'actions' }, h('fluent-button', { appearance: 'primary', id, type: 'button', onclick: () => void act() }, label)), note, h('p', { class: 'muted' }, words.or));
  void fetch('/api/v1/auth/config')
    .then((r) => (r.ok ? (r.json() as Promise<SignInConfig>) : null))
    .then((config) => {
      const flow = chooseSignInFlow(config, (globalThis as { Office?: OfficeRequirements }).Office);
      if (flow.kind === 'microsoft365') {
        offer('microsoft365-signin-button', words.microsoft365, async () => {
          replace(note);
          try {
            await onToken(await tradeAccessToken(await microsoft365AccessToken(flow.settings), lang));
          } catch (e) {
            replace(note, message('error', (e as Error).message));
          }
        });
      } else if (flow.kind === 'provider') {
        offer('provider-signin-button', words.button(flow.provider), start);
      }
    })
    .catch(() => undefined);
  return box;
}
