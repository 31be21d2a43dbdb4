// The map view: program picker and options, one map (overlay) or two (side by side), the time bar,
// the card of the picked point with its sentence, and the figures. It reads the store and the
// loaded diffusion and redraws what changed: a slider step only shows or hides points.
import { ENTITY_STYLE } from '../canvas/style.ts';
import { language, onLanguageChange, t, type MessageKey } from '../i18n/index.ts';
import type { Bus } from '../panels/bus.ts';
import { button, debounce, h } from '../panels/dom.ts';
import type { Workspace } from '../panels/workspace.ts';
import type { Filters } from '../state/index.ts';
import type { MapActions, MapData } from './actions.ts';
import { canvasPlaces } from './canvas-places.ts';
import { mapLegend, pointCard } from './card.ts';
import { createMapDrawing, type MapDrawing, type PlaceMark } from './draw.ts';
import { markCurve, programFigures } from './figures.ts';
import type { Geography } from './geo.ts';
import { buildModel, type MapModel, type MapPoint } from './model.ts';
import { createProgramPicker } from './picker.ts';
import { programColor } from './timeline.ts';
import {
  COLOR_MODES,
  LAYOUTS,
  LEVELS,
  SPEEDS,
  addProgram,
  removeProgram,
  select,
  setColorBy,
  setLayout,
  setLevel,
  setMonth,
  setSpeed,
  toggleCanvasPlaces,
  toggleUndated,
  type MapStore,
} from './state.ts';

export interface MapPanelDeps {
  bus: Bus;
  workspace: Workspace;
  filters: { get(): Filters; onChange(listener: (filters: Filters) => void): void };
}

interface Pane {
  root: HTMLElement;
  drawing: MapDrawing;
  model: MapModel;
  programIds: string[];
  caption: HTMLElement;
}

export interface MapPanel {
  root: HTMLElement;
  /** Redraws maps and figures from the loaded data. */
  rebuild(): void;
  /** Applies the slider's month and the undated switch to the maps and the curves. */
  refreshTime(): void;
  panes(): readonly Pane[];
  /** The box that scrolls inside the view (sized by the view to the window). */
  scroller: HTMLElement;
  setError(error: Error | null): void;
  /** Says the chosen programs' diffusion is on its way. */
  setLoading(): void;
}

function choice<T extends string | number>(
  id: string,
  values: readonly T[],
  label: (v: T) => string,
  current: T,
  onChange: (v: T) => void,
) {
  const element = h(
    'select',
    { attrs: { id } },
    values.map((v) => h('option', { text: label(v), attrs: { value: String(v), selected: v === current } })),
  );
  element.addEventListener('change', () => onChange(values.find((v) => String(v) === element.value)!));
  return element;
}

export function createMapPanel(store: MapStore, actions: MapActions, geography: () => Geography, deps: MapPanelDeps): MapPanel {
  const root = h('section', { class: 'map-view', attrs: { id: 'map-view', 'aria-labelledby': 'map-title' } });
  root.hidden = true;
  const title = h('h2', { class: 'visually-hidden', attrs: { id: 'map-title' } });
  const controls = h('div', { class: 'map-controls' });
  const panesBox = h('div', { class: 'map-panes', attrs: { id: 'map-panes' } });
  const timebar = h('div', { class: 'map-timebar', attrs: { id: 'map-timebar' } });
  const note = h('p', { class: 'hint map-note' });
  const card = h('div', { class: 'map-card', attrs: { id: 'map-card', 'aria-live': 'polite' } });
  const figures = h('div', { class: 'map-figures', attrs: { id: 'map-figures' } });
  const status = h('p', { class: 'map-status meta', attrs: { id: 'map-status', role: 'status' } });
  const legend = h('div', { class: 'map-legend', attrs: { id: 'map-legend' } });
  // The view covers the whole stage; this box scrolls, as tall as the window leaves room for.
  const scroller = h('div', { class: 'map-scroll' }, [title, controls, status, panesBox, timebar, legend, note, card, figures]);
  root.append(scroller);

  let panes: Pane[] = [];
  let curves: SVGSVGElement[] = [];
  let figuresGeneration = 0;
  let places: PlaceMark[] = [];
  let placesMissing = 0;

  const state = () => store.get();
  const data = (): MapData | null => actions.data();
  /** Names of the programs chosen, known from the picker before their diffusion arrives. */
  const names = new Map<string, string>();
  const programName = (id: string) => names.get(id) ?? data()?.result.programs.find((p) => p.program.id === id)?.program.name ?? id;
  const currentIndex = () => {
    const months = data()?.months ?? [];
    const month = state().month;
    return month === null ? months.length - 1 : months.indexOf(month);
  };

  const picker = createProgramPicker((id, name) => {
    names.set(id, name);
    store.update((x) => addProgram(x, id));
  });

  const chips = h('ul', { class: 'map-chips', attrs: { id: 'map-chosen' } });
  /** The chosen programs, each with its colour (overlaid by program) and a button to remove it. */
  function renderChips(): void {
    const s = state();
    chips.replaceChildren(
      ...s.programIds.map((id, i) =>
        h('li', { class: 'chip', attrs: { 'data-program': id } }, [
          h('span', {
            class: 'swatch',
            attrs: { 'aria-hidden': 'true', style: `background:${s.colorBy === 'program' ? programColor(i) : '#9aa5b1'}` },
          }),
          h('span', { text: programName(id) }),
          button('×', () => store.update((x) => removeProgram(x, id)), {
            title: t('map.remove', { name: programName(id) }),
            class: 'chip-remove',
          }),
        ]),
      ),
    );
  }

  function renderControls(): void {
    const s = state();
    renderChips();
    const labelled = (key: MessageKey, control: HTMLElement) => h('label', { class: 'map-option' }, [h('span', { text: t(key) }), control]);
    const check = (id: string, key: MessageKey, on: boolean, toggle: () => void) => {
      const box = h('input', { attrs: { id, type: 'checkbox', checked: on } });
      box.addEventListener('change', toggle);
      return h('label', { class: 'map-option' }, [box, h('span', { text: t(key) })]);
    };
    picker.relabel();
    controls.replaceChildren(
      picker.root,
      chips,
      h('div', { class: 'map-options' }, [
        labelled(
          'map.layout',
          choice(
            'map-layout',
            LAYOUTS,
            (v) => t(`map.layout.${v}`),
            s.layout,
            (v) => store.update((x) => setLayout(x, v)),
          ),
        ),
        labelled(
          'map.colorBy',
          choice(
            'map-color',
            COLOR_MODES,
            (v) => t(`map.colorBy.${v}`),
            s.colorBy,
            (v) => store.update((x) => setColorBy(x, v)),
          ),
        ),
        labelled(
          'map.level',
          choice(
            'map-level',
            LEVELS,
            (v) => t(`map.level.${v}`),
            s.level,
            (v) => store.update((x) => setLevel(x, v)),
          ),
        ),
        check('map-undated', 'map.showUndated', s.showUndated, () => store.update(toggleUndated)),
        check('map-canvas-places', 'map.showCanvas', s.showCanvasPlaces, () => store.update(toggleCanvasPlaces)),
        button(`+`, () => panes.forEach((p) => p.drawing.zoom(1.5)), { title: t('map.zoomIn') }),
        button(`−`, () => panes.forEach((p) => p.drawing.zoom(1 / 1.5)), { title: t('map.zoomOut') }),
        button(`⤢`, () => panes.forEach((p) => p.drawing.fit()), { title: t('map.fit') }),
        button(t('map.toCanvas'), () => putOnCanvas(), { class: 'map-to-canvas' }),
      ]),
    );
  }

  function putOnCanvas(): void {
    const loaded = data();
    if (!loaded) return;
    const ids = loaded.result.programs.flatMap((p) => [p.program.id, ...p.adopters.map((a) => a.entity.id)]);
    void deps.workspace.addEntities([...new Set(ids)].slice(0, 50), { select: false });
  }

  // --- the time bar ---
  const playButton = h('button', { attrs: { type: 'button', id: 'map-play' } });
  playButton.addEventListener('click', () => actions.togglePlay());
  const slider = h('input', { attrs: { type: 'range', id: 'map-slider', min: 0, max: 0, step: 1, value: 0 } });
  slider.addEventListener('input', () => {
    const months = data()?.months ?? [];
    const month = months[Number(slider.value)];
    if (month) store.update((s) => setMonth({ ...s, playing: false }, month));
  });
  const sliderLabel = h('label', { class: 'visually-hidden', attrs: { for: 'map-slider' } });
  const monthLabel = h('output', { class: 'map-month', attrs: { id: 'map-month', for: 'map-slider' } });
  const shownLabel = h('span', { class: 'meta', attrs: { id: 'map-shown' } });
  const speedBox = h('span', { class: 'map-speed' });

  function renderTimebar(): void {
    const s = state();
    playButton.textContent = s.playing ? `⏸ ${t('map.pause')}` : `▶ ${t('map.play')}`;
    playButton.setAttribute('aria-pressed', String(s.playing));
    sliderLabel.textContent = t('map.slider');
    speedBox.replaceChildren(
      h('label', { attrs: { for: 'map-speed' }, text: t('map.speed') }),
      choice(
        'map-speed',
        SPEEDS,
        (v) => t('map.speed.value', { n: v }),
        s.speed as (typeof SPEEDS)[number],
        (v) => store.update((x) => setSpeed(x, v)),
      ),
    );
    timebar.replaceChildren(playButton, speedBox, sliderLabel, slider, monthLabel, shownLabel);
  }

  // --- the maps ---
  function describePoint(point: MapPoint): string {
    const a = point.adopter;
    return `${a.entity.name} · ${ENTITY_STYLE[a.entity.type].label[language()]} · ${a.firstReported ?? t('map.undated')}${data() && panes[0]?.programIds.length !== 1 ? ` · ${programName(point.programId)}` : ''}`;
  }

  function rebuild(): void {
    const loaded = data();
    const s = state();
    for (const program of loaded?.result.programs ?? []) names.set(program.program.id, program.program.name);
    renderChips();
    panesBox.replaceChildren();
    panes = [];
    figures.replaceChildren();
    curves = [];
    const geo = geography();
    // Nothing chosen (or still loading): the bare map.
    const programs = loaded?.result.programs ?? [];
    const months = loaded?.months ?? [];
    if (!loaded) status.textContent = s.programIds.length === 0 ? t('map.none') : t('loading');
    const groups =
      s.layout === 'side' && programs.length > 1
        ? programs.slice(0, 2).map((p, i) => ({ programs: [p], first: i }))
        : [{ programs, first: 0 }];
    for (const group of groups) {
      const model = buildModel(geo, group.programs, months, deps.filters.get(), { first: group.first, overlay: true });
      const ids = group.programs.map((p) => p.program.id);
      const drawing = createMapDrawing(geo, {
        label: () => t('map.label', { programs: group.programs.map((p) => p.program.name).join('、') }),
        trayLabel: (g) => t(`map.tray.${g}`),
        describe: describePoint,
        onPoint: (point) => {
          store.update((x) => select(x, { programId: point.programId, entityId: point.adopter.entity.id }));
          deps.bus.emit('relation', { id: point.adopter.first.relation.id });
        },
        onPlace: (id) => {
          deps.workspace.select(id);
          deps.bus.emit('entity', { id });
        },
      });
      drawing.setModel(model, s.colorBy);
      const caption = h('p', { class: 'map-caption', text: group.programs.map((p) => p.program.name).join(' · ') });
      caption.hidden = group.programs.length === 0;
      const pane = h('div', { class: 'map-pane', attrs: { 'data-programs': ids.join(' ') } }, [caption, drawing.root]);
      panesBox.append(pane);
      panes.push({ root: pane, drawing, model, programIds: ids, caption });
    }
    panesBox.classList.toggle('side', panes.length > 1);
    if (!loaded) {
      refreshTime();
      renderCard();
      return;
    }
    // The figures after the map is on screen: the map is what the user opened.
    const mine = ++figuresGeneration;
    requestAnimationFrame(() =>
      setTimeout(() => {
        if (mine !== figuresGeneration) return;
        programs.forEach((program, i) => {
          const block = programFigures(program, i, loaded.months, currentIndex(), loaded.result.level, {
            onAdopter: (programId, entityId) => {
              store.update((x) => select(x, { programId, entityId }));
              const adopter = program.adopters.find((a) => a.entity.id === entityId);
              if (adopter) deps.bus.emit('relation', { id: adopter.first.relation.id });
            },
          });
          curves.push(block.querySelector('svg.map-curve') as SVGSVGElement);
          figures.append(block);
        });
      }),
    );
    renderLegend();
    const filteredOut = panes.reduce((n, p) => n + p.model.filteredOut, 0);
    status.textContent = [
      filteredOut > 0 ? t('map.filtered', { count: filteredOut }).trim() : '',
      s.layout === 'side' && programs.length > 2 ? t('map.side.firstTwo') : '',
    ]
      .filter(Boolean)
      .join(' ');
    drawPlaces();
    refreshTime();
    renderCard();
  }

  function refreshTime(): void {
    const loaded = data();
    const months = loaded?.months ?? [];
    const s = state();
    const index = currentIndex();
    slider.max = String(Math.max(0, months.length - 1));
    slider.value = String(Math.max(0, index));
    slider.disabled = months.length === 0;
    playButton.disabled = months.length === 0;
    const month = months[index];
    monthLabel.textContent = month ? t('map.month', { month }) : loaded ? t('map.noDates') : '';
    slider.setAttribute('aria-valuetext', monthLabel.textContent);
    let shown = 0;
    let total = 0;
    for (const pane of panes) {
      pane.drawing.showUpTo(index, s.showUndated);
      shown += pane.drawing.shownCount();
      total += pane.model.points.length;
    }
    shownLabel.textContent = loaded ? t('map.shown', { shown, total }) : '';
    shownLabel.dataset['shown'] = String(shown);
    shownLabel.dataset['total'] = String(total);
    for (const curve of curves) markCurve(curve, index, months.length);
  }

  function renderLegend(): void {
    const loaded = data();
    legend.replaceChildren(...(loaded ? mapLegend(loaded, state().colorBy) : []));
  }

  // --- the picked point ---
  function renderCard(): void {
    const picked = state().selected;
    const program = picked ? data()?.result.programs.find((p) => p.program.id === picked.programId) : undefined;
    const adopter = program?.adopters.find((a) => a.entity.id === picked!.entityId);
    for (const pane of panes) {
      const key = pane.model.points.find((p) => p.programId === picked?.programId && p.adopter.entity.id === picked?.entityId)?.key ?? null;
      pane.drawing.select(key);
    }
    card.hidden = !adopter;
    card.replaceChildren(...(program && adopter ? pointCard(program, adopter, geography(), deps) : []));
  }

  // --- the canvas's places on the map ---
  async function loadPlaces(): Promise<void> {
    const wanted = state().showCanvasPlaces && state().open;
    ({ places, missing: placesMissing } = wanted
      ? await canvasPlaces(deps.workspace.entityIds(), geography())
      : { places: [], missing: 0 });
    drawPlaces();
  }

  function drawPlaces(): void {
    for (const pane of panes) pane.drawing.setPlaces(places);
    if (state().showCanvasPlaces && placesMissing > 0) status.textContent = t('map.places.missing', { count: placesMissing });
  }

  const refreshPlaces = debounce(() => void loadPlaces(), 300);
  deps.bus.on('canvas', () => {
    if (state().showCanvasPlaces) refreshPlaces();
  });
  deps.bus.on('entity', ({ id }) => {
    for (const pane of panes) pane.drawing.highlightEntity(id);
  });
  deps.filters.onChange(() => {
    if (state().open) rebuild();
  });

  store.subscribe((s, previous) => {
    const chosenChanged = s.programIds !== previous.programIds || s.level !== previous.level;
    if (chosenChanged || s.layout !== previous.layout || s.colorBy !== previous.colorBy || s.showCanvasPlaces !== previous.showCanvasPlaces)
      renderControls();
    if (s.layout !== previous.layout || s.colorBy !== previous.colorBy || (s.open && !previous.open)) rebuild();
    else if (s.month !== previous.month || s.showUndated !== previous.showUndated) refreshTime();
    if (s.playing !== previous.playing || s.speed !== previous.speed) renderTimebar();
    if (s.selected !== previous.selected) renderCard();
    if (s.showCanvasPlaces !== previous.showCanvasPlaces || (s.open && !previous.open)) void loadPlaces();
  });

  function relabel(): void {
    title.textContent = t('map.label', { programs: '' });
    note.textContent = t('map.approximate.note');
    renderControls();
    renderTimebar();
    for (const pane of panes) pane.drawing.relabel();
    if (data()) rebuild();
    else refreshTime();
  }
  onLanguageChange(relabel);
  relabel();

  return {
    root,
    rebuild,
    refreshTime,
    panes: () => panes,
    scroller,
    setError(error) {
      if (error) status.textContent = t('error', { message: error.message });
    },
    setLoading() {
      status.textContent = state().programIds.length ? t('loading') : t('map.none');
    },
  };
}
