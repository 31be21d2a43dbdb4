// The contract of a recognizer: one kind of name, found in one document, declared with the stage it
// runs in, what it needs from the stages before, and how its sources rank (see registry.ts).
import type { NormalizedText, Sentence } from '../normalize/index.ts';
import type { Candidate, MentionSource, SourceRank } from './candidate.ts';
import type { Gazetteer } from './gazetteer.ts';

/**
 * Stages run in this order; a recognizer sees what the stages before its own found.
 * `marked`: spans with certain edges and full official names; `places`: short forms and villages,
 * read within the report's region; `names`: names anchored on a suffix or the report's own
 * district; `page`: the outlets and people the page credits.
 */
export const STAGES = ['marked', 'places', 'names', 'page'] as const;
export type Stage = (typeof STAGES)[number];

/** What a recognizer reads besides the text: computed once, when a stage first needs it. */
export type Need = 'regions' | 'district-ends' | 'home' | 'found' | 'found-in-sentence';

export interface MentionContext {
  readonly doc: NormalizedText;
  /** The analysed (simplified) text. */
  readonly text: string;
  readonly gazetteer: Gazetteer;
  /** `regions`: codes of the provinces, cities and counties the report is about. */
  readonly regions: ReadonlySet<string>;
  /** `district-ends`: where the districts found so far end (a village's name may start there). */
  readonly districtEnds: ReadonlySet<number>;
  /** `home`: the county-level district the report names most (the one it is about). */
  readonly home: string | undefined;
  /** `found`: everything the earlier stages (and earlier recognizers of this one) found. */
  readonly found: readonly Candidate[];
  /** `found-in-sentence`: what the earlier stages found overlapping the sentence of that index. */
  foundIn(sentenceIndex: number): readonly Candidate[];
}

export interface Recognizer {
  readonly name: string;
  readonly stage: Stage;
  readonly needs: readonly Need[];
  /** The sources its candidates carry, with their rank. */
  readonly sources: Partial<Record<MentionSource, SourceRank>>;
  /** Runs once per document, before the stage's sentence pass. */
  inDocument?(context: MentionContext, out: Candidate[]): void;
  /** Runs on each sentence, after the document-level recognizers of the stage. */
  inSentence?(context: MentionContext, sentence: Sentence, index: number, out: Candidate[]): void;
  /** Runs after the stage, on everything found so far (to qualify names, not to add any). */
  refine?(context: MentionContext, candidates: Candidate[]): void;
}
