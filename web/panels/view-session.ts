// The view as one session: the canvas, the workspace over it, the filters, the undo history of
// every canvas change and the URL that restores the view (entities, positions, filters,
// selection, language). main.ts asks it for the pieces the panels need.
import type { Canvas, CanvasOptions, CanvasSnapshot } from '../canvas/index.ts';
import { BOM, csvField, saveFile, subgraphToCsv, subgraphToGraphml, subgraphToJson } from '../export/index.ts';
import { language, setLanguage } from '../i18n/index.ts';
import {
  History,
  decodeViewHash,
  defaultFilters,
  encodeViewHash,
  initialViewState,
  type Filters,
  type LayoutName,
  type ViewState,
  withHashParams,
} from '../state/index.ts';
import type { Bus } from './bus.ts';
import { createCanvasWorkspace } from './canvas-workspace.ts';
import type { ConsoleExports } from './console.ts';
import type { ExportActions } from './export-menu.ts';
import type { FilterStore } from './filters.ts';
import type { CanvasActions } from './toolbar.ts';

type CanvasFactory = (container: HTMLElement, callbacks: Omit<CanvasOptions, 'language'>) => Canvas;

interface Entry {
  snapshot: CanvasSnapshot;
  filters: Filters;
}

export function createViewSession(container: HTMLElement, bus: Bus, factory: CanvasFactory) {
  let filters = defaultFilters();
  const filterListeners = new Set<(filters: Filters) => void>();
  const changeListeners = new Set<() => void>();
  let restoring = false;
  let pinned = new Set<string>();

  const canvas = factory(container, {
    onSelectNode: (id) => {
      workspace.setSelection(id);
      bus.emit('entity', { id });
      notify();
    },
    onSelectEdge: (id) => {
      bus.emit('relation', { id });
    },
    onExpand: (id) => void workspace.expand(id),
    onBackground: () => {
      workspace.setSelection(null);
      notify();
    },
    onChange: () => record(),
  });
  const workspace = createCanvasWorkspace(
    canvas,
    () => filters,
    (error) => bus.emit('error', { message: error.message }),
  );

  // Undo history: every entry is the whole canvas after a change (a snapshot the canvas can patch
  // back to, node data included) and the filters; undo restores the one before.
  let history: History<Entry> | null = null;
  let layoutName: LayoutName = 'fcose';
  let urlWrite = 0;

  function notify(): void {
    writeUrl();
    bus.emit('canvas', {});
    for (const listener of changeListeners) listener();
  }

  function record(): void {
    if (restoring) return;
    const entry = { snapshot: canvas.snapshot(), filters: structuredClone(filters) };
    if (history) history.push(entry);
    else history = new History<Entry>(entry, 100);
    notify();
  }

  function applyFilters(next: Filters): void {
    filters = next;
    canvas.setFilters(filters);
    for (const listener of filterListeners) listener(filters);
  }

  function goTo(entry: Entry | null | undefined): void {
    if (!entry) return;
    restoring = true;
    canvas.restore(entry.snapshot);
    pinned = new Set(entry.snapshot.pinned);
    applyFilters(structuredClone(entry.filters));
    restoring = false;
    notify();
  }

  workspace.onChange(() => record());

  function view(): ViewState {
    const snapshot = canvas.snapshot();
    return {
      ...initialViewState(language()),
      entities: snapshot.subgraph.nodes.map((n) => n.id),
      positions: snapshot.positions,
      hidden: snapshot.hidden,
      pinned: snapshot.pinned,
      selection: workspace.selection(),
      filters,
      layout: layoutName,
    };
  }

  /** The view in the address, so a link or a reload restores it (the latest write wins). */
  function writeUrl(): void {
    const mine = ++urlWrite;
    void encodeViewHash(view()).then((hash) => {
      const target = withHashParams(location.hash, Object.fromEntries(new URLSearchParams(hash.replace(/^#/, ''))));
      if (mine === urlWrite && location.hash !== target) window.history.replaceState(null, '', target);
    });
  }

  const filterStore: FilterStore = {
    get: () => filters,
    set(next) {
      applyFilters(next);
      record();
      workspace.filtersChanged();
    },
    onChange: (listener) => {
      filterListeners.add(listener);
    },
  };

  const actions: CanvasActions = {
    selection: () => workspace.selection(),
    expand: (id) => void workspace.expand(id),
    hide(id) {
      canvas.hide([id], true);
      workspace.setSelection(null);
      record();
    },
    togglePin(id) {
      const on = !pinned.has(id);
      if (on) pinned.add(id);
      else pinned.delete(id);
      canvas.pin([id], on);
      record();
    },
    isPinned: (id) => pinned.has(id),
    focus: (id, hops) => canvas.focus(id, hops),
    fit: () => canvas.fit(),
    zoom: (factor) => canvas.zoom(factor),
    layout(name) {
      layoutName = name;
      void canvas.layout(name).then(() => record());
    },
    undo: () => goTo(history?.undo()),
    redo: () => goTo(history?.redo()),
    canUndo: () => history?.canUndo() ?? false,
    canRedo: () => history?.canRedo() ?? false,
  };

  const shown = () => canvas.subgraph({ visibleOnly: true });
  const stamp = () => new Date().toISOString().slice(0, 10);

  const exports: ExportActions & ConsoleExports = {
    png: () => canvas.exportPng({ scale: 2 }),
    svg: () => canvas.exportSvg(),
    json: () => subgraphToJson(shown(), { exportedAt: new Date().toISOString() }),
    graphml: () => subgraphToGraphml(shown()),
    csv() {
      const { nodes, edges } = subgraphToCsv(shown());
      saveFile(edges, `policy-graph-${stamp()}-relations.csv`, 'text/csv');
      return nodes;
    },
    link: () => location.href,
    downloadTable(fileName, columns, rows) {
      const text =
        BOM +
        [columns, ...rows]
          .map((row) => row.map((cell) => csvField(cell === null || cell === undefined ? null : String(cell))).join(','))
          .join('\r\n') +
        '\r\n';
      saveFile(text, fileName, 'text/csv');
    },
  };

  /** Restores the view the URL describes, then records it as the first history entry. */
  async function start(): Promise<void> {
    const { state } = await decodeViewHash(location.hash);
    if (state.entities.length || state.language !== language() || state.selection) {
      layoutName = state.layout;
      setLanguage(state.language);
      filters = state.filters;
      for (const listener of filterListeners) listener(filters);
      if (state.entities.length) {
        await workspace.addEntities(state.entities, { select: false }).catch(() => undefined);
        canvas.setPositions(state.positions);
        if (state.hidden.length) canvas.hide(state.hidden, true);
        if (state.pinned.length) {
          pinned = new Set(state.pinned);
          canvas.pin(state.pinned, true);
        }
        canvas.fit();
      }
      if (state.selection) {
        workspace.setSelection(state.selection);
        canvas.select(state.selection);
        bus.emit('entity', { id: state.selection });
      }
      canvas.setFilters(filters);
    }
    history = null;
    record();
  }

  return {
    canvas,
    workspace,
    filters: filterStore,
    actions,
    exports,
    start: () => void start(),
    onChange: (listener: () => void) => {
      changeListeners.add(listener);
    },
  };
}
