/** A small hyperscript: the task pane is plain DOM with Fluent UI web components. */
type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | ((event: Event) => void) | null | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Attrs, ...children: Child[]): HTMLElementTagNameMap[K];
export function h(tag: string, attrs?: Attrs, ...children: Child[]): HTMLElement;
export function h(tag: string, attrs: Attrs = {}, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') el.addEventListener(name.replace(/^on/, '').toLowerCase(), value);
    else if (value === true) el.setAttribute(name, '');
    else el.setAttribute(name, String(value));
  }
  append(el, children);
  return el;
}

export function append(el: Element, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function replace(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, children);
}

/** A Fluent message bar: info, success, warning or error. */
export function message(intent: 'info' | 'success' | 'warning' | 'error', ...children: Child[]): HTMLElement {
  return h('fluent-message-bar', { intent, role: intent === 'error' ? 'alert' : 'status', layout: 'multiline' }, ...children);
}

export function button(
  label: string,
  onClick: () => void,
  options: { appearance?: 'primary' | 'secondary' | 'subtle'; disabled?: boolean; id?: string; describedBy?: string | undefined } = {},
): HTMLElement {
  return h('fluent-button', { appearance: options.appearance ?? 'secondary', disabled: options.disabled, id: options.id, 'aria-describedby': options.describedBy, onclick: onClick }, label);
}

export function busy(label: string): HTMLElement {
  return h('div', { class: 'busy', role: 'status', 'aria-live': 'polite' }, h('fluent-spinner', { size: 'tiny' }), h('span', {}, label));
}

/** A labelled field: the label names the control, visibly and for assistive technology. */
function field(id: string, label: string, control: HTMLElement): HTMLElement {
  return h('div', { class: 'field' }, h('label', { class: 'field-label', for: id, id: `${id}-label` }, label), control);
}

/**
 * Fluent's dropdown is never narrower than 160 px inside its shadow, wider than a 320 px pane at
 * 200% zoom; this sheet, more specific than Fluent's own rule, lets it shrink to the pane.
 */
let narrowDropdown: CSSStyleSheet | null = null;
function fitToPane(dropdown: HTMLElement): void {
  const shadow = dropdown.shadowRoot;
  if (!shadow || typeof CSSStyleSheet === 'undefined') return;
  if (!narrowDropdown) {
    narrowDropdown = new CSSStyleSheet();
    narrowDropdown.replaceSync(':host .control { min-width: 0; }');
  }
  shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, narrowDropdown];
}

/** A Fluent dropdown with a visible label; `value` (or the first option) chosen. Fires `change`. */
export function select(id: string, label: string, options: { value: string; label: string }[], value?: string): HTMLElement {
  const chosen = options.some((o) => o.value === value) ? value : options[0]?.value;
  const dropdown = h(
    'fluent-dropdown',
    { id, class: 'dropdown' },
    h('fluent-listbox', {}, ...options.map((o) => h('fluent-option', { value: o.value, selected: o.value === chosen }, o.label))),
  );
  // The dropdown puts its focusable combobox button in later; a combobox is not named by its text,
  // so the button is named by the label and then its value ("Kỳ báo cáo, 6 tháng đầu năm 2024").
  const name = () => {
    const control = dropdown.querySelector(':scope > [slot="control"]');
    if (control && !control.hasAttribute('aria-labelledby')) control.setAttribute('aria-labelledby', `${id}-label ${control.id}`);
  };
  new MutationObserver(name).observe(dropdown, { childList: true });
  fitToPane(dropdown);
  return field(id, label, dropdown);
}

/** A Fluent search box with a visible label. Fires `input` as the user types. */
export function searchBox(id: string, label: string): HTMLElement {
  // In the box's label slot: shown above it, and the name of the input inside its shadow.
  return h('div', { class: 'field' }, h('fluent-text-input', { id, type: 'search' }, h('span', { class: 'field-label', id: `${id}-label` }, label)));
}

/** A Fluent checkbox with its label beside it. Fires `change`. */
export function checkbox(id: string, label: string): HTMLElement {
  return h('div', { class: 'check-field' }, h('fluent-checkbox', { id, 'aria-labelledby': `${id}-label` }), h('label', { for: id, id: `${id}-label` }, label));
}

/** A Fluent multi-line text box, its label shown above it in the box's own label slot (which names the text area inside). */
export function textArea(label: string): HTMLElement & { value: string } {
  return h('fluent-textarea', { class: 'textarea', resize: 'vertical', block: true }, h('span', { slot: 'label', class: 'field-label' }, label)) as HTMLElement & { value: string };
}

/**
 * The value of a control by id. A dropdown not yet upgraded (just built, not yet in the page) tells
 * its chosen option by attribute.
 */
export function valueOf(root: ParentNode, id: string): string {
  const el = root.querySelector(`#${id}`) as (HTMLElement & { value?: string | null }) | null;
  if (!el) return '';
  if (el.localName === 'fluent-dropdown' && typeof el.value !== 'string') {
    return (el.querySelector('fluent-option[selected]') ?? el.querySelector('fluent-option'))?.getAttribute('value') ?? '';
  }
  return el.value ?? '';
}

/** Whether a checkbox by id is ticked. */
export function isChecked(root: ParentNode, id: string): boolean {
  return (root.querySelector(`#${id}`) as (HTMLElement & { checked?: boolean }) | null)?.checked === true;
}

/**
 * Replaces an element's content; the control that had focus inside it (found again by its id) has it
 * again after, so a rebuilt part of the pane never drops the keyboard's place.
 */
export function replaceKeepingFocus(el: Element, ...children: Child[]): void {
  const active = document.activeElement;
  const id = active && el.contains(active) ? (active.closest('[id]') as HTMLElement | null)?.id : undefined;
  replace(el, ...children);
  if (id) (el.querySelector(`[id="${id}"]`) as HTMLElement | null)?.focus();
}
