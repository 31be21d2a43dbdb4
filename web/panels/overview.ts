// The start view: figures of the graph, its most connected entities, its communities (click:
// members on the canvas) and the legend of entity colours and shapes with counts.
import { api, type Stats } from '../api/index.ts';
import { ENTITY_STYLE } from '../canvas/style.ts';
import { language, onLanguageChange, t } from '../i18n/index.ts';
import { ENTITY_TYPES } from '../state/vocabulary.ts';
import type { Bus } from './bus.ts';
import { button, h, panel, showError } from './dom.ts';
import type { Workspace } from './workspace.ts';

const TOP = 12;
const COMMUNITIES = 12;
const MEMBERS = 25;

/** A small inline SVG of the node shape, built with DOM calls. */
export function shapeIcon(type: keyof typeof ENTITY_STYLE): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 20 20');
  svg.setAttribute('width', '16');
  svg.setAttribute('height', '16');
  svg.setAttribute('aria-hidden', 'true');
  const { color, shape } = ENTITY_STYLE[type];
  const polygon = (points: string) => {
    const p = document.createElementNS(ns, 'polygon');
    p.setAttribute('points', points);
    return p;
  };
  let element: SVGElement;
  switch (shape) {
    case 'ellipse':
      element = document.createElementNS(ns, 'circle');
      element.setAttribute('cx', '10');
      element.setAttribute('cy', '10');
      element.setAttribute('r', '8');
      break;
    case 'hexagon':
      element = polygon('5,2 15,2 19,10 15,18 5,18 1,10');
      break;
    case 'diamond':
      element = polygon('10,1 19,10 10,19 1,10');
      break;
    case 'star':
      element = polygon('10,1 12.4,7 19,7.3 13.8,11.4 15.6,18 10,14.2 4.4,18 6.2,11.4 1,7.3 7.6,7');
      break;
    case 'triangle':
      element = polygon('10,2 19,18 1,18');
      break;
    case 'tag':
      element = polygon('1,4 13,4 19,10 13,16 1,16');
      break;
    case 'octagon':
      element = polygon('6,1 14,1 19,6 19,14 14,19 6,19 1,14 1,6');
      break;
    case 'round-rectangle':
      element = document.createElementNS(ns, 'rect');
      element.setAttribute('x', '2');
      element.setAttribute('y', '4');
      element.setAttribute('width', '16');
      element.setAttribute('height', '12');
      element.setAttribute('rx', '4');
      break;
    default:
      element = document.createElementNS(ns, 'rect');
      element.setAttribute('x', '2');
      element.setAttribute('y', '4');
      element.setAttribute('width', '16');
      element.setAttribute('height', '12');
  }
  element.setAttribute('fill', color);
  element.setAttribute('stroke', '#1b1f24');
  svg.appendChild(element);
  return svg;
}

export function createOverview(bus: Bus, workspace: Workspace, onStats: (stats: Stats) => void): HTMLElement {
  const overview = panel('overview', () => t('overview.title'));
  const legend = panel('legend', () => t('legend.title'));
  const root = h('div', { class: 'overview' }, [overview.root, legend.root]);
  let stats: Stats | null = null;

  function render(): void {
    const lang = language();
    legend.retitle();
    overview.retitle();
    const counts = new Map((stats?.entitiesByType ?? []).map((c) => [c.type, c.count]));
    legend.body.replaceChildren(
      h(
        'ul',
        { class: 'legend' },
        ENTITY_TYPES.map((type) =>
          h('li', { attrs: { 'data-type': type } }, [
            shapeIcon(type),
            h('span', { text: ENTITY_STYLE[type].label[lang] }),
            h('span', { class: 'count', text: String(counts.get(type) ?? 0) }),
          ]),
        ),
      ),
    );
    if (!stats) return;
    const s = stats;
    overview.body.replaceChildren(
      h('p', {
        class: 'stats',
        attrs: { id: 'stats' },
        text: t('overview.stats', { entities: s.entities, relations: s.relations, documents: s.documents }),
      }),
      h('h3', { text: t('overview.top') }),
      h(
        'ol',
        { class: 'top', attrs: { id: 'top-entities' } },
        s.topByDegree.map(({ entity, score }) =>
          h('li', {}, [
            button(
              entity.name,
              () => void workspace.addEntities([entity.id], { select: true }).then(() => bus.emit('entity', { id: entity.id })),
              { class: 'link' },
            ),
            h('span', { class: 'count', text: String(score) }),
          ]),
        ),
      ),
      h('h3', { text: t('overview.communities') }),
      h(
        'ul',
        { class: 'communities', attrs: { id: 'communities' } },
        s.communities.map((community) =>
          h('li', {}, [
            button(
              community.label,
              () => void showCommunity(community.id).catch((error: Error) => bus.emit('error', { message: error.message })),
              { class: 'link', title: `${t('overview.community.show')}: ${community.label}` },
            ),
            h('span', { class: 'count', text: String(community.size) }),
            h(
              'span',
              { class: 'community-types' },
              community.types.map((c) =>
                h('span', {
                  class: 'swatch',
                  attrs: { title: `${ENTITY_STYLE[c.type].label[lang]} ${c.count}`, style: `background:${ENTITY_STYLE[c.type].color}` },
                }),
              ),
            ),
          ]),
        ),
      ),
    );
  }

  async function showCommunity(id: number): Promise<void> {
    const communities = await api.communityMembers({ communities: COMMUNITIES, first: MEMBERS });
    const members = communities.find((c) => c.id === id)?.members.map((m) => m.id) ?? [];
    if (members.length) await workspace.addEntities(members, { select: false });
  }

  async function load(): Promise<void> {
    try {
      stats = await api.overview({ top: TOP, communities: COMMUNITIES });
      onStats(stats);
      render();
    } catch (error) {
      showError(overview.body, t('error', { message: (error as Error).message }));
    }
  }

  bus.on('graphChanged', () => void load());
  onLanguageChange(render);
  render();
  void load();
  return root;
}
