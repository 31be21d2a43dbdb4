// Saved views: the canvas as it is (entities, positions, filters, styling, grouping) saved on the
// server under a name, with a note on the view and on any entity or relation; listed, opened by
// link (#saved=<id>), updated and deleted. Saving needs the write token; reading does not. A view
// whose entities left the graph opens with them listed as missing.
import { api, token, type SavedView } from '../api/index.ts';
import { language, onLanguageChange, t } from '../i18n/index.ts';
import type { Bus } from '../panels/bus.ts';
import { button, errorText, h, panel } from '../panels/dom.ts';
import type { ViewSession } from '../panels/view-session.ts';
import { nameOfId, noNotes, savedInput, savedNotes, savedState, type ViewNotes } from './state.ts';

/** Notes of the open view, for the panels that show an entity or a relation. */
export interface NoteSource {
  note(id: string): string | null;
  onChange(listener: () => void): void;
}

export function createSavedViews(bus: Bus, session: ViewSession) {
  const { root, body, retitle } = panel('views', () => t('views.title'));
  const nameInput = h('input', { attrs: { id: 'view-name', type: 'text', maxlength: 200 } });
  const noteInput = h('textarea', { attrs: { id: 'view-note', rows: 3, maxlength: 20000 } });
  const itemInput = h('textarea', { attrs: { id: 'item-note', rows: 2, maxlength: 5000 } });
  const itemLabel = h('label', { attrs: { for: 'item-note' } });
  const tokenInput = h('input', { attrs: { id: 'view-token', type: 'password', autocomplete: 'off' } });
  const tokenLabel = h('label', { attrs: { for: 'view-token' } });
  const save = button('', () => void write(false), { class: 'primary' });
  save.id = 'view-save';
  const update = button('', () => void write(true));
  update.id = 'view-update';
  const status = h('p', { class: 'hint', attrs: { id: 'view-status', role: 'status' } });
  const list = h('ul', { class: 'saved-views', attrs: { id: 'view-list' } });
  const listHeading = h('h3');
  let views: SavedView[] = [];
  let opened: SavedView | null = null;
  let notes: ViewNotes = noNotes();
  const noteListeners = new Set<() => void>();
  const labels = {
    name: h('label', { attrs: { for: 'view-name' } }),
    note: h('label', { attrs: { for: 'view-note' } }),
  };
  body.append(
    h('div', { class: 'view-form' }, [
      labels.name,
      nameInput,
      labels.note,
      noteInput,
      itemLabel,
      itemInput,
      tokenLabel,
      tokenInput,
      h('div', { class: 'actions' }, [save, update]),
      status,
    ]),
    listHeading,
    list,
  );

  const selected = () => session.store.state.selection;
  const notesChanged = () => {
    for (const listener of noteListeners) listener();
  };

  function showItemNote(): void {
    const id = selected();
    const name = id ? (session.cache.node(id)?.name ?? session.cache.edge(id)?.type ?? id) : null;
    itemLabel.textContent = name ? t('views.itemNote', { name }) : t('views.itemNoteNone');
    itemInput.disabled = id === null;
    itemInput.value = id ? (notes.items.get(id) ?? '') : '';
  }
  itemInput.addEventListener('input', () => {
    const id = selected();
    if (!id) return;
    const items = new Map(notes.items);
    if (itemInput.value.trim()) items.set(id, itemInput.value);
    else items.delete(id);
    notes = { ...notes, items };
    notesChanged();
  });
  noteInput.addEventListener('input', () => {
    notes = { ...notes, view: noteInput.value };
  });

  function render(): void {
    retitle();
    labels.name.textContent = t('views.name');
    labels.note.textContent = t('views.note');
    tokenLabel.textContent = t('ingest.token');
    tokenInput.placeholder = token.get() ? t('ingest.tokenSet') : '';
    save.textContent = t('views.save');
    update.textContent = opened ? t('views.update', { name: opened.name }) : t('views.update', { name: '' });
    update.hidden = opened === null;
    listHeading.textContent = t('views.list');
    showItemNote();
    list.replaceChildren(
      ...(views.length === 0
        ? [h('li', { class: 'hint', text: t('views.none') })]
        : views.map((view) =>
            h('li', { attrs: { 'data-view': view.id } }, [
              h('strong', { text: view.name }),
              h('span', {
                class: 'meta',
                text: ` ${view.updatedAt.slice(0, 10)} · ${t('views.entities', { count: view.entityIds.length })}${
                  view.missing.length ? ` · ${t('views.missingCount', { count: view.missing.length })}` : ''
                }`,
              }),
              view.note ? h('p', { class: 'view-note', text: view.note }) : null,
              h('div', { class: 'actions' }, [
                button(t('views.open'), () => void open(view.id), { class: 'small' }),
                h('a', {
                  text: t('views.link'),
                  attrs: { href: `#saved=${encodeURIComponent(view.id)}`, class: 'small', 'data-link': view.id },
                }),
                button(t('views.delete'), () => void remove(view), { class: 'small danger' }),
              ]),
            ]),
          )),
    );
  }

  async function refresh(): Promise<void> {
    try {
      views = await api.savedViews(100);
    } catch (error) {
      status.textContent = errorText(error).text;
    }
    render();
  }

  function useToken(): void {
    if (tokenInput.value.trim()) {
      token.set(tokenInput.value.trim());
      tokenInput.value = '';
    }
  }

  async function write(replace: boolean): Promise<void> {
    useToken();
    const name = nameInput.value.trim() || opened?.name || '';
    if (!name) {
      status.textContent = t('views.nameNeeded');
      nameInput.focus();
      return;
    }
    status.textContent = t('loading');
    try {
      const input = savedInput(name, session.store.state, notes);
      const view = replace && opened ? await api.updateView(opened.id, input) : await api.saveView(input);
      opened = view;
      nameInput.value = view.name;
      status.textContent = t('views.saved', { name: view.name });
      await refresh();
    } catch (error) {
      const { text, detail } = errorText(error);
      status.textContent = text;
      status.title = detail;
    }
  }

  async function remove(view: SavedView): Promise<void> {
    useToken();
    try {
      await api.deleteView(view.id);
      if (opened?.id === view.id) opened = null;
      status.textContent = t('views.deleted', { name: view.name });
      await refresh();
    } catch (error) {
      const { text, detail } = errorText(error);
      status.textContent = text;
      status.title = detail;
    }
  }

  /** Opens a saved view by id; says which of its entities are gone. */
  async function open(id: string): Promise<boolean> {
    status.textContent = t('loading');
    try {
      const view = await api.savedView(id);
      const state = savedState(view.state, language());
      if (!state) {
        status.textContent = t('views.unreadable', { name: view.name });
        return false;
      }
      const gone = await session.open(state);
      opened = view;
      notes = savedNotes(view);
      nameInput.value = view.name;
      noteInput.value = view.note;
      const missing = [...new Set([...view.missing, ...gone])];
      status.textContent = missing.length
        ? t('views.openedMissing', { name: view.name, count: missing.length, names: missing.map(nameOfId).join('、') })
        : t('views.opened', { name: view.name });
      notesChanged();
      render();
      return true;
    } catch (error) {
      const { text, detail } = errorText(error);
      status.textContent = text;
      status.title = detail;
      bus.emit('error', { message: detail, code: (error as { code?: string | null }).code ?? null });
      return false;
    }
  }

  session.onChange((_, cause) => {
    if (typeof cause === 'object' && cause.type === 'select') showItemNote();
  });
  window.addEventListener('hashchange', () => void openFromAddress());
  onLanguageChange(render);
  render();
  void refresh();

  /** Opens the view a `#saved=<id>` address names; false when there is none. */
  async function openFromAddress(): Promise<boolean> {
    const id = new URLSearchParams(location.hash.replace(/^#/, '')).get('saved');
    return id ? open(id) : false;
  }

  const noteSource: NoteSource = {
    note: (id) => notes.items.get(id) ?? null,
    onChange: (listener) => {
      noteListeners.add(listener);
    },
  };
  return { root, notes: noteSource, openFromAddress, openName: () => opened?.name ?? null };
}
