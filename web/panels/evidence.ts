// The sentences behind a relation, both entities marked, with their reports.
import { api, type RelationDetail } from '../api/index.ts';
import { ENTITY_STYLE, RELATION_LABELS } from '../canvas/style.ts';
import { language, onLanguageChange, t } from '../i18n/index.ts';
import type { Bus } from './bus.ts';
import { latestLoads } from './latest-load.ts';
import { h, panel } from './dom.ts';
import { evidenceItem } from './evidence-item.ts';
import type { NoteSource } from '../saved-views/panel.ts';

export function createEvidence(bus: Bus, notes: NoteSource): HTMLElement {
  const { root, body, retitle } = panel('evidence', () => t('evidence.title'));
  let current: RelationDetail | null = null;

  function render(): void {
    body.replaceChildren();
    if (!current) {
      body.append(h('p', { class: 'hint', text: t('evidence.none') }));
      return;
    }
    const relation = current;
    const lang = language();
    const end = (entity: RelationDetail['source'], className: string) =>
      h('a', {
        class: `end ${className}`,
        text: entity.name,
        attrs: { href: '#', title: ENTITY_STYLE[entity.type].label[lang] },
        on: {
          click: (event) => {
            event.preventDefault();
            bus.emit('entity', { id: entity.id });
          },
        },
      });
    body.append(
      h('p', { class: 'relation-head' }, [
        end(relation.source, 'hl-source'),
        h('span', {
          class: 'relation-type',
          text: ` ${relation.directed ? '→' : '↔'} ${RELATION_LABELS[relation.type][lang]} ${relation.directed ? '→' : '↔'} `,
        }),
        end(relation.target, 'hl-target'),
      ]),
    );
    body.append(
      h('p', {
        class: 'meta',
        text: [
          t('evidence.count', { count: relation.weight }),
          relation.confidence !== null && relation.confidence !== undefined
            ? t('evidence.confidence', { value: relation.confidence.toFixed(2) })
            : null,
          relation.firstReported ? `${t('evidence.first')} ${relation.firstReported}` : null,
        ]
          .filter(Boolean)
          .join(' · '),
      }),
    );
    const note = notes.note(relation.id);
    if (note)
      body.append(
        h('blockquote', { class: 'note', attrs: { id: 'evidence-note' } }, [h('strong', { text: `${t('views.noteLabel')} ` }), note]),
      );
    const slot = h('div', { class: 'feature-slot' });
    body.append(slot);
    bus.emit('relationShown', { relation, slot });
    const classFor = (id: string) => (id === relation.source.id ? 'hl hl-source' : id === relation.target.id ? 'hl hl-target' : 'hl');
    body.append(
      h(
        'ol',
        { class: 'evidence-list' },
        relation.evidence.map((evidence) => evidenceItem(evidence, bus, classFor, relation)),
      ),
    );
  }

  const loads = latestLoads(
    body,
    (id: string) => api.relation(id),
    (relation) => {
      current = relation;
      render();
    },
  );

  bus.on('relation', ({ id }) => {
    root.hidden = false;
    void loads.load(id);
  });
  notes.onChange(() => {
    if (current) render();
  });
  onLanguageChange(() => {
    retitle();
    render();
  });
  render();
  return root;
}
