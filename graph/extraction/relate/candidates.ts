// Relation candidates and their cues: every pair of parties a sentence gives (the names it writes,
// what its anaphors stand for, the subject it leaves out) that a relation type can join, with the
// cues the relation model weighs: which rules found the pair, the parties' types and places in the
// sentence, and the words between them.
import type { EntityType, TypedRelationType } from '../../model.ts';
import { RELATION_TYPES } from '../../model.ts';
import { clauseStartBefore } from '../mentions/index.ts';
import type { Sentence } from '../normalize/index.ts';
import type { ResolvedEntity } from '../resolve/resolve.ts';
import type { SentenceContext } from './contexts.ts';
import { ACTOR_TYPES, POSTS, SUBJECT_OPENING } from './cues.ts';
import { CUE_WORDS } from './candidates.data.ts';
import type { RelationFinding } from './rule.ts';
import { SIGNATURES } from './signatures.data.ts';
import { PlacesNamed } from './actors.ts';
import { EndTracer, type TextTrace } from './trace.ts';
import type { NormalizedText } from '../normalize/index.ts';
import type { ResolvedMention } from '../resolve/resolve.ts';

/** A pair a sentence gives, for one relation type, with its cues. */
export interface RelationCandidate {
  type: TypedRelationType;
  source: string;
  target: string;
  sentence: Sentence;
  ends: { source: TextTrace; target: TextTrace };
  features: string[];
}

interface Party {
  entity: string;
  type: EntityType;
  trace: TextTrace;
}

/**
 * Every candidate of a document: the pairs each sentence gives, with what the rules found there
 * (`findings`, the official hierarchy's included) among their cues; and the rules' findings on
 * lines that are no sentence of the report (a credit line).
 */
export function proposeRelations(
  doc: NormalizedText,
  contexts: SentenceContext[],
  entities: Map<string, ResolvedEntity>,
  mentions: ResolvedMention[],
  findings: readonly RelationFinding[],
  home: string | undefined,
): RelationCandidate[] {
  const text = doc.analysis.text;
  const places = new PlacesNamed(text, entities);
  const tracer = new EndTracer(
    doc,
    entities,
    places,
    mentions.find((m) => m.via === 'outlet'),
  );
  const bySentence = new Map<number, RelationFinding[]>();
  for (const f of findings) (bySentence.get(f.sentence.start) ?? bySentence.set(f.sentence.start, []).get(f.sentence.start)!).push(f);
  const out: RelationCandidate[] = [];
  const covered = new Set<number>();
  for (const context of contexts) {
    places.see(context.mentions);
    if (context.mentions.length === 0) continue;
    covered.add(context.sentence.start);
    out.push(...sentenceCandidates(text, context, entities, tracer, bySentence.get(context.sentence.start) ?? [], home));
  }
  for (const [start, rest] of bySentence) {
    if (covered.has(start)) continue;
    const line: SentenceContext = {
      sentence: rest[0]!.sentence,
      mentions: [],
      subject: undefined,
      actor: undefined,
      topicNamed: undefined,
    };
    out.push(...sentenceCandidates(text, line, entities, tracer, rest, home));
  }
  // How many sentences of the report give the pair: a relation a report states twice is more likely meant.
  const keys = out.map((c) => `${c.type} ${c.source} ${c.target}`);
  const sentences = new Map<string, number[]>();
  keys.forEach((key, i) => {
    const starts = sentences.get(key);
    const start = out[i]!.sentence.start;
    if (!starts) sentences.set(key, [start]);
    else if (!starts.includes(start)) starts.push(start);
  });
  keys.forEach((key, i) => out[i]!.features.push(`pair-sentences:${bucket(sentences.get(key)!.length, [1, 2, 4])}`));
  return out;
}

/** The most parties of one sentence paired (a list of 40 places is not 1,600 relations). */
const MAX_PARTIES = 16;

/**
 * The candidates of one sentence: each ordered pair of its parties a relation type can join,
 * and each rule finding of the sentence (a finding whose ends the sentence reaches).
 */
function sentenceCandidates(
  text: string,
  context: SentenceContext,
  entities: Map<string, ResolvedEntity>,
  tracer: EndTracer,
  findings: readonly RelationFinding[],
  home: string | undefined,
): RelationCandidate[] {
  const { sentence } = context;
  const parties: Party[] = [];
  const seen = new Set<string>();
  const add = (entity: string, trace: TextTrace) => {
    if (seen.has(entity) || parties.length >= MAX_PARTIES) return;
    seen.add(entity);
    parties.push({ entity, type: entities.get(entity)!.type, trace });
  };
  for (const m of context.mentions) add(m.entity, { link: 'named', start: m.start, end: m.end });
  for (const { entity, trace } of tracer.referents(sentence)) add(entity, trace);
  const omitted = tracer.omitted(context);
  if (omitted) add(omitted.entity, omitted.trace);

  // What the rules found here, by type and pair; and by pair whatever the type.
  const byRule = new Map<string, string[]>();
  const anyRule = new Set<string>();
  for (const f of findings) {
    if (!f.ends) continue;
    const key = `${f.type} ${f.source} ${f.target}`;
    (byRule.get(key) ?? byRule.set(key, []).get(key)!).push(f.rule);
    anyRule.add(`${f.source} ${f.target}`).add(`${f.target} ${f.source}`);
  }

  const out: RelationCandidate[] = [];
  const made = new Set<string>();
  const context_: PairContext = { text, sentence, parties, context, entities, home, cues: new Map() };
  for (const a of parties) {
    for (const b of parties) {
      if (a === b) continue;
      const types = typesJoining(a.type, b.type);
      if (types.length === 0) continue;
      // The pair's cues do not depend on the type: computed once, behind each type's rule cues.
      const cues = pairCues(context_, a, b);
      const otherRule = anyRule.has(`${a.entity} ${b.entity}`);
      for (const type of types) {
        const key = `${type} ${a.entity} ${b.entity}`;
        made.add(key);
        out.push({
          type,
          source: a.entity,
          target: b.entity,
          sentence,
          ends: { source: a.trace, target: b.trace },
          features: [...ruleCues(byRule.get(key) ?? [], otherRule), ...cues],
        });
      }
    }
  }
  // A rule's finding the pairs above did not cover (a credit line's outlet, a party past the cap).
  for (const f of findings) {
    const key = `${f.type} ${f.source} ${f.target}`;
    if (!f.ends || made.has(key)) continue;
    made.add(key);
    const a: Party = { entity: f.source, type: entities.get(f.source)!.type, trace: f.ends.source };
    const b: Party = { entity: f.target, type: entities.get(f.target)!.type, trace: f.ends.target };
    out.push({
      type: f.type,
      source: f.source,
      target: f.target,
      sentence: f.sentence,
      ends: f.ends,
      features: [...ruleCues(byRule.get(key) ?? [], true), ...pairCues({ ...context_, sentence: f.sentence }, a, b)],
    });
  }
  return out;
}

/** The relation types whose signature joins a party of type `a` to one of type `b`, in the model's order. */
const joining = new Map<string, TypedRelationType[]>();
function typesJoining(a: EntityType, b: EntityType): TypedRelationType[] {
  const key = `${a}>${b}`;
  let types = joining.get(key);
  if (!types) {
    types = RELATION_TYPES.filter((type) => SIGNATURES[type].source.includes(a) && SIGNATURES[type].target.includes(b));
    joining.set(key, types);
  }
  return types;
}

interface PairContext {
  text: string;
  sentence: Sentence;
  parties: Party[];
  context: SentenceContext;
  entities: Map<string, ResolvedEntity>;
  home: string | undefined;
  /** The cue words each stretch of the sentence holds, by the stretch (the same one is read for many pairs). */
  cues: Map<string, string[]>;
}

/** The cues of which rules found the pair for this type, or for another. */
function ruleCues(rules: readonly string[], anyRule: boolean): string[] {
  const f = rules.map((rule) => `rule:${rule}`);
  if (rules.length > 0) f.push('rule');
  else if (anyRule) f.push('rule-other-type');
  return f;
}

/** The names of the cue words `stretch` holds, each prefixed with `where`. */
function cueWords(cues: Map<string, string[]>, where: string, stretch: string): string[] {
  const key = `${where}${stretch}`;
  let found = cues.get(key);
  if (!found) {
    found = [];
    for (const [name, cue] of CUE_WORDS) if (cue.test(stretch)) found.push(`${where}${name}`);
    cues.set(key, found);
  }
  return found;
}

/** The cues of a pair whatever the relation type: the parties, where they stand, what lies between and around them. */
function pairCues({ text, sentence, parties, context, entities, home, cues }: PairContext, a: Party, b: Party): string[] {
  const f: string[] = [];
  const ea = entities.get(a.entity)!;
  const eb = entities.get(b.entity)!;
  f.push(`ta:${a.type}`, `tb:${b.type}`, `tab:${a.type}>${b.type}`);
  if (ea.level) f.push(`la:${ea.level}`);
  if (eb.level) f.push(`lb:${eb.level}`);
  f.push(`link-a:${a.trace.link}`, `link-b:${b.trace.link}`);
  if (a.entity === context.subject) f.push('a-subject');
  if (b.entity === context.subject) f.push('b-subject');
  if (a.entity === context.actor) f.push('a-actor');
  if (a.entity === home) f.push('a-home');
  if (b.entity === home) f.push('b-home');
  // Where they stand: order, distance, clauses, who stands between.
  const aStart = a.trace.start,
    aEnd = a.trace.end,
    bStart = b.trace.start,
    bEnd = b.trace.end;
  const before = aEnd <= bStart;
  f.push(before ? 'a-before-b' : bEnd <= aStart ? 'b-before-a' : 'overlap');
  const [from, to] = before ? [aEnd, bStart] : [bEnd, aStart];
  const gap = to >= from ? text.slice(from, to) : '';
  f.push(`gap:${bucket(gap.length, [0, 1, 2, 4, 8, 16, 32])}`);
  const clauses = (gap.match(/[，,；;：:]/g) ?? []).length;
  f.push(`clauses:${Math.min(clauses, 3)}`);
  if (gap === '') f.push('adjacent');
  else if (gap.length === 1) f.push(`gap-char:${gap}`);
  f.push(...cueWords(cues, 'between:', gap));
  // The clause after the later party, up to its end, and the clause before the earlier one.
  const later = Math.max(aEnd, bEnd);
  const after = text.slice(later, Math.min(sentence.end, later + 12)).split(/[，,。；;]/)[0]!;
  f.push(...cueWords(cues, 'after:', after));
  const earlier = Math.min(aStart, bStart);
  const opening = text.slice(clauseStartBefore(text, sentence, Math.max(sentence.start, earlier)), earlier);
  if (SUBJECT_OPENING.test(opening)) f.push(before ? 'a-opens-clause' : 'b-opens-clause');
  f.push(...cueWords(cues, 'opening:', opening));
  let between = 0,
    actorsBetween = 0;
  for (const p of parties) {
    if (p === a || p === b || p.trace.link !== 'named') continue;
    if (p.trace.start >= from && p.trace.end <= to) {
      between++;
      if (ACTOR_TYPES.has(p.type)) actorsBetween++;
      if (p.type === b.type) f.push('same-type-as-b-between');
      if (p.type === a.type) f.push('same-type-as-a-between');
    }
  }
  f.push(`between-parties:${Math.min(between, 3)}`, `between-actors:${Math.min(actorsBetween, 2)}`);
  // Of places written one inside the next (台州市黄岩区), the outer and the inner.
  if (a.trace.link === 'named' && parties.some((p) => p !== a && p.trace.start === aEnd && p.type === a.type)) f.push('a-outer');
  if (b.trace.link === 'named' && parties.some((p) => p !== b && p.trace.start === bEnd && p.type === b.type)) f.push('b-outer');
  if (b.type === 'Person' || a.type === 'Person') {
    const person = a.type === 'Person' ? a : b;
    const post = text.slice(Math.max(sentence.start, person.trace.start - 8), person.trace.start);
    if (POSTS.test(post.slice(-6)) || /(?:书记|主任|长|经理|董事长|负责人|记者)$/.test(post)) f.push('person-after-post');
  }
  f.push(`parties:${bucket(parties.length, [2, 3, 5, 8, 12])}`);
  return f;
}

function bucket(value: number, edges: number[]): string {
  for (const edge of edges) if (value <= edge) return `≤${edge}`;
  return `>${edges[edges.length - 1]}`;
}
