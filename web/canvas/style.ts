// How the canvas looks, as data. ENTITY_STYLE and RELATION_LABELS are exported for the legend and
// the panels; stylesheet() is what the adapter hands to cytoscape.
import type { EntityType, Language, RelationType } from '../state/vocabulary.ts';

export type NodeShape = 'hexagon' | 'ellipse' | 'round-rectangle' | 'diamond' | 'star' | 'rectangle' | 'triangle' | 'tag' | 'octagon';

/**
 * A colour and a shape per entity type, so that no type is told apart by colour alone. Colours are
 * the Okabe–Ito palette, distinguishable with the common colour-vision deficiencies.
 */
export const ENTITY_STYLE: Readonly<Record<EntityType, { color: string; shape: NodeShape; label: Record<Language, string> }>> = {
  District: { color: '#0072B2', shape: 'hexagon', label: { zh: '行政区', en: 'District' } },
  Village: { color: '#009E73', shape: 'ellipse', label: { zh: '村社', en: 'Village' } },
  Company: { color: '#E69F00', shape: 'round-rectangle', label: { zh: '企业', en: 'Company' } },
  Program: { color: '#CC79A7', shape: 'diamond', label: { zh: '项目', en: 'Program' } },
  Pilot: { color: '#D55E00', shape: 'star', label: { zh: '试点', en: 'Pilot' } },
  Organization: { color: '#56B4E9', shape: 'rectangle', label: { zh: '机构', en: 'Organization' } },
  Person: { color: '#000000', shape: 'triangle', label: { zh: '人物', en: 'Person' } },
  Document: { color: '#F0E442', shape: 'tag', label: { zh: '文件', en: 'Document' } },
  Place: { color: '#999999', shape: 'octagon', label: { zh: '地点', en: 'Place' } },
};

/** Relation type names in both languages (edge labels, legend, filters). */
export const RELATION_LABELS: Readonly<Record<RelationType, Record<Language, string>>> = {
  LOCATED_IN: { zh: '位于', en: 'located in' },
  IMPLEMENTS: { zh: '实施', en: 'implements' },
  SELECTED_AS: { zh: '入选', en: 'selected as' },
  PARTNERS_WITH: { zh: '合作', en: 'partners with' },
  HOLDS_POSITION: { zh: '任职', en: 'holds position' },
  ISSUED: { zh: '发布', en: 'issued' },
  FUNDS: { zh: '资助', en: 'funds' },
  PART_OF: { zh: '属于', en: 'part of' },
  CO_MENTIONED: { zh: '同句提及', en: 'co-mentioned' },
};

export function relationLabel(type: RelationType, language: Language): string {
  return RELATION_LABELS[type][language];
}

/** CJK-capable fonts first, so Chinese names render the same on screen and in SVG exports. */
export const FONT_FAMILY = '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';

export interface StyleRule {
  selector: string;
  style: Record<string, string | number>;
}

/** Node diameter from degree: grows with the logarithm, so hubs stand out without covering the rest. */
export function nodeSize(degree: number): number {
  return Math.round(Math.min(60, 16 + 7 * Math.log2(1 + Math.max(0, degree))));
}

/** Node diameter from PageRank, relative to the highest on the canvas: by area, 16 to 60. */
export function pagerankSize(pagerank: number | null | undefined, highest: number): number {
  if (pagerank === null || pagerank === undefined || !(highest > 0)) return 16;
  return Math.round(16 + 44 * Math.sqrt(Math.max(0, Math.min(1, pagerank / highest))));
}

/**
 * Colours for communities by rank (0: the largest): the Okabe–Ito colours, then four more, so the
 * largest twelve are told apart; the rest are grey.
 */
export const COMMUNITY_COLORS = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#D55E00',
  '#56B4E9',
  '#F0E442',
  '#000000',
  '#8C564B',
  '#7F7FFF',
  '#2CA02C',
  '#BCBD22',
] as const;
export const OTHER_COMMUNITY_COLOR = '#BBBBBB';

export function communityColor(community: number | null | undefined): string {
  return community === null || community === undefined ? OTHER_COMMUNITY_COLOR : (COMMUNITY_COLORS[community] ?? OTHER_COMMUNITY_COLOR);
}

/**
 * The stylesheet. With `lod` (large graphs), edges are left to the edge layer, which draws them
 * as plain lines in one pass; cytoscape draws only selected, highlighted and merged ones.
 */
export function stylesheet(lod: boolean): StyleRule[] {
  const rules: StyleRule[] = [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        'font-family': FONT_FAMILY,
        'font-size': 10,
        color: '#1b1f24',
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-outline-color': '#ffffff',
        'text-outline-width': lod ? 0 : 1.5,
        'min-zoomed-font-size': lod ? 9 : 6,
        width: 'data(size)',
        height: 'data(size)',
        'border-width': 1,
        'border-color': '#1b1f24',
        // Colour and shape come with the data (from ENTITY_STYLE): one rule instead of one per type,
        // which cytoscape would match against every element.
        'background-color': 'data(color)',
        shape: 'data(shape)',
      },
    },
    { selector: 'node[hiddenTotal > 0]', style: { 'border-width': 2, 'border-style': 'double' } },
    // A group drawn open: a box around its members, its name on top.
    {
      selector: 'node:parent',
      style: {
        shape: 'round-rectangle',
        'background-opacity': 0.07,
        'border-style': 'dashed',
        'border-width': 1.5,
        'border-color': 'data(color)',
        'text-valign': 'top',
        'text-margin-y': -4,
        padding: 12,
        'font-weight': 'bold',
      },
    },
    // A group drawn closed: a thick ring says it holds more than it shows.
    { selector: 'node.group-closed', style: { 'border-width': 4, 'border-style': 'double', 'border-color': '#1b1f24' } },
    { selector: 'node.fold', style: { 'background-opacity': 0.55 } },
    {
      selector: 'edge',
      style: lod
        ? // Drawn all at once by the edge layer (./edge-layer.ts); cytoscape draws only those that stand out.
          { display: 'none', width: 1, 'line-color': '#9aa5b1', 'curve-style': 'haystack', 'haystack-radius': 0 }
        : {
            width: 'mapData(weight, 1, 10, 1, 4)',
            'line-color': '#9aa5b1',
            'curve-style': 'bezier',
            'target-arrow-shape': 'triangle',
            'target-arrow-color': '#9aa5b1',
            'arrow-scale': 0.7,
            label: 'data(label)',
            'font-family': FONT_FAMILY,
            'font-size': 8,
            color: '#4a5562',
            'min-zoomed-font-size': 8,
            'text-rotation': 'autorotate',
            'text-background-color': '#ffffff',
            'text-background-opacity': 0.8,
            'text-background-padding': 1,
          },
    },
    ...(lod ? [{ selector: 'edge:selected, edge.path, edge.highlighted, edge.merged, edge.shown', style: { display: 'element' } }] : []),
    { selector: 'edge[!directed]', style: { 'target-arrow-shape': 'none' } },
    { selector: 'edge.co-mention', style: { 'line-style': 'dashed', 'line-color': '#bbbbbb', 'target-arrow-shape': 'none', width: 1 } },
    // Relations merged into a closed group: one edge per other end and type, as thick as they are many.
    {
      selector: 'edge.merged',
      style: lod
        ? { width: 'mapData(count, 1, 20, 1.5, 6)' }
        : { width: 'mapData(count, 1, 20, 1.5, 6)', 'line-style': 'solid', label: 'data(label)', 'line-color': '#7b8794' },
    },
    // A relation the extraction is not sure of: dashed, in its type's colour (co-mentions are grey).
    { selector: 'edge[?lowConfidence]', style: { 'line-style': 'dashed' } },
    // What a person confirmed, changed or added: a green line, and a green ring around an entity.
    { selector: 'edge[?curation]', style: { 'line-color': '#009E73', 'target-arrow-color': '#009E73', 'line-style': 'solid' } },
    { selector: 'node[?curation]', style: { 'border-color': '#009E73', 'border-width': 3, 'border-style': 'solid' } },
    { selector: '.filtered, .hidden, .folded', style: { display: 'none' } },
    { selector: '.dimmed', style: { opacity: 0.15 } },
    { selector: 'node.pinned', style: { 'border-color': '#000000', 'border-width': 3, 'border-style': 'solid' } },
    { selector: 'node.highlighted', style: { 'border-color': '#E69F00', 'border-width': 4, 'z-index': 10 } },
    {
      selector: 'edge.highlighted, edge.path',
      style: {
        'line-color': '#D55E00',
        'target-arrow-color': '#D55E00',
        width: 4,
        'z-index': 10,
        label: 'data(label)',
        'curve-style': 'bezier',
        opacity: 1,
      },
    },
    { selector: 'node.path', style: { 'border-color': '#D55E00', 'border-width': 5, 'z-index': 10 } },
    { selector: 'node:selected', style: { 'border-color': '#E69F00', 'border-width': 5, 'overlay-opacity': 0, 'z-index': 20 } },
    {
      selector: 'edge:selected',
      style: {
        'line-color': '#E69F00',
        'target-arrow-color': '#E69F00',
        width: 4,
        label: 'data(label)',
        'curve-style': 'bezier',
        'z-index': 20,
      },
    },
  ];
  return rules;
}
