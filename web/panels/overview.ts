// The start view: figures of the graph, its most connected entities, its communities (click:
// members on the canvas) and the legend of entity colours and shapes with counts.
import { api, type Stats } from '../api/index.ts';
import { communityColor, ENTITY_STYLE } from '../canvas/style.ts';
import { language, onLanguageChange, t } from '../i18n/index.ts';
import { ENTITY_TYPES } from '../state/vocabulary.ts';
import type { Bus } from './bus.ts';
import { button, errorText, h, panel, showError } from './dom.ts';
import type { ViewSession } from './view-session.ts';
import type { Workspace } from './workspace.ts';

/** Most connected entities listed (more are fetched, for the first screen's examples). */
const TOP = 12;
const TOP_FETCHED = 30;
const COMMUNITIES = 12;
/** The API's bound on members per community: a larger community is drawn in part, and the panel says so. */
const MEMBERS = 100;

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

export function createOverview(bus: Bus, workspace: Workspace, session: ViewSession, onStats: (stats: Stats) => void): HTMLElement {
  const overview = panel('overview', () => t('overview.title'));
  const legend = panel('legend', () => t('legend.title'));
  const root = h('div', { class: 'overview' }, [overview.root, legend.root]);
  const notice = h('p', { class: 'hint', attrs: { id: 'community-notice', role: 'status' } });
  let stats: Stats | null = null;

  /** Size and colour by property, chosen here: the legend says what they mean. */
  function stylingControls(): HTMLElement {
    const styling = session.styling.get();
    const select = (id: string, label: string, value: string, options: Array<[string, string]>, onChange: (value: string) => void) => {
      const element = h(
        'select',
        { attrs: { id } },
        options.map(([v, text]) => h('option', { text, attrs: { value: v, selected: v === value } })),
      );
      element.addEventListener('change', () => onChange(element.value));
      return h('div', { class: 'field inline' }, [h('label', { attrs: { for: id }, text: label }), element]);
    };
    return h('div', { class: 'styling' }, [
      select(
        'style-size',
        t('legend.size'),
        styling.size,
        [
          ['degree', t('legend.size.degree')],
          ['pagerank', t('legend.size.pagerank')],
        ],
        (value) => session.styling.set({ size: value as 'degree' | 'pagerank' }),
      ),
      select(
        'style-color',
        t('legend.color'),
        styling.color,
        [
          ['type', t('legend.color.type')],
          ['community', t('legend.color.community')],
        ],
        (value) => session.styling.set({ color: value as 'type' | 'community' }),
      ),
    ]);
  }

  function renderLegend(): void {
    const lang = language();
    legend.retitle();
    const counts = new Map((stats?.entitiesByType ?? []).map((c) => [c.type, c.count]));
    const byCommunity = session.styling.get().color === 'community';
    const items = byCommunity
      ? [
          ...(stats?.communities ?? []).map((community) =>
            h('li', { attrs: { 'data-community': community.id } }, [
              h('span', { class: 'swatch round', attrs: { 'aria-hidden': 'true', style: `background:${communityColor(community.id)}` } }),
              h('span', { text: t('legend.community', { label: community.label }) }),
              h('span', { class: 'count', text: String(community.size) }),
            ]),
          ),
          h('li', {}, [
            h('span', { class: 'swatch round', attrs: { 'aria-hidden': 'true', style: `background:${communityColor(null)}` } }),
            h('span', { text: t('legend.otherCommunities') }),
          ]),
        ]
      : ENTITY_TYPES.map((type) =>
          h('li', { attrs: { 'data-type': type } }, [
            shapeIcon(type),
            h('span', { text: ENTITY_STYLE[type].label[lang] }),
            h('span', { class: 'count', text: String(counts.get(type) ?? 0) }),
          ]),
        );
    const focused = document.activeElement?.id;
    legend.body.replaceChildren(
      stylingControls(),
      h('ul', { class: 'legend', attrs: { id: 'legend-items' } }, items),
      h('p', {
        class: 'hint',
        text: session.styling.get().size === 'pagerank' ? t('legend.size.pagerankHint') : t('legend.size.degreeHint'),
      }),
    );
    if (focused) document.getElementById(focused)?.focus();
  }

  function render(): void {
    overview.retitle();
    renderLegend();
    const lang = language();
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
        s.topByDegree
          .slice(0, TOP)
          .map(({ entity, score }) =>
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
              () =>
                void showCommunity(community.id, community.size, community.label).catch((error: Error & { code?: string }) =>
                  bus.emit('error', { message: error.message, code: error.code ?? null }),
                ),
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
      notice,
    );
  }

  async function showCommunity(id: number, size: number, label: string): Promise<void> {
    const communities = await api.communityMembers({ communities: COMMUNITIES, first: MEMBERS });
    const members = communities.find((c) => c.id === id)?.members.map((m) => m.id) ?? [];
    if (members.length) await workspace.addEntities(members, { select: false });
    // A community larger than what one request brings is drawn in part: say so, with both numbers.
    notice.textContent =
      members.length < size
        ? t('overview.community.partial', { label, shown: members.length, size })
        : t('overview.community.whole', { label, size });
  }

  async function load(): Promise<void> {
    try {
      stats = await api.overview({ top: TOP_FETCHED, communities: COMMUNITIES });
      onStats(stats);
      render();
    } catch (error) {
      const { text, detail } = errorText(error);
      showError(overview.body, text, detail);
    }
  }

  bus.on('graphChanged', () => void load());
  session.onChange((_, cause) => {
    if (typeof cause !== 'object' || cause.type === 'styling' || cause.type === 'replace') renderLegend();
  });
  onLanguageChange(render);
  render();
  void load();
  return root;
}
