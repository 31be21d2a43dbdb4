// Runs the relation rules over a document's sentence contexts: each mention rule on the mentions
// of the types it starts from, then each sentence rule.
import type { EntityType } from '../../model.ts';
import type { NormalizedText, Sentence } from '../normalize/index.ts';
import type { ResolvedEntity, ResolvedMention } from '../resolve/resolve.ts';
import { PlacesNamed } from './actors.ts';
import type { SentenceContext } from './contexts.ts';
import type { RelationFinding, RelationRule, RuleContext } from './rule.ts';
import { RELATION_RULES } from './rules.ts';

/** Typed relations of one document, from its sentence contexts. */
export function findRelations(
  doc: NormalizedText,
  contexts: SentenceContext[],
  entities: Map<string, ResolvedEntity>,
  mentions: ResolvedMention[],
  rules: readonly RelationRule[] = RELATION_RULES,
): RelationFinding[] {
  const text = doc.analysis.text;
  const pageOutlet = mentions.find((m) => m.via === 'outlet')?.entity;
  const found: RelationFinding[] = [];
  const places = new PlacesNamed(text, entities);
  // The mention rules by the type they start from, in list order.
  const byAnchor = new Map<EntityType, RelationRule[]>();
  for (const rule of rules) {
    if (rule.anchor === 'sentence' || !rule.atMention) continue;
    for (const type of rule.anchor) (byAnchor.get(type) ?? byAnchor.set(type, []).get(type)!).push(rule);
  }
  const sentenceRules = rules.filter((rule) => rule.anchor === 'sentence' && rule.inSentence);
  // The functions a rule calls, made once per document rather than once per sentence: making a
  // function is not free, and the rules call add() only while their sentence is read.
  let current: Sentence | undefined;
  let rule: RelationRule | undefined;
  const entityOf: RuleContext['entityOf'] = (m) => entities.get(m.entity)!;
  const entityType: RuleContext['entityType'] = (id) => entities.get(id)!.type;
  const nameOf: RuleContext['nameOf'] = (id) => entities.get(id)!.name;
  const add: RuleContext['add'] = (type, source, target) => {
    if (source !== target) found.push({ type, source, target, sentence: current!, rule: rule!.name });
  };
  for (const { sentence, mentions: here, actor, subject } of contexts) {
    places.see(here);
    if (here.length === 0) continue;
    current = sentence;
    const context: RuleContext = { text, sentence, here, subject, actor, places, pageOutlet, entityOf, entityType, nameOf, add };
    for (let i = 0; i < here.length; i++) {
      for (rule of byAnchor.get(here[i]!.type) ?? []) rule.atMention!(context, i);
    }
    for (rule of sentenceRules) rule.inSentence!(context);
  }
  found.push(...creditsOutsideSentences(text, contexts, mentions, pageOutlet));
  return found.filter((r) => r.source !== '');
}

/**
 * 来源: 某某日报 记者 张三: a reporter credited on a line that is no sentence of the report (a
 * page's header) holds a post in the outlet named before on that line, else in the page's; the
 * line is the evidence.
 */
function creditsOutsideSentences(
  text: string,
  contexts: SentenceContext[],
  mentions: ResolvedMention[],
  pageOutlet: string | undefined,
): RelationFinding[] {
  // Most pages credit no reporter: the set of the sentences' mentions is then not needed.
  if (!mentions.some((m) => m.via === 'credit' && m.title === 'reporter')) return [];
  const inSentences = new Set(contexts.flatMap((c) => c.mentions));
  const out: RelationFinding[] = [];
  for (const m of mentions) {
    if (m.via !== 'credit' || m.title !== 'reporter' || inSentences.has(m)) continue;
    const lineStart = text.lastIndexOf('\n', m.start - 1) + 1;
    const lineEnd = text.indexOf('\n', m.end) < 0 ? text.length : text.indexOf('\n', m.end);
    const outlet = mentions.findLast((o) => o.via === 'outlet' && o.start >= lineStart && o.end <= m.start)?.entity ?? pageOutlet;
    if (outlet)
      out.push({
        type: 'HOLDS_POSITION',
        source: m.entity,
        target: outlet,
        sentence: { start: lineStart, end: lineEnd, paragraph: -1 },
        rule: 'credit-line',
      });
  }
  return out;
}
