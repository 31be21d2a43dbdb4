// What recognizers yield: a candidate mention, typed, with the recognizer's source (`via`) that
// ranks it against overlapping ones (priority) and votes for its type (weight).
import type { DistrictLevel, EntityType } from '../../model.ts';
import type { Span } from '../normalize/index.ts';
import type { Division } from './gazetteer.ts';

export type MentionSource =
  | 'book'
  | 'designation'
  | 'quote'
  | 'doubtful-quote'
  | 'division'
  | 'short-division'
  | 'zone'
  | 'village'
  | 'suffix'
  | 'person'
  | 'outlet'
  | 'credit'
  | 'known'
  | 'issuer'
  | 'segment';

export interface Candidate extends Span {
  type: EntityType;
  /** The name as the text writes it (simplified, without quote marks). */
  name: string;
  /** Another name the same mention supports (the quoted part of “三点半”课堂). */
  alias?: string;
  via: MentionSource;
  /** Official divisions the name may denote, for districts and villages. */
  divisions?: Division[];
  level?: DistrictLevel;
  /** The post before a person's name (书记), or the credit (reporter). */
  title?: string;
  /** For a doubtful quote, the check that doubts it (nothing-done, ordinary-word, short, policy-word): a cue of the entity model. */
  doubt?: string;
}

/** How a source's mentions rank: `priority` among overlapping candidates, `weight` in the vote on a name's type. */
export interface SourceRank {
  priority: number;
  weight: number;
  /** Its candidates take only characters no other candidate takes, whatever their length (a doubtful quote). */
  fillsGaps?: boolean;
}
