// What the panels may do to the canvas. main.ts builds one over the canvas adapter and the view
// state (./canvas-workspace.ts); panels only see this interface.
import type { CurationMark, EntityType, RelationType, SubgraphInput } from '../state/vocabulary.ts';

export interface Workspace {
  /** Puts entities on the canvas (with their hidden-neighbour counts) and selects the first. */
  addEntities(ids: string[], options?: { select?: boolean }): Promise<void>;
  /** Adds a subgraph the panels already have (path, console result, community). */
  addSubgraph(subgraph: SubgraphInput, options?: { select?: string; highlight?: { nodes: string[]; edges: string[] } }): void;
  /** Neighbours of an entity: the next page, optionally of one relation type only. */
  expand(id: string, relationType?: RelationType): Promise<void>;
  select(id: string): void;
  /** Entity ids on the canvas. */
  entityIds(): string[];
  /** Name and type of an entity on the canvas. */
  entity(id: string): { id: string; name: string; type: EntityType } | null;
  /** The neighbours left out per relation type, for the "N more" buttons. */
  hidden(id: string): ReadonlyArray<{ type: RelationType; count: number }>;
  clearHighlight(): void;
  /** The relations on the canvas that touch an entity. */
  relationsOf(
    id: string,
  ): ReadonlyArray<{ id: string; type: RelationType; source: string; target: string; weight: number; curation?: CurationMark | null }>;
  /**
   * The graph changed under some of the canvas (a correction): takes `remove` off, and draws the
   * entities again, with their relations among what is shown (new data, marks, ends).
   */
  refresh(options: { remove: string[]; entities: string[] }): Promise<void>;
}
