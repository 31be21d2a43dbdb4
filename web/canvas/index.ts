// The canvas: the one place that knows cytoscape. Callers patch it (add, remove, restyle) and get
// ids and plain data back; `cy` never leaves web/canvas/.
export type { Canvas, CanvasOptions, CanvasPatch, LayoutResult, RendererInfo, Box } from './types.ts';
export {
  ENTITY_STYLE,
  RELATION_LABELS,
  FONT_FAMILY,
  COMMUNITY_COLORS,
  OTHER_COMMUNITY_COLOR,
  communityColor,
  relationLabel,
} from './style.ts';
export { createCanvas, MAX_FIT_ZOOM } from './canvas.ts';
export type { NodeData, EdgeData } from './elements.ts';
