// One sentence of evidence: the document's title, date and outlet, the sentence with both ends of
// the relation marked, a line for each end the sentence does not name (a left-out subject, an
// anaphor, the page's byline) with a link to where the text names it, and a link into the reader.
import type { Evidence } from '../api/index.ts';
import { t } from '../i18n/index.ts';
import type { Bus, ReaderMark } from './bus.ts';
import { h, markedText } from './dom.ts';

type EndTrace = NonNullable<Evidence['ends']>['source'];

/** The relation's two ends, by id and name, for the marks and the explanations. */
export interface RelationEnds {
  source: { id: string; name: string };
  target: { id: string; name: string };
}

type Role = 'source' | 'target';

/**
 * The spans to mark in the sentence (offsets relative to it): each end as the sentence gives it
 * (a name, an anaphor, the point where a subject is left out), then the other mentions of the
 * relation's entities. Highlights and ends are offsets into the document's original text.
 */
export function sentenceSpans(
  evidence: Evidence,
  classFor: (entityId: string) => string = () => 'hl',
): Array<{ start: number; end: number; className: string; title?: string }> {
  const spans: Array<{ start: number; end: number; className: string; title?: string }> = [];
  for (const role of ['source', 'target'] as const) {
    const end = evidence.ends?.[role];
    if (!end || end.link === 'structural') continue;
    spans.push({
      start: end.start - evidence.start,
      end: end.end - evidence.start,
      className: end.link === 'named' ? `hl hl-${role}` : end.link === 'anaphor' ? `hl hl-${role} hl-anaphor` : `omitted hl-${role}`,
      title: end.link === 'omitted' ? t('evidence.omittedPoint') : undefined,
    });
  }
  for (const highlight of evidence.highlights) {
    spans.push({ start: highlight.start - evidence.start, end: highlight.end - evidence.start, className: classFor(highlight.entityId) });
  }
  return spans;
}

/** Where the reader should mark when it opens this evidence: both ends, and where an inferred end is named. */
export function readerMarks(evidence: Evidence): ReaderMark[] {
  const marks: ReaderMark[] = [];
  for (const role of ['source', 'target'] as const) {
    const end = evidence.ends?.[role];
    if (!end) continue;
    if (end.link !== 'structural' && end.end > end.start) marks.push({ start: end.start, end: end.end, role });
    if (end.antecedent) marks.push({ start: end.antecedent.start, end: end.antecedent.end, role });
  }
  return marks;
}

/** One line explaining an end the sentence does not name ("主语省略：本文所述为龙湾区（标题）"), or null. */
export function endExplanation(end: EndTrace, name: string, sentence: Evidence): string | null {
  if (end.link === 'named' || !end.antecedent) return null;
  const place = t(`evidence.place.${end.antecedent.place}`);
  if (end.link === 'omitted') return t('evidence.omitted', { name, place });
  if (end.link === 'anaphor') {
    const word = sentence.text.slice(end.start - sentence.start, end.end - sentence.start);
    return t('evidence.anaphor', { word, name, place });
  }
  return t('evidence.structural', { name, place });
}

export function evidenceItem(evidence: Evidence, bus: Bus, classFor?: (entityId: string) => string, ends?: RelationEnds): HTMLElement {
  const document = evidence.document;
  const marks = readerMarks(evidence);
  const open = (offset: number, length: number) => bus.emit('document', { id: evidence.documentId, offset, length, marks });
  const explanations: HTMLElement[] = [];
  for (const role of ['source', 'target'] as Role[]) {
    const end = evidence.ends?.[role];
    const line = end && ends ? endExplanation(end, ends[role].name, evidence) : null;
    if (!end?.antecedent || !line) continue;
    const { start, end: stop } = end.antecedent;
    explanations.push(
      h('p', { class: `end-explanation end-${role}`, attrs: { 'data-link': end.link } }, [
        h('span', { text: line }),
        h('a', {
          class: 'show-antecedent',
          text: t('evidence.showWhere'),
          attrs: { href: `#doc=${encodeURIComponent(evidence.documentId)}&at=${start}` },
          on: {
            click: (event) => {
              event.preventDefault();
              open(start, stop - start);
            },
          },
        }),
      ]),
    );
  }
  return h('li', { class: 'evidence' }, [
    h('blockquote', { class: 'sentence', attrs: { lang: 'zh' } }, [markedText(evidence.text, sentenceSpans(evidence, classFor))]),
    ...explanations,
    h('div', { class: 'source' }, [
      h('span', { class: 'doc-title', text: document.title }),
      h('span', {
        class: 'meta',
        text: [
          document.date,
          document.source,
          evidence.confidence !== null ? t('evidence.confidence', { value: evidence.confidence.toFixed(2) }) : null,
        ]
          .filter(Boolean)
          .join(' · '),
      }),
      h('a', {
        class: 'open-reader',
        text: t('evidence.open'),
        attrs: { href: `#doc=${encodeURIComponent(evidence.documentId)}&at=${evidence.start}` },
        on: {
          click: (event) => {
            event.preventDefault();
            open(evidence.start, evidence.end - evidence.start);
          },
        },
      }),
    ]),
  ]);
}
