// Compound groups, worked out from what the canvas shows: villages and communities under the
// township or district they lie in, programs under the program they are part of, and a hub's
// neighbours of one type. A closed group hides its members; the relations that reached them are
// merged into one edge per other end and relation type, with their count. Pure: the canvas draws
// what this returns.
import type { EdgeInput, EntityType, Grouping, NodeInput, RelationType } from './vocabulary.ts';

/** Fewer members than this make no group: folding one node hides more than it tidies. */
export const MIN_GROUP_MEMBERS = 2;

export interface Group {
  /** The parent entity's id for place and program groups; `fold:<hub>:<type>` for a fold. */
  id: string;
  kind: 'place' | 'program' | 'fold';
  /** The entity the group is drawn as (place, program), or null for a fold (drawn as its own node). */
  entity: string | null;
  /** For a fold: the hub and the members' type. */
  hub: string | null;
  type: EntityType;
  /** Direct members (entity ids). */
  members: string[];
  open: boolean;
}

export interface MergedEdge {
  id: string;
  source: string;
  target: string;
  type: RelationType;
  /** The relations merged into it. */
  relations: string[];
}

export interface GroupView {
  groups: Group[];
  /** Member → group id, for open groups only (the canvas nests them). */
  parent: Map<string, string>;
  /** Entities inside a closed group: not drawn. */
  folded: Set<string>;
  /** Relations not drawn because an end is folded. */
  foldedEdges: Set<string>;
  /** Relations drawn merged, in place of `foldedEdges` that leave their group. */
  merged: MergedEdge[];
}

/** The id of a fold group. */
export function foldId(hub: string, type: EntityType): string {
  return `fold:${hub}:${type}`;
}

/**
 * The groups of the shown nodes and edges (hidden and filtered ones already left out) under
 * `grouping`. A node belongs to one group at most: a fold asked for by the user first, then its
 * place, then its program.
 */
export function groupView(nodes: readonly NodeInput[], edges: readonly EdgeInput[], grouping: Grouping): GroupView {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const owner = new Map<string, string>();
  const groups = new Map<string, Group>();
  const open = new Set(grouping.open);
  const add = (group: Omit<Group, 'members' | 'open'>, member: string) => {
    // A node in one group at most, and never in a group inside itself (a cycle of PART_OF).
    if (owner.has(member) || member === group.entity || (group.entity !== null && insideOf(group.entity, member, owner))) return;
    const known = groups.get(group.id) ?? { ...group, members: [], open: open.has(group.id) };
    known.members.push(member);
    groups.set(group.id, known);
    owner.set(member, group.id);
  };

  for (const fold of grouping.folds) {
    if (!byId.has(fold.hub)) continue;
    const id = foldId(fold.hub, fold.type);
    for (const edge of edges) {
      const other = edge.source === fold.hub ? edge.target : edge.target === fold.hub ? edge.source : null;
      if (other === null || other === fold.hub || byId.get(other)?.type !== fold.type) continue;
      add({ id, kind: 'fold', entity: null, hub: fold.hub, type: fold.type }, other);
    }
  }

  if (grouping.places) {
    // A village may lie in a township and in its county: it goes under the innermost one shown.
    const within = new Map<string, string[]>();
    for (const edge of edges) {
      if (edge.type !== 'LOCATED_IN') continue;
      const list = within.get(edge.source) ?? [];
      list.push(edge.target);
      within.set(edge.source, list);
    }
    const depth = (id: string, seen = new Set<string>()): number => {
      if (seen.has(id)) return 0;
      seen.add(id);
      return 1 + Math.max(0, ...(within.get(id) ?? []).map((up) => depth(up, seen)));
    };
    for (const node of nodes) {
      if (node.type !== 'Village') continue;
      const districts = (within.get(node.id) ?? []).filter((id) => byId.get(id)?.type === 'District');
      const inner = districts.sort((a, b) => depth(b) - depth(a) || (a < b ? -1 : 1))[0];
      if (inner) add({ id: inner, kind: 'place', entity: inner, hub: null, type: 'Village' }, node.id);
    }
  }

  if (grouping.programs) {
    for (const edge of edges) {
      if (edge.type !== 'PART_OF' || edge.source === edge.target) continue;
      const part = byId.get(edge.source);
      const whole = byId.get(edge.target);
      if (!part || !whole || !isProgram(part.type) || !isProgram(whole.type)) continue;
      add({ id: whole.id, kind: 'program', entity: whole.id, hub: null, type: part.type }, part.id);
    }
  }

  // Too small: no group.
  for (const [id, group] of groups) {
    if (group.members.length < MIN_GROUP_MEMBERS) {
      groups.delete(id);
      for (const member of group.members) if (owner.get(member) === id) owner.delete(member);
    }
  }

  // What each node is drawn as: itself, or the outermost closed group around it.
  const shownAs = (id: string): string => {
    let at = id;
    let drawn = id;
    for (let hops = 0; hops < 32; hops++) {
      const up = owner.get(at);
      if (up === undefined) break;
      const group = groups.get(up)!;
      if (!group.open) drawn = group.entity ?? group.id;
      at = group.entity ?? group.id;
    }
    return drawn;
  };

  const parent = new Map<string, string>();
  const folded = new Set<string>();
  for (const [member, id] of owner) {
    const group = groups.get(id);
    if (!group) continue;
    if (shownAs(member) !== member) folded.add(member);
    else if (group.open) parent.set(member, group.entity ?? group.id);
  }
  const foldedEdges = new Set<string>();
  const merged = new Map<string, MergedEdge>();
  for (const edge of edges) {
    const source = shownAs(edge.source);
    const target = shownAs(edge.target);
    if (source === edge.source && target === edge.target) continue;
    foldedEdges.add(edge.id);
    if (source === target) continue;
    const key = `merged:${source}|${target}|${edge.type}`;
    const known = merged.get(key) ?? { id: key, source, target, type: edge.type, relations: [] };
    known.relations.push(edge.id);
    merged.set(key, known);
  }
  return { groups: [...groups.values()], parent, folded, foldedEdges, merged: [...merged.values()] };
}

function isProgram(type: EntityType): boolean {
  return type === 'Program' || type === 'Pilot';
}

/** Whether `entity` is (transitively) a member of group `id` (a place or program group's id is its entity's). */
function insideOf(entity: string, id: string, owner: ReadonlyMap<string, string>): boolean {
  let at: string | undefined = entity;
  for (let hops = 0; at !== undefined && hops < 32; hops++) {
    const up = owner.get(at);
    if (up === id) return true;
    at = up;
  }
  return false;
}
