// The map view's state: a plain object changed only by the named producers below (each returns a
// new state), held in a small store that tells its subscribers. No DOM.

export type MapLayout = 'overlay' | 'side';
export type ColorBy = 'date' | 'program' | 'type';
export type DiffusionLevel = 'CITY' | 'COUNTY' | 'TOWNSHIP';

export const LAYOUTS: readonly MapLayout[] = ['overlay', 'side'];
export const COLOR_MODES: readonly ColorBy[] = ['date', 'program', 'type'];
export const LEVELS: readonly DiffusionLevel[] = ['CITY', 'COUNTY', 'TOWNSHIP'];
/** Playback speeds, months per second. */
export const SPEEDS = [1, 2, 4, 8, 16] as const;
/** Most programs shown at once (the API takes 20; more would not be readable). */
export const MAX_PROGRAMS = 6;

export interface MapState {
  open: boolean;
  /** Chosen programs or pilots, in the order chosen; side by side shows the first two. */
  programIds: string[];
  layout: MapLayout;
  colorBy: ColorBy;
  level: DiffusionLevel;
  /** The slider's month (YYYY-MM); null: the last one. */
  month: string | null;
  playing: boolean;
  speed: number;
  showUndated: boolean;
  showCanvasPlaces: boolean;
  /** The point the user picked: an entity in a program's spread. */
  selected: { programId: string; entityId: string } | null;
}

export function initialMapState(): MapState {
  return {
    open: false,
    programIds: [],
    layout: 'overlay',
    colorBy: 'date',
    level: 'COUNTY',
    month: null,
    playing: false,
    speed: 2,
    showUndated: true,
    showCanvasPlaces: false,
    selected: null,
  };
}

export const open = (s: MapState): MapState => ({ ...s, open: true });
export const close = (s: MapState): MapState => ({ ...s, open: false, playing: false });

/** Chooses programs; a new choice starts at the first month, stopped. */
export function setPrograms(s: MapState, ids: readonly string[]): MapState {
  const programIds = [...new Set(ids)].slice(0, MAX_PROGRAMS);
  // Overlaid programs are told apart by colour once there are two; one program is coloured by date.
  const colorBy =
    s.colorBy === 'program' && programIds.length < 2
      ? 'date'
      : s.layout === 'overlay' && s.colorBy === 'date' && programIds.length > 1 && s.programIds.length < 2
        ? 'program'
        : s.colorBy;
  return { ...s, programIds, colorBy, month: null, playing: false, selected: null };
}

export const addProgram = (s: MapState, id: string): MapState => (s.programIds.includes(id) ? s : setPrograms(s, [...s.programIds, id]));
export const removeProgram = (s: MapState, id: string): MapState =>
  setPrograms(
    s,
    s.programIds.filter((p) => p !== id),
  );

/** Overlaid programs are told apart by colour; side by side, each map colours by date. */
export function setLayout(s: MapState, layout: MapLayout): MapState {
  const colorBy =
    layout === 'overlay' && s.programIds.length > 1 ? 'program' : layout === 'side' && s.colorBy === 'program' ? 'date' : s.colorBy;
  return { ...s, layout, colorBy };
}

export const setColorBy = (s: MapState, colorBy: ColorBy): MapState => ({ ...s, colorBy });
export const setLevel = (s: MapState, level: DiffusionLevel): MapState => ({ ...s, level });
export const setMonth = (s: MapState, month: string | null): MapState => ({ ...s, month });
export const setSpeed = (s: MapState, speed: number): MapState => ({ ...s, speed });
export const toggleUndated = (s: MapState): MapState => ({ ...s, showUndated: !s.showUndated });
export const toggleCanvasPlaces = (s: MapState): MapState => ({ ...s, showCanvasPlaces: !s.showCanvasPlaces });
export const select = (s: MapState, selected: MapState['selected']): MapState => ({ ...s, selected });

/** Starts playing; from the first month when the slider stands at the end. */
export function play(s: MapState, months: readonly string[]): MapState {
  if (months.length === 0) return s;
  const atEnd = s.month === null || s.month === months.at(-1);
  return { ...s, playing: true, month: atEnd ? months[0]! : s.month };
}

export const pause = (s: MapState): MapState => ({ ...s, playing: false });

/** One month on; playing stops at the last. */
export function step(s: MapState, months: readonly string[], by = 1): MapState {
  if (months.length === 0) return { ...s, playing: false };
  const index = s.month === null ? months.length - 1 : Math.max(0, months.indexOf(s.month));
  const next = Math.min(months.length - 1, Math.max(0, index + by));
  return { ...s, month: months[next]!, playing: s.playing && next < months.length - 1 };
}

export interface MapStore {
  get(): MapState;
  /** Applies a producer and tells the subscribers when the state changed. */
  update(producer: (s: MapState) => MapState): void;
  subscribe(listener: (state: MapState, previous: MapState) => void): () => void;
}

export function createMapStore(initial: MapState = initialMapState()): MapStore {
  let state = initial;
  const listeners = new Set<(state: MapState, previous: MapState) => void>();
  return {
    get: () => state,
    update(producer) {
      const previous = state;
      state = producer(state);
      if (state !== previous) for (const listener of listeners) listener(state, previous);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
