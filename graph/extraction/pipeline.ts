// The extraction pipeline, composed in one place:
//   SourceDocument → normalize → NormalizedText → mentions → resolve → entities
//   → relate → ExtractionExport (what the store loads and score.mjs reads).
import type { Diagnostic, DocumentRecord, EntityRecord, ExtractionExport, FactRecord, RelationRecord } from '../model.ts';
import { normalize, originalSpan, type NormalizedText } from './normalize/index.ts';
import {
  Gazetteer,
  MentionFinder,
  selectMentions,
  namesToPropagate,
  propagateNames,
  listedCompanies,
  companyShortForms,
  BOUNDARY_MODEL,
  decideBoundaries,
  type BoundaryCandidate,
  type BoundaryModel,
  type Candidate,
} from './mentions/index.ts';
import { relateDocuments, type RelateInput, type RelateOptions, type RelationModel } from './relate/index.ts';
import { decideEntities, ENTITY_MODEL, type EntityCandidate, type EntityModel } from './resolve/entity-model.ts';
import { resolveEntities, type ResolvedEntity, type ResolvedMention } from './resolve/resolve.ts';
import type { SourceDocument } from './read/read-sources.ts';

/** Bump when the rules or the models change what they extract, so that stored documents are replaced. */
export const EXTRACTOR_VERSION = '2026.12.06-1';

export interface ExtractorOptions {
  /** Where derived data (the per-province village index) is cached between runs. */
  cacheDir: string;
  /** The relation model (default: the trained one); null keeps what the rules find. */
  relationModel?: RelationModel | null;
  /** Sees each document's relation candidates with their cues (training, evaluation). */
  onRelationCandidates?: RelateOptions['onCandidates'];
  /** The boundary model (default: the trained one); null keeps where the recognizers start names. */
  boundaryModel?: BoundaryModel | null;
  /** Sees each document's alternative starts of names with their cues (training, evaluation). */
  onBoundaryCandidates?: (documentId: string, candidates: readonly BoundaryCandidate[]) => void;
  /** The entity model (default: the trained one); null keeps every name the recognizers found. */
  entityModel?: EntityModel | null;
  /** Sees each document's entities with their cues (training, evaluation). */
  onEntityCandidates?: (documentId: string, candidates: readonly EntityCandidate[]) => void;
  /** Keeps the quoted phrases the rules doubt, for the entity model to weigh (default: when there is an entity model). */
  doubtfulQuotes?: boolean;
}

export type Extractor = ReturnType<typeof createExtractor>;

export interface ResolvedCorpus {
  /** Each document with its resolved mentions, in text order. */
  documents: RelateInput[];
  entities: Map<string, ResolvedEntity>;
  /** Each entity's confidence, where a model weighed it. */
  confidence: Map<string, number>;
}

/** One document after the per-document stages: normalized, its mentions found and selected. */
export interface FoundDocument {
  doc: NormalizedText;
  mentions: Candidate[];
}

/** What the relation stage yields for some documents: relations (evidence merged) and figures. */
export interface Related {
  relations: RelationRecord[];
  facts: FactRecord[];
}

/**
 * Runs the per-document stages somewhere else (graph/extraction/pool/: worker threads). `find`
 * answers in the order of `sources`; `relate` answers per document, in the order asked.
 */
export interface DocumentStages {
  find(sources: SourceDocument[], onDocument?: (id: string) => void): Promise<FoundDocument[]>;
  relate(
    documents: Array<{ id: string; mentions: ResolvedMention[] }>,
    entities: Map<string, ResolvedEntity>,
    model: RelationModel | null | undefined,
  ): Promise<Related[]>;
}

/** The per-document stages of one document: normalize → mention finding → selection → where names start. */
export function findInDocument(
  finder: MentionFinder,
  source: SourceDocument,
  boundaries: Pick<ExtractorOptions, 'boundaryModel' | 'onBoundaryCandidates'> = {},
): FoundDocument {
  const doc = normalize(source);
  const model = boundaries.boundaryModel === undefined ? BOUNDARY_MODEL : boundaries.boundaryModel;
  return { doc, mentions: decideBoundaries(doc, selectMentions(finder.find(doc)), model, boundaries.onBoundaryCandidates) };
}

/** The relation stage of one document (with the corpus's entities): what a worker runs. */
export function relateDocument(
  document: RelateInput,
  entities: Map<string, ResolvedEntity>,
  model: RelationModel | null | undefined,
): Related {
  return relateDocuments([document], entities, { model });
}

/** Builds the extractor once (gazetteer, segmenter) for any number of runs. */
export function createExtractor(options: ExtractorOptions) {
  const gazetteer = new Gazetteer(options.cacheDir);
  const finder = new MentionFinder(gazetteer);

  /** The corpus-wide passes over the documents' mentions, resolution and the entity model. */
  function resolveFound(found: FoundDocument[]): ResolvedCorpus {
    const entityModel = options.entityModel === undefined ? ENTITY_MODEL : options.entityModel;
    // Doubtful quotes are for the entity model to weigh (or to learn from): the rules alone keep none.
    if (!(options.doubtfulQuotes ?? Boolean(entityModel?.model)))
      found = found.map((f) => ({ ...f, mentions: f.mentions.filter((m) => m.via !== 'doubtful-quote') }));
    const names = namesToPropagate(found);
    const normalized = found.map(({ doc, mentions }) => ({
      doc,
      mentions: companyShortForms(listedCompanies(doc, propagateNames(doc, mentions, names))),
    }));
    const { entities, mentionsByDocument } = resolveEntities(normalized, gazetteer);
    const documents = normalized.map(({ doc }) => ({ doc, mentions: mentionsByDocument.get(doc.source.id) ?? [] }));
    const confidence = decideEntities(documents, entities, entityModel, options.onEntityCandidates);
    return { documents, entities, confidence };
  }

  function exportOf({ documents, entities, confidence }: ResolvedCorpus, { relations, facts }: Related): ExtractionExport {
    return {
      documents: documents.map(({ doc }) => documentRecord(doc)),
      entities: entityRecords(
        entities,
        documents.map((d) => d.doc),
        confidence,
      ),
      relations,
      facts,
    };
  }

  /** Mentions found, completed across the corpus and resolved: what the relation stage reads. */
  function resolve(sources: SourceDocument[], onDocument?: (id: string) => void): ResolvedCorpus {
    return resolveFound(
      sources.map((source) => {
        const found = findInDocument(finder, source, options);
        onDocument?.(source.id);
        return found;
      }),
    );
  }

  return {
    resolve,
    /** Extracts a corpus: entities and relations are merged across its documents. */
    extract(sources: SourceDocument[], onDocument?: (id: string) => void): ExtractionExport {
      const corpus = resolve(sources, onDocument);
      return exportOf(
        corpus,
        relateDocuments(corpus.documents, corpus.entities, { model: options.relationModel, onCandidates: options.onRelationCandidates }),
      );
    },
    /**
     * The same export, the per-document stages run by `stages` (a pool of worker threads): only the
     * corpus-wide passes, resolution and the entity model run here. Each document's relations are
     * merged in document order, as the relation stage merges them when it reads the whole corpus.
     */
    async extractWith(stages: DocumentStages, sources: SourceDocument[], onDocument?: (id: string) => void): Promise<ExtractionExport> {
      if (options.onEntityCandidates || options.onRelationCandidates || options.onBoundaryCandidates)
        throw new Error('candidate callbacks run in this thread only: use extract()');
      const found = await stages.find(sources, onDocument);
      // Resolution places villages by their lineage in this thread's gazetteer, which loads a
      // province's villages when its own finding meets the province: load those the workers met.
      for (const { mentions } of found)
        for (const mention of mentions)
          for (const division of mention.divisions ?? [])
            if (division.level === 'village') gazetteer.loadVillages(division.code.slice(0, 2));
      const corpus = resolveFound(found);
      const related = await stages.relate(
        corpus.documents.map(({ doc, mentions }) => ({ id: doc.source.id, mentions })),
        corpus.entities,
        options.relationModel,
      );
      return exportOf(corpus, mergeRelated(related));
    },
  };
}

/**
 * The relations of documents related one by one, merged as the relation stage merges them over a
 * corpus: each relation where it first appeared, its evidence in document order, its confidence
 * the highest any document gave it (tests/unit/extract-pool.test.ts holds the two to the same bytes).
 */
function mergeRelated(perDocument: Related[]): Related {
  const relations = new Map<string, RelationRecord>();
  const facts: FactRecord[] = [];
  for (const related of perDocument) {
    for (const relation of related.relations) {
      const held = relations.get(relation.id);
      if (!held) relations.set(relation.id, relation);
      else {
        held.evidence.push(...relation.evidence);
        held.weight = held.evidence.length;
        if (relation.confidence !== undefined && !(held.confidence !== undefined && held.confidence >= relation.confidence))
          held.confidence = relation.confidence;
      }
    }
    facts.push(...related.facts);
  }
  return { relations: [...relations.values()], facts };
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

function entityRecords(entities: Map<string, ResolvedEntity>, docs: NormalizedText[], confidence: Map<string, number>): EntityRecord[] {
  const byId = new Map(docs.map((d) => [d.source.id, d]));
  return [...entities.values()].map((entity) => entityRecord(entity, byId, confidence.get(entity.id)));
}

function entityRecord(entity: ResolvedEntity, byId: Map<string, NormalizedText>, confidence: number | undefined): EntityRecord {
  return {
    id: entity.id,
    type: entity.type,
    name: entity.name,
    aliases: [...entity.aliases].sort(),
    ...(entity.code ? { code: entity.code } : {}),
    ...(entity.level ? { level: entity.level } : {}),
    ...(entity.officialName ? { officialName: entity.officialName } : {}),
    ...(confidence !== undefined ? { confidence: round(confidence) } : {}),
    mentions: entity.mentions.map((m) => {
      const doc = byId.get(m.doc)!;
      const [start, end] = originalSpan(doc.analysis, m.start, m.end);
      return { doc: m.doc, start, end };
    }),
  };
}

const round = (x: number) => Math.round(x * 1000) / 1000;
