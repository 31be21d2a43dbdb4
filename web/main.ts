// The explorer page: composes the canvas, the view state and the panels. Text from the graph is
// only ever set through textContent, never as markup (panels/dom.ts).
import { api } from './api/index.ts';
import { createCanvas } from './canvas/index.ts';
import { installCuration } from './curation/index.ts';
import { language, onLanguageChange, setLanguage, t } from './i18n/index.ts';
import { createBus } from './panels/bus.ts';
import { createConsole } from './panels/console.ts';
import { createDetail } from './panels/detail.ts';
import { h } from './panels/dom.ts';
import { createEvidence } from './panels/evidence.ts';
import { createExportMenu } from './panels/export-menu.ts';
import { createFilters } from './panels/filters.ts';
import { createIngest } from './panels/ingest.ts';
import { createOverview } from './panels/overview.ts';
import { createPaths } from './panels/paths.ts';
import { createProgram } from './panels/program.ts';
import { createReader } from './panels/reader.ts';
import { createSearch } from './panels/search.ts';
import { createTabs } from './panels/tabs.ts';
import { createToolbar } from './panels/toolbar.ts';
import { createViewSession } from './panels/view-session.ts';
import { installShortcuts } from './panels/shortcuts.ts';

const app = document.getElementById('app')!;
const bus = createBus();

const canvasBox = h('div', { class: 'canvas', attrs: { id: 'canvas', tabindex: 0, role: 'application' } });
const header = h('header', { class: 'top' });
const start = h('aside', { class: 'side start' });
const stage = h('section', { class: 'stage', attrs: { 'aria-labelledby': 'canvas-label' } });
const end = h('aside', { class: 'side end' });
// The canvas measures its container, so the page's frame is in place before it is made.
app.append(header, h('main', { class: 'layout' }, [start, stage, end]));
stage.append(canvasBox);
const session = createViewSession(canvasBox, bus, (container, callbacks) =>
  createCanvas(container, { language: language(), ...callbacks }),
);
const { canvas, workspace } = session;

const search = createSearch(bus, workspace);
const filters = createFilters(session.filters);
const overview = createOverview(bus, workspace, (stats) => filters.setStats(stats));
const toolbar = createToolbar(session.actions);
const toast = h('p', { class: 'toast', attrs: { id: 'toast', role: 'alert' } });
toast.hidden = true;
bus.on('error', ({ message }) => {
  toast.textContent = t('error', { message });
  toast.hidden = false;
  setTimeout(() => {
    toast.hidden = true;
  }, 6000);
});
const canvasStatus = h('p', { class: 'visually-hidden', attrs: { id: 'canvas-status', role: 'status' } });
function describeCanvas(): void {
  const shown = canvas.subgraph({ visibleOnly: true });
  canvasStatus.textContent = t('canvas.status', { nodes: shown.nodes.length, edges: shown.edges.length });
  canvasStatus.dataset.nodes = String(shown.nodes.length);
  document.getElementById('canvas-empty')!.hidden = shown.nodes.length > 0;
}
session.onChange(() => {
  toolbar.refresh();
  describeCanvas();
});

const tabs = createTabs([
  { id: 'detail', label: 'detail.title', content: createDetail(bus, workspace) },
  { id: 'evidence', label: 'evidence.title', content: createEvidence(bus) },
  { id: 'paths', label: 'paths.title', content: createPaths(bus, workspace) },
  { id: 'reader', label: 'reader.title', content: createReader(bus, workspace) },
  { id: 'program', label: 'program.title', content: createProgram(bus, workspace) },
  { id: 'console', label: 'console.title', content: createConsole(workspace, session.exports) },
  { id: 'ingest', label: 'ingest.title', content: createIngest(bus, workspace) },
  { id: 'curation', label: 'curation.title', content: installCuration(bus, workspace) },
]);
bus.on('entity', () => tabs.show('detail'));
bus.on('relation', () => tabs.show('evidence'));
bus.on('document', () => tabs.show('reader'));
bus.on('pathEnd', () => tabs.show('paths'));
bus.on('program', () => tabs.show('program'));

const title = h('h1', {}, [h('span', { class: 'title' }), h('small', { class: 'subtitle' })]);
const health = h('span', { class: 'health', attrs: { id: 'health', role: 'status' } });
const languageButton = h('button', { class: 'language', attrs: { type: 'button', id: 'language-toggle' } });
languageButton.addEventListener('click', () => setLanguage(language() === 'zh' ? 'en' : 'zh'));

header.append(title, search, h('div', { class: 'header-actions' }, [health, createExportMenu(session.exports), languageButton]));
start.append(overview, filters.root);
stage.prepend(h('h2', { class: 'visually-hidden', attrs: { id: 'canvas-label' } }), toolbar.root);
stage.append(h('p', { class: 'canvas-empty hint', attrs: { id: 'canvas-empty' } }), canvasStatus, toast);
end.append(tabs.root);

function relabel(): void {
  document.title = `${t('app.title')} · ${t('app.subtitle')}`;
  title.querySelector('.title')!.textContent = t('app.title');
  title.querySelector('.subtitle')!.textContent = t('app.subtitle');
  languageButton.textContent = t('lang.toggle');
  languageButton.setAttribute('aria-label', t('lang.toggle.label'));
  canvasBox.setAttribute('aria-label', t('canvas.label'));
  document.getElementById('canvas-label')!.textContent = t('canvas.label');
  document.getElementById('canvas-empty')!.textContent = t('canvas.empty');
  describeCanvas();
}
onLanguageChange((next) => {
  canvas.setLanguage(next);
  relabel();
});
relabel();
installShortcuts(session.actions);
session.start();

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
