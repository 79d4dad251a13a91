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

export function select(id: string, label: string, options: { value: string; label: string }[], value?: string): HTMLElement {
  const el = h('select', { id, class: 'select' }, ...options.map((o) => h('option', { value: o.value, selected: o.value === value }, o.label)));
  return h('label', { class: 'field', for: id }, h('span', { class: 'field-label' }, label), el);
}

export function valueOf(root: ParentNode, id: string): string {
  return (root.querySelector(`#${id}`) as HTMLSelectElement | HTMLInputElement | null)?.value ?? '';
}
