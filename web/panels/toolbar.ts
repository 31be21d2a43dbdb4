// The canvas toolbar: expand, hide, pin, focus on N hops, open or close a group, fit, zoom,
// layout, undo and redo. Buttons that need a selected entity are enabled exactly when one is.
import { onLanguageChange, t, type MessageKey } from '../i18n/index.ts';
import type { Group } from '../state/groups.ts';
import { LAYOUT_NAMES, type LayoutName } from '../state/vocabulary.ts';
import { h } from './dom.ts';

export interface CanvasActions {
  /** The selected entity, when it is drawn; null otherwise. */
  selection(): string | null;
  expand(id: string): void;
  hide(id: string): void;
  togglePin(id: string): void;
  isPinned(id: string): boolean;
  focus(id: string | null, hops: number): void;
  fit(): void;
  zoom(factor: number): void;
  layout(name: LayoutName): void;
  /** The layout in effect (from the view's state: a link restores it). */
  layoutName(): LayoutName;
  undo(): void;
  redo(): void;
  canUndo(): boolean;
  canRedo(): boolean;
  /** The group an entity (or a fold node) stands for, if any. */
  group(id: string): Group | null;
  toggleGroup(id: string): void;
  /** Selects the nearest entity in a direction (arrow keys on the canvas); returns it. */
  move(direction: 'left' | 'right' | 'up' | 'down'): string | null;
}

export function createToolbar(actions: CanvasActions): { root: HTMLElement; refresh(): void } {
  const root = h('div', { class: 'toolbar', attrs: { role: 'toolbar', id: 'toolbar' } });
  const buttons: Array<{ element: HTMLButtonElement; key: MessageKey; symbol: string; needsSelection: boolean; enabled?: () => boolean }> =
    [];
  const hops = h(
    'select',
    { attrs: { id: 'focus-hops' } },
    [1, 2, 3].map((n) => h('option', { text: String(n), attrs: { value: n, selected: n === 1 } })),
  );
  const layout = h('select', { attrs: { id: 'layout-picker' } });
  let focused = false;

  function add(
    key: MessageKey,
    symbol: string,
    run: (id: string | null) => void,
    needsSelection: boolean,
    enabled?: () => boolean,
  ): HTMLButtonElement {
    const element = h('button', { attrs: { type: 'button', 'data-action': key.replace('toolbar.', '') } });
    element.addEventListener('click', () => {
      run(actions.selection());
      refresh();
    });
    buttons.push({ element, key, symbol, needsSelection, enabled });
    root.append(element);
    return element;
  }

  add('toolbar.expand', '⊕', (id) => id && actions.expand(id), true);
  add('toolbar.hide', '⊘', (id) => id && actions.hide(id), true);
  const pin = add('toolbar.pin', '📌', (id) => id && actions.togglePin(id), true);
  add(
    'toolbar.focus',
    '◎',
    (id) => {
      focused = !focused && id !== null;
      actions.focus(focused ? id : null, Number(hops.value));
    },
    true,
  );
  const hopsLabel = h('label', { class: 'visually-hidden', attrs: { for: 'focus-hops' } });
  root.append(hopsLabel, hops);
  const group = add(
    'toolbar.groupOpen',
    '▣',
    (id) => {
      const found = id ? actions.group(id) : null;
      if (found) actions.toggleGroup(found.id);
    },
    true,
    () => {
      const id = actions.selection();
      return id !== null && actions.group(id) !== null;
    },
  );
  add('toolbar.fit', '⤢', () => actions.fit(), false);
  add('toolbar.zoomIn', '+', () => actions.zoom(1.25), false);
  add('toolbar.zoomOut', '−', () => actions.zoom(0.8), false);
  const layoutLabel = h('label', { attrs: { for: 'layout-picker' } });
  root.append(layoutLabel, layout);
  layout.addEventListener('change', () => actions.layout(layout.value as LayoutName));
  add(
    'toolbar.undo',
    '↶',
    () => actions.undo(),
    false,
    () => actions.canUndo(),
  );
  add(
    'toolbar.redo',
    '↷',
    () => actions.redo(),
    false,
    () => actions.canRedo(),
  );
  hops.addEventListener('change', () => {
    if (focused) actions.focus(actions.selection(), Number(hops.value));
  });

  function refresh(): void {
    const id = actions.selection();
    const found = id ? actions.group(id) : null;
    for (const b of buttons) {
      const label =
        b.key === 'toolbar.pin' && id && actions.isPinned(id)
          ? t('toolbar.unpin')
          : b.key === 'toolbar.groupOpen' && found?.open
            ? t('toolbar.groupClose')
            : t(b.key);
      b.element.textContent = `${b.symbol} ${label}`;
      b.element.setAttribute('aria-label', label);
      b.element.title = label;
      b.element.disabled = (b.needsSelection && id === null) || (b.enabled ? !b.enabled() : false);
    }
    pin.setAttribute('aria-pressed', String(id !== null && actions.isPinned(id)));
    group.hidden = found === null;
    if (layout.value !== actions.layoutName()) layout.value = actions.layoutName();
  }

  const relabel = () => {
    root.setAttribute('aria-label', t('toolbar.label'));
    hopsLabel.textContent = t('toolbar.hops');
    hops.setAttribute('aria-label', t('toolbar.hops'));
    layoutLabel.textContent = t('toolbar.layout');
    const chosen = actions.layoutName();
    layout.replaceChildren(
      ...LAYOUT_NAMES.map((name) => h('option', { text: t(`layout.${name}`), attrs: { value: name, selected: name === chosen } })),
    );
    refresh();
  };
  onLanguageChange(relabel);
  relabel();
  return { root, refresh };
}
