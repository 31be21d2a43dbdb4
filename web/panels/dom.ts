// Building the page from data without ever parsing markup: every text from the graph (names,
// document text, titles) enters the page through textContent or createTextNode.
import { t } from '../i18n/index.ts';

type Child = Node | string | null | undefined | false;

export interface ElementOptions {
  class?: string;
  text?: string;
  attrs?: Record<string, string | number | boolean | null | undefined>;
  on?: { [K in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[K]) => void };
}

/** An element with text, attributes, listeners and children; strings become text nodes. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: ElementOptions = {},
  children: Child[] = [],
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (options.class) element.className = options.class;
  if (options.text !== undefined) element.textContent = options.text;
  for (const [name, value] of Object.entries(options.attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const [event, listener] of Object.entries(options.on ?? {})) {
    element.addEventListener(event, listener as EventListener);
  }
  append(element, children);
  return element;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** A button with a visible label and, when the label is a symbol, an accessible name. */
export function button(
  label: string,
  onClick: () => void,
  options: { title?: string; class?: string; pressed?: boolean } = {},
): HTMLButtonElement {
  return h('button', {
    text: label,
    class: options.class,
    attrs: {
      type: 'button',
      title: options.title,
      'aria-label': options.title,
      'aria-pressed': options.pressed === undefined ? null : String(options.pressed),
    },
    on: { click: () => onClick() },
  });
}

/** A section of the side panel with a heading; returns the body to fill. */
export function panel(id: string, heading: () => string): { root: HTMLElement; body: HTMLElement; retitle(): void } {
  const title = h('h2', { attrs: { id: `${id}-title` } });
  const body = h('div', { class: 'panel-body' });
  const root = h('section', { class: 'panel', attrs: { id, 'aria-labelledby': `${id}-title` } }, [title, body]);
  const retitle = () => {
    title.textContent = heading();
  };
  retitle();
  return { root, body, retitle };
}

/**
 * A sentence with [start, end) spans marked, as text nodes and <mark> elements; an empty span
 * (start = end) is a point, drawn as an empty mark its class styles (where a subject is missing).
 */
export function markedText(
  text: string,
  spans: ReadonlyArray<{ start: number; end: number; className?: string; title?: string; onClick?: () => void }>,
): DocumentFragment {
  const fragment = document.createDocumentFragment();
  const sorted = [...spans]
    .filter((s) => s.end >= s.start && s.start >= 0 && s.end <= text.length)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  let at = 0;
  for (const span of sorted) {
    if (span.start < at) continue; // overlapping mentions: the first (longest) one wins
    if (span.start > at) fragment.appendChild(document.createTextNode(text.slice(at, span.start)));
    const mark = h('mark', { class: span.className, text: text.slice(span.start, span.end), attrs: { title: span.title } });
    if (span.onClick) {
      const onClick = span.onClick;
      mark.tabIndex = 0;
      mark.setAttribute('role', 'button');
      mark.addEventListener('click', onClick);
      mark.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          onClick();
        }
      });
    }
    fragment.appendChild(mark);
    at = span.end;
  }
  if (at < text.length) fragment.appendChild(document.createTextNode(text.slice(at)));
  return fragment;
}

/** Shows a failure inside a panel, as text; `detail` (the server's own words) as its tooltip. */
export function showError(container: HTMLElement, message: string, detail?: string): void {
  container.replaceChildren(h('p', { class: 'error', attrs: { role: 'alert', title: detail ?? null }, text: message }));
}

const ERROR_CODES = ['NOT_FOUND', 'BAD_USER_INPUT', 'FORBIDDEN', 'TIMEOUT', 'UNAVAILABLE', 'NETWORK'] as const;

/**
 * A failure in the page's language: by the API's `extensions.code` when it has one (the server
 * words its messages in English, for developers), with the server's message kept as the detail.
 */
export function errorText(error: unknown): { text: string; detail: string; code: string | null } {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string | null } | null)?.code ?? null;
  const known = ERROR_CODES.find((c) => c === code);
  return { text: t('error', { message: known ? t(`error.code.${known}`) : t('error.code.other') }), detail: message, code };
}

export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number): (...args: A) => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (...args: A) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}
