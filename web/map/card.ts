// What the map shows beside its points: the card of the picked point (its first report's sentence,
// how its position was found) and the legend of colours and outlines.
import type { MapAdopter } from '../api/index.ts';
import { ENTITY_STYLE } from '../canvas/style.ts';
import { language, t } from '../i18n/index.ts';
import { button, h } from '../panels/dom.ts';
import { evidenceItem } from '../panels/evidence-item.ts';
import type { MapData } from './actions.ts';
import type { Geography } from './geo.ts';
import type { ProgramDiffusion } from './model.ts';
import type { MapPanelDeps } from './panel.ts';
import { place } from './placement.ts';
import type { ColorBy } from './state.ts';
import { dateColor, programColor } from './timeline.ts';

/** The card's content for an adopter of a program. */
export function pointCard(
  program: ProgramDiffusion,
  adopter: MapAdopter,
  geo: Geography,
  deps: Pick<MapPanelDeps, 'bus' | 'workspace'>,
): Node[] {
  const placed = place(geo, { entityId: adopter.entity.id, code: adopter.place.code, own: adopter.place.source === 'OWN_CODE' });
  const where =
    placed.within === null
      ? t('map.card.tray')
      : t(placed.exact ? 'map.card.exact' : 'map.card.approximate', {
          place: adopter.place.township?.name ?? adopter.place.county?.name ?? adopter.place.city?.name ?? placed.within,
        });
  const via = adopter.place.source === 'LOCATED_IN' && adopter.place.via ? ` · ${t('map.card.via', { name: adopter.place.via.name })}` : '';
  const nodes: Node[] = [
    h('p', { class: 'entity-name' }, [
      h('strong', { text: adopter.entity.name }),
      h('span', { class: 'type', text: ENTITY_STYLE[adopter.entity.type].label[language()] }),
    ]),
    h('p', {
      class: 'meta',
      text: `${program.program.name} · ${adopter.firstReported ? t('map.card.first', { date: adopter.firstReported }) : t('map.card.undated')}`,
    }),
    h('p', { class: 'meta', text: where + via }),
  ];
  if (adopter.first.evidence)
    nodes.push(
      h('ul', { class: 'evidence-list' }, [
        evidenceItem({ ...adopter.first.evidence, ends: null, confidence: null }, deps.bus, (id) =>
          id === adopter.entity.id ? 'hl hl-source' : 'hl hl-target',
        ),
      ]),
    );
  nodes.push(
    h('p', { class: 'map-card-actions' }, [
      button(t('map.toCanvas'), () => void deps.workspace.addEntities([adopter.entity.id, program.program.id], { select: true })),
      button(t('map.card.evidence'), () => deps.bus.emit('relation', { id: adopter.first.relation.id })),
    ]),
  );
  return nodes;
}

/** What the colours and outlines mean (the shapes are the canvas's, in its legend). */
export function mapLegend(loaded: MapData, colorBy: ColorBy): Node[] {
  const nodes: Node[] = [];
  const months = loaded.months;
  if (colorBy === 'date' && months.length > 0) {
    const stops = Array.from({ length: 9 }, (_, i) => dateColor(i / 8)).join(', ');
    nodes.push(
      h('span', { text: t('map.legend.date') }),
      h('span', { class: 'meta', text: months[0]! }),
      h('span', { class: 'map-ramp', attrs: { 'aria-hidden': 'true', style: `background: linear-gradient(to right, ${stops})` } }),
      h('span', { class: 'meta', text: months.at(-1)! }),
    );
  } else if (colorBy === 'program') {
    loaded.result.programs.forEach((p, i) =>
      nodes.push(
        h('span', { class: 'swatch', attrs: { 'aria-hidden': 'true', style: `background:${programColor(i)}` } }),
        h('span', { text: p.program.name }),
      ),
    );
  } else if (colorBy === 'type') nodes.push(h('span', { text: t('map.legend.typeColors') }));
  nodes.push(
    h('span', { class: 'map-mark approximate', attrs: { 'aria-hidden': 'true' } }),
    h('span', { text: t('map.legend.approximate') }),
    h('span', { class: 'map-mark undated', attrs: { 'aria-hidden': 'true' } }),
    h('span', { text: t('map.legend.undated') }),
  );
  return nodes;
}
