// One sentence of evidence: the document's title, date and outlet, the sentence with the
// relation's entities marked, and a link into the reader at the sentence.
import type { Evidence } from '../api/index.ts';
import { t } from '../i18n/index.ts';
import type { Bus } from './bus.ts';
import { h, markedText } from './dom.ts';

/** Highlights are offsets into the document's original text; the sentence starts at evidence.start. */
export function sentenceSpans(
  evidence: Evidence,
  classFor: (entityId: string) => string = () => 'hl',
): Array<{ start: number; end: number; className: string }> {
  return evidence.highlights.map((highlight) => ({
    start: highlight.start - evidence.start,
    end: highlight.end - evidence.start,
    className: classFor(highlight.entityId),
  }));
}

export function evidenceItem(evidence: Evidence, bus: Bus, classFor?: (entityId: string) => string): HTMLElement {
  const document = evidence.document;
  const open = () => bus.emit('document', { id: evidence.documentId, offset: evidence.start, length: evidence.end - evidence.start });
  return h('li', { class: 'evidence' }, [
    h('blockquote', { class: 'sentence', attrs: { lang: 'zh' } }, [markedText(evidence.text, sentenceSpans(evidence, classFor))]),
    h('div', { class: 'source' }, [
      h('span', { class: 'doc-title', text: document.title }),
      h('span', { class: 'meta', text: [document.date, document.source].filter(Boolean).join(' · ') }),
      h('a', {
        class: 'open-reader',
        text: t('evidence.open'),
        attrs: { href: `#doc=${encodeURIComponent(evidence.documentId)}&at=${evidence.start}` },
        on: {
          click: (event) => {
            event.preventDefault();
            open();
          },
        },
      }),
    ]),
  ]);
}
