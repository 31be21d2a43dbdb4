// The map feature's public API: a switch between the graph and the map, and the map view over the
// stage. The boundaries come from the build (virtual:zhejiang-boundaries); the view's state lives
// in ./state.ts, its effects in ./actions.ts, its drawing in ./panel.ts and ./draw.ts.
import boundaries from 'virtual:zhejiang-boundaries';
import { onLanguageChange, t } from '../i18n/index.ts';
import { h } from '../panels/dom.ts';
import { createMapActions } from './actions.ts';
import type { ZhejiangBoundaries } from './boundaries-data.ts';
import { buildGeography, type Geography } from './geo.ts';
import { createMapPanel, type MapPanelDeps } from './panel.ts';
import { close, createMapStore, initialMapState, open, setPrograms, type MapStore } from './state.ts';
import { mapStateFromHash } from './url.ts';
import { createMapExports } from './export-menu.ts';
import './map.css';

export interface MapView {
  /** The graph/map switch, for the top of the stage. */
  switcher: HTMLElement;
  /** The map view, laid over the canvas while open. */
  root: HTMLElement;
  store: MapStore;
}

export interface MapViewOptions {
  /** The boundaries; by default the build's. */
  boundaries?: ZhejiangBoundaries;
  /** Where the diffusion comes from; by default the API (the benchmark gives its own). */
  fetchDiffusion?: Parameters<typeof createMapActions>[1];
}

/** The map view over the stage; its state starts from the address. */
export function createMapView(deps: MapPanelDeps, options: MapViewOptions = {}): MapView {
  const data = options.boundaries ?? boundaries;
  const store = createMapStore(mapStateFromHash(location.hash) ?? initialMapState());
  const actions = createMapActions(store, options.fetchDiffusion);
  let geo: Geography | undefined;
  const geography = () => (geo ??= buildGeography(data));
  const panel = createMapPanel(store, actions, geography, deps);
  panel.root.querySelector('.map-controls')?.after(createMapExports(store, actions, geography, panel));

  const graphButton = h('button', { attrs: { type: 'button', 'data-view': 'graph' } });
  const mapButton = h('button', { attrs: { type: 'button', 'data-view': 'map', id: 'map-open' } });
  graphButton.addEventListener('click', () => store.update(close));
  mapButton.addEventListener('click', () => store.update(open));
  const switcher = h('div', { class: 'view-switch', attrs: { id: 'view-switch', role: 'group' } }, [graphButton, mapButton]);

  function place(): void {
    const s = store.get();
    panel.root.hidden = !s.open;
    graphButton.setAttribute('aria-pressed', String(!s.open));
    mapButton.setAttribute('aria-pressed', String(s.open));
    // Over the stage, below the switch, the canvas keeping its size underneath; no taller than the
    // window, so the map and its time bar are in view without scrolling the page.
    if (!s.open) return;
    const stage = panel.root.parentElement;
    const top = switcher.offsetTop + switcher.offsetHeight;
    panel.root.style.top = `${top}px`;
    if (stage) panel.scroller.style.maxHeight = `${Math.max(240, window.innerHeight - stage.getBoundingClientRect().top - top)}px`;
  }

  // Fetched while the view is open: a closed map in the address costs nothing until opened.
  const load = (force = false) => {
    if (!store.get().open) return;
    if (!actions.data() || force) panel.setLoading();
    void actions.load(force);
  };
  store.subscribe((s, previous) => {
    if (s.open !== previous.open) place();
    if (s.programIds !== previous.programIds || s.level !== previous.level || (s.open && !previous.open)) load();
  });
  deps.bus.on('graphChanged', () => load(true));
  actions.onData((_, error) => {
    if (error) panel.setError(error);
    else panel.rebuild();
  });
  deps.bus.on('map', ({ programIds }) => store.update((s) => open(setPrograms(s, programIds))));
  window.addEventListener('resize', () => place());

  const relabel = () => {
    switcher.setAttribute('aria-label', t('map.switch.label'));
    graphButton.textContent = t('map.switch.graph');
    mapButton.textContent = t('map.switch.map');
  };
  onLanguageChange(relabel);
  relabel();
  // Restored from the address: load what it names, once the page is laid out.
  requestAnimationFrame(() => {
    place();
    if (store.get().open) panel.rebuild();
    load();
  });
  return { switcher, root: panel.root, store };
}
