// In the evidence panel: a relation's mark, confidence and history, and for an editor its
// corrections — confirm, reject, change type, reverse.
import type { RelationDetail } from '../api/index.ts';
import { t } from '../i18n/index.ts';
import type { Bus } from '../panels/bus.ts';
import { button, h } from '../panels/dom.ts';
import { curationApi, type CurationActions } from './actions.ts';
import { correctionForm, loadIntoSlot, labelled, markLine, relationTypeSelect } from './forms.ts';
import { correctionList } from './history.ts';
import { curator } from './state.ts';

export function installRelationCuration(bus: Bus, actions: CurationActions): void {
  let last: { relation: RelationDetail; slot: HTMLElement } | null = null;
  bus.on('relationShown', (shown) => {
    last = shown;
    void fill(shown.relation, shown.slot);
  });
  // Signing in or out changes which controls the open panel shows.
  curator.onChange(() => {
    if (last?.slot.isConnected) void fill(last.relation, last.slot);
  });

  const undo = (id: string) => actions.correct(() => curationApi.undo({ id }));
  const report = (error: Error) => bus.emit('error', { message: error.message });

  async function fill(relation: RelationDetail, slot: HTMLElement): Promise<void> {
    slot.id = 'curation-relation';
    slot.dataset.relation = relation.id;
    const loaded = await loadIntoSlot(slot, () => curationApi.relation(relation.id));
    if (!loaded) return;
    const { found } = loaded;
    if (slot.dataset.relation !== relation.id) return;
    const form = h('div', { class: 'curation-form-box' });
    const close = () => form.replaceChildren();
    const parts: Array<HTMLElement | null> = [markLine(found?.curation ?? null, found?.confidence ?? null)];
    if (curator.get()) {
      const reject = () =>
        form.replaceChildren(
          correctionForm(
            'reject',
            [],
            async (reason) => {
              const outcome = await actions.correct(() => curationApi.rejectRelation({ id: relation.id, reason }));
              slot.replaceChildren(
                h('p', { class: 'curation-gone', text: t('curation.gone') }),
                button(t('curation.restore'), () => void undo(outcome.correction.id).catch(report), { class: 'link undo' }),
              );
            },
            close,
          ),
        );
      parts.push(
        h(
          'div',
          { class: 'actions curation-actions', attrs: { role: 'group', 'aria-label': t('curation.title') } },
          [
            button(
              t('curation.confirm'),
              () => void actions.correct(() => curationApi.confirmRelation({ id: relation.id })).catch(report),
              {
                class: 'confirm',
              },
            ),
            button(t('curation.reject'), reject, { class: 'reject' }),
            button(
              t('curation.retype'),
              () => {
                const type = relationTypeSelect('curation-relation-type', relation.type);
                form.replaceChildren(
                  correctionForm(
                    'retype',
                    [labelled(t('curation.type'), type)],
                    (reason) =>
                      actions.correct(() =>
                        curationApi.changeRelationType({ id: relation.id, type: type.value as RelationDetail['type'], reason }),
                      ),
                    close,
                  ),
                );
              },
              { class: 'retype' },
            ),
            relation.directed
              ? button(
                  t('curation.reverse'),
                  () => void actions.correct(() => curationApi.reverseRelation({ id: relation.id })).catch(report),
                  {
                    class: 'reverse',
                  },
                )
              : null,
          ].filter((b): b is HTMLButtonElement => b !== null),
        ),
        form,
      );
    }
    const history = found?.history ?? [];
    if (history.length > 0) {
      parts.push(
        h('details', { class: 'history', attrs: { open: true } }, [
          h('summary', { text: `${t('curation.history')} (${history.length})` }),
          correctionList(history, (c) => void undo(c.id).catch(report), 'curation-relation-history'),
        ]),
      );
    }
    slot.replaceChildren(...parts.filter((p): p is HTMLElement => p !== null));
  }
}
