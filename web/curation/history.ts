// A list of corrections as the panels show them: what was done, by whom and when, why, whether
// it is in force, orphaned or undone, and (for an editor) a button to take it back.
import type { CorrectionItemFragment } from '../api/index.ts';
import { language, t } from '../i18n/index.ts';
import { button, h } from '../panels/dom.ts';
import { canUndo, curator, describeCorrection, shortTime } from './state.ts';

export function correctionItem(c: CorrectionItemFragment, onUndo: ((c: CorrectionItemFragment) => void) | null): HTMLElement {
  const status = h('span', {
    class: `status status-${c.status.toLowerCase()}`,
    text: t(`curation.status.${c.status}`),
    attrs: { title: c.orphanReason ? t(`curation.orphan.${c.orphanReason}`) : null },
  });
  const lines: Array<HTMLElement | null> = [
    h('p', { class: 'what' }, [h('span', { class: 'summary', text: describeCorrection(c, language()) }), ' ', status]),
    h('p', { class: 'meta', text: t('curation.by', { editor: c.editor, at: shortTime(c.at) }) }),
    c.reason ? h('p', { class: 'reason', text: c.reason }) : null,
    c.orphanReason ? h('p', { class: 'meta', text: t(`curation.orphan.${c.orphanReason}`) }) : null,
    c.undoneBy
      ? h('p', { class: 'meta', text: t('curation.undoneBy', { editor: c.undoneBy.editor, at: shortTime(c.undoneBy.at) }) })
      : null,
  ];
  const item = h('li', { class: 'correction', attrs: { 'data-correction': c.id, 'data-kind': c.kind, 'data-status': c.status } }, lines);
  if (onUndo && curator.get() && canUndo(c)) {
    const undo = button(c.kind.startsWith('REJECT') ? t('curation.restore') : t('curation.undo'), () => onUndo(c), { class: 'link undo' });
    item.append(undo);
  }
  return item;
}

export function correctionList(
  items: readonly CorrectionItemFragment[],
  onUndo: ((c: CorrectionItemFragment) => void) | null,
  id?: string,
): HTMLElement {
  if (items.length === 0) return h('p', { class: 'hint', text: t('curation.none') });
  return h(
    'ol',
    { class: 'corrections', attrs: { id } },
    items.map((c) => correctionItem(c, onUndo)),
  );
}
