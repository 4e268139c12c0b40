// A tiny DOM builder. Text always goes in as text nodes and attributes through setAttribute,
// so text from the server (unit, commune and nominee names, messages) can never become markup.

export type Child = Node | string | number | null | undefined | false;
type AttrValue = string | number | boolean | null | undefined;
export type Attrs = Record<string, AttrValue | ((event: Event) => void)>;

let nextId = 0;
/** A document-unique id for label/for and aria-describedby pairs. */
export function uid(prefix: string): string {
  nextId += 1;
  return `${prefix}-${nextId}`;
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs?: Attrs | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (typeof value === 'function') {
      if (!key.startsWith('on')) throw new Error(`handler for non-event attribute ${key}`);
      el.addEventListener(key.slice(2), value);
    } else if (key.startsWith('on')) {
      throw new Error(`event attribute ${key} must be a function`);
    } else if (value === true) {
      el.setAttribute(key, '');
    } else if (value !== false && value !== null && value !== undefined) {
      el.setAttribute(key, String(value));
    }
  }
  append(el, children);
  return el;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's content with the given children. */
export function fill(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, children);
}

export type Tone = 'info' | 'ok' | 'error' | 'warn';

/** Shows a message (or nothing) in a live region. */
export function say(region: HTMLElement, tone: Tone | null, ...content: Child[]): void {
  region.className = tone ? `msg msg-${tone}` : 'msg';
  region.setAttribute('aria-live', tone === 'error' ? 'assertive' : 'polite');
  fill(region, ...content);
}

/** A live region for the result of an action. Errors are announced assertively. */
export function messageRegion(): HTMLDivElement {
  return h('div', { class: 'msg', role: 'status', 'aria-live': 'polite', tabindex: '-1' });
}

/**
 * Runs a task with the buttons in a busy state (disabled, aria-busy, the first one relabelled)
 * and always gives them back, whether the task succeeds or fails.
 */
export async function whileBusy<T>(
  buttons: HTMLButtonElement[],
  busyLabel: string,
  task: () => Promise<T>,
): Promise<T> {
  const saved = buttons.map((b) => ({
    b,
    disabled: b.disabled,
    label: b.textContent ?? '',
    ariaLabel: b.getAttribute('aria-label'),
  }));
  buttons.forEach((b, i) => {
    b.disabled = true;
    b.setAttribute('aria-busy', 'true');
    if (i === 0) {
      b.classList.add('busy');
      b.textContent = busyLabel;
      if (b.hasAttribute('aria-label')) b.setAttribute('aria-label', busyLabel);
    }
  });
  try {
    return await task();
  } finally {
    for (const { b, disabled, label, ariaLabel } of saved) {
      b.disabled = disabled;
      if (ariaLabel !== null) b.setAttribute('aria-label', ariaLabel);
      b.removeAttribute('aria-busy');
      b.classList.remove('busy');
      b.textContent = label;
    }
  }
}

export function button(
  label: string,
  kind: 'primary' | 'secondary' | 'link',
  onClick: (event: Event) => void,
  attrs: Attrs = {},
): HTMLButtonElement {
  return h(
    'button',
    { type: 'button', class: `btn btn-${kind}`, onclick: onClick, ...attrs },
    label,
  );
}
