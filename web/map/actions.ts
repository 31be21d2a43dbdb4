// What the map view does beyond drawing: fetching the diffusion of the chosen programs (the latest
// request wins), playing the slider month by month, and keeping its state in the address.
import { api, type DiffusionResult } from '../api/index.ts';
import { withHashParams } from '../state/index.ts';
import { pause, play, step, type MapStore } from './state.ts';
import { monthAxis } from './timeline.ts';
import { encodeMapParam, MAP_PARAM } from './url.ts';

export interface MapData {
  result: DiffusionResult;
  /** The slider's months, shared by every map of the view. */
  months: string[];
}

export interface MapActions {
  data(): MapData | null;
  /** Fetches the chosen programs' diffusion unless it is loaded (or `force`); listeners hear of the result or the failure. */
  load(force?: boolean): Promise<void>;
  onData(listener: (data: MapData | null, error: Error | null) => void): void;
  togglePlay(): void;
  /** Writes the state into the address (skipped while playing: once when it stops). */
  writeUrl(): void;
  /** Stops the playback loop and the listeners. */
  destroy(): void;
}

/** The month axis of a diffusion: every month from the first dated report to the last, over all programs. */
export function monthsOf(result: DiffusionResult): string[] {
  return monthAxis(result.programs.flatMap((p) => p.adopters.map((a) => a.firstReported)));
}

export function createMapActions(store: MapStore, fetchDiffusion = api.diffusion): MapActions {
  let data: MapData | null = null;
  let generation = 0;
  /** The choice being fetched, so asking again while it is on its way costs nothing. */
  let inFlight: string | null = null;
  const listeners = new Set<(data: MapData | null, error: Error | null) => void>();
  const tell = (error: Error | null) => {
    for (const listener of listeners) listener(data, error);
  };

  // Playback: one step every 1000/speed ms, on animation frames so it pauses with the tab.
  let frame = 0;
  let last = 0;
  let waited = 0;
  function tick(now: number): void {
    const state = store.get();
    if (!state.playing || !data) {
      frame = 0;
      return;
    }
    waited += now - last;
    last = now;
    const interval = 1000 / state.speed;
    if (waited >= interval) {
      waited %= interval;
      const months = data.months;
      store.update((s) => step(s, months));
    }
    frame = requestAnimationFrame(tick);
  }

  let written: string | null | undefined;
  function writeUrl(): void {
    const state = store.get();
    if (state.playing) return;
    const value = encodeMapParam(state);
    if (value === written) return;
    written = value;
    const target = withHashParams(location.hash, { [MAP_PARAM]: value });
    if (target !== location.hash) window.history.replaceState(null, '', target || location.pathname + location.search);
  }

  const unsubscribe = store.subscribe((state, previous) => {
    if (state.playing && !previous.playing && frame === 0) {
      last = performance.now();
      waited = 0;
      frame = requestAnimationFrame(tick);
    }
    writeUrl();
  });

  return {
    data: () => data,
    async load(force = false) {
      const { programIds, level } = store.get();
      const key = `${level}\n${programIds.join('\n')}`;
      if (key === inFlight) return;
      const same =
        data !== null && data.result.level === level && data.result.programs.map((p) => p.program.id).join('\n') === programIds.join('\n');
      if (same && !force) return;
      const mine = ++generation;
      if (!same && data !== null) {
        // What is drawn no longer matches the choice: the bare map until the new one arrives.
        data = null;
        tell(null);
      }
      if (programIds.length === 0) return;
      inFlight = key;
      try {
        const result = await fetchDiffusion({ programIds, level });
        if (mine !== generation) return;
        data = { result, months: monthsOf(result) };
        tell(null);
      } catch (error) {
        if (mine !== generation) return;
        tell(error as Error);
      } finally {
        if (inFlight === key) inFlight = null;
      }
    },
    onData: (listener) => {
      listeners.add(listener);
    },
    togglePlay() {
      const months = data?.months ?? [];
      store.update((s) => (s.playing ? pause(s) : play(s, months)));
    },
    writeUrl,
    destroy() {
      if (frame) cancelAnimationFrame(frame);
      unsubscribe();
      listeners.clear();
    },
  };
}
