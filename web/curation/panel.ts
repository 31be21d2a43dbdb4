// The corrections tab: signing in with an editor's token (without one the explorer is read-only
// and shows no editing control anywhere), the recent changes across the graph, and what was
// rejected, each with its undo for editors.
import type { CorrectionItemFragment } from '../api/index.ts';
import { token } from '../api/client.ts';
import { onLanguageChange, t } from '../i18n/index.ts';
import type { Bus } from '../panels/bus.ts';
import { button, h, panel, showError } from '../panels/dom.ts';
import { curationApi, type CurationActions } from './actions.ts';
import { correctionList } from './history.ts';
import { curator } from './state.ts';
import './curation.css';

const LISTED = 30;

export function createCurationPanel(bus: Bus, actions: CurationActions): HTMLElement {
  const { root, body, retitle } = panel('curation', () => t('curation.title'));
  const tokenLabel = h('label', { attrs: { for: 'curation-token' } });
  const tokenInput = h('input', { attrs: { id: 'curation-token', type: 'password', autocomplete: 'off' } });
  const signIn = button('', () => void enter(), { class: 'primary' });
  signIn.id = 'curation-sign-in';
  const signOut = button('', () => {
    token.clear();
    void actions.checkCurator();
  });
  signOut.id = 'curation-sign-out';
  const who = h('p', { class: 'meta', attrs: { id: 'curation-editor', role: 'status' } });
  const recentTitle = h('h3');
  const recent = h('div', { attrs: { id: 'curation-recent', 'aria-live': 'polite' } });
  const rejectedTitle = h('h3');
  const rejected = h('div', { attrs: { id: 'curation-rejected' } });
  const signInRow = h('div', { class: 'field' }, [tokenLabel, tokenInput, signIn]);
  body.append(who, signInRow, signOut, recentTitle, recent, rejectedTitle, rejected);

  async function enter(): Promise<void> {
    const given = tokenInput.value.trim();
    if (!given) return;
    token.set(given);
    tokenInput.value = '';
    if (!(await actions.checkCurator())) {
      token.clear();
      who.textContent = t('curation.notEditor');
    }
  }

  const undo = (c: CorrectionItemFragment) =>
    void actions.correct(() => curationApi.undo({ id: c.id })).catch((error: Error) => bus.emit('error', { message: error.message }));

  let generation = 0;
  async function refresh(): Promise<void> {
    const mine = ++generation;
    try {
      const [latest, gone] = await Promise.all([curationApi.recent(LISTED), curationApi.rejected(LISTED)]);
      if (mine !== generation) return;
      recentTitle.textContent = `${t('curation.recent')} (${latest.totalCount})`;
      rejectedTitle.textContent = `${t('curation.rejected')} (${gone.totalCount})`;
      recent.replaceChildren(
        correctionList(
          latest.edges.map((e) => e.node),
          undo,
          'curation-recent-list',
        ),
      );
      rejected.replaceChildren(
        correctionList(
          gone.edges.map((e) => e.node),
          undo,
          'curation-rejected-list',
        ),
      );
    } catch (error) {
      if (mine === generation) showError(recent, t('error', { message: (error as Error).message }));
    }
  }

  function render(): void {
    const editor = curator.get();
    who.textContent = editor ? t('curation.signedIn', { editor }) : t('curation.readOnly');
    signInRow.hidden = editor !== null;
    signOut.hidden = editor === null;
    void refresh();
  }

  const relabel = () => {
    retitle();
    tokenLabel.textContent = t('curation.token');
    signIn.textContent = t('curation.signIn');
    signOut.textContent = t('curation.signOut');
    render();
  };
  curator.onChange(render);
  bus.on('graphChanged', () => void refresh());
  onLanguageChange(relabel);
  relabel();
  return root;
}
