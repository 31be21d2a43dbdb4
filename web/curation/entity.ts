// In the entity panel: its mark and history, and for an editor the corrections of an entity —
// rename, change type, merge into another, split off the mentions of some reports, reject.
import type { EntityDetail } from '../api/index.ts';
import { t } from '../i18n/index.ts';
import type { Bus } from '../panels/bus.ts';
import { button, h, showError } from '../panels/dom.ts';
import { createEntityPicker } from '../panels/entity-picker.ts';
import { curationApi, type CurationActions } from './actions.ts';
import { correctionForm, loadIntoSlot, entityTypeSelect, labelled, markLine } from './forms.ts';
import { correctionList } from './history.ts';
import { curator } from './state.ts';

export function installEntityCuration(bus: Bus, actions: CurationActions): void {
  let last: { entity: EntityDetail; slot: HTMLElement } | null = null;
  bus.on('entityShown', (shown) => {
    last = shown;
    void fill(shown.entity, shown.slot);
  });
  // Signing in or out changes which controls the open panel shows.
  curator.onChange(() => {
    if (last?.slot.isConnected) void fill(last.entity, last.slot);
  });

  const undo = (id: string) => actions.correct(() => curationApi.undo({ id }));

  async function fill(entity: EntityDetail, slot: HTMLElement): Promise<void> {
    slot.id = 'curation-entity';
    slot.dataset.entity = entity.id;
    const loaded = await loadIntoSlot(slot, () => curationApi.entity(entity.id));
    if (!loaded) return;
    const { found } = loaded;
    if (slot.dataset.entity !== entity.id) return;
    const form = h('div', { class: 'curation-form-box' });
    const close = () => form.replaceChildren();
    const open = (node: HTMLElement) => form.replaceChildren(node);
    const parts: Array<HTMLElement | null> = [markLine(found?.curation ?? null, found?.confidence ?? null)];
    if (curator.get()) {
      const correct = (run: Parameters<CurationActions['correct']>[0]) => actions.correct(run);
      parts.push(
        h(
          'div',
          { class: 'actions curation-actions', attrs: { role: 'group', 'aria-label': t('curation.title') } },
          [
            button(
              t('curation.rename'),
              () => {
                const name = h('input', { attrs: { id: 'curation-rename', type: 'text', value: entity.name, maxlength: 200 } });
                open(
                  correctionForm(
                    'rename',
                    [labelled(t('curation.name'), name)],
                    (reason) => correct(() => curationApi.renameEntity({ id: entity.id, name: name.value, reason })),
                    close,
                  ),
                );
              },
              { class: 'rename' },
            ),
            button(
              t('curation.retype'),
              () => {
                const type = entityTypeSelect(entity.type, 'curation-entity-type');
                open(
                  correctionForm(
                    'retype-entity',
                    [labelled(t('curation.type'), type)],
                    (reason) =>
                      correct(() => curationApi.changeEntityType({ id: entity.id, type: type.value as EntityDetail['type'], reason })),
                    close,
                  ),
                );
              },
              { class: 'retype' },
            ),
            button(
              t('curation.merge'),
              () => {
                const picker = createEntityPicker('curation-merge-into');
                picker.relabel(t('curation.mergeTarget'));
                open(
                  correctionForm(
                    'merge',
                    [picker.root],
                    async (reason) => {
                      const into = picker.value();
                      if (!into || into.id === entity.id) throw new Error(t('curation.mergeTarget'));
                      return correct(() => curationApi.mergeEntities({ id: entity.id, into: into.id, reason }));
                    },
                    close,
                  ),
                );
              },
              { class: 'merge' },
            ),
            entity.documents.edges.length > 1
              ? button(
                  t('curation.split'),
                  () => {
                    const boxes = entity.documents.edges.map((edge, i) => {
                      const box = h('input', { attrs: { type: 'checkbox', id: `curation-split-${i}`, value: edge.node.id } });
                      return h('label', { class: 'check', attrs: { for: box.id } }, [box, ` ${edge.node.title}`]);
                    });
                    const name = h('input', { attrs: { id: 'curation-split-name', type: 'text', value: entity.name, maxlength: 200 } });
                    const type = entityTypeSelect(entity.type, 'curation-split-type');
                    open(
                      correctionForm(
                        'split',
                        [
                          h('fieldset', {}, [h('legend', { text: t('curation.splitDocuments') }), ...boxes]),
                          labelled(t('curation.splitName'), name),
                          labelled(t('curation.type'), type),
                        ],
                        (reason) => {
                          const documentIds = boxes
                            .map((b) => b.querySelector('input')!)
                            .filter((b) => b.checked)
                            .map((b) => b.value);
                          return correct(() =>
                            curationApi.splitEntity({
                              id: entity.id,
                              documentIds,
                              name: name.value,
                              type: type.value as EntityDetail['type'],
                              reason,
                            }),
                          );
                        },
                        close,
                      ),
                    );
                  },
                  { class: 'split' },
                )
              : null,
            button(
              t('curation.rejectEntity'),
              () => {
                open(
                  correctionForm(
                    'reject-entity',
                    [],
                    async (reason) => {
                      const outcome = await correct(() => curationApi.rejectEntity({ id: entity.id, reason }));
                      slot.replaceChildren(
                        h('p', { class: 'curation-gone', text: t('curation.gone') }),
                        button(
                          t('curation.restore'),
                          () => void undo(outcome.correction.id).catch((e: Error) => showError(slot, e.message)),
                          { class: 'link undo' },
                        ),
                      );
                    },
                    close,
                  ),
                );
              },
              { class: 'reject' },
            ),
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
          correctionList(
            history,
            (c) => void undo(c.id).catch((e: Error) => bus.emit('error', { message: e.message })),
            'curation-entity-history',
          ),
        ]),
      );
    }
    slot.replaceChildren(...parts.filter((p): p is HTMLElement => p !== null));
  }
}
