// The explorer's view state: plain modules, no DOM, no cytoscape.
export * from './vocabulary.ts';
export { edgePasses, nodePasses, type FilterableEdge } from './filters.ts';
export {
  createViewStore,
  initialViewState,
  isShown,
  isUndoable,
  reduce,
  type ViewAction,
  type ViewState,
  type ViewStore,
} from './view-state.ts';
export { History } from './history.ts';
export {
  compactView,
  decodeViewHash,
  encodeViewHash,
  expandView,
  withHashParams,
  type Compact,
  type DecodedView,
  type ViewNotice,
} from './url-state.ts';
