// Everything the explorer has fetched of the graph, kept so that the canvas can be drawn from a
// list of entity ids (undo, redo, a link, a saved view) without asking again, and so that "N more"
// is what the graph holds minus what the canvas shows, not what one response left out.
import type { EdgeInput, NodeInput, RelationCounts, RelationType, SubgraphInput } from './vocabulary.ts';

export class GraphCache {
  private readonly nodes = new Map<string, NodeInput>();
  private readonly edges = new Map<string, EdgeInput>();
  private readonly edgesOf = new Map<string, Set<string>>();
  /** Relations per type in the whole graph, for the types counted so far. */
  private readonly totals = new Map<string, Map<RelationType, number>>();

  /** Adds what a response holds; what was known and the response leaves out is kept. */
  merge(subgraph: SubgraphInput): void {
    for (const node of subgraph.nodes) {
      const known = this.nodes.get(node.id);
      this.nodes.set(node.id, {
        ...known,
        ...node,
        pagerank: node.pagerank ?? known?.pagerank ?? null,
        community: node.community ?? known?.community ?? null,
      });
      if (node.relationCounts && node.relationCounts.length > 0) {
        const totals = this.totals.get(node.id) ?? new Map<RelationType, number>();
        for (const { type, count } of node.relationCounts) totals.set(type, count);
        this.totals.set(node.id, totals);
      }
    }
    for (const edge of subgraph.edges) {
      const known = this.edges.get(edge.id);
      this.edges.set(edge.id, {
        ...known,
        ...edge,
        documents: edge.documents ?? known?.documents,
        firstReported: edge.firstReported !== undefined ? edge.firstReported : known?.firstReported,
      });
      for (const end of [edge.source, edge.target]) {
        const list = this.edgesOf.get(end) ?? new Set<string>();
        list.add(edge.id);
        this.edgesOf.set(end, list);
      }
    }
  }

  /**
   * Forgets entities and relations (what a correction removed or changed): an entity with every
   * relation touching it and its counts, a relation alone. The next fetch learns them again.
   */
  forget(ids: readonly string[]): void {
    for (const id of ids) {
      for (const edgeId of this.edgesOf.get(id) ?? []) this.dropEdge(edgeId);
      this.edgesOf.delete(id);
      this.nodes.delete(id);
      this.totals.delete(id);
      if (this.edges.has(id)) this.dropEdge(id);
    }
  }

  private dropEdge(id: string): void {
    const edge = this.edges.get(id);
    if (!edge) return;
    this.edges.delete(id);
    for (const end of [edge.source, edge.target]) this.edgesOf.get(end)?.delete(id);
  }

  /** Sets what the filters need to know of a relation (its reports, its first date). */
  describeEdge(id: string, meta: { documents?: readonly string[]; firstReported?: string | null }): void {
    const edge = this.edges.get(id);
    if (!edge) return;
    this.edges.set(id, {
      ...edge,
      documents: meta.documents ?? edge.documents,
      firstReported: meta.firstReported === undefined ? edge.firstReported : meta.firstReported,
    });
  }

  /** Sets PageRank and community of entities (for styling). */
  describeNodes(figures: ReadonlyArray<{ id: string; pagerank: number | null; community: number | null }>): void {
    for (const figure of figures) {
      const node = this.nodes.get(figure.id);
      if (node) this.nodes.set(figure.id, { ...node, pagerank: figure.pagerank, community: figure.community });
    }
  }

  node(id: string): NodeInput | undefined {
    return this.nodes.get(id);
  }

  edge(id: string): EdgeInput | undefined {
    return this.edges.get(id);
  }

  has(id: string): boolean {
    return this.nodes.has(id);
  }

  /** Whether the entity's relations of every one of `types` have been counted. */
  counted(id: string, types: readonly RelationType[]): boolean {
    const totals = this.totals.get(id);
    return totals !== undefined && types.every((type) => totals.has(type));
  }

  /** Every known relation whose two ends are in `ids`. */
  edgesAmong(ids: ReadonlySet<string>): EdgeInput[] {
    const out: EdgeInput[] = [];
    for (const id of ids) {
      for (const edgeId of this.edgesOf.get(id) ?? []) {
        const edge = this.edges.get(edgeId)!;
        // Each edge once, from its source.
        if (edge.source === id && ids.has(edge.target)) out.push(edge);
      }
    }
    return out;
  }

  /**
   * The relations of `id` the canvas does not show, per type: counted in the graph, minus the
   * known relations to entities in `shown`. Only the types in `types`; none when not counted.
   */
  hidden(id: string, shown: ReadonlySet<string>, types: readonly RelationType[]): Array<{ type: RelationType; count: number }> {
    const totals = this.totals.get(id);
    if (!totals) return [];
    const drawn = new Map<RelationType, number>();
    for (const edgeId of this.edgesOf.get(id) ?? []) {
      const edge = this.edges.get(edgeId)!;
      const other = edge.source === id ? edge.target : edge.source;
      if (other !== id && shown.has(other)) drawn.set(edge.type, (drawn.get(edge.type) ?? 0) + 1);
    }
    const out: Array<{ type: RelationType; count: number }> = [];
    for (const type of types) {
      const left = (totals.get(type) ?? 0) - (drawn.get(type) ?? 0);
      if (left > 0) out.push({ type, count: left });
    }
    return out;
  }

  /** The entities `ids` (those known, in that order), each with its "N more", and the known relations among them. */
  subgraph(ids: readonly string[], types: readonly RelationType[]): SubgraphInput {
    const shown = new Set(ids.filter((id) => this.nodes.has(id)));
    const nodes: NodeInput[] = [];
    for (const id of shown) {
      const hidden: RelationCounts = this.hidden(id, shown, types);
      nodes.push({ ...this.nodes.get(id)!, hidden, hiddenTotal: hidden.reduce((sum, h) => sum + h.count, 0) });
    }
    return { nodes, edges: this.edgesAmong(shown) };
  }
}
