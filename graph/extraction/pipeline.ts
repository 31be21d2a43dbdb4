// The extraction pipeline, composed in one place:
//   SourceDocument → normalize → NormalizedText → mentions → resolve → entities
//   → relate → ExtractionExport (what the store loads and score.mjs reads).
import type { Diagnostic, DocumentRecord, EntityRecord, ExtractionExport } from '../model.ts';
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
} from './mentions/index.ts';
import { relateDocuments, type RelateInput, type RelateOptions, type RelationModel } from './relate/index.ts';
import { decideEntities, ENTITY_MODEL, type EntityCandidate, type EntityModel } from './resolve/entity-model.ts';
import { resolveEntities, type ResolvedEntity } from './resolve/resolve.ts';
import type { SourceDocument } from './read/read-sources.ts';

/** Bump when the rules change what they extract, so that stored documents are replaced. */
export const EXTRACTOR_VERSION = '2026.12.01-16';

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
}

export type Extractor = ReturnType<typeof createExtractor>;

export interface ResolvedCorpus {
  /** Each document with its resolved mentions, in text order. */
  documents: RelateInput[];
  entities: Map<string, ResolvedEntity>;
  /** Each entity's confidence, where a model weighed it. */
  confidence: Map<string, number>;
}

/** Builds the extractor once (gazetteer, segmenter) for any number of runs. */
export function createExtractor(options: ExtractorOptions) {
  const gazetteer = new Gazetteer(options.cacheDir);
  const finder = new MentionFinder(gazetteer);

  /** Mentions found, completed across the corpus and resolved: what the relation stage reads. */
  function resolve(sources: SourceDocument[], onDocument?: (id: string) => void): ResolvedCorpus {
    const found = sources.map((source) => {
      const doc = normalize(source);
      const boundaryModel = options.boundaryModel === undefined ? BOUNDARY_MODEL : options.boundaryModel;
      const mentions = decideBoundaries(doc, selectMentions(finder.find(doc)), boundaryModel, options.onBoundaryCandidates);
      onDocument?.(source.id);
      return { doc, mentions };
    });
    const names = namesToPropagate(found);
    const normalized = found.map(({ doc, mentions }) => ({
      doc,
      mentions: companyShortForms(listedCompanies(doc, propagateNames(doc, mentions, names))),
    }));
    const { entities, mentionsByDocument } = resolveEntities(normalized, gazetteer);
    const documents = normalized.map(({ doc }) => ({ doc, mentions: mentionsByDocument.get(doc.source.id) ?? [] }));
    const entityModel = options.entityModel === undefined ? ENTITY_MODEL : options.entityModel;
    const confidence = decideEntities(documents, entities, entityModel, options.onEntityCandidates);
    return { documents, entities, confidence };
  }

  return {
    resolve,
    /** Extracts a corpus: entities and relations are merged across its documents. */
    extract(sources: SourceDocument[], onDocument?: (id: string) => void): ExtractionExport {
      const { documents, entities, confidence } = resolve(sources, onDocument);
      const { relations, facts } = relateDocuments(documents, entities, {
        model: options.relationModel,
        onCandidates: options.onRelationCandidates,
      });
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
    },
  };
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
