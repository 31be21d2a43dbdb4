// The small pieces correction forms are made of: a reason field, apply and cancel, type choices,
// and a form that runs its correction and says what went wrong in place.
import { ENTITY_STYLE, RELATION_LABELS } from '../canvas/style.ts';
import { language, t } from '../i18n/index.ts';
import { button, h, showError } from '../panels/dom.ts';
import { ENTITY_TYPES, RELATION_TYPES, type EntityType, type RelationType } from '../state/vocabulary.ts';

let formCount = 0;

export function entityTypeSelect(selected: EntityType, id: string): HTMLSelectElement {
  const select = h('select', { attrs: { id } });
  for (const type of ENTITY_TYPES) {
    select.append(h('option', { text: ENTITY_STYLE[type].label[language()], attrs: { value: type, selected: type === selected } }));
  }
  return select;
}

/** The typed relation types (co-mentions are not stated relations), optionally without one. */
export function relationTypeSelect(id: string, without?: RelationType): HTMLSelectElement {
  const select = h('select', { attrs: { id } });
  for (const type of RELATION_TYPES) {
    if (type === 'CO_MENTIONED' || type === without) continue;
    select.append(h('option', { text: RELATION_LABELS[type][language()], attrs: { value: type } }));
  }
  return select;
}

export function labelled(text: string, control: HTMLElement): HTMLElement {
  const label = h('label', { text, attrs: { for: control.id } });
  return h('div', { class: 'field' }, [label, control]);
}

/**
 * A form with its fields, a reason, Apply and Cancel. `run` gets the reason and performs the
 * correction; a failure is shown in the form, which stays open.
 */
export function correctionForm(
  action: string,
  fields: HTMLElement[],
  run: (reason: string | null) => Promise<unknown>,
  onClose: () => void,
): HTMLElement {
  const id = `curation-form-${++formCount}`;
  const reason = h('input', { attrs: { id: `${id}-reason`, type: 'text', maxlength: 2000, class: 'reason-input' } });
  const problem = h('p', { class: 'error', attrs: { role: 'alert' } });
  problem.hidden = true;
  const apply = button(
    t('curation.apply'),
    () => {
      apply.disabled = true;
      run(reason.value.trim() || null)
        .then(onClose)
        .catch((error: Error) => {
          problem.textContent = t('error', { message: error.message });
          problem.hidden = false;
        })
        .finally(() => {
          apply.disabled = false;
        });
    },
    { class: 'primary apply' },
  );
  const cancel = button(t('curation.cancel'), onClose, { class: 'cancel' });
  return h('form', { class: 'curation-form', attrs: { 'data-action': action, id }, on: { submit: (event) => event.preventDefault() } }, [
    ...fields,
    labelled(t('curation.reason'), reason),
    h('div', { class: 'actions' }, [apply, cancel]),
    problem,
  ]);
}

/** The mark and confidence line of an entity or a relation a person changed. */
export function markLine(curation: string | null, confidence: number | null): HTMLElement | null {
  if (!curation && confidence === null) return null;
  return h('p', { class: 'curation-mark', attrs: { 'data-curation': curation ?? null } }, [
    curation ? h('span', { class: `mark mark-${curation.toLowerCase()}`, text: t(`curation.mark.${curation as 'CONFIRMED'}`) }) : null,
    confidence !== null ? h('span', { class: 'meta', text: ` ${t('curation.confidence', { value: confidence.toFixed(2) })}` }) : null,
  ]);
}

/**
 * What `load` answers for a panel's slot, or undefined once the slot says why there is nothing: the
 * target gone from the graph (a correction merged it away or rejected it), or the error.
 */
export async function loadIntoSlot<T>(slot: HTMLElement, load: () => Promise<T>): Promise<{ found: T } | undefined> {
  try {
    return { found: await load() };
  } catch (error) {
    // Drawn again as a correction took it out of the graph (merged away, rejected): say so, not fail.
    if ((error as { code?: string }).code === 'NOT_FOUND')
      slot.replaceChildren(h('p', { class: 'curation-gone', text: t('curation.goneNow') }));
    else showError(slot, t('error', { message: (error as Error).message }));
    return undefined;
  }
}
