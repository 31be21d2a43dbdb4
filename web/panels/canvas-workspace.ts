// The Workspace the panels use: fetching neighbourhoods into the graph cache and telling the
// view store what the canvas should show. "N more" pages with `exclude` (everything the canvas
// holds), so the answer brings the relations between the new entities and the old ones too;
// relations' reports and first dates are learnt for the filters.
import { api } from '../api/index.ts';
import type { Canvas } from '../canvas/index.ts';
import type { GraphCache } from '../state/graph-cache.ts';
import { TYPED_RELATIONS, type RelationType, type SubgraphInput } from '../state/vocabulary.ts';
import type { ViewStore } from '../state/view-state.ts';
import type { Workspace } from './workspace.ts';

/** Neighbours fetched per expansion. */
const PAGE = 25;
/** The API's bound on start entities. */
const MAX_IDS = 50;

export interface CanvasWorkspace extends Workspace {
  /** The filters changed: fetch what they need (co-mentions, reports). */
  filtersChanged(): void;
  /** The relation types whose "N more" is counted (co-mentions only while shown). */
  followed(): readonly RelationType[];
  /** Puts the most connected entities on an empty canvas, laid out, as the first step of history. */
  showOverview(ids: string[]): Promise<void>;
  /** Fetches what entities (a link, a saved view) need to be drawn; returns the ids no longer in the graph. */
  load(ids: string[]): Promise<string[]>;
}

export interface WorkspaceHost {
  cache: GraphCache;
  store: ViewStore;
  canvas: Canvas;
  /** Draws the store's state now (after the cache learnt something the state does not say). */
  redraw(): void;
  onError(error: Error): void;
}

function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

export function createCanvasWorkspace({ cache, store, canvas, redraw, onError }: WorkspaceHost): CanvasWorkspace {
  const datesKnown = new Set<string>();
  const documentsKnown = new Set<string>();
  const followed = (): readonly RelationType[] =>
    store.state.filters.showCoMentions ? [...TYPED_RELATIONS, 'CO_MENTIONED'] : TYPED_RELATIONS;
  const onCanvas = () => store.state.entities;

  /** First dates of the relations around entities, so the date filter applies to them. */
  async function learnDates(ids: readonly string[]): Promise<void> {
    const fresh = ids.filter((id) => !datesKnown.has(id)).slice(0, 100);
    if (fresh.length === 0) return;
    try {
      for (const entity of await api.edgeDates(fresh)) {
        if (!entity) continue;
        datesKnown.add(entity.id);
        for (const { node } of entity.relations.edges) cache.describeEdge(node.id, { firstReported: node.firstReported });
      }
      redraw();
    } catch {
      // Without them the date filter leaves these relations shown.
    }
  }

  /** The reports stating each relation on the canvas, fetched only while a report filter is on. */
  async function learnDocuments(): Promise<void> {
    if (store.state.filters.documents.length === 0) return;
    const ids = onCanvas()
      .filter((id) => !documentsKnown.has(id))
      .slice(0, MAX_IDS);
    if (ids.length === 0) return;
    const entities = await api.edgeDocuments(ids).catch(() => []);
    for (const entity of entities) {
      if (!entity) continue;
      documentsKnown.add(entity.id);
      for (const { node } of entity.relations.edges)
        cache.describeEdge(node.id, { documents: [...new Set(node.evidence.map((e) => e.documentId))] });
    }
    redraw();
  }

  /**
   * Counts and relations for entities the cache knows only in part (from a path, the console, an
   * expansion by one type): every followed type counted, and their relations to what is shown.
   */
  async function complete(ids: readonly string[]): Promise<void> {
    const types = followed();
    const lacking = ids.filter((id) => !cache.counted(id, types));
    for (const batch of chunks(lacking, MAX_IDS)) {
      const others = onCanvas().filter((id) => !batch.includes(id));
      cache.merge(
        await api.neighborhood({
          ids: batch,
          depth: 1,
          limit: batch.length,
          exclude: others,
          includeCoMentions: store.state.filters.showCoMentions,
        }),
      );
    }
  }

  /** After entities joined the canvas: settle them without moving the others, then record where they went. */
  async function settle(added: string[]): Promise<void> {
    if (added.length === 0) return;
    const before = store.state.entities.length - added.length;
    if (before < 2) await canvas.layout(store.state.layout);
    else await canvas.place(added);
    canvas.fit();
    store.dispatch({ type: 'positions', positions: canvas.positions(), amend: true });
  }

  async function show(subgraph: SubgraphInput, options: { around?: string; select?: string | null } = {}): Promise<void> {
    cache.merge(subgraph);
    const known = new Set(onCanvas());
    const added = [...new Set(subgraph.nodes.map((n) => n.id))].filter((id) => !known.has(id));
    await complete(added);
    if (added.length > 0) {
      if (options.around) store.dispatch({ type: 'expand', id: options.around, ids: added });
      else store.dispatch({ type: 'show', ids: added });
      await settle(added);
    }
    if (options.select !== undefined) store.dispatch({ type: 'select', id: options.select });
    void learnDates(added);
    void learnDocuments();
  }

  async function addEntities(ids: string[], options: { select?: boolean }): Promise<void> {
    const wanted = [...new Set(ids)];
    const nodes: SubgraphInput['nodes'][number][] = [];
    const edges: SubgraphInput['edges'][number][] = [];
    // The API takes 50 start entities at a time; the relations among batches come with the later ones.
    for (const batch of chunks(wanted, MAX_IDS)) {
      const subgraph = await api.neighborhood({
        ids: batch,
        depth: 1,
        limit: batch.length,
        exclude: [...onCanvas(), ...wanted].filter((id) => !batch.includes(id)),
        includeCoMentions: store.state.filters.showCoMentions,
      });
      nodes.push(...subgraph.nodes);
      edges.push(...subgraph.edges);
    }
    await show({ nodes, edges }, { select: options.select === false ? undefined : (wanted[0] ?? null) });
  }

  async function expand(id: string, relationType?: RelationType): Promise<void> {
    const subgraph = await api.neighborhood({
      ids: [id],
      depth: 1,
      limit: PAGE + 1,
      exclude: onCanvas().filter((other) => other !== id),
      relationTypes: relationType ? [relationType] : null,
      includeCoMentions: store.state.filters.showCoMentions || relationType === 'CO_MENTIONED',
    });
    await show(subgraph, { around: id, select: id });
  }

  async function load(ids: string[]): Promise<string[]> {
    const wanted = [...new Set(ids)];
    const missing: string[] = [];
    for (const batch of chunks(
      wanted.filter((id) => !cache.has(id)),
      MAX_IDS,
    )) {
      const subgraph = await api.neighborhood({
        ids: batch,
        depth: 1,
        limit: batch.length,
        exclude: wanted.filter((id) => !batch.includes(id)),
        includeCoMentions: store.state.filters.showCoMentions,
      });
      cache.merge(subgraph);
      const found = new Set(subgraph.nodes.map((n) => n.id));
      missing.push(...batch.filter((id) => !found.has(id)));
    }
    void learnDates(wanted);
    return missing;
  }

  async function showOverview(ids: string[]): Promise<void> {
    if (store.state.entities.length > 0) return;
    await load(ids);
    if (store.state.entities.length > 0) return;
    store.reset({ ...store.state, entities: ids.filter((id) => cache.has(id)) });
    await canvas.layout(store.state.layout);
    store.reset({ ...store.state, positions: canvas.positions() });
  }

  /** Co-mentions were turned on: their counts, and the co-mentions among what the canvas shows. */
  async function fetchCoMentions(): Promise<void> {
    const ids = onCanvas().filter((id) => !cache.counted(id, ['CO_MENTIONED']));
    for (const batch of chunks(ids, MAX_IDS)) {
      cache.merge(
        await api.neighborhood({
          ids: batch,
          depth: 1,
          limit: batch.length,
          exclude: onCanvas().filter((id) => !batch.includes(id)),
          relationTypes: ['CO_MENTIONED'],
          includeCoMentions: true,
        }),
      );
    }
    redraw();
  }

  // Failures are reported, never left as unhandled rejections.
  return {
    addEntities: (ids, options = {}) => addEntities(ids, options).catch(onError),
    addSubgraph(subgraph, options = {}) {
      void show(subgraph, { select: options.select })
        .then(() => {
          if (options.highlight) {
            canvas.highlightPath(options.highlight.nodes, options.highlight.edges);
            canvas.fit(options.highlight.nodes);
          }
        })
        .catch(onError);
    },
    expand: (id, relationType) => expand(id, relationType).catch(onError),
    select(id) {
      store.dispatch({ type: 'select', id });
    },
    entityIds: () => [...onCanvas()],
    entity(id) {
      const node = cache.node(id);
      return node && onCanvas().includes(id) ? { id: node.id, name: node.name, type: node.type } : null;
    },
    hidden: (id) => cache.hidden(id, new Set(onCanvas()), followed()),
    clearHighlight: () => canvas.clearHighlight(),
    relationsOf: (id) => canvas.subgraph({ visibleOnly: true }).edges.filter((e) => e.source === id || e.target === id),
    filtersChanged() {
      if (store.state.filters.showCoMentions) void fetchCoMentions().catch(onError);
      void learnDocuments();
    },
    async refresh({ remove, entities }) {
      // What the correction changed is fetched again: the removed ids and the entities it touched
      // are forgotten (with their relations), then the entities still in the graph drawn anew.
      const touched = [...new Set(entities)].filter((id) => !remove.includes(id));
      cache.forget([...remove, ...touched]);
      const gone = remove.filter((id) => onCanvas().includes(id));
      if (gone.length > 0) store.dispatch({ type: 'remove', ids: gone });
      // Each touched entity on the canvas again, with its relations to everything the canvas shows.
      const shown = touched.filter((id) => onCanvas().includes(id));
      const missing: string[] = [];
      for (const batch of chunks(shown, MAX_IDS)) {
        const subgraph = await api.neighborhood({
          ids: batch,
          depth: 1,
          limit: batch.length,
          exclude: onCanvas().filter((id) => !batch.includes(id)),
          includeCoMentions: store.state.filters.showCoMentions,
        });
        cache.merge(subgraph);
        const found = new Set(subgraph.nodes.map((n) => n.id));
        missing.push(...batch.filter((id) => !found.has(id)));
      }
      if (missing.length > 0) store.dispatch({ type: 'remove', ids: missing });
      // Entities the correction made or moved relations to join the canvas, their relations drawn.
      const added = touched.filter((id) => !onCanvas().includes(id));
      if (added.length > 0) await addEntities(added, { select: false });
      redraw();
    },
    followed,
    showOverview: (ids) => showOverview(ids).catch(onError),
    load,
  };
}
