// Runs the relation rules over a document's sentence contexts: each mention rule on the mentions
// of the types it starts from, then each sentence rule.
import type { EntityType } from '../../model.ts';
import type { NormalizedText } from '../normalize/index.ts';
import type { ResolvedEntity, ResolvedMention } from '../resolve/resolve.ts';
import { PlacesNamed } from './actors.ts';
import type { SentenceContext } from './contexts.ts';
import type { RelationFinding, RelationRule, RuleContext } from './rule.ts';
import { RELATION_RULES } from './rules.ts';
import { EndTracer } from './trace.ts';

/**
 * Typed relations of one document, from its sentence contexts, each end traced to how the
 * sentence gives it; a finding the sentence does not reach at both ends has no `ends`.
 */
export function findRelations(
  doc: NormalizedText,
  contexts: SentenceContext[],
  entities: Map<string, ResolvedEntity>,
  mentions: ResolvedMention[],
  rules: readonly RelationRule[] = RELATION_RULES,
): RelationFinding[] {
  const text = doc.analysis.text;
  const outletNamed = mentions.find((m) => m.via === 'outlet');
  const pageOutlet = outletNamed?.entity;
  const found: RelationFinding[] = [];
  const places = new PlacesNamed(text, entities);
  const tracer = new EndTracer(doc, entities, places, outletNamed);
  // The mention rules by the type they start from, in list order.
  const byAnchor = new Map<EntityType, RelationRule[]>();
  for (const rule of rules) {
    if (rule.anchor === 'sentence' || !rule.atMention) continue;
    for (const type of rule.anchor) (byAnchor.get(type) ?? byAnchor.set(type, []).get(type)!).push(rule);
  }
  const sentenceRules = rules.filter((rule) => rule.anchor === 'sentence' && rule.inSentence);
  // The functions a rule calls, made once per document rather than once per sentence: making a
  // function is not free, and the rules call add() only while their sentence is read.
  let current: SentenceContext | undefined;
  let rule: RelationRule | undefined;
  const entityOf: RuleContext['entityOf'] = (m) => entities.get(m.entity)!;
  const entityType: RuleContext['entityType'] = (id) => entities.get(id)!.type;
  const nameOf: RuleContext['nameOf'] = (id) => entities.get(id)!.name;
  const add: RuleContext['add'] = (type, source, target) => {
    if (source === target || source === '') return;
    const targetEnd = tracer.trace(current!, target);
    const sourceEnd = tracer.trace(current!, source, targetEnd?.start);
    const ends = sourceEnd && targetEnd ? { source: sourceEnd, target: targetEnd } : undefined;
    found.push({ type, source, target, sentence: current!.sentence, rule: rule!.name, ends });
  };
  for (const sentenceContext of contexts) {
    const { sentence, mentions: here, actor, subject } = sentenceContext;
    places.see(here);
    if (here.length === 0) continue;
    current = sentenceContext;
    const context: RuleContext = { text, sentence, here, subject, actor, places, pageOutlet, entityOf, entityType, nameOf, add };
    for (let i = 0; i < here.length; i++) {
      for (rule of byAnchor.get(here[i]!.type) ?? []) rule.atMention!(context, i);
    }
    for (rule of sentenceRules) rule.inSentence!(context);
  }
  found.push(...creditsOutsideSentences(text, contexts, mentions, outletNamed, tracer));
  return found;
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
  pageOutlet: ResolvedMention | undefined,
  tracer: EndTracer,
): RelationFinding[] {
  // Most pages credit no reporter: the set of the sentences' mentions is then not needed.
  if (!mentions.some((m) => m.via === 'credit' && m.title === 'reporter')) return [];
  const inSentences = new Set(contexts.flatMap((c) => c.mentions));
  const out: RelationFinding[] = [];
  for (const m of mentions) {
    if (m.via !== 'credit' || m.title !== 'reporter' || inSentences.has(m)) continue;
    const lineStart = text.lastIndexOf('\n', m.start - 1) + 1;
    const lineEnd = text.indexOf('\n', m.end) < 0 ? text.length : text.indexOf('\n', m.end);
    const outlet = mentions.findLast((o) => o.via === 'outlet' && o.start >= lineStart && o.end <= m.start) ?? pageOutlet;
    if (!outlet) continue;
    const line = { start: lineStart, end: lineEnd, paragraph: -1 };
    out.push({
      type: 'HOLDS_POSITION',
      source: m.entity,
      target: outlet.entity,
      sentence: line,
      rule: 'credit-line',
      ends: { source: tracer.named(m), target: tracer.outlet(line, outlet) },
    });
  }
  return out;
}
