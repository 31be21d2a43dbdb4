// The explorer's map view (web/map/) as the page opens it, fed a diffusion instead of the API.
import type { DiffusionResult } from '../../web/api/index.ts';
import { createMapView } from '../../web/map/index.ts';
import { open, setPrograms } from '../../web/map/state.ts';
import { createBus } from '../../web/panels/bus.ts';
import type { Workspace } from '../../web/panels/workspace.ts';
import { defaultFilters } from '../../web/state/vocabulary.ts';
import { frameCounter, painted } from './harness.ts';

const stage = document.getElementById('stage') as HTMLElement;
const frames = frameCounter();
const workspace: Workspace = {
  addEntities: async () => undefined,
  addSubgraph: () => undefined,
  expand: async () => undefined,
  select: () => undefined,
  entityIds: () => [],
  entity: () => null,
  hidden: () => [],
  clearHighlight: () => undefined,
  relationsOf: () => [],
  refresh: async () => undefined,
};

/** Resolves on the first frame at which `done()` holds. */
function until(done: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const check = () => (done() ? resolve() : requestAnimationFrame(check));
    check();
  });
}

window.mapBench = {
  async open(data, expected) {
    const result = data as DiffusionResult;
    const started = performance.now();
    const view = createMapView(
      { bus: createBus(), workspace, filters: { get: defaultFilters, onChange: () => undefined } },
      { fetchDiffusion: async () => result },
    );
    stage.append(view.switcher, view.root);
    view.store.update((s) =>
      open(
        setPrograms(
          s,
          result.programs.map((p) => p.program.id),
        ),
      ),
    );
    await until(() => document.getElementById('map-shown')?.dataset['total'] === String(expected));
    await painted();
    return { ms: performance.now() - started };
  },
  async play(speed) {
    const select = document.getElementById('map-speed') as HTMLSelectElement;
    select.value = String(speed);
    select.dispatchEvent(new Event('change'));
    const button = document.getElementById('map-play') as HTMLButtonElement;
    frames.start();
    button.click();
    await until(() => button.getAttribute('aria-pressed') === 'false');
    return frames.stop();
  },
};
