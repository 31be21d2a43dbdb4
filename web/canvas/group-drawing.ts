// Compound groups on the canvas (web/state/groups.ts says which): a fold as a node of its own, an
// open group as a box around its members, a closed one as its entity with the number it holds,
// and the relations that reach into a closed group merged into one edge per end and type.
import type { Core, NodeCollection } from 'cytoscape';
import type { GroupView } from '../state/groups.ts';
import type { Language, RelationType } from '../state/vocabulary.ts';
import { nodeLabel, type NodeData } from './elements.ts';
import { ENTITY_STYLE } from './style.ts';

/** Draws `view` in one batch; returns the nodes that appeared or grew (a new fold, a group just closed), to place. */
export function drawGroups(
  cy: Core,
  view: GroupView,
  context: { language: Language; relationLabel: (type: RelationType, language: Language) => string },
): string[] {
  const { language, relationLabel } = context;
  const changed: string[] = [];
  cy.batch(() => {
    const wanted = new Map(view.groups.map((g) => [g.id, g]));
    // Members out of groups that are gone or closed, before any group node goes.
    cy.nodes().forEach((n) => {
      const parent = (n.data('parent') as string | undefined) ?? null;
      const next = view.parent.get(n.id()) ?? null;
      if (parent !== next && next === null) n.move({ parent: null });
    });
    cy.nodes('.fold').forEach((n) => {
      if (!wanted.has(n.id())) n.remove();
    });
    for (const group of view.groups) {
      if (group.entity !== null) continue;
      const existing = cy.$id(group.id);
      const members = cy.collection(group.members.map((id) => cy.$id(id)).filter((m) => m.nonempty()) as never) as NodeCollection;
      const box = members.boundingBox({});
      const style = ENTITY_STYLE[group.type];
      const hubName = (cy.$id(group.hub ?? '').data('name') as string | undefined) ?? '';
      const label = group.open
        ? `${hubName} · ${style.label[language]} ${group.members.length}`
        : `${style.label[language]} ×${group.members.length}`;
      const data = {
        id: group.id,
        type: group.type,
        name: label,
        label,
        degree: group.members.length,
        size: Math.round(Math.min(60, 18 + 6 * Math.log2(1 + group.members.length))),
        color: style.color,
        shape: style.shape,
        hiddenTotal: 0,
        hidden: [],
        pagerank: null,
        community: null,
      };
      if (existing.empty()) changed.push(group.id);
      if (existing.empty())
        cy.add({
          group: 'nodes',
          data,
          classes: 'fold',
          position: Number.isFinite(box.x1) ? { x: (box.x1 + box.x2) / 2, y: (box.y1 + box.y2) / 2 } : { x: 0, y: 0 },
        });
      else existing.data(data);
    }
    // Members into open groups.
    for (const [member, parent] of view.parent) {
      const n = cy.$id(member);
      if (n.nonempty() && (n.data('parent') ?? null) !== parent && cy.$id(parent).nonempty()) n.move({ parent });
    }
    // Closed entity groups say how many they hold.
    cy.nodes().forEach((n) => {
      if (n.hasClass('fold')) {
        n.toggleClass('group-closed', !wanted.get(n.id())?.open);
        return;
      }
      const group = wanted.get(n.id());
      const closed = group && !group.open ? group.members.length : undefined;
      if (n.data('groupSize') !== closed || n.hasClass('group-closed') !== (closed !== undefined)) {
        if (closed !== undefined) changed.push(n.id());
        const d = n.data() as NodeData;
        n.data({ groupSize: closed, label: closed ? `${nodeLabel(d)} ▸${closed}` : nodeLabel(d) });
        n.toggleClass('group-closed', closed !== undefined);
      }
    });
    cy.nodes().forEach((n) => {
      const out = view.folded.has(n.id());
      if (n.hasClass('folded') !== out) n.toggleClass('folded', out);
    });
    const mergedIds = new Set(view.merged.map((m) => m.id));
    cy.edges('.merged').forEach((e) => {
      if (!mergedIds.has(e.id())) e.remove();
    });
    cy.edges().forEach((e) => {
      if (e.hasClass('merged')) return;
      const out = view.foldedEdges.has(e.id());
      if (e.hasClass('folded') !== out) e.toggleClass('folded', out);
    });
    for (const m of view.merged) {
      const data = {
        id: m.id,
        type: m.type,
        source: m.source,
        target: m.target,
        weight: m.relations.length,
        count: m.relations.length,
        relations: m.relations,
        directed: m.type !== 'PARTNERS_WITH' && m.type !== 'CO_MENTIONED',
        label: `${relationLabel(m.type, language)} ×${m.relations.length}`,
        documents: [],
        firstReported: null,
      };
      const existing = cy.$id(m.id);
      if (existing.empty()) cy.add({ group: 'edges', data, classes: 'merged' });
      else existing.data(data);
    }
  });
  return changed;
}
