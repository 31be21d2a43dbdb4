// The extraction pipeline, composed in one place:
//   SourceDocument → normalize → NormalizedText → extract → mentions → resolve → entities
//   → relate → ExtractionExport (what the store loads and score.mjs reads).
import { isUndirected, CO_MENTIONED, type Diagnostic, type DocumentRecord, type EntityRecord, type Evidence, type ExtractionExport, type FactRecord, type RelationRecord, type RelationType } from './model.ts';
import { normalize, originalSpan, type NormalizedText, type Sentence } from './normalize/index.ts';
import { Gazetteer, MentionFinder, selectMentions, namesToPropagate, propagateNames, listedCompanies, companyShortForms, findFigures } from './extract/index.ts';
import { findRelations, hierarchyRelations, sentenceContexts, type SentenceContext } from './relate/index.ts';
import { resolveEntities, type ResolvedEntity } from './resolve/resolve.ts';
import type { SourceDocument } from './read/read-sources.ts';

/** Bump when the rules change what they extract, so that stored documents are replaced. */
export const EXTRACTOR_VERSION = '2026.12.01-16';

export interface ExtractorOptions {
  /** Where derived data (the per-province village index) is cached between runs. */
  cacheDir: string;
}

export type Extractor = ReturnType<typeof createExtractor>;

/** Builds the extractor once (gazetteer, segmenter) for any number of runs. */
export function createExtractor(options: ExtractorOptions) {
  const gazetteer = new Gazetteer(options.cacheDir);
  const finder = new MentionFinder(gazetteer);

  return {
    /** Extracts a corpus: entities and relations are merged across its documents. */
    extract(sources: SourceDocument[], onDocument?: (id: string) => void): ExtractionExport {
      const found = sources.map((source) => {
        const doc = normalize(source);
        const mentions = selectMentions(finder.find(doc));
        onDocument?.(source.id);
        return { doc, mentions };
      });
      const names = namesToPropagate(found);
      const normalized = found.map(({ doc, mentions }) => ({ doc, mentions: companyShortForms(listedCompanies(doc, propagateNames(doc, mentions, names))) }));
      const { entities, mentionsByDocument } = resolveEntities(normalized, gazetteer);
      const relations = new RelationCollector();
      const facts: FactRecord[] = [];
      for (const { doc } of normalized) {
        const mentions = mentionsByDocument.get(doc.source.id) ?? [];
        // Each sentence with its mentions and actor, computed once for every step below.
        const contexts = sentenceContexts(doc, mentions, entities);
        // One evidence record per sentence, however many relations it supports.
        const evidenceOf = new Map<Sentence, Evidence>();
        const evidence = (sentence: Sentence) => evidenceOf.get(sentence) ?? evidenceOf.set(sentence, sentenceEvidence(doc, sentence)).get(sentence)!;
        for (const finding of findRelations(doc, contexts, entities, mentions)) relations.add(finding.type, finding.source, finding.target, evidence(finding.sentence));
        for (const finding of hierarchyRelations(doc.source.id, contexts, entities, (id, docId) => relations.isLocatedIn(id, docId))) relations.add('LOCATED_IN', finding.source, finding.target, evidence(finding.sentence));
        for (const { sentence, mentions: here } of contexts) {
          const present = firstEntities(here, 20);
          for (let i = 0; i < present.length; i++) {
            for (let j = i + 1; j < present.length; j++) relations.add(CO_MENTIONED, present[i]!, present[j]!, evidence(sentence));
          }
        }
        facts.push(...documentFacts(doc, contexts));
      }
      return {
        documents: normalized.map(({ doc }) => documentRecord(doc)),
        entities: entityRecords(entities, normalized.map((n) => n.doc)),
        relations: relations.records(),
        facts,
      };
    },
  };
}

/** The first `limit` distinct entities of a sentence's mentions, in order of first mention. */
function firstEntities(mentions: ReadonlyArray<{ entity: string }>, limit: number): string[] {
  const out: string[] = [];
  for (const { entity } of mentions) {
    if (out.length === limit) break;
    if (!out.includes(entity)) out.push(entity);
  }
  return out;
}

function sentenceEvidence(doc: NormalizedText, sentence: Sentence): Evidence {
  const [start, end] = originalSpan(doc.analysis, sentence.start, sentence.end);
  return { doc: doc.source.id, start, end, text: doc.source.text.slice(start, end) };
}

/** Figures belong to the actor of their sentence. */
function documentFacts(doc: NormalizedText, contexts: SentenceContext[]): FactRecord[] {
  const actors = new Map(contexts.map((c) => [c.sentence, c.actor]));
  return findFigures(doc).flatMap((figure) => {
    const owner = actors.get(figure.sentence);
    if (!owner) return [];
    return [{ entity: owner, label: figure.label, value: figure.value, unit: figure.unit, evidence: sentenceEvidence(doc, figure.sentence) }];
  });
}

function documentRecord(doc: NormalizedText): DocumentRecord {
  const diagnostics: Diagnostic[] = doc.diagnostics;
  return {
    id: doc.source.id,
    file: doc.source.path,
    hash: doc.source.hash,
    extractor: EXTRACTOR_VERSION,
    title: doc.metadata.title,
    date: doc.metadata.date,
    source: doc.metadata.source,
    authors: doc.metadata.authors,
    script: doc.script,
    encoding: doc.source.encoding,
    text: doc.source.text,
    diagnostics,
  };
}

function entityRecords(entities: Map<string, ResolvedEntity>, docs: NormalizedText[]): EntityRecord[] {
  const byId = new Map(docs.map((d) => [d.source.id, d]));
  return [...entities.values()].map((entity) => entityRecord(entity, byId));
}

function entityRecord(entity: ResolvedEntity, byId: Map<string, NormalizedText>): EntityRecord {
  return {
    id: entity.id,
    type: entity.type,
    name: entity.name,
    aliases: [...entity.aliases].sort(),
    ...(entity.code ? { code: entity.code } : {}),
    ...(entity.level ? { level: entity.level } : {}),
    ...(entity.officialName ? { officialName: entity.officialName } : {}),
    mentions: entity.mentions.map((m) => {
      const doc = byId.get(m.doc)!;
      const [start, end] = originalSpan(doc.analysis, m.start, m.end);
      return { doc: m.doc, start, end };
    }),
  };
}

/** Collects relations by (type, endpoints), merging evidence; undirected ones stored once. */
class RelationCollector {
  /** Every relation, in the order first added. */
  private readonly inOrder: RelationRecord[] = [];
  /**
   * Type → source → target → the relation and, per document, the start of every evidence sentence
   * it holds there. Nested maps of ids the entities already hold, rather than one map of composed
   * ids: adding a relation builds no string, and a repeat is found without a scan. Most relations
   * rest on one sentence of a document: its start is held as a number, a set only from the second.
   */
  private readonly index = new Map<RelationType, Map<string, Map<string, { relation: RelationRecord; held: Map<string, number | Set<number>> }>>>();
  /** The documents in which each source is placed by a LOCATED_IN sentence. */
  private readonly locatedIn = new Map<string, Set<string>>();

  add(type: RelationType, source: string, target: string, evidence: Evidence): void {
    if (source === target) return;
    if (isUndirected(type) && source > target) [source, target] = [target, source];
    const bySource = this.index.get(type) ?? this.index.set(type, new Map()).get(type)!;
    const byTarget = bySource.get(source) ?? bySource.set(source, new Map()).get(source)!;
    let entry = byTarget.get(target);
    if (!entry) {
      entry = { relation: { id: `${type}:${source}->${target}`, type, source, target, weight: 0, evidence: [] }, held: new Map() };
      byTarget.set(target, entry);
      this.inOrder.push(entry.relation);
    }
    if (type === 'LOCATED_IN') (this.locatedIn.get(source) ?? this.locatedIn.set(source, new Set()).get(source)!).add(evidence.doc);
    const { relation, held } = entry;
    const starts = held.get(evidence.doc);
    if (starts === undefined) held.set(evidence.doc, evidence.start);
    else if (typeof starts === 'number') {
      if (starts === evidence.start) return;
      held.set(evidence.doc, new Set([starts, evidence.start]));
    } else {
      if (starts.has(evidence.start)) return;
      starts.add(evidence.start);
    }
    relation.evidence.push(evidence);
    relation.weight = relation.evidence.length;
  }

  /** True when `source` is already placed in something by a sentence of `doc`. */
  isLocatedIn(source: string, doc: string): boolean {
    return this.locatedIn.get(source)?.has(doc) ?? false;
  }

  records(): RelationRecord[] {
    return [...this.inOrder];
  }
}
