// Each sentence with its mentions, its subject and its actor: reports leave the subject out when
// it is the district they are about, and a district named at the start of a sentence becomes the
// new topic.
import type { NormalizedText, Sentence } from '../normalize/index.ts';
import type { ResolvedEntity, ResolvedMention } from '../resolve/resolve.ts';
import { innermost } from './actors.ts';
import { ACTOR_TYPES, SUBJECT_OPENING } from './cues.ts';

export interface SentenceContext {
  sentence: Sentence;
  /** The sentence's mentions, in order. */
  mentions: ResolvedMention[];
  /** An actor named at the start of the sentence. */
  subject: string | undefined;
  /** Who acts in the sentence: its subject, else the district the text is about at that point. */
  actor: string | undefined;
  /**
   * Where the actor was named when the sentence leaves it out: the sentence that made it the topic,
   * or, for the district the report is about, its naming in the title (else its first).
   */
  topicNamed: ResolvedMention | undefined;
}

/**
 * Each sentence with its mentions and its actor. Reports leave the subject out when it is the
 * district they are about; a district named at the start of a sentence becomes the new topic.
 */
export function sentenceContexts(
  doc: NormalizedText,
  mentions: ResolvedMention[],
  entities: Map<string, ResolvedEntity>,
): SentenceContext[] {
  const home = homeDistrict(mentions, entities);
  // A report moves from one district to a peer (龙湾区 → 乐清市), not down into its townships.
  const homeLevel = home ? entities.get(home)!.level : undefined;
  let topic = home;
  let topicNamed = home ? homeNamed(doc, mentions, home) : undefined;
  const contexts: SentenceContext[] = [];
  let next = 0;
  for (const sentence of doc.sentences) {
    // Mentions are in text order: a sentence's own follow those of the sentences before it.
    while (next < mentions.length && mentions[next]!.start < sentence.start) next++;
    const here: ResolvedMention[] = [];
    for (let i = next; i < mentions.length && mentions[i]!.start < sentence.end; i++)
      if (mentions[i]!.end <= sentence.end) here.push(mentions[i]!);
    let first = here[0];
    const opening = first ? doc.analysis.text.slice(sentence.start, first.start) : '';
    // 台州市黄岩区深入实施…: of places written one inside the next, the innermost acts.
    if (first?.type === 'District') first = here[innermost(here, 0)];
    const subject =
      first && ACTOR_TYPES.has(first.type) && first.via !== 'credit' && SUBJECT_OPENING.test(opening) ? first.entity : undefined;
    if (subject && first!.type === 'District' && entities.get(subject)!.level === homeLevel) {
      topic = subject;
      topicNamed = first;
    }
    contexts.push({ sentence, mentions: here, subject, actor: subject ?? topic, topicNamed: subject ? undefined : topicNamed });
  }
  return contexts;
}
/** Where the district a report is about is named: in its title, else first. */
function homeNamed(doc: NormalizedText, mentions: ResolvedMention[], home: string): ResolvedMention | undefined {
  const title = doc.metadata.titleLine;
  const named = mentions.filter((m) => m.entity === home);
  return named.find((m) => title !== undefined && m.start >= title.start && m.end <= title.end) ?? named[0];
}

/** The district a report is about: the county- or township-level district mentioned most. */
export function homeDistrict(mentions: ResolvedMention[], entities: Map<string, ResolvedEntity>): string | undefined {
  const counts = new Map<string, number>();
  for (const m of mentions) {
    const e = entities.get(m.entity)!;
    if (e.type !== 'District') continue;
    const weight = e.level === 'county' || e.level === 'township' ? 2 : e.level === 'city' ? 1 : 0.5;
    counts.set(m.entity, (counts.get(m.entity) ?? 0) + weight);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}
