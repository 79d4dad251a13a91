/**
 * DIC's screen for people: who is signed in now (ending one session, or every session of a person),
 * every registered person with their memberships (unit, role, from–to), and registering people from
 * the CSV file with a preview first, through the same import as the API's (`?dryRun=true`, then all
 * or nothing).
 */
import type { z } from 'zod';
import type { OpenSessionSchema, PeopleImportResultSchema } from '../../../../shared/api/identity-schemas';
import { MAX_UPLOAD_BYTES } from '../../../../shared/api/media';
import { formatDateVi } from '../../../../shared/dates';
import { membershipInForce, type Membership, type Person } from '../../../../shared/people';
import { formatTime } from '../../../../shared/workbook';
import type { Ctx } from '../context';
import { busy, button, h, message, replace, searchBox } from '../dom';

type OpenSession = z.infer<typeof OpenSessionSchema>;
type ImportResult = z.infer<typeof PeopleImportResultSchema>;

/** Changes listed under a preview; the summary counts them all. */
const CHANGES_SHOWN = 200;

export function peopleView(ctx: Ctx): HTMLElement {
  const t = ctx.t.people;
  const sessionsBox = h('div', { id: 'sessions', 'aria-live': 'polite' });
  const sessionsNote = h('div', { id: 'sessions-note', 'aria-live': 'polite' });
  const peopleBox = h('div', { id: 'people-list' });
  let people: Person[] = [];
  let filter = '';

  const roleOf = (role: Membership['role'] | OpenSession['role'], unit: string | null) => `${ctx.t.roles[role]}${unit ? ` · ${unit}` : ''}`;

  // Who is signed in now
  function sessionItem(s: OpenSession): HTMLElement {
    const end = async (all: boolean) => {
      replace(sessionsNote);
      try {
        if (all) {
          const { ended } = await ctx.api.endPersonSessions(s.person.id);
          replace(sessionsNote, message('success', t.endedAll(s.person.name, ended)));
        } else {
          await ctx.api.endSession(s.id);
          replace(sessionsNote, message('success', t.ended(s.person.name)));
        }
      } catch (e) {
        replace(sessionsNote, message('error', (e as Error).message));
      }
      await loadSessions();
    };
    // Ending signs the person out at once, wherever they work: asked once more, as a review or a close is.
    const actions = h('div', { class: 'actions' });
    const ask = (all: boolean) => {
      replace(
        actions,
        message(
          'warning',
          h('span', { class: 'confirm-text' }, all ? t.confirmEndAll(s.person.name) : t.confirmEnd(s.person.name)),
          h('div', { class: 'actions' }, button(all ? t.endAll : t.endSession, () => void end(all), { appearance: 'primary', id: `confirm-end-${s.id}` }), button(ctx.t.closing.cancel, showActions)),
        ),
      );
      actions.querySelector<HTMLElement>(`#confirm-end-${s.id}`)?.focus();
    };
    function showActions(): void {
      replace(actions, button(t.endSession, () => ask(false), { id: `end-session-${s.id}` }), button(t.endAll, () => ask(true), { appearance: 'subtle', id: `end-all-${s.id}` }));
    }
    showActions();
    return h(
      'li',
      { class: 'review-item', 'data-session': s.id, 'data-person': s.person.id },
      h('div', {}, h('strong', {}, s.person.name), h('span', { class: 'muted' }, ` · ${s.person.login}`)),
      h('div', { class: 'muted' }, `${roleOf(s.role, s.unit)} · ${t.since(formatTime(s.createdAt))}${s.lastSeenAt ? ` · ${t.lastSeen(formatTime(s.lastSeenAt))}` : ''}`),
      actions,
    );
  }

  async function loadSessions(): Promise<void> {
    replace(sessionsBox, busy(ctx.t.loading));
    try {
      const open = await ctx.api.sessions();
      replace(sessionsBox, open.length === 0 ? h('p', { class: 'muted' }, t.signedInNone) : h('ul', { class: 'plain-list' }, ...open.map(sessionItem)));
    } catch (e) {
      replace(sessionsBox, message('error', (e as Error).message));
    }
  }

  // People and their memberships
  function membershipLine(m: Membership): HTMLElement {
    const today = ctx.today();
    const current = membershipInForce(m, today);
    const ended = m.validTo !== null && m.validTo < today;
    return h(
      'li',
      { 'data-membership': m.id, class: current ? '' : 'muted' },
      `${roleOf(m.role, m.unit)} · ${t.from(formatDateVi(m.validFrom), m.validTo ? formatDateVi(m.validTo) : null)}`,
      ended ? ` (${t.ended_})` : '',
      m.source === 'claim' ? ` · ${t.byClaim}` : '',
    );
  }

  function renderPeople(): void {
    const needle = filter.trim().toLowerCase();
    const shown = needle
      ? people.filter((p) => p.name.toLowerCase().includes(needle) || p.login.includes(needle) || p.memberships.some((m) => (m.unit ?? '').toLowerCase().includes(needle)))
      : people;
    replace(
      peopleBox,
      shown.length === 0
        ? h('p', { class: 'muted' }, t.peopleNone)
        : h(
            'ul',
            { class: 'plain-list' },
            ...shown.map((p) =>
              h(
                'li',
                { class: 'history-item', 'data-person': p.id },
                h('div', {}, h('strong', {}, p.name), h('span', { class: 'muted' }, ` · ${p.login}`)),
                h('ul', { class: 'memberships' }, ...p.memberships.map(membershipLine)),
              ),
            ),
          ),
    );
  }

  async function loadPeople(): Promise<void> {
    replace(peopleBox, busy(ctx.t.loading));
    try {
      people = await ctx.api.people();
      renderPeople();
    } catch (e) {
      replace(peopleBox, message('error', (e as Error).message));
    }
  }

  // Registering people from the CSV file: a preview, then the same file applied
  const fileInput = h('input', { type: 'file', id: 'people-file', accept: '.csv,text/csv', 'aria-labelledby': 'people-file-label' }) as HTMLInputElement;
  const importNote = h('div', { id: 'people-import-result', 'aria-live': 'polite' });
  const applyButton = button(t.apply, () => void run(false), { appearance: 'primary', id: 'people-apply', disabled: true });
  /** The text previewed: only that text is applied, so what DIC saw is what is stored. */
  let previewed: string | null = null;
  fileInput.addEventListener('change', () => {
    previewed = null;
    applyButton.toggleAttribute('disabled', true);
    replace(importNote);
  });

  async function readFile(): Promise<string | null> {
    const file = fileInput.files?.[0];
    if (!file) {
      replace(importNote, message('warning', t.noFile));
      return null;
    }
    if (file.size > MAX_UPLOAD_BYTES) {
      replace(importNote, message('error', t.tooLarge));
      return null;
    }
    return file.text();
  }

  function resultView(result: ImportResult): HTMLElement {
    const detail = (c: ImportResult['changes'][number]) => {
      const x = c as Record<string, unknown>;
      if (c.action === 'person_created' || c.action === 'person_renamed') return String(x.name);
      const role = roleOf(x.role as Membership['role'], (x.unit as string | null) ?? null);
      return `${role} · ${t.from(formatDateVi(String(x.validFrom)), x.validTo ? formatDateVi(String(x.validTo)) : null)}`;
    };
    return h(
      'div',
      {},
      message(result.dryRun ? 'info' : 'success', t.summary(result.created, result.updated, result.unchanged), ' ', result.dryRun ? t.previewNote : t.applied),
      h(
        'ul',
        { class: 'plain-list', id: 'people-changes' },
        ...result.changes.slice(0, CHANGES_SHOWN).map((c) => h('li', { 'data-action': c.action }, (t.change[c.action] ?? ((login: string, d: string) => `${login}: ${d}`))(c.login, detail(c)))),
      ),
    );
  }

  async function run(dryRun: boolean): Promise<void> {
    const text = dryRun ? await readFile() : previewed;
    if (text === null) return;
    replace(importNote, busy(ctx.t.loading));
    try {
      const result = await ctx.api.importPeople(text, dryRun);
      replace(importNote, resultView(result));
      previewed = dryRun ? text : null;
      applyButton.toggleAttribute('disabled', !dryRun || result.created + result.updated === 0);
      if (!dryRun) void loadPeople();
    } catch (e) {
      previewed = null;
      applyButton.toggleAttribute('disabled', true);
      replace(importNote, message('error', (e as Error).message));
    }
  }

  const search = searchBox('people-search', t.filter);
  search.querySelector('fluent-text-input')?.addEventListener('input', (event) => {
    filter = String((event.target as HTMLElement & { value?: string }).value ?? '');
    renderPeople();
  });

  const root = h(
    'section',
    { class: 'view people-view', 'aria-label': t.tab },
    h(
      'div',
      { class: 'row-between' },
      h('h2', {}, t.signedInTitle),
      button(t.refresh, () => void loadSessions(), { appearance: 'subtle', id: 'sessions-refresh' }),
    ),
    sessionsNote,
    sessionsBox,
    h('h2', {}, t.peopleTitle),
    search,
    peopleBox,
    h('h2', {}, t.importTitle),
    h('p', { class: 'muted' }, t.importIntro),
    h('div', { class: 'field' }, h('label', { class: 'field-label', for: 'people-file', id: 'people-file-label' }, t.chooseFile), fileInput),
    h('div', { class: 'actions' }, button(t.preview, () => void run(true), { id: 'people-preview' }), applyButton),
    importNote,
  );
  void loadSessions();
  void loadPeople();
  return root;
}
