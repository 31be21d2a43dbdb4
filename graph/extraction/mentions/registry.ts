// Every recognizer, in one list: the order within a stage is the order they run in. The ranks of
// their sources (priority among overlapping candidates, weight in the vote on a name's type) are
// declared by the recognizers themselves and gathered here.
import type { MentionSource, SourceRank } from './candidate.ts';
import { CORPUS_SOURCES } from './corpus-names.ts';
import { STAGES, type Recognizer } from './recognizer.ts';
import { bookTitles } from './recognizers/book-titles.ts';
import { designations, issuedDocuments } from './recognizers/designations.ts';
import { documentIssuers } from './recognizers/document-issuers.ts';
import { enumerations } from './recognizers/enumerations.ts';
import { headquarters } from './recognizers/headquarters.ts';
import { localAuthorities } from './recognizers/local-authorities.ts';
import { officialDivisions } from './recognizers/official-divisions.ts';
import { pageCredits } from './recognizers/page-credits.ts';
import { persons } from './recognizers/persons.ts';
import { quotedNames } from './recognizers/quoted-names.ts';
import { shortDivisions } from './recognizers/short-divisions.ts';
import { suffixNames } from './recognizers/suffix-names.ts';
import { segmentedPersons } from './recognizers/segmented-persons.ts';
import { villages } from './recognizers/villages.ts';

export const RECOGNIZERS: readonly Recognizer[] = [
  // marked: spans whose edges are certain, and full official names
  bookTitles,
  documentIssuers,
  quotedNames,
  designations,
  headquarters,
  issuedDocuments,
  officialDivisions,
  persons,
  // places: read within the report's region
  shortDivisions,
  villages,
  // names: anchored on a suffix or on the report's own district
  localAuthorities,
  suffixNames,
  enumerations,
  segmentedPersons,
  // page: credits
  pageCredits,
];

/** Each source's rank; a source declared twice must be declared alike. */
export const SOURCE_RANKS: Readonly<Record<MentionSource, SourceRank>> = gatherRanks();

function gatherRanks(): Record<MentionSource, SourceRank> {
  const ranks: Partial<Record<MentionSource, SourceRank>> = {};
  const declare = (declared: Partial<Record<MentionSource, SourceRank>>, by: string) => {
    for (const [source, rank] of Object.entries(declared) as Array<[MentionSource, SourceRank]>) {
      const known = ranks[source];
      if (known && (known.priority !== rank.priority || known.weight !== rank.weight || known.fillsGaps !== rank.fillsGaps))
        throw new Error(`${by} ranks the source ${source} unlike another recognizer`);
      ranks[source] = rank;
    }
  };
  for (const recognizer of RECOGNIZERS) declare(recognizer.sources, recognizer.name);
  declare(CORPUS_SOURCES, 'corpus-names');
  return ranks as Record<MentionSource, SourceRank>;
}

/** The recognizers of each stage, in stage order. */
export function recognizersByStage(
  recognizers: readonly Recognizer[] = RECOGNIZERS,
): Array<{ stage: (typeof STAGES)[number]; recognizers: Recognizer[] }> {
  return STAGES.map((stage) => ({ stage, recognizers: recognizers.filter((r) => r.stage === stage) }));
}
