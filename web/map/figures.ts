// The diffusion figures beside the map, one block per program: the adoption curve (with the
// slider's month marked), reach, lags, the first adopters per city, designations for a pilot and
// the undated group. Every name is a button that picks its point, whose card shows the sentence.
import type { MapAdopter } from '../api/index.ts';
import { ENTITY_STYLE } from '../canvas/style.ts';
import { language, t, type MessageKey } from '../i18n/index.ts';
import { h } from '../panels/dom.ts';
import type { ProgramDiffusion } from './model.ts';
import { programColor } from './timeline.ts';
import type { DiffusionLevel } from './state.ts';

/** Names listed per figure before "and N more". */
const LIST_LIMIT = 30;
const SVG = 'http://www.w3.org/2000/svg';

export interface FigureCallbacks {
  onAdopter(programId: string, entityId: string): void;
}

function svgEl<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
  parent?: Element,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  parent?.appendChild(node);
  return node;
}

const CURVE = { width: 280, height: 90, left: 28, right: 6, top: 6, bottom: 16 };
const curveX = (i: number, months: number) => CURVE.left + (months > 1 ? (i / (months - 1)) * (CURVE.width - CURVE.left - CURVE.right) : 0);

/** The cumulative adoption curve over the shared month axis, as a step line, with the slider's month marked. */
export function curveChart(program: ProgramDiffusion, months: readonly string[], current: number, color: string): SVGSVGElement {
  const { width, height } = CURVE;
  const svg = svgEl('svg', { viewBox: `0 0 ${width} ${height}`, class: 'map-curve', role: 'img', 'font-size': 9 });
  svg.setAttribute('aria-label', t('map.curve'));
  const byMonth = new Map(program.curve.map((p) => [p.month, p.cumulative]));
  const max = Math.max(1, program.curve.at(-1)?.cumulative ?? 0);
  const x = (i: number) => curveX(i, months.length);
  const y = (v: number) => height - CURVE.bottom - (v / max) * (height - CURVE.top - CURVE.bottom);
  let d = '';
  let value = 0;
  months.forEach((month, i) => {
    value = byMonth.get(month) ?? value;
    d += i === 0 ? `M${x(0).toFixed(1)},${y(value).toFixed(1)}` : `H${x(i).toFixed(1)}V${y(value).toFixed(1)}`;
  });
  if (months.length === 1) d += `H${(width - CURVE.right).toFixed(1)}`;
  svgEl('line', { x1: CURVE.left, y1: height - CURVE.bottom, x2: width - CURVE.right, y2: height - CURVE.bottom, stroke: '#9aa5b1' }, svg);
  svgEl('path', { d, fill: 'none', stroke: color, 'stroke-width': 2 }, svg);
  svgEl('line', { class: 'map-curve-now', y1: CURVE.top, y2: height - CURVE.bottom, stroke: '#d55e00', 'stroke-dasharray': '3 2' }, svg);
  markCurve(svg, current, months.length);
  svgEl('text', { x: CURVE.left - 4, y: y(max) + 3, 'text-anchor': 'end', fill: '#56606b' }, svg).textContent = String(max);
  svgEl('text', { x: CURVE.left - 4, y: y(0) + 3, 'text-anchor': 'end', fill: '#56606b' }, svg).textContent = '0';
  if (months.length > 0) svgEl('text', { x: x(0), y: height - 4, fill: '#56606b' }, svg).textContent = months[0]!;
  if (months.length > 1)
    svgEl('text', { x: x(months.length - 1), y: height - 4, 'text-anchor': 'end', fill: '#56606b' }, svg).textContent = months.at(-1)!;
  return svg;
}

/** Moves a curve's marker to the slider's month (hidden when there is none). */
export function markCurve(svg: SVGSVGElement, current: number, months: number): void {
  const line = svg.querySelector('.map-curve-now');
  if (!line) return;
  const x = String(curveX(Math.max(0, current), months));
  line.setAttribute('x1', x);
  line.setAttribute('x2', x);
  line.setAttribute('display', current >= 0 && months > 0 ? 'inline' : 'none');
}

const LEVEL_KEYS: Record<DiffusionLevel, MessageKey> = {
  CITY: 'map.level.CITY',
  COUNTY: 'map.level.COUNTY',
  TOWNSHIP: 'map.level.TOWNSHIP',
};

/** The figures of one program. */
export function programFigures(
  program: ProgramDiffusion,
  index: number,
  months: readonly string[],
  current: number,
  level: DiffusionLevel,
  callbacks: FigureCallbacks,
): HTMLElement {
  const lang = language();
  const byId = new Map(program.adopters.map((a) => [a.entity.id, a]));
  const names = (ids: ReadonlyArray<{ entity: { id: string } }>) => {
    const list = ids.map((r) => byId.get(r.entity.id)).filter((a): a is MapAdopter => a !== undefined);
    const shown = list.slice(0, LIST_LIMIT).map((adopter) =>
      h('button', {
        class: 'link adopter',
        text: adopter.entity.name,
        attrs: { type: 'button', 'data-entity': adopter.entity.id, title: ENTITY_STYLE[adopter.entity.type].label[lang] },
        on: { click: () => callbacks.onAdopter(program.program.id, adopter.entity.id) },
      }),
    );
    const more = list.length > LIST_LIMIT ? [h('span', { class: 'meta', text: t('map.more', { count: list.length - LIST_LIMIT }) })] : [];
    return h('span', { class: 'adopter-list' }, [...shown, ...more]);
  };
  const color = programColor(index);
  const dated = program.adopters.length - program.undated.length;
  const root = h('section', { class: 'map-figures-program', attrs: { 'data-program': program.program.id } }, [
    h('h3', {}, [
      h('span', { class: 'swatch', attrs: { 'aria-hidden': 'true', style: `background:${color}` } }),
      h('span', { text: program.program.name }),
      h('span', { class: 'type', text: ENTITY_STYLE[program.program.type].label[lang] }),
    ]),
    h('p', {
      class: 'meta map-summary',
      text: t('map.summary', {
        count: program.adopters.length,
        dated,
        undated: program.undated.length,
        first: program.firstReported ?? '—',
        last: program.lastReported ?? '—',
      }),
    }),
  ]);

  root.append(h('h4', { text: t('map.curve') }), curveChart(program, months, current, color));

  const reach = program.reach;
  root.append(
    h('h4', { text: t('map.reach') }),
    h('p', {
      class: 'map-reach',
      text: t('map.reach.value', {
        reached: reach.reached,
        total: reach.total,
        share: (reach.share * 100).toFixed(1),
        level: t(LEVEL_KEYS[level]),
      }),
    }),
    h('p', { class: 'meta', text: t('map.reach.notes', { undatedOnly: reach.undatedOnly, notCounted: reach.notCounted }) }),
  );

  root.append(
    h('h4', { text: t('map.lags') }),
    h('p', {
      class: 'map-median',
      text: program.medianLagDays === null ? t('map.lags.none') : t('map.lags.median', { days: Math.round(program.medianLagDays) }),
    }),
  );
  if (program.lags.length)
    root.append(
      h('table', { class: 'map-table' }, [
        h('thead', {}, [
          h('tr', {}, [
            h('th', { text: t(LEVEL_KEYS[level]) }),
            h('th', { text: t('map.date') }),
            h('th', { text: t('map.days') }),
            h('th', { text: t('map.first') }),
          ]),
        ]),
        h(
          'tbody',
          {},
          program.lags
            .slice(0, LIST_LIMIT)
            .map((lag) =>
              h('tr', {}, [
                h('td', { text: lag.division.name }),
                h('td', { text: lag.firstReported }),
                h('td', { text: String(lag.lagDays) }),
                h('td', {}, [names(lag.adopters)]),
              ]),
            ),
        ),
      ]),
    );

  if (program.firstAdopters.length)
    root.append(
      h('h4', { text: t('map.firstAdopters') }),
      h('table', { class: 'map-table' }, [
        h(
          'tbody',
          {},
          program.firstAdopters.map((f) =>
            h('tr', {}, [
              h('td', { text: f.city.name }),
              h('td', { text: f.firstReported ?? t('map.undated') }),
              h('td', {}, [names(f.adopters)]),
            ]),
          ),
        ),
      ]),
    );

  if (program.designations) {
    const groups = (['BEFORE', 'SAME_DAY', 'AFTER', 'UNDATED', 'DESIGNATED_ONLY', 'STARTED_ONLY'] as const)
      .map((order) => ({ order, list: program.adopters.filter((a) => a.designation === order) }))
      .filter((g) => g.list.length > 0);
    root.append(
      h('h4', { text: t('map.designation') }),
      h(
        'ul',
        { class: 'map-designations' },
        groups.map((g) =>
          h('li', { attrs: { 'data-order': g.order } }, [
            h('strong', { text: `${t(`map.designation.${g.order}`)} (${g.list.length}) ` }),
            names(g.list),
          ]),
        ),
      ),
    );
  }

  if (program.undated.length)
    root.append(
      h('h4', { text: t('map.undatedGroup', { count: program.undated.length }) }),
      h('p', { class: 'map-undated' }, [names(program.undated)]),
    );
  return root;
}
