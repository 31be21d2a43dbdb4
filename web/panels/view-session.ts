// The view as one session: every change goes through the view store (web/state/view-state.ts:
// `reduce`, undo and redo), and the canvas, the toolbar, the panels and the URL are drawn from the
// store's state. The graph cache keeps what was fetched, so a state is drawn from entity ids alone.
import type { Canvas, CanvasOptions } from '../canvas/index.ts';
import { language, setLanguage } from '../i18n/index.ts';
import {
  createViewStore,
  decodeViewHash,
  encodeViewHash,
  initialViewState,
  isShown,
  type Filters,
  type LayoutName,
  type ViewAction,
  type ViewState,
  withHashParams,
} from '../state/index.ts';
import { edgePasses, nodePasses } from '../state/filters.ts';
import { GraphCache } from '../state/graph-cache.ts';
import { foldId, groupView, type GroupView } from '../state/groups.ts';
import type { EntityType, Styling } from '../state/vocabulary.ts';
import type { Bus } from './bus.ts';
import { createCanvasWorkspace } from './canvas-workspace.ts';
import type { FilterStore } from './filters.ts';
import type { CanvasActions } from './toolbar.ts';

type CanvasFactory = (container: HTMLElement, callbacks: Omit<CanvasOptions, 'language'>) => Canvas;

export type ViewSession = ReturnType<typeof createViewSession>;

export function createViewSession(container: HTMLElement, bus: Bus, factory: CanvasFactory) {
  const cache = new GraphCache();
  const store = createViewStore(initialViewState(language()), 200);
  const changeListeners = new Set<(state: ViewState, cause: ViewAction | 'undo' | 'redo' | 'reset') => void>();
  let groups: GroupView | null = null;
  let focused: { id: string; hops: number } | null = null;
  /** True once the address held a view (then no overview is drawn in its place). */
  let linked = false;

  const canvas = factory(container, {
    onSelectNode: (id) => {
      store.dispatch({ type: 'select', id });
      bus.emit('entity', { id });
    },
    onSelectEdge: (id) => {
      store.dispatch({ type: 'select', id });
      bus.emit('relation', { id });
    },
    onExpand: (id) => void workspace.expand(id),
    onToggleGroup: (id) => toggleGroup(id),
    onBackground: () => store.dispatch({ type: 'select', id: null }),
    onDrag: (positions) => store.dispatch({ type: 'positions', positions }),
    onBusy: (busy) => {
      container.dataset['busy'] = String(busy);
    },
  });

  /** Draws a state: only the difference is patched. */
  function draw(state: ViewState, cause: ViewAction | 'undo' | 'redo' | 'reset' | 'redraw'): void {
    const wanted = cache.subgraph(state.entities, workspace.followed());
    const current = canvas.subgraph();
    const nodeIds = new Set(wanted.nodes.map((n) => n.id));
    const edgeIds = new Set(wanted.edges.map((e) => e.id));
    const remove = [
      ...current.nodes.filter((n) => !nodeIds.has(n.id)).map((n) => n.id),
      ...current.edges.filter((e) => !edgeIds.has(e.id)).map((e) => e.id),
    ];
    const at = canvas.positions();
    const positions: ViewState['positions'] = {};
    for (const [id, p] of Object.entries(state.positions)) {
      const now = at[id];
      if (!now || Math.abs(now.x - p.x) > 1 || Math.abs(now.y - p.y) > 1) positions[id] = p;
    }
    const around = typeof cause === 'object' && cause.type === 'expand' ? cause.id : undefined;
    canvas.apply({ remove, add: wanted, positions, around });
    canvas.setHidden(state.hidden);
    canvas.setPinned(state.pinned);
    canvas.setFilters(state.filters);
    canvas.setStyling(state.styling);
    // Groups from what the state shows (hidden and filtered entities left out), folded members
    // included: they stay members while their group is closed.
    const hidden = new Set(state.hidden);
    const nodes = wanted.nodes.filter((n) => !hidden.has(n.id) && nodePasses(n.type, state.filters));
    const kept = new Set(nodes.map((n) => n.id));
    const edges = wanted.edges.filter(
      (e) =>
        kept.has(e.source) &&
        kept.has(e.target) &&
        edgePasses({ ...e, documents: e.documents ?? [], firstReported: e.firstReported }, state.filters),
    );
    groups = groupView(nodes, edges, state.grouping);
    const grown = canvas.setGroups(groups);
    // A fold's node or a closed group's longer label: placed clear of the others, which stay.
    if (grown.length > 0)
      void canvas.place(grown).then(() => store.dispatch({ type: 'positions', positions: canvas.positions(), amend: true }));
    canvas.select(isShown(state, state.selection) || (state.selection !== null && edgeIds.has(state.selection)) ? state.selection : null);
  }

  const workspace = createCanvasWorkspace({
    cache,
    store,
    canvas,
    redraw: () => {
      draw(store.state, 'redraw');
      notify(store.state, 'reset');
    },
    onError: (error) => bus.emit('error', { message: error.message, code: (error as { code?: string | null }).code ?? null }),
  });

  let urlWrite = 0;
  /** The view in the address, so a link or a reload restores it (the latest write wins). */
  function writeUrl(state: ViewState): void {
    const mine = ++urlWrite;
    void encodeViewHash(state).then((hash) => {
      // Other features keep their own parameters in the hash (the map's): only the view's are replaced.
      const target = withHashParams(location.hash, Object.fromEntries(new URLSearchParams(hash.replace(/^#/, ''))));
      if (mine === urlWrite && location.hash !== target) window.history.replaceState(null, '', target);
    });
  }

  function notify(state: ViewState, cause: ViewAction | 'undo' | 'redo' | 'reset'): void {
    writeUrl(state);
    bus.emit('canvas', {});
    for (const listener of changeListeners) listener(state, cause);
  }

  store.subscribe((state, cause) => {
    if (!(typeof cause === 'object' && cause.type === 'select')) draw(state, cause);
    else canvas.select(isShown(state, state.selection) || state.selection !== null ? state.selection : null);
    if (cause === 'undo' || cause === 'redo') {
      // The panels follow what undo restored: the entity selected again, or nothing.
      if (state.selection !== null && isShown(state, state.selection)) bus.emit('entity', { id: state.selection });
      else bus.emit('deselect', {});
    }
    if (typeof cause === 'object' && cause.type === 'hide' && state.selection === null) bus.emit('deselect', {});
    notify(state, cause);
  });

  function toggleGroup(id: string): void {
    const open = store.state.grouping.open;
    store.dispatch({ type: 'grouping', grouping: { open: open.includes(id) ? open.filter((g) => g !== id) : [...open, id] } });
  }

  const filterStore: FilterStore = {
    get: () => store.state.filters,
    set(next: Filters) {
      const before = store.state.filters;
      store.dispatch({ type: 'filters', filters: next });
      if (next.showCoMentions !== before.showCoMentions || next.documents.join() !== before.documents.join()) workspace.filtersChanged();
    },
    onChange: (listener) => {
      changeListeners.add((state, cause) => {
        if (
          cause === 'undo' ||
          cause === 'redo' ||
          cause === 'reset' ||
          (typeof cause === 'object' && (cause.type === 'filters' || cause.type === 'replace'))
        )
          listener(state.filters);
      });
    },
  };

  const entitySelected = () => {
    const id = store.state.selection;
    return id !== null && isShown(store.state, id) ? id : null;
  };

  const actions: CanvasActions = {
    selection: entitySelected,
    expand: (id) => void workspace.expand(id),
    hide(id) {
      store.dispatch({ type: 'hide', ids: [id], hidden: true });
    },
    togglePin(id) {
      store.dispatch({ type: 'pin', ids: [id], pinned: !store.state.pinned.includes(id) });
    },
    isPinned: (id) => store.state.pinned.includes(id),
    focus: (id, hops) => {
      focused = id === null ? null : { id, hops };
      canvas.focus(id, hops);
    },
    fit: () => canvas.fit(),
    zoom: (factor) => canvas.zoom(factor),
    layout(name: LayoutName) {
      void canvas.layout(name).then(() => store.dispatch({ type: 'layout', name, positions: canvas.positions() }));
    },
    layoutName: () => store.state.layout,
    undo: () => void store.undo(),
    redo: () => void store.redo(),
    canUndo: () => store.canUndo(),
    canRedo: () => store.canRedo(),
    group: (id) => groups?.groups.find((g) => g.id === id || g.entity === id) ?? null,
    toggleGroup,
    move(direction) {
      const next = canvas.nodeToward(entitySelected(), direction);
      if (next === null) return null;
      store.dispatch({ type: 'select', id: next });
      bus.emit('entity', { id: next });
      return next;
    },
  };

  /** Restores the view the URL describes; returns whether there was one. */
  async function start(): Promise<boolean> {
    const { state } = await decodeViewHash(location.hash, language());
    if (state.language !== language()) setLanguage(state.language);
    if (state.entities.length === 0) {
      store.reset({ ...store.state, filters: state.filters, styling: state.styling, grouping: state.grouping, layout: state.layout });
      return false;
    }
    linked = true;
    await open(state, { reset: true });
    return true;
  }

  /** Draws a whole state (a link, a saved view): its entities fetched, laid out if it has no positions. */
  async function open(state: ViewState, options: { reset?: boolean } = {}): Promise<string[]> {
    const missing = await workspace.load(state.entities);
    const gone = new Set(missing);
    const next: ViewState = {
      ...state,
      language: language(),
      entities: state.entities.filter((id) => !gone.has(id)),
      selection: state.selection !== null && gone.has(state.selection) ? null : state.selection,
    };
    if (options.reset) store.reset(next);
    else store.dispatch({ type: 'replace', state: next });
    const unplaced = next.entities.filter((id) => !next.positions[id]);
    if (unplaced.length === next.entities.length) await canvas.layout(next.layout);
    else if (unplaced.length > 0) await canvas.place(unplaced);
    if (unplaced.length > 0) store.dispatch({ type: 'positions', positions: canvas.positions(), amend: true });
    canvas.fit();
    if (next.selection !== null && isShown(next, next.selection)) bus.emit('entity', { id: next.selection });
    return missing;
  }

  return {
    canvas,
    cache,
    store,
    workspace,
    filters: filterStore,
    actions,
    start,
    open,
    /** True when the canvas is empty and no link asked for something else. */
    showsNothing: () => !linked && store.state.entities.length === 0,
    styling: {
      get: (): Styling => store.state.styling,
      set: (styling: Partial<Styling>) => store.dispatch({ type: 'styling', styling }),
    },
    grouping: {
      get: () => store.state.grouping,
      set: (grouping: Partial<ViewState['grouping']>) => store.dispatch({ type: 'grouping', grouping }),
      fold(hub: string, type: EntityType) {
        const g = store.state.grouping;
        if (g.folds.some((f) => f.hub === hub && f.type === type)) return;
        store.dispatch({
          type: 'grouping',
          grouping: { folds: [...g.folds, { hub, type }], open: g.open.filter((id) => id !== foldId(hub, type)) },
        });
      },
      unfold(hub: string, type: EntityType) {
        const g = store.state.grouping;
        store.dispatch({ type: 'grouping', grouping: { folds: g.folds.filter((f) => !(f.hub === hub && f.type === type)) } });
      },
      view: () => groups,
    },
    focused: () => focused,
    onChange: (listener: (state: ViewState, cause: ViewAction | 'undo' | 'redo' | 'reset') => void) => {
      changeListeners.add(listener);
    },
  };
}
