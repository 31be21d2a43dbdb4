// Filters: entity types, relation types, reports, minimum co-mention weight, co-mentions shown,
// and the date histogram whose range keeps relations reported in it (and, when asked, those no
// dated report states).
import { api, type Stats } from '../api/index.ts';
import { ENTITY_STYLE, RELATION_LABELS } from '../canvas/style.ts';
import { language, onLanguageChange, t } from '../i18n/index.ts';
import { ENTITY_TYPES, RELATION_TYPES, type Filters } from '../state/vocabulary.ts';
import { h, panel } from './dom.ts';
import { createTimeline } from './timeline.ts';

export interface FilterStore {
  get(): Filters;
  set(filters: Filters): void;
  onChange(listener: (filters: Filters) => void): void;
}

function toggle<T>(list: readonly T[], value: T, on: boolean): T[] {
  const rest = list.filter((v) => v !== value);
  return on ? [...rest, value] : rest;
}

export function createFilters(store: FilterStore): { root: HTMLElement; setStats(stats: Stats): void } {
  const { root, body, retitle } = panel('filters', () => t('filters.title'));
  const timeline = createTimeline((range) => store.set({ ...store.get(), dateRange: range }));
  let stats: Stats | null = null;
  let documents: Array<{ id: string; title: string; date: string | null }> = [];

  function checkbox(id: string, label: Node | string, checked: boolean, onChange: (on: boolean) => void): HTMLElement {
    const input = h('input', { attrs: { id, type: 'checkbox', checked } });
    input.addEventListener('change', () => onChange(input.checked));
    return h('label', { class: 'check', attrs: { for: id } }, [input, label]);
  }

  function render(): void {
    retitle();
    const filters = store.get();
    const lang = language();
    const entityTypes = h('fieldset', {}, [
      h('legend', { text: t('filters.entityTypes') }),
      ...ENTITY_TYPES.map((type) =>
        checkbox(
          `filter-type-${type}`,
          ENTITY_STYLE[type].label[lang],
          filters.entityTypes.length === 0 || filters.entityTypes.includes(type),
          (on) => {
            const current = filters.entityTypes.length === 0 ? [...ENTITY_TYPES] : filters.entityTypes;
            const next = toggle(current, type, on);
            store.set({ ...store.get(), entityTypes: next.length === ENTITY_TYPES.length ? [] : next });
          },
        ),
      ),
    ]);
    const typed = RELATION_TYPES.filter((type) => type !== 'CO_MENTIONED');
    const relationTypes = h('fieldset', {}, [
      h('legend', { text: t('filters.relationTypes') }),
      ...typed.map((type) =>
        checkbox(
          `filter-relation-${type}`,
          RELATION_LABELS[type][lang],
          filters.relationTypes.length === 0 || filters.relationTypes.includes(type),
          (on) => {
            const current = filters.relationTypes.length === 0 ? [...typed] : filters.relationTypes;
            const next = toggle(current, type, on);
            store.set({ ...store.get(), relationTypes: next.length === typed.length ? [] : next });
          },
        ),
      ),
      checkbox('filter-co-mentions', t('toolbar.coMentions'), filters.showCoMentions, (on) =>
        store.set({ ...store.get(), showCoMentions: on }),
      ),
    ]);
    const weight = h('input', { attrs: { id: 'filter-min-weight', type: 'number', min: 1, max: 50, value: filters.minWeight } });
    const undated = checkbox('filter-undated', t('filters.undatedInclude'), filters.includeUndated, (on) =>
      store.set({ ...store.get(), includeUndated: on }),
    );
    const dated = filters.dateRange.from !== null || filters.dateRange.to !== null;
    weight.addEventListener('change', () => store.set({ ...store.get(), minWeight: Math.max(1, Number(weight.value) || 1) }));
    // Confidence in tenths: what the extraction's calibrated confidence can be trusted to say.
    const confidence = h('input', {
      attrs: { id: 'filter-min-confidence', type: 'range', min: 0, max: 1, step: 0.1, value: filters.minConfidence },
    });
    const confidenceValue = h('output', {
      attrs: { for: 'filter-min-confidence', id: 'filter-min-confidence-value' },
      text: filters.minConfidence.toFixed(1),
    });
    confidence.addEventListener('input', () => (confidenceValue.textContent = Number(confidence.value).toFixed(1)));
    confidence.addEventListener('change', () =>
      store.set({ ...store.get(), minConfidence: Math.min(1, Math.max(0, Number(confidence.value) || 0)) }),
    );
    const docs = h(
      'select',
      { attrs: { id: 'filter-documents', multiple: true, size: Math.min(6, Math.max(2, documents.length)) } },
      documents.map((d) =>
        h('option', { text: `${d.date ?? '—'} ${d.title}`, attrs: { value: d.id, selected: filters.documents.includes(d.id) } }),
      ),
    );
    docs.addEventListener('change', () => store.set({ ...store.get(), documents: [...docs.selectedOptions].map((o) => o.value) }));
    body.replaceChildren(
      entityTypes,
      relationTypes,
      // Thresholds on relations, side by side.
      h('div', { class: 'thresholds', attrs: { id: 'filter-thresholds' } }, [
        h('div', { class: 'field' }, [h('label', { attrs: { for: 'filter-min-weight' }, text: t('filters.minWeight') }), weight]),
        h('div', { class: 'field' }, [
          h('label', { attrs: { for: 'filter-min-confidence' }, text: t('filters.minConfidence') }),
          confidence,
          confidenceValue,
        ]),
      ]),
      h('div', { class: 'field' }, [h('label', { attrs: { for: 'filter-documents' }, text: t('filters.documents') }), docs]),
      h('h3', { text: t('filters.timeline') }),
      timeline.root,
      undated,
      h('p', { class: 'hint', text: dated ? t('filters.undatedHint') : t('filters.undatedIdle') }),
    );
    if (stats) timeline.update(stats, filters.dateRange);
  }

  // Redrawn on every change (undo, a restored link), keeping the focused control focused.
  store.onChange(() => {
    const focused = document.activeElement?.id;
    render();
    if (focused) document.getElementById(focused)?.focus();
  });
  onLanguageChange(render);
  render();
  return {
    root,
    setStats(next) {
      stats = next;
      void api
        .documents(100)
        .then((list) => {
          documents = list.edges.map((e) => e.node);
          render();
        })
        .catch(() => render());
    },
  };
}
