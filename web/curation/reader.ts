// In the report reader, for an editor: select words, then add them as an entity (the selection is
// its mention) or add a relation they state (the selection is its evidence, both ends marked
// where the selection names them).
import type { DocumentDetail } from '../api/index.ts';
import { ENTITY_STYLE } from '../canvas/style.ts';
import { language, t } from '../i18n/index.ts';
import type { Bus } from '../panels/bus.ts';
import { button, h } from '../panels/dom.ts';
import { curationApi, type CurationActions } from './actions.ts';
import { correctionForm, entityTypeSelect, labelled, relationTypeSelect } from './forms.ts';
import { curator, entitiesWithin } from './state.ts';

/** Offsets of the page's selection in the report's text, when it lies inside `text` and holds something. */
export function selectionIn(text: HTMLElement): { start: number; end: number } | null {
  const selection = text.ownerDocument.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!text.contains(range.startContainer) || !text.contains(range.endContainer)) return null;
  // The text element holds the report's text exactly (marks wrap slices of it): lengths are offsets.
  const before = text.ownerDocument.createRange();
  before.selectNodeContents(text);
  before.setEnd(range.startContainer, range.startOffset);
  const start = before.toString().length;
  const end = start + range.toString().length;
  return end > start ? { start, end } : null;
}

export function installReaderCuration(bus: Bus, actions: CurationActions): void {
  let last: { document: DocumentDetail; text: HTMLElement; slot: HTMLElement } | null = null;
  bus.on('documentShown', (shown) => {
    last = shown;
    const { document, text, slot } = shown;
    slot.id = 'curation-reader';
    const update = () => {
      const span = curator.get() ? selectionIn(text) : null;
      if (span) show(document, span, slot);
    };
    text.addEventListener('mouseup', update);
    text.addEventListener('keyup', update);
    hint(slot);
  });
  // Signing in or out: the open report says whether words can be added from it.
  curator.onChange(() => {
    if (last?.slot.isConnected) hint(last.slot);
  });

  function hint(slot: HTMLElement): void {
    slot.replaceChildren(...(curator.get() ? [h('p', { class: 'hint', text: t('curation.selectText') })] : []));
  }

  function show(doc: DocumentDetail, span: { start: number; end: number }, slot: HTMLElement): void {
    const selected = doc.text.slice(span.start, span.end);
    const names = new Map(doc.entities.map((e) => [e.id, e]));
    const inside = entitiesWithin(doc.mentions, span.start, span.end);
    const others = doc.entities
      .map((e) => e.id)
      .filter((id) => !inside.includes(id))
      .sort((a, b) => names.get(a)!.name.localeCompare(names.get(b)!.name));
    const reopen = { id: doc.id, offset: span.start, length: span.end - span.start };
    const choice = (id: string, chosen: string | undefined) => {
      const select = h('select', { attrs: { id } });
      for (const entityId of [...inside, ...others]) {
        const entity = names.get(entityId)!;
        select.append(
          h('option', {
            text: `${entity.name} · ${ENTITY_STYLE[entity.type].label[language()]}`,
            attrs: { value: entityId, selected: entityId === chosen },
          }),
        );
      }
      return select;
    };
    const form = h('div', { class: 'curation-form-box' });
    const close = () => form.replaceChildren();
    const addEntity = () => {
      const type = entityTypeSelect('Village', 'curation-add-entity-type');
      const name = h('input', { attrs: { id: 'curation-add-entity-name', type: 'text', value: selected.trim(), maxlength: 200 } });
      form.replaceChildren(
        correctionForm(
          'add-entity',
          [labelled(t('curation.type'), type), labelled(t('curation.name'), name)],
          (reason) =>
            actions.correct(
              () =>
                curationApi.addEntity({
                  input: {
                    documentId: doc.id,
                    ...span,
                    type: type.value as DocumentDetail['entities'][number]['type'],
                    name: name.value,
                    reason,
                  },
                }),
              { reopenDocument: reopen },
            ),
          close,
        ),
      );
    };
    const addRelation = () => {
      const source = choice('curation-add-source', inside[0]);
      const type = relationTypeSelect('curation-add-type');
      const target = choice('curation-add-target', inside[1] ?? others[0]);
      form.replaceChildren(
        correctionForm(
          'add-relation',
          [labelled(t('curation.source'), source), labelled(t('curation.type'), type), labelled(t('curation.target'), target)],
          (reason) =>
            actions.correct(
              () =>
                curationApi.addRelation({
                  input: {
                    documentId: doc.id,
                    ...span,
                    type: type.value as 'FUNDS',
                    sourceId: source.value,
                    targetId: target.value,
                    reason,
                  },
                }),
              { reopenDocument: reopen },
            ),
          close,
        ),
      );
    };
    slot.replaceChildren(
      h('p', {
        class: 'selection',
        attrs: { 'data-start': span.start, 'data-end': span.end },
        text: t('curation.selection', { text: selected }),
      }),
      h(
        'div',
        { class: 'actions curation-actions' },
        [
          button(t('curation.addEntity'), addEntity, { class: 'add-entity' }),
          doc.entities.length > 1 ? button(t('curation.addRelation'), addRelation, { class: 'add-relation' }) : null,
        ].filter((b): b is HTMLButtonElement => b !== null),
      ),
      form,
    );
  }
}
