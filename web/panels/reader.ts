// The report reader: the original text (traditional stays traditional) with every mention marked
// and clickable, metadata and diagnostics, opened at an offset that is scrolled to and flashed.
import { api, type DocumentDetail } from '../api/index.ts';
import { ENTITY_STYLE } from '../canvas/style.ts';
import { language, onLanguageChange, t } from '../i18n/index.ts';
import type { Bus, ReaderMark } from './bus.ts';
import { latestLoads } from './latest-load.ts';
import { button, h, panel } from './dom.ts';
import type { Workspace } from './workspace.ts';

interface Segment {
  start: number;
  end: number;
  entityId: string | null;
  target: boolean;
  /** The relation's ends this piece belongs to (marked when the reader was opened from evidence). */
  roles: ReaderMark['role'][];
}

/** Cuts the text at every mention, target and mark boundary; the first (longest) of overlapping mentions wins. */
export function segments(
  length: number,
  mentions: ReadonlyArray<{ entityId: string; start: number; end: number }>,
  target: { start: number; end: number } | null,
  marks: readonly ReaderMark[] = [],
): Segment[] {
  const cuts = new Set<number>([0, length]);
  const clamp = (at: number) => Math.max(0, Math.min(length, at));
  for (const mark of marks) cuts.add(clamp(mark.start)).add(clamp(mark.end));
  const kept: Array<{ entityId: string; start: number; end: number }> = [];
  let reach = 0;
  for (const mention of [...mentions].sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (mention.start < reach || mention.end > length || mention.end <= mention.start) continue;
    kept.push(mention);
    reach = mention.end;
    cuts.add(mention.start).add(mention.end);
  }
  if (target) cuts.add(Math.max(0, Math.min(length, target.start))).add(Math.max(0, Math.min(length, target.end)));
  const points = [...cuts].sort((a, b) => a - b);
  const result: Segment[] = [];
  let m = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    while (m < kept.length && kept[m]!.end <= start) m++;
    const mention = kept[m];
    const inside = mention !== undefined && mention.start <= start && end <= mention.end;
    result.push({
      start,
      end,
      entityId: inside ? mention.entityId : null,
      target: target !== null && start >= target.start && end <= target.end && target.end > target.start,
      roles: [...new Set(marks.filter((mark) => start >= mark.start && end <= mark.end && mark.end > mark.start).map((mark) => mark.role))],
    });
  }
  return result;
}

export function createReader(bus: Bus, workspace: Workspace): HTMLElement {
  const { root, body, retitle } = panel('reader', () => t('reader.title'));
  let current: DocumentDetail | null = null;
  let target: { start: number; end: number } | null = null;
  let marks: ReaderMark[] = [];

  function render(): void {
    body.replaceChildren();
    if (!current) {
      body.append(h('p', { class: 'hint', text: t('reader.none') }));
      return;
    }
    const doc = current;
    const lang = language();
    const names = new Map(doc.entities.map((e) => [e.id, e]));
    body.append(h('h3', { class: 'doc-title', text: doc.title }));
    body.append(
      h('p', {
        class: 'meta',
        text: t('reader.meta', {
          date: doc.date ?? '—',
          source: doc.source ?? '—',
          encoding: doc.encoding,
          script: doc.script === 'traditional' ? t('reader.traditional') : t('reader.simplified'),
        }),
      }),
    );
    if (doc.authors.length) body.append(h('p', { class: 'meta', text: doc.authors.join('、') }));
    if (doc.diagnostics.length) {
      body.append(
        h('details', { class: 'diagnostics' }, [
          h('summary', { text: `${t('reader.diagnostics')} (${doc.diagnostics.length})` }),
          h(
            'ul',
            {},
            doc.diagnostics.map((d) => h('li', { text: `${d.code} @${d.offset}: ${d.message}` })),
          ),
        ]),
      );
    }
    const text = h('div', {
      class: 'doc-text',
      attrs: { lang: doc.script === 'traditional' ? 'zh-Hant' : 'zh-Hans', tabindex: 0, 'aria-label': doc.title },
    });
    let firstTarget: HTMLElement | null = null;
    for (const segment of segments(doc.text.length, doc.mentions, target, marks)) {
      const slice = doc.text.slice(segment.start, segment.end);
      let node: Node;
      if (segment.entityId) {
        const entity = names.get(segment.entityId);
        const id = segment.entityId;
        const mark = h('mark', {
          class: 'mention',
          text: slice,
          attrs: {
            tabindex: 0,
            role: 'button',
            'data-entity': id,
            title: entity ? `${entity.name} · ${ENTITY_STYLE[entity.type].label[lang]}` : id,
            style: entity ? `--type-color:${ENTITY_STYLE[entity.type].color}` : null,
          },
        });
        const open = () => void workspace.addEntities([id], { select: true }).then(() => bus.emit('entity', { id }));
        mark.addEventListener('click', open);
        mark.addEventListener('keydown', (event) => {
          if (event.key === 'Enter' || event.key === ' ') {
            event.preventDefault();
            open();
          }
        });
        node = mark;
      } else {
        node = document.createTextNode(slice);
      }
      if (segment.roles.length > 0) node = h('span', { class: segment.roles.map((role) => `end-mark hl-${role}`).join(' ') }, [node]);
      if (segment.target) {
        const span = h('span', { class: 'target flash' }, [node]);
        firstTarget ??= span;
        node = span;
      }
      text.append(node);
    }
    body.append(text);
    const slot = h('div', { class: 'feature-slot' });
    body.append(slot);
    bus.emit('documentShown', { document: doc, text, slot });
    if (firstTarget) {
      const element = firstTarget;
      // Scrolls the text box only, not the page around it.
      requestAnimationFrame(() => {
        text.scrollTop = Math.max(0, element.offsetTop - text.clientHeight / 3);
      });
    }
    body.append(
      button(t('reader.close'), () => {
        current = null;
        target = null;
        marks = [];
        render();
      }),
    );
  }

  const opens = latestLoads(
    body,
    async (id: string, _offset?: number, _length?: number, _marks?: ReaderMark[]) => (current?.id === id ? current : api.document(id)),
    (doc, _id, offset, length, opened) => {
      current = doc;
      target = offset === undefined ? null : { start: offset, end: offset + Math.max(1, length ?? 1) };
      marks = opened ?? [];
      render();
    },
  );

  bus.on('document', ({ id, offset, length, marks: opened }) => void opens.load(id, offset, length, opened));
  bus.on('graphChanged', () => {
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
