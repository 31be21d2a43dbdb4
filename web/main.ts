// The explorer page: composes the canvas, the view session and the panels. Text from the graph is
// only ever set through textContent, never as markup (panels/dom.ts).
import { api, type Stats } from './api/index.ts';
import { createCanvas, ENTITY_STYLE } from './canvas/index.ts';
import { installCuration } from './curation/index.ts';
import { language, onLanguageChange, setLanguage, t } from './i18n/index.ts';
import { createBus } from './panels/bus.ts';
import { createConsole } from './panels/console.ts';
import { createDetail } from './panels/detail.ts';
import { errorText, h } from './panels/dom.ts';
import { createEvidence } from './panels/evidence.ts';
import { createExportActions } from './panels/export-actions.ts';
import { createExportMenu } from './panels/export-menu.ts';
import { createFilters } from './panels/filters.ts';
import { createIngest } from './panels/ingest.ts';
import { createOverview } from './panels/overview.ts';
import { createPaths } from './panels/paths.ts';
import { createProgram } from './panels/program.ts';
import { createReader } from './panels/reader.ts';
import { createSearch } from './panels/search.ts';
import { installShortcuts } from './panels/shortcuts.ts';
import { createTabs } from './panels/tabs.ts';
import { createToolbar } from './panels/toolbar.ts';
import { createGrouping } from './panels/grouping.ts';
import { createViewSession } from './panels/view-session.ts';
import { createMapView } from './map/index.ts';
import { createWelcome } from './panels/welcome.ts';
import { createSavedViews } from './saved-views/panel.ts';

/** Entities drawn on the first screen: the most connected ones, with the relations among them. */
const OVERVIEW_ENTITIES = 15;

const app = document.getElementById('app')!;
const bus = createBus();

const canvasBox = h('div', {
  class: 'canvas',
  attrs: { id: 'canvas', tabindex: 0, role: 'application', 'aria-describedby': 'canvas-keys' },
});
const header = h('header', { class: 'top' });
const start = h('aside', { class: 'side start' });
const stage = h('section', { class: 'stage', attrs: { 'aria-labelledby': 'canvas-label' } });
const end = h('aside', { class: 'side end' });
// The canvas follows its container's size (a ResizeObserver), so the frame may fill in later.
app.append(header, h('main', { class: 'layout' }, [start, stage, end]));
stage.append(canvasBox);
const session = createViewSession(canvasBox, bus, (container, callbacks) =>
  createCanvas(container, { language: language(), ...callbacks }),
);
const { canvas, workspace } = session;

let stats: Stats | null = null;
/** Resolves once the address's view (if any) is drawn: only then may the overview take an empty canvas. */
let startup: Promise<boolean> = Promise.resolve(false);
const savedViews = createSavedViews(bus, session);
const exports = createExportActions({
  canvas,
  styling: () => session.store.state.styling,
  groups: () => session.grouping.view(),
  communityLabel: (rank) => stats?.communities.find((c) => c.id === rank)?.label ?? null,
  viewName: () => savedViews.openName(),
});

const toast = h('p', { class: 'toast', attrs: { id: 'toast', role: 'alert' } });
toast.hidden = true;
let toastTimer: ReturnType<typeof setTimeout> | undefined;
function showToast(error: { message: string; code?: string | null }): void {
  const { text, detail } = errorText(Object.assign(new Error(error.message), { code: error.code ?? null }));
  toast.textContent = text;
  toast.title = detail;
  toast.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => {
    toast.hidden = true;
  }, 6000);
}
bus.on('error', showToast);

const search = createSearch(bus, workspace);
const filters = createFilters(session.filters);
const welcome = createWelcome(bus, workspace);
const overview = createOverview(bus, workspace, session, (next) => {
  stats = next;
  filters.setStats(next);
  welcome.setStats(next);
  void startup.then(() => {
    if (session.showsNothing()) void workspace.showOverview(next.topByDegree.slice(0, OVERVIEW_ENTITIES).map((r) => r.entity.id));
  });
});
const grouping = createGrouping(session);
const toolbar = createToolbar(session.actions);

const canvasStatus = h('p', { class: 'visually-hidden', attrs: { id: 'canvas-status', role: 'status' } });
const canvasKeys = h('p', { class: 'visually-hidden', attrs: { id: 'canvas-keys' } });
/** What the canvas shows, for screen readers: what the filters, hiding and groups leave drawn. */
function describeCanvas(): void {
  const shown = canvas.subgraph({ visibleOnly: true });
  const selected = session.actions.selection();
  const entity = selected ? session.cache.node(selected) : undefined;
  canvasStatus.textContent = [
    t('canvas.status', { nodes: shown.nodes.length, edges: shown.edges.length }),
    entity ? t('canvas.selected', { name: entity.name, type: ENTITY_STYLE[entity.type].label[language()] }) : '',
  ]
    .filter(Boolean)
    .join(' ');
  canvasStatus.dataset['nodes'] = String(shown.nodes.length);
  canvasStatus.dataset['edges'] = String(shown.edges.length);
  document.getElementById('canvas-empty')!.hidden = session.store.state.entities.length > 0;
}
session.onChange((_, cause) => {
  toolbar.refresh();
  describeCanvas();
  if (typeof cause === 'object' && !['select', 'positions', 'language'].includes(cause.type)) welcome.userActed();
});

const tabs = createTabs([
  { id: 'detail', label: 'detail.title', content: createDetail(bus, workspace, session, savedViews.notes) },
  { id: 'evidence', label: 'evidence.title', content: createEvidence(bus, savedViews.notes) },
  { id: 'paths', label: 'paths.title', content: createPaths(bus, workspace) },
  { id: 'reader', label: 'reader.title', content: createReader(bus, workspace) },
  { id: 'program', label: 'program.title', content: createProgram(bus, workspace) },
  { id: 'views', label: 'views.title', content: savedViews.root },
  { id: 'console', label: 'console.title', content: createConsole(workspace, exports) },
  { id: 'ingest', label: 'ingest.title', content: createIngest(bus, workspace) },
  { id: 'curation', label: 'curation.title', content: installCuration(bus, workspace) },
]);
bus.on('entity', () => tabs.show('detail'));
bus.on('relation', () => tabs.show('evidence'));
bus.on('document', () => tabs.show('reader'));
bus.on('pathEnd', () => tabs.show('paths'));
bus.on('pathFind', () => tabs.show('paths'));
bus.on('program', () => tabs.show('program'));

// The canvas by keyboard: arrows go from entity to entity, Enter opens the selected one's details.
canvasBox.addEventListener('keydown', (event) => {
  const direction = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' } as const;
  const key = event.key as keyof typeof direction;
  if (key in direction) {
    event.preventDefault();
    session.actions.move(direction[key]);
  } else if (event.key === 'Enter' && session.actions.selection()) {
    event.preventDefault();
    tabs.show('detail');
    document.getElementById('tab-detail')?.focus();
  } else if (event.key === 'Escape') {
    session.store.dispatch({ type: 'select', id: null });
  }
});

const title = h('h1', {}, [h('span', { class: 'title' }), h('small', { class: 'subtitle' })]);
const health = h('span', { class: 'health', attrs: { id: 'health', role: 'status' } });
const languageButton = h('button', { class: 'language', attrs: { type: 'button', id: 'language-toggle' } });
languageButton.addEventListener('click', () => setLanguage(language() === 'zh' ? 'en' : 'zh'));

header.append(
  title,
  search,
  h('div', { class: 'header-actions' }, [health, createExportMenu(exports, (e) => showToast(e)), languageButton]),
);
start.append(overview, grouping, filters.root);
const map = createMapView({ bus, workspace, filters: session.filters });
// The canvas/map switch heads the toolbar's row, so what sits over the canvas (the welcome) stays clear of both.
toolbar.root.prepend(map.switcher);
stage.prepend(h('h2', { class: 'visually-hidden', attrs: { id: 'canvas-label' } }), toolbar.root);
stage.append(map.root);
stage.append(welcome.root, h('p', { class: 'canvas-empty hint', attrs: { id: 'canvas-empty' } }), canvasStatus, canvasKeys, toast);
end.append(tabs.root);

function relabel(): void {
  document.title = `${t('app.title')} · ${t('app.subtitle')}`;
  title.querySelector('.title')!.textContent = t('app.title');
  title.querySelector('.subtitle')!.textContent = t('app.subtitle');
  languageButton.textContent = t('lang.toggle');
  languageButton.setAttribute('aria-label', t('lang.toggle.label'));
  canvasBox.setAttribute('aria-label', t('canvas.label'));
  canvasKeys.textContent = t('canvas.keys');
  document.getElementById('canvas-label')!.textContent = t('canvas.label');
  document.getElementById('canvas-empty')!.textContent = t('canvas.empty');
  describeCanvas();
}
onLanguageChange((next) => {
  canvas.setLanguage(next);
  session.store.dispatch({ type: 'language', language: next });
  relabel();
});
relabel();
installShortcuts(session.actions);

declare global {
  interface Window {
    /** Read-only figures of the canvas, for the end-to-end test and the benchmark. */
    policyGraphCanvas?: {
      labelOverlaps(): number;
      labelBoxes(): ReturnType<typeof canvas.labelBoxes>;
      zoom(): number;
      size(): { width: number; height: number };
    };
  }
}
window.policyGraphCanvas = {
  labelOverlaps: () => canvas.labelOverlaps(),
  labelBoxes: () => canvas.labelBoxes(),
  zoom: () => canvas.zoomLevel(),
  size: () => canvas.size(),
};

/** A link into the reader (`#doc=<id>&at=<offset>&len=<length>`, as the evidence table writes them). */
function openDocumentLink(): boolean {
  const params = new URLSearchParams(location.hash.replace(/^#/, ''));
  const id = params.get('doc');
  if (!id) return false;
  const at = Number(params.get('at'));
  const length = Number(params.get('len'));
  bus.emit('document', {
    id,
    offset: Number.isFinite(at) ? at : undefined,
    length: Number.isFinite(length) && length > 0 ? length : undefined,
  });
  return true;
}
const documentLink = openDocumentLink();
startup = session.start().then(async (linked) => {
  const opened = linked || documentLink ? false : await savedViews.openFromAddress();
  describeCanvas();
  return linked || opened;
});

void api
  .health()
  .then((status) => {
    health.textContent = status.ok ? `Neo4j ${status.neo4jVersion ?? ''} (${status.neo4jEdition ?? ''})` : t('health.down');
    health.classList.toggle('bad', !status.ok);
  })
  .catch(() => {
    health.textContent = t('health.down');
    health.classList.add('bad');
  });
