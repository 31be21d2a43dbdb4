// The search box: type-ahead (debounced) over names, aliases, pinyin, initials and traditional
// forms, facets per entity type with counts, results that put an entity on the canvas.
import { api, type SearchResult } from '../api/index.ts';
import { ENTITY_STYLE } from '../canvas/style.ts';
import { language, onLanguageChange, t } from '../i18n/index.ts';
import type { EntityType } from '../state/vocabulary.ts';
import type { Bus } from './bus.ts';
import { debounce, errorText, h, showError } from './dom.ts';
import type { Workspace } from './workspace.ts';

export function createSearch(bus: Bus, workspace: Workspace): HTMLElement {
  const input = h('input', {
    attrs: {
      id: 'search-input',
      type: 'search',
      autocomplete: 'off',
      role: 'combobox',
      'aria-expanded': 'false',
      'aria-controls': 'search-results',
      'aria-autocomplete': 'list',
    },
  });
  const label = h('label', { class: 'visually-hidden', attrs: { for: 'search-input' } });
  const facets = h('div', { class: 'facets', attrs: { role: 'group', id: 'search-facets' } });
  const results = h('ul', { class: 'search-results', attrs: { id: 'search-results', role: 'listbox' } });
  const box = h('div', { class: 'search', attrs: { role: 'search' } }, [label, input, facets, results]);

  let typeFilter: EntityType | null = null;
  let last: SearchResult | null = null;
  let generation = 0;

  const relabel = () => {
    label.textContent = t('search.label');
    input.placeholder = t('search.placeholder');
    input.setAttribute('aria-label', t('search.label'));
    facets.setAttribute('aria-label', t('search.results'));
    results.setAttribute('aria-label', t('search.results'));
    if (last) render(last);
  };

  function close(): void {
    last = null;
    results.replaceChildren();
    facets.replaceChildren();
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  }

  function choose(id: string): void {
    close();
    // Focus stays in the search box (the list it was in is gone), ready for the next search.
    input.focus();
    void workspace.addEntities([id], { select: true }).then(() => bus.emit('entity', { id }));
  }

  /** Marks the option moved to as selected, for screen readers, and the box as pointing at it. */
  function mark(option: HTMLElement | undefined): void {
    for (const other of options()) other.setAttribute('aria-selected', String(other === option));
    if (option) input.setAttribute('aria-activedescendant', option.id);
    else input.removeAttribute('aria-activedescendant');
  }

  function render(result: SearchResult): void {
    last = result;
    facets.replaceChildren(
      facet(
        null,
        t('search.all'),
        result.facets.reduce((sum, f) => sum + f.count, 0),
      ),
      ...result.facets.filter((f) => f.count > 0).map((f) => facet(f.type, ENTITY_STYLE[f.type].label[language()], f.count)),
    );
    results.replaceChildren();
    if (result.edges.length === 0) results.append(h('li', { class: 'empty', text: t('search.none') }));
    result.edges.forEach((edge, index) => {
      const entity = edge.node;
      const style = ENTITY_STYLE[entity.type];
      const option = h(
        'li',
        {
          class: 'result',
          attrs: { role: 'option', id: `search-option-${index}`, tabindex: -1, 'data-entity': entity.id, 'aria-selected': 'false' },
          on: {
            click: () => choose(entity.id),
            keydown: (event) => onOptionKey(event, index, entity.id),
            focus: (event) => mark(event.currentTarget as HTMLElement),
          },
        },
        [
          h('span', { class: 'swatch', attrs: { 'aria-hidden': 'true', style: `background:${style.color}` } }),
          h('span', { class: 'name', text: entity.name }),
          h('span', { class: 'type', text: style.label[language()] }),
          edge.matched !== entity.name ? h('span', { class: 'matched', text: edge.matched }) : null,
        ],
      );
      results.append(option);
    });
    input.setAttribute('aria-expanded', String(result.edges.length > 0));
  }

  function facet(type: EntityType | null, text: string, count: number): HTMLButtonElement {
    return h('button', {
      class: 'facet',
      text: `${text} ${count}`,
      attrs: { type: 'button', 'aria-pressed': String(typeFilter === type), 'data-type': type ?? 'all' },
      on: {
        click: () => {
          typeFilter = type;
          void run(input.value);
        },
      },
    });
  }

  function options(): HTMLElement[] {
    return [...results.querySelectorAll<HTMLElement>('li.result')];
  }

  function onOptionKey(event: KeyboardEvent, index: number, id: string): void {
    const all = options();
    if (event.key === 'ArrowDown') all[Math.min(all.length - 1, index + 1)]?.focus();
    else if (event.key === 'ArrowUp') {
      if (index === 0) {
        mark(undefined);
        input.focus();
      } else all[index - 1]?.focus();
    } else if (event.key === 'Enter') choose(id);
    else if (event.key === 'Escape') {
      close();
      input.focus();
    } else return;
    event.preventDefault();
  }

  async function run(text: string): Promise<void> {
    const query = text.trim();
    const mine = ++generation;
    if (!query) {
      close();
      last = null;
      return;
    }
    try {
      const result = await api.search({ query: query.slice(0, 200), types: typeFilter ? [typeFilter] : null, first: 12 });
      if (mine === generation) render(result);
    } catch (error) {
      if (mine === generation) {
        const { text, detail } = errorText(error);
        showError(results, text, detail);
      }
    }
  }

  const typed = debounce((value: string) => void run(value), 220);
  input.addEventListener('input', () => typed(input.value));
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown') {
      options()[0]?.focus();
      event.preventDefault();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const first = last?.edges[0];
      if (first) choose(first.node.id);
      else void run(input.value);
    } else if (event.key === 'Escape') close();
  });
  onLanguageChange(relabel);
  relabel();
  return box;
}
