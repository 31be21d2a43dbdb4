// One map as two stacked SVGs: the counties drawn once underneath, the points of a model above on
// a layer of their own, so a step of the slider repaints the points only, and touches only those
// of the months it crosses. Zooming changes both viewBoxes and one CSS variable that keeps points
// at their size. Colours and visibility are presentation attributes, so a copy of both SVGs is the
// export (./export.ts).
import { ENTITY_STYLE, FONT_FAMILY } from '../canvas/style.ts';
import type { Geography } from './geo.ts';
import type { MapModel, MapPoint, TrayRow } from './model.ts';
import type { TrayGroup } from './placement.ts';
import { shapePath } from './shapes.ts';
import { dateColor, programColor, UNDATED_COLOR } from './timeline.ts';
import type { ColorBy } from './state.ts';

const SVG = 'http://www.w3.org/2000/svg';
/** Point size in map units at full view (the map is 1000 units wide). */
export const POINT_RADIUS = 8;
const PLACE_RADIUS = 9;

export interface PlaceMark {
  id: string;
  name: string;
  type: keyof typeof ENTITY_STYLE;
  x: number;
  y: number;
  exact: boolean;
}

export interface DrawOptions {
  /** Accessible name of the map. */
  label: () => string;
  trayLabel: (group: TrayGroup) => string;
  onPoint: (point: MapPoint) => void;
  onPlace: (id: string) => void;
  /** Text of the tooltip over a point. */
  describe: (point: MapPoint) => string;
}

export interface MapDrawing {
  root: HTMLElement;
  /** Both layers as one SVG at full view, for export. */
  snapshot(): SVGSVGElement;
  setModel(model: MapModel, colorBy: ColorBy): void;
  /** Dated points up to the month index shown, later ones hidden; undated shown or not. */
  showUpTo(monthIndex: number, showUndated: boolean): void;
  select(key: string | null): void;
  /** Marks the points of an entity (selected on the canvas); null clears. */
  highlightEntity(id: string | null): void;
  setPlaces(places: readonly PlaceMark[]): void;
  zoom(factor: number): void;
  fit(): void;
  /** How many points are on show. */
  shownCount(): number;
  relabel(): void;
}

function el<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number> = {},
  parent?: Element,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  parent?.appendChild(node);
  return node;
}

/** A point's fill: undated ones are always white (their outline carries the program or type colour). */
export function pointColor(point: MapPoint, colorBy: ColorBy, months: number): string {
  if (point.monthIndex < 0) return UNDATED_COLOR;
  if (colorBy === 'program') return programColor(point.programIndex);
  if (colorBy === 'type') return ENTITY_STYLE[point.adopter.entity.type].color;
  return dateColor(months > 1 ? point.monthIndex / (months - 1) : 1);
}

function outlineColor(point: MapPoint, colorBy: ColorBy): string {
  if (point.monthIndex >= 0) return '#1b1f24';
  if (colorBy === 'program') return programColor(point.programIndex);
  if (colorBy === 'type') return ENTITY_STYLE[point.adopter.entity.type].color;
  return '#56606b';
}

export function createMapDrawing(geo: Geography, options: DrawOptions): MapDrawing {
  const root = document.createElement('div');
  root.className = 'map-drawing';
  const svg = el('svg', { xmlns: SVG, class: 'map-svg', role: 'img', 'font-family': FONT_FAMILY });
  const overlay = el('svg', { xmlns: SVG, class: 'map-svg map-overlay', 'aria-hidden': 'true', 'font-family': FONT_FAMILY });
  const tooltip = document.createElement('div');
  tooltip.className = 'map-tooltip';
  tooltip.hidden = true;
  root.append(svg, overlay, tooltip);

  const base = el('g', { class: 'map-base' }, svg);
  for (const county of geo.counties.values()) {
    const path = el('path', { d: county.path, fill: '#f3f0e8', 'data-code': county.code, class: 'county' }, base);
    el('title', {}, path).textContent = county.name;
  }
  const line = (d: string, stroke: string, width: number) =>
    el('path', { d, fill: 'none', stroke, 'stroke-width': width, 'vector-effect': 'non-scaling-stroke', 'stroke-linejoin': 'round' }, base);
  line(geo.countyBorders, '#c9c2b2', 0.6);
  line(geo.cityBorders, '#8a8172', 1.3);
  line(geo.outline, '#5b5446', 1.6);
  const cityLabels = el('g', { class: 'city-labels', 'font-size': 13, fill: '#6b6456', 'text-anchor': 'middle' }, base);
  for (const city of geo.cities.values()) {
    const [x, y] = geo.projection.project(city.label);
    el(
      'text',
      { x: Math.round(x), y: Math.round(y), 'paint-order': 'stroke', stroke: '#ffffff', 'stroke-width': 3 },
      cityLabels,
    ).textContent = city.name;
  }
  const trayLayer = el('g', { class: 'map-tray', 'font-size': 12, fill: '#56606b' }, svg);
  const pointLayer = el('g', { class: 'map-points' }, overlay);
  const placeLayer = el('g', { class: 'map-places', 'font-size': 12 }, overlay);
  const ring = el(
    'circle',
    { class: 'map-ring', r: POINT_RADIUS + 5, fill: 'none', stroke: '#d55e00', 'stroke-width': 2.5, display: 'none' },
    overlay,
  );
  ring.setAttribute('vector-effect', 'non-scaling-stroke');

  let model: MapModel | null = null;
  let elements: SVGPathElement[] = [];
  /** Dated points by month index, for stepping. */
  let byMonth: number[][] = [];
  let undated: number[] = [];
  let shownUpTo = -1;
  let undatedShown = false;
  let fresh: number[] = [];
  let shown = 0;
  let full = { x: 0, y: 0, w: geo.projection.width, h: geo.projection.height };
  let view = { ...full };

  function applyView(): void {
    for (const layer of [svg, overlay]) layer.setAttribute('viewBox', `${view.x} ${view.y} ${view.w} ${view.h}`);
    // Points and marks keep their size on screen while the map zooms (no transform at full view).
    overlay.style.setProperty('--point-scale', String(view.w / full.w));
    overlay.classList.toggle('zoomed', view.w < full.w);
  }

  function setVisible(i: number, on: boolean): void {
    const node = elements[i]!;
    const visible = node.getAttribute('display') !== 'none';
    if (visible === on) return;
    node.setAttribute('display', on ? 'inline' : 'none');
    shown += on ? 1 : -1;
  }

  function drawTray(rows: readonly TrayRow[]): void {
    trayLayer.replaceChildren();
    for (const row of rows) {
      el('rect', { x: 8, y: row.y - 2, width: full.w - 16, height: 20, fill: '#eef1f4', rx: 3 }, trayLayer);
      el('text', { x: 14, y: row.y + 12, 'data-group': row.group }, trayLayer).textContent =
        `${options.trayLabel(row.group)} (${row.count})`;
    }
  }

  const drawing: MapDrawing = {
    root,
    snapshot() {
      const copy = svg.cloneNode(true) as SVGSVGElement;
      copy.removeAttribute('style');
      copy.removeAttribute('class');
      copy.setAttribute('viewBox', `0 0 ${full.w} ${full.h}`);
      for (const layer of [pointLayer, placeLayer]) copy.appendChild(layer.cloneNode(true));
      return copy;
    },
    setModel(next, colorBy) {
      model = next;
      full = { x: 0, y: 0, w: next.width, h: next.height };
      view = { ...full };
      applyView();
      drawTray(next.trays);
      pointLayer.replaceChildren();
      elements = [];
      byMonth = next.months.map(() => []);
      undated = [];
      shown = 0;
      const fragment = document.createDocumentFragment();
      next.points.forEach((point, i) => {
        const style = ENTITY_STYLE[point.adopter.entity.type];
        const path = el('path', {
          d: shapePath(style.shape, point.x, point.y, POINT_RADIUS),
          fill: pointColor(point, colorBy, next.months.length),
          stroke: outlineColor(point, colorBy),
          'stroke-width': 1,
          'vector-effect': 'non-scaling-stroke',
          display: 'none',
          class: 'map-point',
          'data-key': point.key,
          'data-entity': point.adopter.entity.id,
        });
        // Approximate positions (spread inside their county) are dashed; undated ones dotted.
        if (point.monthIndex < 0) {
          path.setAttribute('stroke-dasharray', '1.5 1.5');
          path.setAttribute('stroke-width', '1.6');
        } else if (!point.exact && !point.tray) path.setAttribute('stroke-dasharray', '3 1.5');
        fragment.appendChild(path);
        elements.push(path);
        if (point.monthIndex < 0) undated.push(i);
        else byMonth[point.monthIndex]!.push(i);
      });
      pointLayer.appendChild(fragment);
      shownUpTo = -1;
      undatedShown = false;
      fresh = [];
      ring.setAttribute('display', 'none');
    },
    showUpTo(monthIndex, showUndated) {
      const target = Math.min(monthIndex, byMonth.length - 1);
      if (target > shownUpTo) for (let m = shownUpTo + 1; m <= target; m++) for (const i of byMonth[m]!) setVisible(i, true);
      else for (let m = shownUpTo; m > target; m--) for (const i of byMonth[m]!) setVisible(i, false);
      shownUpTo = target;
      if (showUndated !== undatedShown) for (const i of undated) setVisible(i, showUndated);
      undatedShown = showUndated;
      // The month's new points stand out.
      for (const i of fresh) elements[i]!.setAttribute('stroke-width', '1');
      fresh = target >= 0 ? byMonth[target]! : [];
      for (const i of fresh) elements[i]!.setAttribute('stroke-width', '2.5');
    },
    select(key) {
      const index = key && model ? model.points.findIndex((p) => p.key === key) : -1;
      if (index < 0) {
        ring.setAttribute('display', 'none');
        return;
      }
      const point = model!.points[index]!;
      ring.setAttribute('cx', String(point.x));
      ring.setAttribute('cy', String(point.y));
      ring.setAttribute('display', 'inline');
    },
    highlightEntity(id) {
      for (const node of pointLayer.querySelectorAll('.highlighted')) node.classList.remove('highlighted');
      if (!id) return;
      for (const node of elements) if (node.dataset['entity'] === id) node.classList.add('highlighted');
    },
    setPlaces(places) {
      placeLayer.replaceChildren();
      for (const place of places) {
        const style = ENTITY_STYLE[place.type];
        const group = el('g', { class: 'map-place', 'data-place': place.id }, placeLayer);
        el(
          'path',
          { d: shapePath(style.shape, place.x, place.y, PLACE_RADIUS), fill: style.color, stroke: '#ffffff', 'stroke-width': 1.5 },
          group,
        );
        el(
          'text',
          { x: place.x + PLACE_RADIUS + 3, y: place.y + 4, 'paint-order': 'stroke', stroke: '#ffffff', 'stroke-width': 3, fill: '#1b1f24' },
          group,
        ).textContent = `${place.exact ? '' : '≈'}${place.name}`;
      }
    },
    zoom(factor) {
      const cx = view.x + view.w / 2;
      const cy = view.y + view.h / 2;
      zoomAt(cx, cy, factor);
    },
    fit() {
      view = { ...full };
      applyView();
    },
    shownCount: () => shown,
    relabel() {
      svg.setAttribute('aria-label', options.label());
      if (model) drawTray(model.trays);
    },
  };

  function zoomAt(cx: number, cy: number, factor: number): void {
    const w = Math.min(full.w, Math.max(full.w / 40, view.w / factor));
    const h = (w / full.w) * full.h;
    view = { x: cx - ((cx - view.x) * w) / view.w, y: cy - ((cy - view.y) * h) / view.h, w, h };
    applyView();
  }

  /** Map units under a client position. */
  function toMap(clientX: number, clientY: number): [number, number] {
    const box = svg.getBoundingClientRect();
    const scale = Math.max(view.w / box.width, view.h / box.height);
    const offsetX = (box.width * scale - view.w) / 2;
    const offsetY = (box.height * scale - view.h) / 2;
    return [view.x + (clientX - box.left) * scale - offsetX, view.y + (clientY - box.top) * scale - offsetY];
  }

  root.addEventListener(
    'wheel',
    (event) => {
      event.preventDefault();
      const [x, y] = toMap(event.clientX, event.clientY);
      zoomAt(x, y, event.deltaY < 0 ? 1.25 : 0.8);
    },
    { passive: false },
  );
  let drag: { x: number; y: number; view: typeof view; moved: boolean } | null = null;
  root.addEventListener('pointerdown', (event) => {
    drag = { x: event.clientX, y: event.clientY, view: { ...view }, moved: false };
  });
  root.addEventListener('pointermove', (event) => {
    if (drag && (event.buttons & 1) === 1) {
      const box = svg.getBoundingClientRect();
      const scale = Math.max(view.w / box.width, view.h / box.height);
      const dx = event.clientX - drag.x;
      const dy = event.clientY - drag.y;
      if (Math.abs(dx) + Math.abs(dy) > 3) drag.moved = true;
      if (drag.moved) {
        view = { ...view, x: drag.view.x - dx * scale, y: drag.view.y - dy * scale };
        applyView();
      }
      return;
    }
    const target = (event.target as Element).closest?.('.map-point') as SVGPathElement | null;
    const point = target && model ? model.points.find((p) => p.key === target.dataset['key']) : undefined;
    if (!point) {
      tooltip.hidden = true;
      return;
    }
    const box = root.getBoundingClientRect();
    tooltip.textContent = options.describe(point);
    tooltip.style.left = `${event.clientX - box.left + 12}px`;
    tooltip.style.top = `${event.clientY - box.top + 12}px`;
    tooltip.hidden = false;
  });
  root.addEventListener('pointerleave', () => {
    tooltip.hidden = true;
  });
  root.addEventListener('click', (event) => {
    const moved = drag?.moved;
    drag = null;
    if (moved) return;
    const target = event.target as Element;
    const placeNode = target.closest?.('.map-place') as SVGGElement | null;
    if (placeNode?.dataset['place']) {
      options.onPlace(placeNode.dataset['place']);
      return;
    }
    const node = target.closest?.('.map-point') as SVGPathElement | null;
    const point = node && model ? model.points.find((p) => p.key === node.dataset['key']) : undefined;
    if (point) options.onPoint(point);
  });
  root.addEventListener('pointerup', () => {
    if (drag && !drag.moved) return; // the click follows
    setTimeout(() => (drag = null), 0);
  });

  applyView();
  drawing.relabel();
  return drawing;
}
