// What the explorer shows, as plain data, and the one function that changes it. No DOM and no
// cytoscape: the page dispatches actions, then patches the canvas and writes the URL from the result.
import { History } from './history.ts';
import {
  defaultFilters,
  defaultGrouping,
  defaultStyling,
  type Filters,
  type Grouping,
  type Language,
  type LayoutName,
  type Positions,
  type Styling,
} from './vocabulary.ts';

export interface ViewState {
  /** Entity ids on the canvas, in the order they came. */
  entities: string[];
  /** Entities whose neighbours were fetched ("expanded"). */
  expanded: string[];
  /** Entities the user hid (kept, not drawn). */
  hidden: string[];
  /** Entities pinned in place through layouts. */
  pinned: string[];
  filters: Filters;
  /** Selected entity or relation id. */
  selection: string | null;
  layout: LayoutName;
  /** Node positions, rounded, by entity id. */
  positions: Positions;
  language: Language;
  /** What node size and colour say. */
  styling: Styling;
  /** Compound groups and which are open. */
  grouping: Grouping;
}

export type ViewAction =
  | { type: 'show'; ids: readonly string[]; positions?: Positions }
  | { type: 'remove'; ids: readonly string[] }
  | { type: 'expand'; id: string; ids: readonly string[]; positions?: Positions }
  | { type: 'hide'; ids: readonly string[]; hidden: boolean }
  | { type: 'pin'; ids: readonly string[]; pinned: boolean }
  | { type: 'filters'; filters: Partial<Filters> }
  | { type: 'select'; id: string | null }
  | { type: 'layout'; name: LayoutName; positions?: Positions }
  /** `amend`: the positions finish the step before (a layout after an expansion), not a step of their own. */
  | { type: 'positions'; positions: Positions; amend?: boolean }
  | { type: 'language'; language: Language }
  | { type: 'styling'; styling: Partial<Styling> }
  | { type: 'grouping'; grouping: Partial<Grouping> }
  /** A whole view at once (a saved view opened): one undoable step. */
  | { type: 'replace'; state: ViewState }
  | { type: 'clear' };

export function initialViewState(language: Language = 'zh'): ViewState {
  return {
    entities: [],
    expanded: [],
    hidden: [],
    pinned: [],
    filters: defaultFilters(),
    selection: null,
    layout: 'fcose',
    positions: {},
    language,
    styling: defaultStyling(),
    grouping: defaultGrouping(),
  };
}

function union(list: readonly string[], more: readonly string[]): string[] {
  const seen = new Set(list);
  const out = [...list];
  for (const id of more)
    if (!seen.has(id)) {
      seen.add(id);
      out.push(id);
    }
  return out;
}

function without(list: readonly string[], gone: ReadonlySet<string>): string[] {
  return list.filter((id) => !gone.has(id));
}

function round(positions: Positions): Positions {
  const out: Positions = {};
  for (const [id, p] of Object.entries(positions)) out[id] = { x: Math.round(p.x), y: Math.round(p.y) };
  return out;
}

/** The state after an action. Never mutates its input. */
export function reduce(state: ViewState, action: ViewAction): ViewState {
  switch (action.type) {
    case 'show':
      return { ...state, entities: union(state.entities, action.ids), positions: { ...state.positions, ...round(action.positions ?? {}) } };
    case 'expand':
      return {
        ...state,
        entities: union(state.entities, [action.id, ...action.ids]),
        expanded: union(state.expanded, [action.id]),
        positions: { ...state.positions, ...round(action.positions ?? {}) },
      };
    case 'remove': {
      const gone = new Set(action.ids);
      const positions = Object.fromEntries(Object.entries(state.positions).filter(([id]) => !gone.has(id)));
      return {
        ...state,
        entities: without(state.entities, gone),
        expanded: without(state.expanded, gone),
        hidden: without(state.hidden, gone),
        pinned: without(state.pinned, gone),
        positions,
        selection: state.selection !== null && gone.has(state.selection) ? null : state.selection,
        grouping: { ...state.grouping, folds: state.grouping.folds.filter((f) => !gone.has(f.hub)) },
      };
    }
    case 'hide': {
      // Hiding what is selected lets go of it: nothing hidden stays selected.
      const selection = action.hidden && state.selection !== null && action.ids.includes(state.selection) ? null : state.selection;
      return {
        ...state,
        hidden: action.hidden ? union(state.hidden, action.ids) : without(state.hidden, new Set(action.ids)),
        selection,
      };
    }
    case 'pin':
      return { ...state, pinned: action.pinned ? union(state.pinned, action.ids) : without(state.pinned, new Set(action.ids)) };
    case 'filters':
      return { ...state, filters: { ...state.filters, ...action.filters } };
    case 'select':
      return { ...state, selection: action.id };
    case 'layout':
      return { ...state, layout: action.name, positions: action.positions ? round(action.positions) : state.positions };
    case 'positions':
      return { ...state, positions: { ...state.positions, ...round(action.positions) } };
    case 'language':
      return { ...state, language: action.language };
    case 'styling':
      return { ...state, styling: { ...state.styling, ...action.styling } };
    case 'grouping':
      return { ...state, grouping: { ...state.grouping, ...action.grouping } };
    case 'replace':
      return { ...action.state, language: state.language };
    case 'clear':
      return { ...initialViewState(state.language), filters: state.filters, styling: state.styling };
  }
}

/** Whether `id` is an entity the state shows (on the canvas and not hidden). */
export function isShown(state: ViewState, id: string | null): boolean {
  return id !== null && state.entities.includes(id) && !state.hidden.includes(id);
}

/** Actions that change the canvas and so are undoable; selection and language are not, nor what amends a step. */
export function isUndoable(action: ViewAction): boolean {
  return action.type !== 'select' && action.type !== 'language' && !(action.type === 'positions' && action.amend === true);
}

export interface ViewStore {
  readonly state: ViewState;
  dispatch(action: ViewAction): ViewState;
  /** Back one undoable change; null when there is none. */
  undo(): ViewState | null;
  redo(): ViewState | null;
  canUndo(): boolean;
  canRedo(): boolean;
  /** Replaces the state (a decoded URL) and forgets history. */
  reset(state: ViewState): void;
  /** Called after every change with the new state; returns an unsubscribe function. */
  subscribe(listener: (state: ViewState, action: ViewAction | 'undo' | 'redo' | 'reset') => void): () => void;
}

/** A store: reduce() plus undo/redo history (capped) and listeners. */
export function createViewStore(initial: ViewState = initialViewState(), cap = 200): ViewStore {
  let state = initial;
  const history = new History<ViewState>(initial, cap);
  const listeners = new Set<(state: ViewState, action: ViewAction | 'undo' | 'redo' | 'reset') => void>();
  const emit = (action: ViewAction | 'undo' | 'redo' | 'reset') => {
    for (const l of listeners) l(state, action);
  };
  // Undo restores the canvas and keeps the language. What is selected stays selected while it is
  // shown; otherwise the selection of the step restored comes back (Delete, then Ctrl+Z: the entity
  // is back and selected), or nothing is, never an entity that is not drawn.
  const keepUi = (s: ViewState): ViewState => ({
    ...s,
    selection: isShown(s, state.selection) ? state.selection : isShown(s, s.selection) ? s.selection : null,
    language: state.language,
  });
  return {
    get state() {
      return state;
    },
    dispatch(action) {
      const next = reduce(state, action);
      if (next === state) return state;
      state = next;
      if (isUndoable(action)) history.push(state);
      else history.replace(state);
      emit(action);
      return state;
    },
    undo() {
      const previous = history.undo();
      if (previous === null) return null;
      state = keepUi(previous);
      emit('undo');
      return state;
    },
    redo() {
      const following = history.redo();
      if (following === null) return null;
      state = keepUi(following);
      emit('redo');
      return state;
    },
    canUndo: () => history.canUndo(),
    canRedo: () => history.canRedo(),
    reset(next) {
      state = next;
      history.reset(next);
      emit('reset');
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
