// The view as one session: the canvas, the workspace over it, the filters, the undo history of
// every canvas change and the URL that restores the view (entities, positions, filters,
// selection, language). main.ts asks it for the pieces the panels need.
import type { Canvas, CanvasOptions, CanvasSnapshot } from '../canvas/index.ts';
import { language, setLanguage } from '../i18n/index.ts';
import { defaultFilters, type Filters } from '../state/vocabulary.ts';
import type { Bus } from './bus.ts';
import { createCanvasWorkspace } from './canvas-workspace.ts';
import type { ConsoleExports } from './console.ts';
import { download } from './download.ts';
import type { ExportActions } from './export-menu.ts';
import type { FilterStore } from './filters.ts';
import type { CanvasActions } from './toolbar.ts';
import { decodeView, encodeView, type ViewState } from './view-url.ts';

type CanvasFactory = (container: HTMLElement, callbacks: Omit<CanvasOptions, 'language'>) => Canvas;

interface Entry { snapshot: CanvasSnapshot; filters: Filters }

export function createViewSession(container: HTMLElement, bus: Bus, factory: CanvasFactory) {
  let filters = defaultFilters();
  const filterListeners = new Set<(filters: Filters) => void>();
  const changeListeners = new Set<() => void>();
  let restoring = false;
  let pinned = new Set<string>();

  const canvas = factory(container, {
    onSelectNode: (id) => { workspace.setSelection(id); bus.emit('entity', { id }); notify(); },
    onSelectEdge: (id) => { bus.emit('relation', { id }); },
    onExpand: (id) => void workspace.expand(id),
    onBackground: () => { workspace.setSelection(null); notify(); },
    onChange: () => record(),
  });
  const workspace = createCanvasWorkspace(canvas, () => filters);

  // Undo history: every entry is the whole view after a change; undo restores the one before.
  const entries: Entry[] = [];
  let index = -1;

  function notify(): void {
    writeUrl();
    bus.emit('canvas', {});
    for (const listener of changeListeners) listener();
  }

  function record(): void {
    if (restoring) return;
    entries.splice(index + 1);
    entries.push({ snapshot: canvas.snapshot(), filters: structuredClone(filters) });
    if (entries.length > 100) entries.shift();
    index = entries.length - 1;
    notify();
  }

  function applyFilters(next: Filters): void {
    filters = next;
    canvas.setFilters(filters);
    for (const listener of filterListeners) listener(filters);
  }

  function goTo(target: number): void {
    const entry = entries[target];
    if (!entry) return;
    index = target;
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
    return { entities: snapshot.subgraph.nodes.map((n) => n.id), positions: snapshot.positions, hidden: snapshot.hidden, pinned: snapshot.pinned, selection: workspace.selection(), filters, language: language() };
  }

  function writeUrl(): void {
    const hash = encodeView(view());
    if (location.hash !== hash) history.replaceState(null, '', hash);
  }

  const filterStore: FilterStore = {
    get: () => filters,
    set(next) { applyFilters(next); record(); },
    onChange: (listener) => { filterListeners.add(listener); },
  };

  const actions: CanvasActions = {
    selection: () => workspace.selection(),
    expand: (id) => void workspace.expand(id),
    hide(id) { canvas.hide([id], true); workspace.setSelection(null); record(); },
    togglePin(id) { const on = !pinned.has(id); if (on) pinned.add(id); else pinned.delete(id); canvas.pin([id], on); record(); },
    isPinned: (id) => pinned.has(id),
    focus: (id, hops) => canvas.focus(id, hops),
    fit: () => canvas.fit(),
    zoom: (factor) => canvas.zoom(factor),
    layout(name) { void canvas.layout(name).then(() => record()); },
    undo: () => { if (index > 0) goTo(index - 1); },
    redo: () => { if (index < entries.length - 1) goTo(index + 1); },
    canUndo: () => index > 0,
    canRedo: () => index < entries.length - 1,
  };

  const exports: ExportActions & ConsoleExports = {
    png: () => canvas.exportPng({ scale: 2 }),
    svg: () => canvas.exportSvg(),
    json: () => JSON.stringify(canvas.subgraph({ visibleOnly: true }), null, 2),
    graphml: () => '',
    csv: () => '',
    link: () => location.href,
    downloadTable(fileName, columns, rows) {
      const quote = (value: unknown) => `"${String(value ?? '').replace(/"/g, '""')}"`;
      download(fileName, [columns, ...rows].map((row) => row.map(quote).join(',')).join('\r\n'), 'text/csv');
    },
  };

  /** Restores the view the URL describes, then records it as the first history entry. */
  async function start(): Promise<void> {
    const state = decodeView(location.hash);
    if (state) {
      setLanguage(state.language);
      filters = state.filters;
      for (const listener of filterListeners) listener(filters);
      if (state.entities.length) {
        await workspace.addEntities(state.entities, { select: false }).catch(() => undefined);
        canvas.setPositions(state.positions);
        if (state.hidden.length) canvas.hide(state.hidden, true);
        if (state.pinned.length) { pinned = new Set(state.pinned); canvas.pin(state.pinned, true); }
        canvas.fit();
      }
      if (state.selection) { workspace.setSelection(state.selection); canvas.select(state.selection); bus.emit('entity', { id: state.selection }); }
      canvas.setFilters(filters);
    }
    entries.splice(0);
    index = -1;
    record();
  }

  return {
    canvas,
    workspace,
    filters: filterStore,
    actions,
    exports,
    start: () => void start(),
    onChange: (listener: () => void) => { changeListeners.add(listener); },
  };
}
