// The explorer page: health, statistics, search and a first view of the graph.
// Text from the graph is only ever set through textContent, never as HTML.
import { api, type EntityView } from './api.ts';
import { createGraphView, describe } from './graph-view.ts';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const entities = new Map<string, EntityView>();

function item(tag: string, text: string, className?: string): HTMLElement {
  const element = document.createElement(tag);
  element.textContent = text;
  if (className) element.className = className;
  return element;
}

function select(id: string): void {
  const entity = entities.get(id);
  const panel = $('selection');
  panel.replaceChildren();
  if (!entity) return;
  panel.append(item('strong', entity.name), item('div', describe(entity), 'type'));
  if (entity.aliases.length) panel.append(item('div', `aliases: ${entity.aliases.join(', ')}`));
}

const view = createGraphView($('graph'), select);

async function start(): Promise<void> {
  const health = await api.health().catch((error: Error) => ({ ok: false, neo4jVersion: null, neo4jEdition: null, error: error.message }));
  const badge = $('health');
  badge.textContent = health.ok ? `Neo4j ${health.neo4jVersion} (${health.neo4jEdition})` : `Neo4j unreachable: ${health.error ?? ''}`;
  badge.classList.toggle('bad', !health.ok);
  if (!health.ok) return;

  const stats = await api.stats();
  const list = $('stats');
  list.replaceChildren();
  for (const [label, value] of [['documents', stats.documents], ['entities', stats.entities], ['relations', stats.relations], ['evidence', stats.evidence]] as const) {
    list.append(item('dt', label), item('dd', String(value)));
  }
  const overview = await api.overview(80);
  for (const e of overview.entities) entities.set(e.id, e);
  view.show(overview);
}

$('search').addEventListener('submit', (event) => {
  event.preventDefault();
  const query = $<HTMLInputElement>('query').value.trim();
  if (!query) return;
  void api.search(query).then((results) => {
    const list = $('results');
    list.replaceChildren();
    for (const entity of results) {
      entities.set(entity.id, entity);
      const row = item('li', entity.name);
      row.append(item('span', entity.type, 'type'));
      row.addEventListener('click', () => {
        select(entity.id);
        view.cy.$id(entity.id).select();
      });
      list.append(row);
    }
    if (results.length === 0) list.append(item('li', 'no match'));
  }).catch((error: Error) => $('results').replaceChildren(item('li', error.message)));
});

void start();
