// The contract of a relation rule: what it starts from (a mention of some types, or the whole
// sentence) and the relations it states (checked: a rule stating another type fails its test).
import type { EntityType, TypedRelationType } from '../../model.ts';
import type { Sentence } from '../normalize/index.ts';
import type { ResolvedEntity, ResolvedMention } from '../resolve/resolve.ts';
import type { PlacesNamed } from './actors.ts';
import type { TextTrace } from './trace.ts';

/** What a rule reads: one sentence of a document, with its mentions and actor. */
export interface RuleContext {
  readonly text: string;
  readonly sentence: Sentence;
  /** The sentence's mentions, in order. */
  readonly here: ResolvedMention[];
  /** The actor named at the sentence's start, if any. */
  readonly subject: string | undefined;
  /** Who acts in the sentence: its subject, else the district the report is about there. */
  readonly actor: string | undefined;
  readonly places: PlacesNamed;
  /** The outlet the page is from (its first), if it names one. */
  readonly pageOutlet: string | undefined;
  entityOf(mention: ResolvedMention): ResolvedEntity;
  entityType(id: string): EntityType;
  nameOf(id: string): string;
  /** States a relation; an empty source (no actor found) is dropped. */
  add(type: TypedRelationType, source: string, target: string): void;
}

export interface RelationRule {
  readonly name: string;
  /** The relations the rule states. */
  readonly states: readonly TypedRelationType[];
  /** What the rule starts from: a mention of one of these types, or the sentence as a whole. */
  readonly anchor: readonly EntityType[] | 'sentence';
  /** A mention rule: runs on here[index]. */
  atMention?(context: RuleContext, index: number): void;
  /** A sentence rule: runs once per sentence, after the mention rules. */
  inSentence?(context: RuleContext): void;
}

/** A relation a rule states, with the sentence that states it and the rule that found it. */
export interface RelationFinding {
  type: TypedRelationType;
  source: string;
  target: string;
  sentence: Sentence;
  /** The rule's name. */
  rule: string;
  /** How the sentence gives each end; absent when it does not reach both (the finding states nothing then). */
  ends: { source: TextTrace; target: TextTrace } | undefined;
}
