/**
 * The task pane: sign in, then the tabs of the signed-in role. The same code runs in Excel
 * (with the Office.js workbook) and in the browser tests (with the in-memory one).
 */
import type { Me } from '../../../shared/api/schemas';
import type { Lang } from '../../../shared/i18n';
import { formatDateVi } from '../../../shared/dates';
import { ApiClient, ApiError } from '../api/client';
import type { WorkbookChange, WorkbookPort } from '../excel/port';
import type { Ctx, PaneMemory } from './context';
import { busy, button, h, message, replace } from './dom';
import { STRINGS } from './i18n';
import type { Session } from './session';
import { reportView } from './views/report';
import { signInView } from './views/signin';
import { providerSignIn, signOutSession } from './provider-sign-in';

/**
 * Views beyond a clerk's first are loaded when their tab is opened: on a commune's connection the
 * first screen waits for nothing else (DIC's workbook writer and charts are the bulk of them).
 */
const LATER_VIEWS = {
  history: () => import('./views/history').then((m) => m.historyView),
  dashboard: () => import('./views/dashboard').then((m) => m.dashboardView),
  review: () => import('./views/review').then((m) => m.reviewView),
  check: () => import('./views/check').then((m) => m.checkView),
  people: () => import('./views/people').then((m) => m.peopleView),
} satisfies Record<string, () => Promise<(ctx: Ctx) => HTMLElement>>;

/** A view that arrives when its code has: a spinner in its place until then, or why it could not load. */
function later(load: () => Promise<(ctx: Ctx) => HTMLElement>, ctx: Ctx): HTMLElement {
  const slot = h('div', { class: 'view-slot' }, busy(ctx.t.loading));
  load().then(
    // A tab left before its code arrived is not built: its requests would be for nobody.
    (view) => slot.isConnected && slot.replaceWith(view(ctx)),
    () => replace(slot, message('error', ctx.t.loadFailed)),
  );
  return slot;
}

export interface AppDeps {
  port: WorkbookPort;
  session: Session;
  api?: ApiClient;
  today?: () => string;
}

type Tab = 'report' | 'history' | 'dashboard' | 'review' | 'check' | 'people';

const TABS: Record<Me['role'], Tab[]> = {
  unit: ['report', 'history'],
  dic: ['dashboard', 'review', 'report', 'check', 'people'],
  auditor: ['check', 'dashboard'],
};

export function mountTaskPane(root: HTMLElement, deps: AppDeps): void {
  const { session, port } = deps;
  // This pane's own token: kept on this computer for the next start, but another window signing in or
  // out does not change whom this one acts as.
  let token: string | null = session.token();
  /** Forgets this pane's token, and the kept one only while it is still this pane's (another window may have signed in since). */
  const forgetToken = () => {
    if (session.token() === token) session.setToken(null);
    token = null;
  };
  /** Why the pane was signed out by the server (a session ended, a token revoked), said above the sign-in. */
  let signedOut: string | null = null;
  const api =
    deps.api ??
    new ApiClient({
      token: () => token,
      lang: () => session.lang(),
      onUnauthorized: (e) => {
        // Only a signed-in pane goes back to the sign-in; a token being tried says its own refusal.
        if (!me) return;
        forgetToken();
        me = null;
        signedOut = e.message;
        render();
        focusOn('token');
      },
    });
  const today = deps.today ?? (() => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10));
  let me: Me | null = null;
  let tab: Tab | null = null;
  /** The kept token is being checked with the server. */
  let checking = false;
  /** Why the kept token could not be checked when the server did not answer; the token stays. */
  let unreachable: string | null = null;
  const memory: PaneMemory = { checkedSheet: null, checkedKeys: new Set() };
  // One subscription to the workbook for the pane's life; the view shown gets its changes.
  let viewListener: ((change: WorkbookChange) => void) | null = null;
  void port.watch((change) => viewListener?.(change)).catch(() => undefined);
  const onWorkbookChange = (listener: ((change: WorkbookChange) => void) | null) => {
    viewListener = listener;
  };

  const render = () => {
    const lang = session.lang();
    const t = STRINGS[lang];
    document.documentElement.lang = lang;
    const header = h(
      'header',
      { class: 'app-header' },
      h('div', { class: 'brand' }, h('span', { class: 'logo', 'aria-hidden': 'true' }, 'ct'), h('div', {}, h('h1', {}, 'chitieu'), h('div', { class: 'subtitle' }, t.appTitle))),
      h(
        'div',
        { class: 'header-actions' },
        h(
          'button',
          { class: 'link-button', id: 'lang', type: 'button', 'aria-label': t.language, onclick: () => switchLang(t.otherLang.lang) },
          t.otherLang.label,
        ),
        me || unreachable ? h('button', { class: 'link-button', id: 'signout', type: 'button', onclick: signOut }, t.signOut) : null,
      ),
    );
    if (!me) {
      const body = checking
        ? busy('…')
        : unreachable
          ? h('div', { id: 'unreachable' }, message('error', unreachable), h('div', { class: 'actions' }, button(t.signIn.retry, resume, { appearance: 'primary', id: 'retry' })))
          : h('div', {}, signedOut ? h('div', { id: 'signed-out' }, message('warning', signedOut)) : null, providerSignIn(lang, signIn), signInView(t, signIn));
      replace(root, header, h('main', {}, body));
      return;
    }
    viewListener = null;
    const ctx: Ctx = { port, api, session, me, t, lang, today, memory, onWorkbookChange };
    const tabs = TABS[me.role].filter((x) => x !== 'report' || me!.unit);
    if (!tab || !tabs.includes(tab)) tab = tabs[0]!;
    const who = h(
      'div',
      { class: 'who', id: 'who' },
      h('strong', {}, me.unit?.name ?? t.roles[me.role]),
      // Without a unit the role is already the name shown: it is not said twice.
      me.unit ? h('span', { class: 'muted' }, ` · ${t.roles[me.role]} · ${me.unit.code}`) : null,
      // A unit that has ended (merged, split, renamed, abolished) still files for the periods before.
      me.unit?.validTo && me.unit.validTo < today()
        ? h('p', { class: 'muted', id: 'unit-ended' }, t.unitEnded(formatDateVi(me.unit.validTo), me.unit.successors.length ? `${t.succeededBy[me.unit.change ?? 'none']} ${me.unit.successors.join(', ')}` : ''))
        : null,
    );
    const tablist = h(
      'div',
      { role: 'tablist', class: 'tabs', 'aria-label': 'chitieu' },
      ...tabs.map((x) =>
        h('button', { role: 'tab', type: 'button', id: `tab-${x}`, 'aria-selected': String(x === tab), tabindex: x === tab ? 0 : -1, onclick: () => switchTab(x) }, x === 'people' ? t.people.tab : t.tabs[x]),
      ),
    );
    tablist.addEventListener('keydown', (event) => {
      const e = event as KeyboardEvent;
      if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
      const i = tabs.indexOf(tab!);
      const next = tabs[(i + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length]!;
      switchTab(next);
      (root.querySelector(`#tab-${next}`) as HTMLElement | null)?.focus();
    });
    const views: Record<Tab, () => HTMLElement> = {
      report: () => reportView(ctx),
      history: () => later(LATER_VIEWS.history, ctx),
      dashboard: () => later(LATER_VIEWS.dashboard, ctx),
      review: () => later(LATER_VIEWS.review, ctx),
      check: () => later(LATER_VIEWS.check, ctx),
      people: () => later(LATER_VIEWS.people, ctx),
    };
    replace(root, header, who, tablist, h('main', { role: 'tabpanel', 'aria-labelledby': `tab-${tab}` }, views[tab]()));
  };

  /** After a rebuild the keyboard stays where the user acted: the control of that name in the new pane. */
  const focusOn = (id: string) => (root.querySelector(`#${id}`) as HTMLElement | null)?.focus();
  const switchTab = (next: Tab) => {
    tab = next;
    render();
    focusOn(`tab-${next}`);
  };
  const switchLang = (lang: Lang) => {
    session.setLang(lang);
    render();
    focusOn('lang');
  };
  const signIn = async (offered: string) => {
    token = offered;
    session.setToken(offered);
    try {
      me = await api.me();
    } catch (e) {
      forgetToken();
      throw e;
    }
    signedOut = null;
    tab = null;
    render();
    // The signed-in pane starts at its first tab, where the keyboard goes on from.
    if (tab) focusOn(`tab-${tab}`);
  };
  const signOut = () => {
    signOutSession(token);
    forgetToken();
    signedOut = null;
    me = null;
    memory.checkedSheet = null;
    memory.checkedKeys.clear();
    unreachable = null;
    render();
    focusOn('token');
  };

  /** Signs in again with the kept token; only the server refusing it forgets it. */
  const resume = () => {
    if (!token) return;
    checking = true;
    unreachable = null;
    render();
    api.me().then(
      (who) => {
        me = who;
        checking = false;
        render();
      },
      (e) => {
        checking = false;
        if (e instanceof ApiError && e.status === 401) forgetToken();
        else unreachable = (e as Error).message;
        render();
      },
    );
  };

  render();
  resume();
}
