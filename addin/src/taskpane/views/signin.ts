/** Paste the token DIC issued; it is checked against the server before it is kept. */
import { ApiError } from '../../api/client';
import type { Strings } from '../i18n';
import { h, message, replace } from '../dom';

export function signInView(t: Strings, onToken: (token: string) => Promise<void>): HTMLElement {
  const note = h('div', { id: 'signin-note', 'aria-live': 'polite' });
  // The label goes in the box's own label slot: visible above it, and the name of the input inside.
  const input = h(
    'fluent-text-input',
    { id: 'token', type: 'password', appearance: 'outline', autocomplete: 'off', spellcheck: 'false' },
    h('span', { class: 'field-label', id: 'token-label' }, t.signIn.token),
  ) as HTMLElement & { value: string };
  const submit = async (event?: Event) => {
    event?.preventDefault();
    const token = (input.value ?? '').trim();
    if (!token) return replace(note, message('warning', t.signIn.empty));
    try {
      await onToken(token);
    } catch (e) {
      replace(note, message('error', e instanceof ApiError && e.status === 401 ? t.signIn.invalid : (e as Error).message));
    }
  };
  return h(
    'section',
    { class: 'view signin', 'aria-label': t.signIn.title },
    h('h2', {}, t.signIn.title),
    h('p', { class: 'muted' }, t.signIn.intro),
    h('form', { onsubmit: (e: Event) => void submit(e) }, input, h('div', { class: 'actions' }, h('fluent-button', { appearance: 'primary', type: 'submit', id: 'signin' }, t.signIn.submit))),
    note,
  );
}
