// The Workspace the panels use, over the canvas adapter: fetching neighbourhoods, paging hubs
// ("N more" with `exclude`), knowing each relation's reports and first date for the filters, and
// telling the page (history, URL) after every change.
import { api } from '../api/index.ts';
import type { Canvas } from '../canvas/index.ts';
import type { EdgeInput, Filters, RelationType, SubgraphInput } from '../state/vocabulary.ts';
import type { Workspace } from './workspace.ts';

/** Neighbours fetched per expansion. */
const PAGE = 25;
/** The API's bound on start entities. */
const MAX_IDS = 50;

export interface CanvasWorkspace extends Workspace {
  /** Called after every change to what the canvas shows (for history and the URL). */
  onChange(listener: (reason: string) => void): void;
  selection(): string | null;
  setSelection(id: string | null): void;
  /** The filters changed: fetch what the report filter needs. */
  filtersChanged(): void;
}

export function createCanvasWorkspace(canvas: Canvas, filters: () => Filters, onError: (error: Error) => void): CanvasWorkspace {
  const listeners = new Set<(reason: string) => void>();
  const meta = new Map<string, { documents: string[]; firstReported: string | null }>();
  const known = new Set<string>();
  const documentsKnown = new Set<string>();
  let selected: string | null = null;
  const changed = (reason: string) => {
    for (const listener of listeners) listener(reason);
  };

  function enrich(edges: readonly EdgeInput[]): EdgeInput[] {
    return edges.map((edge) => {
      const m = meta.get(edge.id);
      return m ? { ...edge, documents: m.documents, firstReported: edge.firstReported ?? m.firstReported } : edge;
    });
  }

  /** First dates of the relations around new entities, so the date filter applies to them. */
  async function learn(ids: string[]): Promise<void> {
    const fresh = ids.filter((id) => !known.has(id)).slice(0, 100);
    if (fresh.length === 0) return;
    try {
      for (const entity of await api.edgeDates(fresh)) {
        if (!entity) continue;
        known.add(entity.id);
        for (const { node } of entity.relations.edges)
          meta.set(node.id, { firstReported: node.firstReported, documents: meta.get(node.id)?.documents ?? [] });
      }
    } catch {
      // Without them the date filter leaves these relations shown.
    }
  }

  /**
   * The reports stating each relation on the canvas, fetched only while a report filter is on (it
   * costs a sentence lookup per relation); relations already drawn are put back with them.
   */
  async function learnDocuments(): Promise<void> {
    if (filters().documents.length === 0) return;
    const nodes = canvas
      .subgraph()
      .nodes.map((n) => n.id)
      .filter((id) => !documentsKnown.has(id))
      .slice(0, 50);
    if (nodes.length === 0) return;
    const entities = await api.edgeDocuments(nodes).catch(() => []);
    for (const entity of entities) {
      if (!entity) continue;
      documentsKnown.add(entity.id);
      for (const { node } of entity.relations.edges) {
        meta.set(node.id, {
          firstReported: meta.get(node.id)?.firstReported ?? null,
          documents: [...new Set(node.evidence.map((e) => e.documentId))],
        });
      }
    }
    const edges = canvas.subgraph().edges.filter((e) => meta.has(e.id));
    canvas.apply({ remove: edges.map((e) => e.id), add: { nodes: [], edges: enrich(edges) } });
    canvas.setFilters(filters());
  }

  async function put(
    subgraph: SubgraphInput,
    options: { around?: string; select?: string; highlight?: { nodes: string[]; edges: string[] } } = {},
  ): Promise<void> {
    await learn(subgraph.nodes.map((n) => n.id));
    const { added } = canvas.apply({ add: { nodes: subgraph.nodes, edges: enrich(subgraph.edges) }, around: options.around });
    canvas.setFilters(filters());
    if (!options.around && added.length > 0) await canvas.layout('fcose');
    else if (added.length > 0) canvas.fit();
    if (options.highlight) {
      canvas.highlightPath(options.highlight.nodes, options.highlight.edges);
      canvas.fit(options.highlight.nodes);
    }
    if (options.select) {
      selected = options.select;
      canvas.select(options.select);
    }
    changed('add');
    void learnDocuments();
  }

  const onCanvas = () => new Set(canvas.subgraph().nodes.map((n) => n.id));

  async function addEntities(ids: string[], options: { select?: boolean }): Promise<void> {
    const present = [...onCanvas()].filter((id) => !ids.includes(id));
    const start = [...new Set(ids)].slice(0, MAX_IDS);
    const all = [...start, ...present].slice(0, MAX_IDS);
    const subgraph = await api.neighborhood({ ids: all, depth: 1, limit: all.length, includeCoMentions: filters().showCoMentions });
    const wanted = new Set(all);
    await put(
      { nodes: subgraph.nodes.filter((n) => wanted.has(n.id)), edges: subgraph.edges },
      { select: options.select === false ? undefined : start[0] },
    );
  }

  async function expand(id: string, relationType?: RelationType): Promise<void> {
    const exclude = [...onCanvas()].filter((other) => other !== id);
    const subgraph = await api.neighborhood({
      ids: [id],
      depth: 1,
      limit: PAGE + 1,
      exclude,
      relationTypes: relationType ? [relationType] : null,
      includeCoMentions: filters().showCoMentions || relationType === 'CO_MENTIONED',
    });
    await put(subgraph, { around: id, select: id });
  }

  // Failures are reported, never left as unhandled rejections.
  return {
    addEntities: (ids, options = {}) => addEntities(ids, options).catch(onError),
    addSubgraph(subgraph, options = {}) {
      void put(subgraph, options).catch(onError);
    },
    expand: (id, relationType) => expand(id, relationType).catch(onError),
    select(id) {
      selected = id;
      canvas.select(id);
      changed('select');
    },
    entityIds: () => canvas.subgraph().nodes.map((n) => n.id),
    entity(id) {
      const node = canvas.subgraph().nodes.find((n) => n.id === id);
      return node ? { id: node.id, name: node.name, type: node.type } : null;
    },
    hidden: (id) => canvas.subgraph().nodes.find((n) => n.id === id)?.hidden ?? [],
    clearHighlight: () => canvas.clearHighlight(),
    relationsOf: (id) => canvas.subgraph().edges.filter((e) => e.source === id || e.target === id),
    async refresh({ remove, entities }) {
      const edges = canvas.subgraph().edges.filter((e) => entities.includes(e.source) || entities.includes(e.target));
      canvas.apply({ remove: [...new Set([...remove, ...edges.map((e) => e.id)])] });
      const wanted = [...new Set(entities)].filter((id) => !remove.includes(id));
      if (wanted.length > 0) await addEntities(wanted, { select: false }).catch(onError);
      else changed('remove');
    },
    onChange: (listener) => {
      listeners.add(listener);
    },
    filtersChanged: () => void learnDocuments(),
    selection: () => selected,
    setSelection(id) {
      selected = id;
    },
  };
}
