// A small type-ahead field that picks one entity (path ends), using the API's search.
import { api } from '../api/index.ts';
import { ENTITY_STYLE } from '../canvas/style.ts';
import { language } from '../i18n/index.ts';
import { debounce, h } from './dom.ts';

export interface EntityPicker {
  root: HTMLElement;
  value(): { id: string; name: string } | null;
  set(entity: { id: string; name: string } | null): void;
  relabel(label: string): void;
}

export function createEntityPicker(id: string, onChange: () => void = () => {}): EntityPicker {
  let chosen: { id: string; name: string } | null = null;
  const label = h('label', { attrs: { for: id } });
  const input = h('input', {
    attrs: { id, type: 'search', autocomplete: 'off', role: 'combobox', 'aria-expanded': 'false', 'aria-controls': `${id}-list` },
  });
  const list = h('ul', { class: 'picker-list', attrs: { id: `${id}-list`, role: 'listbox' } });
  const root = h('div', { class: 'picker' }, [label, input, list]);
  let generation = 0;

  function set(entity: { id: string; name: string } | null): void {
    chosen = entity;
    input.value = entity?.name ?? '';
    input.dataset.entity = entity?.id ?? '';
    list.replaceChildren();
    input.setAttribute('aria-expanded', 'false');
    onChange();
  }

  const lookup = debounce(async (text: string) => {
    const mine = ++generation;
    if (!text.trim()) {
      list.replaceChildren();
      return;
    }
    const result = await api.search({ query: text.trim().slice(0, 200), first: 8 }).catch(() => null);
    if (mine !== generation || !result) return;
    list.replaceChildren(
      ...result.edges.map(({ node }) =>
        h(
          'li',
          {
            attrs: { role: 'option', tabindex: -1, 'data-entity': node.id },
            on: {
              click: () => set({ id: node.id, name: node.name }),
              keydown: (event) => {
                if (event.key === 'Enter') {
                  event.preventDefault();
                  set({ id: node.id, name: node.name });
                  input.focus();
                }
              },
            },
          },
          [node.name, h('span', { class: 'type', text: ENTITY_STYLE[node.type].label[language()] })],
        ),
      ),
    );
    input.setAttribute('aria-expanded', String(result.edges.length > 0));
  }, 220);

  input.addEventListener('input', () => {
    chosen = null;
    lookup(input.value);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown') {
      list.querySelector<HTMLElement>('li')?.focus();
      event.preventDefault();
    }
    if (event.key === 'Enter') {
      const first = list.querySelector<HTMLElement>('li');
      if (first) {
        event.preventDefault();
        first.click();
      }
    }
  });
  return {
    root,
    value: () => chosen,
    set,
    relabel(text) {
      label.textContent = text;
      input.setAttribute('aria-label', text);
    },
  };
}
