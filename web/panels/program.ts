// A program or pilot and who runs it: places, companies and organizations side by side with the
// sentence that says so, and when each was first reported running it — how the program spread.
import { api, type CoImplementationView } from '../api/index.ts';
import { ENTITY_STYLE } from '../canvas/style.ts';
import { language, onLanguageChange, t } from '../i18n/index.ts';
import type { EntityType } from '../state/vocabulary.ts';
import type { Bus } from './bus.ts';
import { latestLoads } from './latest-load.ts';
import { button, h, panel } from './dom.ts';
import { evidenceItem } from './evidence-item.ts';
import type { Workspace } from './workspace.ts';

const COLUMNS: ReadonlyArray<{ types: EntityType[] }> = [
  { types: ['District', 'Village', 'Place'] },
  { types: ['Company'] },
  { types: ['Organization', 'Person', 'Program', 'Pilot', 'Document'] },
];

export function createProgram(bus: Bus, workspace: Workspace): HTMLElement {
  const { root, body, retitle } = panel('program', () => t('program.title'));
  let view: CoImplementationView | null = null;
  let programId: string | null = null;

  function render(): void {
    body.replaceChildren();
    if (!view || !programId) {
      body.append(h('p', { class: 'hint', text: t('program.none') }));
      return;
    }
    const lang = language();
    const program = view.programs.find((p) => p.id === programId) ?? view.programs[0];
    const cells = view.cells.filter((c) => c.programId === programId);
    const implementers = new Map(view.implementers.map((i) => [i.entity.id, i.entity]));
    if (program)
      body.append(
        h('p', { class: 'entity-name' }, [
          h('strong', { text: program.name }),
          h('span', { class: 'type', text: ENTITY_STYLE[program.type].label[lang] }),
        ]),
      );
    body.append(
      button(
        t('search.add'),
        () => void workspace.addEntities([programId!, ...cells.map((c) => c.implementerId)].slice(0, 50), { select: false }),
      ),
      button(t('map.open'), () => bus.emit('map', { programIds: [programId!] }), { class: 'open-map' }),
    );

    // Spread over time: one row per implementer in the order first reported.
    const dated = cells.filter((c) => c.firstReported).sort((a, b) => a.firstReported!.localeCompare(b.firstReported!));
    if (dated.length) {
      body.append(h('h3', { text: t('program.timeline') }));
      body.append(
        h(
          'ol',
          { class: 'spread', attrs: { id: 'program-timeline' } },
          dated.map((cell) => {
            const entity = implementers.get(cell.implementerId);
            return h('li', {}, [
              h('time', { text: cell.firstReported ?? '', attrs: { datetime: cell.firstReported } }),
              h('span', {
                class: 'swatch',
                attrs: { 'aria-hidden': 'true', style: entity ? `background:${ENTITY_STYLE[entity.type].color}` : null },
              }),
              h('span', { text: entity?.name ?? cell.implementerId }),
            ]);
          }),
        ),
      );
    }

    body.append(h('h3', { text: t('program.implementers') }));
    const grid = h('div', { class: 'program-columns' });
    for (const column of COLUMNS) {
      const mine = cells.filter((c) => {
        const e = implementers.get(c.implementerId);
        return e && column.types.includes(e.type);
      });
      grid.append(
        h('section', { class: 'program-column' }, [
          h('h4', {
            text: column.types
              .slice(0, 2)
              .map((type) => ENTITY_STYLE[type].label[lang])
              .join(' / '),
          }),
          h(
            'ul',
            {},
            mine.map((cell) => {
              const entity = implementers.get(cell.implementerId)!;
              return h('li', { class: 'implementer' }, [
                h('p', {}, [
                  h('a', {
                    text: entity.name,
                    attrs: { href: '#' },
                    on: {
                      click: (event) => {
                        event.preventDefault();
                        bus.emit('relation', { id: cell.relation.id });
                      },
                    },
                  }),
                  h('span', { class: 'meta', text: ` ${cell.firstReported ?? ''}` }),
                ]),
                h(
                  'ul',
                  { class: 'evidence-list' },
                  cell.relation.evidence.slice(0, 1).map((e) =>
                    evidenceItem(e, bus, (id) => (id === programId ? 'hl hl-target' : 'hl hl-source'), {
                      source: { id: entity.id, name: entity.name },
                      target: { id: programId!, name: program?.name ?? programId! },
                    }),
                  ),
                ),
              ]);
            }),
          ),
        ]),
      );
    }
    body.append(grid);
  }

  const loads = latestLoads(
    body,
    (id: string) => api.coImplementation({ programIds: [id] }),
    (result) => {
      view = result;
      render();
    },
  );

  bus.on('program', ({ id }) => {
    programId = id;
    void loads.load(id);
  });
  onLanguageChange(() => {
    retitle();
    render();
  });
  render();
  return root;
}
