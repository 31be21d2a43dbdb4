// Grouping: villages and communities folded under the township or district they lie in, programs
// under the program they are part of. Groups are drawn closed (one node, their relations merged
// and counted); the toolbar, a double click or a tap on a folded node opens and closes one.
import { onLanguageChange, t } from '../i18n/index.ts';
import { h, panel } from './dom.ts';
import type { ViewSession } from './view-session.ts';

export function createGrouping(session: ViewSession): HTMLElement {
  const { root, body, retitle } = panel('grouping', () => t('grouping.title'));

  function checkbox(id: string, text: string, checked: boolean, onChange: (on: boolean) => void): HTMLElement {
    const input = h('input', { attrs: { id, type: 'checkbox', checked } });
    input.addEventListener('change', () => onChange(input.checked));
    return h('label', { class: 'check', attrs: { for: id } }, [input, text]);
  }

  function render(): void {
    retitle();
    const grouping = session.grouping.get();
    const groups = session.grouping.view()?.groups ?? [];
    const count = (kind: string) => groups.filter((g) => g.kind === kind).length;
    body.replaceChildren(
      h('div', { class: 'grouping' }, [
        checkbox('group-places', t('grouping.places'), grouping.places, (on) => session.grouping.set({ places: on })),
        checkbox('group-programs', t('grouping.programs'), grouping.programs, (on) => session.grouping.set({ programs: on })),
      ]),
      h('p', {
        class: 'hint',
        attrs: { id: 'grouping-summary' },
        text: groups.length
          ? t('grouping.summary', { places: count('place'), programs: count('program'), folds: count('fold') })
          : t('grouping.hint'),
      }),
    );
  }

  session.onChange((_, cause) => {
    if (
      typeof cause !== 'object' ||
      cause.type === 'grouping' ||
      cause.type === 'replace' ||
      cause.type === 'expand' ||
      cause.type === 'show'
    ) {
      const focused = document.activeElement?.id;
      render();
      if (focused) document.getElementById(focused)?.focus();
    }
  });
  onLanguageChange(render);
  render();
  return root;
}
