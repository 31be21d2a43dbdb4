// Runs the registered recognizers over one document, stage by stage, giving each what it declared
// it needs (the report's regions, where districts end, its home district, what was found before).
import type { NormalizedText, Sentence } from '../normalize/index.ts';
import { sentenceIndexAfter } from '../normalize/index.ts';
import type { Candidate } from './candidate.ts';
import type { Gazetteer } from './gazetteer.ts';
import type { MentionContext, Recognizer } from './recognizer.ts';
import { RECOGNIZERS, recognizersByStage } from './registry.ts';
import { documentRegions, homeCounty } from './regions.ts';
import { withDocumentMemo } from './segmenter.ts';

export class MentionFinder {
  /** Each stage's recognizers, what they need and which read sentence by sentence: worked out once, not per document. */
  private readonly stages: Array<{
    recognizers: Recognizer[];
    needs: Set<string>;
    perSentence: Recognizer[];
    needsFoundInSentence: boolean;
  }>;

  constructor(
    private readonly gazetteer: Gazetteer,
    recognizers: readonly Recognizer[] = RECOGNIZERS,
  ) {
    this.stages = recognizersByStage(recognizers).map(({ recognizers }) => {
      const perSentence = recognizers.filter((r) => r.inSentence);
      return {
        recognizers,
        perSentence,
        needs: new Set(recognizers.flatMap((r) => r.needs)),
        needsFoundInSentence: perSentence.some((r) => r.needs.includes('found-in-sentence')),
      };
    });
  }

  /** All candidate mentions of a document, overlapping; {@link selectMentions} picks among them. */
  find(doc: NormalizedText): Candidate[] {
    return withDocumentMemo(() => this.findIn(doc));
  }

  private findIn(doc: NormalizedText): Candidate[] {
    const gazetteer = this.gazetteer;
    const text = doc.analysis.text;
    const candidates: Candidate[] = [];
    const districtEnds = new Set<number>();
    let regions: Set<string> | undefined;
    let home: string | undefined;
    let homeKnown = false;
    let bySentenceFound: Candidate[][] = [];
    const context: MentionContext = {
      doc,
      text,
      gazetteer,
      districtEnds,
      get regions() {
        return regions ?? new Set<string>();
      },
      get home() {
        return home;
      },
      found: candidates,
      foundIn: (index) => bySentenceFound[index] ?? [],
    };
    let scratch: Candidate[] = [];
    // Everything a recognizer yields is kept in order; districts mark where a village may start.
    // Most calls yield nothing: a new array only after one that did (emptying one costs more).
    const keep = () => {
      if (scratch.length === 0) return;
      for (const c of scratch) {
        candidates.push(c);
        if (c.type === 'District') districtEnds.add(c.end);
      }
      scratch = [];
    };
    for (const { recognizers, needs, perSentence, needsFoundInSentence } of this.stages) {
      if (recognizers.length === 0) continue;
      if ((needs.has('regions') || needs.has('district-ends')) && !regions) {
        regions = documentRegions(gazetteer, candidates, text, doc.sentences);
        for (const province of new Set([...regions].map((code) => code.slice(0, 2)))) gazetteer.loadVillages(province);
      }
      // The report's own district, for 区委 and 区共富领导小组: the places are all found by now.
      if (needs.has('home') && !homeKnown) {
        home = homeCounty(candidates);
        homeKnown = true;
      }
      for (const recognizer of recognizers) {
        recognizer.inDocument?.(context, scratch);
        keep();
      }
      if (perSentence.length > 0) {
        if (needsFoundInSentence) bySentenceFound = bySentence(doc.sentences, candidates);
        for (let index = 0; index < doc.sentences.length; index++) {
          const sentence = doc.sentences[index]!;
          for (const recognizer of perSentence) {
            recognizer.inSentence!(context, sentence, index, scratch);
            keep();
          }
        }
        bySentenceFound = [];
      }
      for (const recognizer of recognizers) recognizer.refine?.(context, candidates);
    }
    return candidates;
  }
}

/** The candidates that overlap each sentence (sentences are in order and do not overlap). */
function bySentence(sentences: Sentence[], candidates: Candidate[]): Candidate[][] {
  const buckets = sentences.map((): Candidate[] => []);
  for (const c of candidates) {
    for (let i = sentenceIndexAfter(sentences, c.start); i < sentences.length && sentences[i]!.start < c.end; i++) buckets[i]!.push(c);
  }
  return buckets;
}
