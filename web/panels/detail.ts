// The selected entity: type, names, aliases, official code and hierarchy, figures, reports, and
// "N more" per relation type to page through its neighbours.
import { api, type EntityDetail } from '../api/index.ts';
import { ENTITY_STYLE, RELATION_LABELS } from '../canvas/style.ts';
import { language, onLanguageChange, t } from '../i18n/index.ts';
import type { NoteSource } from '../saved-views/panel.ts';
import { MIN_GROUP_MEMBERS } from '../state/groups.ts';
import { ENTITY_TYPES, type EntityType } from '../state/vocabulary.ts';
import type { Bus } from './bus.ts';
import { latestLoads } from './latest-load.ts';
import { button, h, markedText, panel } from './dom.ts';
import type { ViewSession } from './view-session.ts';
import type { Workspace } from './workspace.ts';

export function createDetail(bus: Bus, workspace: Workspace, session: ViewSession, notes: NoteSource): HTMLElement {
  const { root, body, retitle } = panel('detail', () => t('detail.title'));
  let current: EntityDetail | null = null;

  function row(label: string, value: Node | string): HTMLElement[] {
    return [h('dt', { text: label }), h('dd', {}, [value])];
  }

  function render(): void {
    body.replaceChildren();
    if (!current) {
      body.append(h('p', { class: 'hint', text: t('detail.none') }));
      return;
    }
    const entity = current;
    const style = ENTITY_STYLE[entity.type];
    const lang = language();
    body.append(
      h('p', { class: 'entity-name' }, [
        h('span', { class: 'swatch', attrs: { 'aria-hidden': 'true', style: `background:${style.color}` } }),
        h('strong', { text: entity.name }),
        h('span', { class: 'type', text: style.label[lang] }),
      ]),
    );
    const facts = h('dl', { class: 'facts-list' });
    facts.append(...row(t('detail.type'), style.label[lang]));
    if (entity.aliases.length) facts.append(...row(t('detail.aliases'), entity.aliases.join('、')));
    if (entity.officialName) facts.append(...row(t('detail.official'), entity.officialName));
    if (entity.code) facts.append(...row(t('detail.code'), [entity.code, entity.level].filter(Boolean).join(' · ')));
    if (entity.hierarchy.length) {
      const chain = h('span', { class: 'hierarchy' });
      entity.hierarchy.forEach((place, index) => {
        if (index > 0) chain.append(' ‹ ');
        chain.append(
          h('a', {
            text: place.name,
            attrs: { href: '#' },
            on: {
              click: (event) => {
                event.preventDefault();
                void workspace.addEntities([place.id], { select: true }).then(() => bus.emit('entity', { id: place.id }));
              },
            },
          }),
        );
      });
      facts.append(...row(t('detail.hierarchy'), chain));
    }
    facts.append(...row(t('detail.degree'), String(entity.degree)));
    body.append(facts);

    const actions = h(
      'div',
      { class: 'actions' },
      [
        button(t('toolbar.expand'), () => void workspace.expand(entity.id), { class: 'primary' }),
        button(t('detail.pathFrom'), () => bus.emit('pathEnd', { id: entity.id, name: entity.name, end: 'from' })),
        button(t('detail.pathTo'), () => bus.emit('pathEnd', { id: entity.id, name: entity.name, end: 'to' })),
        entity.type === 'Program' || entity.type === 'Pilot'
          ? button(t('detail.program'), () => bus.emit('program', { id: entity.id }))
          : null,
      ].filter((b): b is HTMLButtonElement => b !== null),
    );
    body.append(actions);
    const slot = h('div', { class: 'feature-slot' });
    body.append(slot);
    bus.emit('entityShown', { entity, slot });

    const note = notes.note(entity.id);
    if (note)
      body.append(
        h('blockquote', { class: 'note', attrs: { id: 'detail-note' } }, [h('strong', { text: `${t('views.noteLabel')} ` }), note]),
      );

    // A group it stands for (villages under it, programs part of it, a fold of its neighbours).
    const group = session.actions.group(entity.id);
    if (group) {
      body.append(
        h('p', { class: 'group-info', attrs: { id: 'detail-group' } }, [
          t(group.kind === 'place' ? 'grouping.holdsPlaces' : 'grouping.holdsPrograms', { count: group.members.length }),
          ' ',
          button(group.open ? t('toolbar.groupClose') : t('toolbar.groupOpen'), () => session.actions.toggleGroup(group.id), {
            class: 'small',
          }),
        ]),
      );
    }

    const more = workspace.hidden(entity.id).filter((m) => m.count > 0);
    if (more.length) {
      body.append(
        h(
          'div',
          { class: 'more', attrs: { role: 'group', 'aria-label': t('toolbar.expand') } },
          more.map((m) =>
            button(
              t('detail.more', { count: m.count, type: RELATION_LABELS[m.type][lang] }),
              () => void workspace.expand(entity.id, m.type),
              { class: 'more-button' },
            ),
          ),
        ),
      );
    }

    // Its neighbours on the canvas, by type: those of a type it has several of can be folded into one node.
    const folds = session.grouping.get().folds.filter((f) => f.hub === entity.id);
    const neighbours = new Map<EntityType, Set<string>>();
    for (const relation of workspace.relationsOf(entity.id)) {
      const other = workspace.entity(relation.source === entity.id ? relation.target : relation.source);
      if (other && other.id !== entity.id) neighbours.set(other.type, (neighbours.get(other.type) ?? new Set()).add(other.id));
    }
    const neighbourTypes = new Map([...neighbours].map(([type, ids]) => [type, ids.size]));
    const foldable = ENTITY_TYPES.filter(
      (type) => (neighbourTypes.get(type) ?? 0) >= MIN_GROUP_MEMBERS && !folds.some((f) => f.type === type),
    );
    if (foldable.length || folds.length) {
      body.append(
        h('div', { class: 'more folds', attrs: { role: 'group', 'aria-label': t('grouping.foldBy'), id: 'detail-folds' } }, [
          h('span', { class: 'meta', text: `${t('grouping.foldBy')}：` }),
          ...foldable.map((type) =>
            button(
              t('grouping.fold', { count: neighbourTypes.get(type) ?? 0, type: ENTITY_STYLE[type].label[lang] }),
              () => session.grouping.fold(entity.id, type),
              { class: 'small', title: t('grouping.foldTitle') },
            ),
          ),
          ...folds.map((fold) =>
            button(
              t('grouping.unfold', { type: ENTITY_STYLE[fold.type].label[lang] }),
              () => session.grouping.unfold(entity.id, fold.type),
              {
                class: 'small',
              },
            ),
          ),
        ]),
      );
    }

    // The canvas's relations of this entity that are drawn, as links: the keyboard's way to their evidence.
    const relations = workspace.relationsOf(entity.id);
    if (relations.length) {
      body.append(h('h3', { text: t('detail.relations') }));
      body.append(
        h(
          'ul',
          { class: 'relations', attrs: { id: 'detail-relations' } },
          relations.map((relation) => {
            const other = workspace.entity(relation.source === entity.id ? relation.target : relation.source);
            const arrow = relation.source === entity.id ? '→' : '←';
            return h('li', {}, [
              h('a', {
                text: `${RELATION_LABELS[relation.type][lang]} ${arrow} ${other?.name ?? ''}`,
                attrs: { href: '#', 'data-relation': relation.id, 'data-curation': relation.curation ?? null },
                on: {
                  click: (event) => {
                    event.preventDefault();
                    bus.emit('relation', { id: relation.id });
                  },
                },
              }),
              h('span', { class: 'meta', text: ` ×${relation.weight}` }),
            ]);
          }),
        ),
      );
    }

    if (entity.documents.edges.length) {
      body.append(h('h3', { text: `${t('detail.documents')} (${entity.documentCount})` }));
      body.append(
        h(
          'ul',
          { class: 'documents' },
          entity.documents.edges.map((edge) =>
            h('li', {}, [
              h('a', {
                text: edge.node.title,
                attrs: { href: '#' },
                on: {
                  click: (event) => {
                    event.preventDefault();
                    const span = edge.spans[0];
                    bus.emit('document', { id: edge.node.id, offset: span?.start, length: span ? span.end - span.start : undefined });
                  },
                },
              }),
              h('span', { class: 'meta', text: ` ${edge.node.date ?? ''} ×${edge.count}` }),
            ]),
          ),
        ),
      );
    }
    if (entity.facts.length) {
      // Figures can be many: folded, the count in the summary.
      body.append(
        h('details', { class: 'facts-box' }, [
          h('summary', { text: `${t('detail.facts')} (${entity.facts.length})` }),
          h(
            'ul',
            { class: 'facts' },
            entity.facts.map((fact) =>
              h('li', {}, [
                h('strong', { text: `${fact.label} ${fact.value}${fact.unit}` }),
                ' ',
                h(
                  'a',
                  {
                    attrs: { href: '#', title: t('evidence.open') },
                    on: {
                      click: (event) => {
                        event.preventDefault();
                        bus.emit('document', {
                          id: fact.evidence.documentId,
                          offset: fact.evidence.start,
                          length: fact.evidence.end - fact.evidence.start,
                        });
                      },
                    },
                  },
                  [markedText(fact.evidence.text, [])],
                ),
              ]),
            ),
          ),
        ]),
      );
    }
  }

  const loads = latestLoads(
    body,
    (id: string) => api.entity(id),
    (entity) => {
      current = entity;
      render();
    },
  );

  bus.on('entity', ({ id }) => void loads.load(id));
  bus.on('canvas', () => {
    if (current) render();
  });
  notes.onChange(() => {
    if (current) render();
  });
  bus.on('deselect', () => {
    loads.cancel();
    current = null;
    render();
  });
  onLanguageChange(() => {
    retitle();
    render();
  });
  render();
  return root;
}
