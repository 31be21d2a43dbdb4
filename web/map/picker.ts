// The map's program picker: the API's search, limited to programs and pilots.
import { api } from '../api/index.ts';
import { ENTITY_STYLE } from '../canvas/style.ts';
import { language, t } from '../i18n/index.ts';
import { debounce, h } from '../panels/dom.ts';

export function createProgramPicker(onPick: (id: string, name: string) => void): { root: HTMLElement; relabel(): void } {
  const pickLabel = h('label', { attrs: { for: 'map-pick' } });
  const pickInput = h('input', {
    attrs: {
      id: 'map-pick',
      type: 'search',
      autocomplete: 'off',
      role: 'combobox',
      'aria-expanded': 'false',
      'aria-controls': 'map-pick-list',
    },
  });
  const pickList = h('ul', { class: 'picker-list', attrs: { id: 'map-pick-list', role: 'listbox' } });
  let pickGeneration = 0;
  const lookup = debounce(async (text: string) => {
    const mine = ++pickGeneration;
    if (!text.trim()) {
      pickList.replaceChildren();
      return;
    }
    const result = await api.search({ query: text.trim().slice(0, 200), types: ['Program', 'Pilot'], first: 8 }).catch(() => null);
    if (mine !== pickGeneration || !result) return;
    pickList.replaceChildren(
      ...result.edges.map(({ node }) => {
        const choose = () => {
          pickInput.value = '';
          pickList.replaceChildren();
          onPick(node.id, node.name);
        };
        return h(
          'li',
          {
            attrs: { role: 'option', tabindex: -1, 'data-entity': node.id },
            on: {
              click: choose,
              keydown: (event) => {
                if (event.key === 'Enter') {
                  event.preventDefault();
                  choose();
                }
              },
            },
          },
          [node.name, h('span', { class: 'type', text: ENTITY_STYLE[node.type].label[language()] })],
        );
      }),
    );
    pickInput.setAttribute('aria-expanded', String(result.edges.length > 0));
  }, 220);
  pickInput.addEventListener('input', () => lookup(pickInput.value));
  pickInput.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown') {
      pickList.querySelector<HTMLElement>('li')?.focus();
      event.preventDefault();
    }
  });

  return {
    root: h('div', { class: 'picker map-picker' }, [pickLabel, pickInput, pickList]),
    relabel() {
      pickLabel.textContent = t('map.pick');
      pickInput.placeholder = t('map.pick.placeholder');
    },
  };
}
