// One part of extraction run alone on a short text written for its test, as spaCy's tests run one
// pipe: a recognizer after only the recognizers whose findings it reads, or one relation rule over
// a text read and resolved as a report is.
import { createExtractor, type SourceDocument } from '../../graph/extraction/index.ts';
import { Gazetteer, MentionFinder, type Candidate, type MentionContext, type Recognizer } from '../../graph/extraction/mentions/index.ts';
import { normalize } from '../../graph/extraction/normalize/index.ts';
import { findRelations, sentenceContexts, type RelationFinding, type RelationRule } from '../../graph/extraction/relate/index.ts';
import { hierarchyRelations } from '../../graph/extraction/relate/rules/located-in.ts';
import type { TypedRelationType } from '../../graph/model.ts';
import { CACHE_DIR } from './seeds.ts';

/** A short text as a report read from a file. */
export function report(text: string, id = 'report.txt'): SourceDocument {
  return { id, path: id, hash: String(text.length), encoding: 'utf-8', format: 'text', text };
}

let gazetteer: Gazetteer | undefined;
let extractor: ReturnType<typeof createExtractor> | undefined;

export interface Observer {
  /** Sees (and may wrap) the context each call of the recognizer gets. */
  context?(context: MentionContext): MentionContext;
  /** Sees what each call added, and, for `refine`, how many candidates there were before. */
  yielded?(added: Candidate[], call: 'inDocument' | 'inSentence' | 'refine'): void;
}

/** The recognizer with every call observed; what it does is unchanged. */
export function observed(recognizer: Recognizer, observer: Observer): Recognizer {
  const context = (c: MentionContext) => observer.context?.(c) ?? c;
  const watch = (out: Candidate[], call: 'inDocument' | 'inSentence' | 'refine', run: () => void) => {
    const from = out.length;
    run();
    observer.yielded?.(out.slice(from), call);
  };
  const { inDocument, inSentence, refine } = recognizer;
  return {
    ...recognizer,
    ...(inDocument && { inDocument: (c, out) => watch(out, 'inDocument', () => inDocument(context(c), out)) }),
    ...(inSentence && {
      inSentence: (c, sentence, index, out) => watch(out, 'inSentence', () => inSentence(context(c), sentence, index, out)),
    }),
    ...(refine && { refine: (c, candidates) => watch(candidates, 'refine', () => refine(context(c), candidates)) }),
  };
}

/** Runs the recognizers over each text as the mention finder does. */
export function findMentions(recognizers: readonly Recognizer[], texts: readonly string[]): Candidate[][] {
  gazetteer ??= new Gazetteer(CACHE_DIR);
  const finder = new MentionFinder(gazetteer, recognizers);
  return texts.map((text, i) => finder.find(normalize(report(text, `report-${i}.txt`))));
}

/**
 * What `recognizer` finds in `text`, run after `upon` (the recognizers whose findings it reads:
 * what it needs is computed from theirs), whose own candidates are left out.
 */
export function recognize(recognizer: Recognizer, text: string, upon: readonly Recognizer[] = []): Candidate[] {
  const own: Candidate[] = [];
  findMentions([...upon, observed(recognizer, { yielded: (added) => own.push(...added) })], [text]);
  return own;
}

/** `[type, name]` of each candidate, in the order found: what a test of a recognizer reads. */
export function named(candidates: readonly Candidate[]): Array<[string, string]> {
  return candidates.map((c) => [c.type, c.name]);
}

/** Every relation the rules state in each report, read and resolved as the pipeline does. */
export function relationFindings(
  sources: readonly SourceDocument[],
  rules: readonly RelationRule[],
): Array<RelationFinding & { sourceName: string; targetName: string }> {
  extractor ??= createExtractor({ cacheDir: CACHE_DIR, entityModel: null, relationModel: null });
  const { documents, entities } = extractor.resolve([...sources]);
  return documents.flatMap(({ doc, mentions }) =>
    findRelations(doc, sentenceContexts(doc, mentions, entities), entities, mentions, rules).map((finding) => ({
      ...finding,
      sourceName: entities.get(finding.source)!.name,
      targetName: entities.get(finding.target)!.name,
    })),
  );
}

/** `[type, source name, target name]` of each relation `rules` alone state in `text`. */
export function relate(text: string, rules: readonly RelationRule[]): Array<[TypedRelationType, string, string]> {
  const names = new Set(rules.map((rule) => rule.name));
  return relationFindings([report(text)], rules)
    .filter((finding) => names.has(finding.rule))
    .map((finding) => [finding.type, finding.sourceName, finding.targetName]);
}

/** `[type, source name, target name]` of each relation the page's credit lines state in `text`, no rule run. */
export function creditLines(text: string): Array<[TypedRelationType, string, string]> {
  return relationFindings([report(text)], [])
    .filter((finding) => finding.rule === 'credit-line')
    .map((finding) => [finding.type, finding.sourceName, finding.targetName]);
}

/** `[source name, target name]` of each LOCATED_IN the official hierarchy alone states in `text`. */
export function officialHierarchy(text: string): Array<[string, string]> {
  extractor ??= createExtractor({ cacheDir: CACHE_DIR, entityModel: null, relationModel: null });
  const { documents, entities } = extractor.resolve([report(text)]);
  const [{ doc, mentions }] = documents as [(typeof documents)[number]];
  return hierarchyRelations(doc.source.id, sentenceContexts(doc, mentions, entities), entities, () => false).map((finding) => [
    entities.get(finding.source)!.name,
    entities.get(finding.target)!.name,
  ]);
}
