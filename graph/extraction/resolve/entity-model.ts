// The entity model: is a resolved name, as one document writes it, a name of its type? A logistic
// regression over cues the recognizers leave (which found it, how often, where, how it ends, whether
// it is an ordinary dictionary word) decides per document; its weights are data
// (entity-model.json, retrained by `npm run train`), and its probability is the entity's confidence.
import type { NormalizedText } from '../normalize/index.ts';
import { isDictionaryWord, isOneExactWord } from '../mentions/segmenter.ts';
import { calibrated, probability, type Calibration, type LogisticModel } from '../learn/logistic.ts';
import trained from './entity-model.json' with { type: 'json' };
import type { ResolvedEntity, ResolvedMention } from './resolve.ts';

export interface EntityModel {
  /** A name whose probability in a document is below it is left out of that document. */
  threshold: number;
  model: LogisticModel | null;
  /** Maps a raw probability to a calibrated one: σ(a·logit(p) + b), fitted on cross-validated predictions. */
  calibration?: Calibration;
}

/** The model in the repository. */
export const ENTITY_MODEL: EntityModel = trained as EntityModel;

/** One entity as one document gives it: the unit the model decides on. */
export interface EntityCandidate {
  entity: string;
  doc: string;
  features: string[];
}

/** The cues of each entity of a document. */
export function entityCandidates(
  doc: NormalizedText,
  mentions: readonly ResolvedMention[],
  entities: Map<string, ResolvedEntity>,
): EntityCandidate[] {
  const byEntity = new Map<string, ResolvedMention[]>();
  for (const m of mentions) (byEntity.get(m.entity) ?? byEntity.set(m.entity, []).get(m.entity)!).push(m);
  const title = doc.metadata.titleLine;
  const out: EntityCandidate[] = [];
  for (const [id, here] of byEntity) {
    const entity = entities.get(id)!;
    const f: string[] = [`type:${entity.type}`];
    const vias = new Set(here.map((m) => m.via));
    for (const via of vias) f.push(`via:${via}`, `${entity.type}|via:${via}`);
    f.push(`vias:${Math.min(vias.size, 3)}`);
    f.push(`mentions:${bucket(here.length, [1, 2, 4, 8])}`);
    const name = entity.name;
    f.push(`len:${bucket([...name].length, [2, 3, 4, 6, 9, 14])}`, `${entity.type}|len:${bucket([...name].length, [2, 3, 4, 6, 9])}`);
    f.push(`end1:${name.slice(-1)}`, `end2:${name.slice(-2)}`);
    if (entity.level) f.push(`level:${entity.level}`);
    if (entity.code) f.push('coded');
    if (entity.aliases.size > 0) f.push('aliased');
    if (/\d/.test(name)) f.push('digit');
    if (/[A-Za-z]/.test(name)) f.push('latin');
    if (/[+＋、]/.test(name)) f.push('joined');
    if (title && here.some((m) => m.start >= title.start && m.end <= title.end)) f.push('in-title');
    if (here.some((m) => m.title)) f.push('titled');
    for (const m of here) if (m.doubt) f.push(`doubt:${m.doubt}`);
    // An ordinary word of the dictionary (电商直播, 工作) is rarely a name of its own.
    if ([...name].length >= 2 && isOneExactWord(name)) f.push('dictionary-word', `${entity.type}|dictionary-word`);
    // A name that starts or ends with a word of the dictionary (普惠型, 闻堰以) is a phrase, for a person.
    if (name.length >= 3 && isDictionaryWord(name.slice(0, 2))) f.push(`${entity.type}|starts-with-word`);
    if (name.length >= 3 && isDictionaryWord(name.slice(-2))) f.push(`${entity.type}|ends-with-word`);
    if (here.some((m) => m.name !== name)) f.push('short-or-variant');
    // What stands right before and after it: a post before a name, a verb of saying after it.
    const text = doc.analysis.text;
    for (const m of here.slice(0, 6)) {
      const before = text[m.start - 1];
      const after = text[m.end];
      if (before) f.push(`${entity.type}|prev:${/\p{Script=Han}/u.test(before) ? before : 'mark'}`);
      if (after) f.push(`${entity.type}|next:${/\p{Script=Han}/u.test(after) ? after : 'mark'}`);
    }
    out.push({ entity: id, doc: doc.source.id, features: f });
  }
  return out;
}

/** The model's probability that the candidate is a name of its type (1 when there is no model): what the threshold reads. */
export function entityProbability(model: EntityModel, candidate: EntityCandidate): number {
  return model.model ? probability(model.model, candidate.features) : 1;
}

function bucket(value: number, edges: number[]): string {
  for (const edge of edges) if (value <= edge) return `≤${edge}`;
  return `>${edges[edges.length - 1]}`;
}

/**
 * Applies the model to a resolved corpus, document by document: in each document, an entity the
 * model doubts there (below the threshold) loses its mentions in it; an entity left with none is
 * gone. A document's names so depend on the document, not on the batch it came in (a report
 * ingested alone and the same report in a folder get the same). Returns each remaining entity's
 * confidence (its best document's, calibrated).
 */
export function decideEntities(
  documents: Array<{ doc: NormalizedText; mentions: ResolvedMention[] }>,
  entities: Map<string, ResolvedEntity>,
  model: EntityModel | null,
  onCandidates?: (documentId: string, candidates: readonly EntityCandidate[]) => void,
): Map<string, number> {
  const confidence = new Map<string, number>();
  if (!model?.model && !onCandidates) return confidence;
  const dropped = new Map<string, Set<string>>();
  for (const document of documents) {
    const candidates = entityCandidates(document.doc, document.mentions, entities);
    onCandidates?.(document.doc.source.id, candidates);
    if (!model?.model) continue;
    const doubted = new Set<string>();
    for (const candidate of candidates) {
      const p = entityProbability(model, candidate);
      if (p < model.threshold) doubted.add(candidate.entity);
      else confidence.set(candidate.entity, Math.max(confidence.get(candidate.entity) ?? 0, calibrated(model.calibration, p)));
    }
    if (doubted.size === 0) continue;
    document.mentions = document.mentions.filter((m) => !doubted.has(m.entity));
    dropped.set(document.doc.source.id, doubted);
  }
  for (const [id, entity] of entities) {
    entity.mentions = entity.mentions.filter((m) => !dropped.get(m.doc)?.has(id));
    if (entity.mentions.length === 0) entities.delete(id);
  }
  return confidence;
}
