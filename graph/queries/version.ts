// The graph version, kept current without a query per request: read once, then re-read in the
// background every `pollMs` (another process — the CLI — may load documents), and at once after
// this process's own writes (`changed()`).
import type { Store } from '../db/store/index.ts';

export interface VersionWatch {
  current(): Promise<number>;
  /** Call after a write through this process: the next `current()` reads the version again. */
  changed(): void;
  stop(): void;
}

export function watchGraphVersion(store: Pick<Store, 'graphVersion'>, pollMs = 2_000): VersionWatch {
  let known: Promise<number> | undefined;
  const refresh = () =>
    (known = store.graphVersion().catch((error: unknown) => {
      known = undefined;
      throw error;
    }));
  const timer = pollMs > 0 ? setInterval(() => void refresh().catch(() => undefined), pollMs) : undefined;
  timer?.unref();
  return {
    current: () => known ?? refresh(),
    changed: () => void (known = undefined),
    stop: () => clearInterval(timer),
  };
}
