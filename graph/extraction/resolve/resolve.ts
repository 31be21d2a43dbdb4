// Stage 3: merges mentions into entities within and across documents. Districts and villages are
// linked to their official division when the context decides between same-named places; short
// and prefixed forms become aliases of the canonical name.
import type { DistrictLevel, EntityType } from '../../model.ts';
import { SOURCE_RANKS, type Candidate, type Division, type Gazetteer } from '../mentions/index.ts';
import { originalSpan, sentenceIndexAfter, type NormalizedText, type Sentence } from '../normalize/index.ts';

export interface ResolvedMention extends Candidate {
  /** Id of the document it is in. */
  doc: string;
  entity: string;
}

export interface ResolvedEntity {
  id: string;
  type: EntityType;
  name: string;
  aliases: Set<string>;
  code?: string;
  level?: DistrictLevel;
  officialName?: string;
  mentions: ResolvedMention[];
}

export interface Resolution {
  entities: Map<string, ResolvedEntity>;
  mentionsByDocument: Map<string, ResolvedMention[]>;
}

/** Picks the division a district or village mention denotes, from the other places around it. */
function linkDivision(
  candidate: Candidate,
  sentenceCodes: Set<string>,
  documentCodes: Set<string>,
  gazetteer: Gazetteer,
): Division | undefined {
  const options = candidate.divisions ?? [];
  if (options.length === 1) return options[0];
  let best: Division | undefined;
  let bestScore = 0;
  let tie = false;
  for (const division of options) {
    const ancestors = gazetteer.lineage(division.code).slice(1);
    let score = 0;
    for (const ancestor of ancestors) {
      if (sentenceCodes.has(ancestor.code)) score += 4;
      if (documentCodes.has(ancestor.code)) score += ancestor.level === 'province' ? 1 : 2;
    }
    if (score > bestScore) {
      best = division;
      bestScore = score;
      tie = false;
    } else if (score === bestScore) tie = true;
  }
  return tie || bestScore === 0 ? undefined : best;
}

interface Surface {
  doc: string;
  candidate: Candidate;
  division?: Division;
  canonical: string;
  /** The name as the original text writes it (traditional characters, say), when that differs. */
  original: string | undefined;
}

const READINGS = /\([a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ1-5]{1,7}\)/g;

function originalForm(doc: NormalizedText, m: Candidate): string | undefined {
  // Analysed as written (nothing removed or converted): the original form, less any reading in
  // it, is never another name of the same length.
  if (doc.analysis.text === doc.source.text) return undefined;
  const [start, end] = originalSpan(doc.analysis, m.start, m.end);
  const form = doc.source.text
    .slice(start, end)
    .replace(READINGS, '')
    .replace(/[“”"‘’「」《》]/g, '');
  const surface = doc.analysis.text.slice(m.start, m.end).replace(/[“”"‘’「」《》]/g, '');
  return form !== surface && form.length === surface.length ? form : undefined;
}

/** The sentence holding the whole of a span, if one does. */
function sentenceOf(sentences: Sentence[], span: { start: number; end: number }): Sentence | undefined {
  const sentence = sentences[sentenceIndexAfter(sentences, span.start)];
  return sentence && sentence.start <= span.start && span.end <= sentence.end ? sentence : undefined;
}

/** Resolves the selected mentions of every document into corpus-wide entities. */
export function resolveEntities(documents: Array<{ doc: NormalizedText; mentions: Candidate[] }>, gazetteer: Gazetteer): Resolution {
  const surfaces: Surface[] = [];
  for (const { doc, mentions } of documents) {
    // Codes of the unambiguous places of the document, and of each sentence: the context that decides.
    const documentCodes = new Set<string>();
    for (const m of mentions)
      if (m.divisions?.length === 1) for (const d of gazetteer.lineage(m.divisions[0]!.code)) documentCodes.add(d.code);
    // The places of each sentence, looked up once rather than by scanning every mention per place.
    const placesBySentence = new Map<Sentence, Candidate[]>();
    for (const m of mentions) {
      if (!m.divisions) continue;
      const sentence = sentenceOf(doc.sentences, m);
      if (!sentence) continue;
      const places = placesBySentence.get(sentence);
      if (places) places.push(m);
      else placesBySentence.set(sentence, [m]);
    }
    for (const m of mentions) {
      let division: Division | undefined;
      if (m.divisions) {
        const sentence = sentenceOf(doc.sentences, m);
        const sentenceCodes = new Set<string>();
        for (const other of sentence ? (placesBySentence.get(sentence) ?? []) : []) {
          if (other !== m) for (const d of other.divisions!) sentenceCodes.add(d.code);
        }
        division = linkDivision(m, sentenceCodes, documentCodes, gazetteer);
        if (division) for (const d of gazetteer.lineage(division.code)) documentCodes.add(d.code);
      }
      surfaces.push({ doc: doc.source.id, candidate: m, division, canonical: division?.name ?? m.name, original: originalForm(doc, m) });
    }
  }

  // One type per canonical name, by weighted vote over all its mentions.
  const votes = new Map<string, Map<EntityType, number>>();
  for (const s of surfaces) {
    const byType = votes.get(s.canonical) ?? new Map<EntityType, number>();
    byType.set(s.candidate.type, (byType.get(s.candidate.type) ?? 0) + SOURCE_RANKS[s.candidate.via].weight);
    votes.set(s.canonical, byType);
  }
  // Each name's winner, decided once: it is asked for every name pair and every surface below.
  const winners = new Map([...votes].map(([name, byType]) => [name, [...byType.entries()].sort((a, b) => b[1] - a[1])[0]![0]]));
  const typeOf = (name: string): EntityType => winners.get(name)!;

  // A longer name that ends with a shorter one of the same type is the same thing with a
  // qualifier (高质量发展建设共同富裕示范区 → 共同富裕示范区; 温州龙湾区委 → 龙湾区委).
  // Unless a place makes the longer one specific and the shorter is nobody's in particular:
  // 沿江第一社区联合党委 is not 社区联合党委.
  const names = [...votes.keys()];
  const places = new Set(names.filter((name) => ['District', 'Village'].includes(typeOf(name))));
  const startsWithPlace = (name: string) => {
    for (let length = 2; length <= Math.min(12, name.length - 1); length++) if (places.has(name.slice(0, length))) return true;
    return false;
  };
  const canonicalOf = new Map<string, string>();
  const byLength = [...names].sort((a, b) => a.length - b.length);
  for (const name of names) {
    const type = typeOf(name);
    if (type === 'Person' || type === 'District' || type === 'Village') continue;
    const shorter = byLength.find(
      (other) => other.length >= 4 && other.length < name.length && name.endsWith(other) && typeOf(other) === type,
    );
    if (shorter && !(startsWithPlace(name) && !startsWithPlace(shorter))) canonicalOf.set(name, shorter);
  }
  const finalName = (name: string): string => {
    let current = name;
    for (let i = 0; i < 5 && canonicalOf.has(current); i++) current = canonicalOf.get(current)!;
    return current;
  };

  const entities = new Map<string, ResolvedEntity>();
  const mentionsByDocument = new Map<string, ResolvedMention[]>();
  const linkedByName = new Map<string, Division[]>();
  for (const s of surfaces) {
    if (!s.division) continue;
    const list = linkedByName.get(s.canonical) ?? [];
    if (!list.some((d) => d.code === s.division!.code)) list.push(s.division);
    linkedByName.set(s.canonical, list);
  }
  // Each id built once (type → name → code, '' for none) and the same string looked up after:
  // a new string per mention would be built and hashed for every look-up.
  const ids = new Map<EntityType, Map<string, Map<string, string>>>();
  for (const s of surfaces) {
    const name = finalName(s.canonical);
    const type = typeOf(s.canonical);
    // An unlinked mention of a name linked elsewhere in the corpus to exactly one place is that place.
    const division = s.division ?? (linkedByName.get(name)?.length === 1 ? linkedByName.get(name)![0] : undefined);
    const placed = division && (type === 'District' || type === 'Village');
    const byName = ids.get(type) ?? ids.set(type, new Map()).get(type)!;
    const byCode = byName.get(name) ?? byName.set(name, new Map()).get(name)!;
    const code = placed ? division.code : '';
    let id = byCode.get(code);
    if (id === undefined) byCode.set(code, (id = placed ? `${type}:${name}#${division.code}` : `${type}:${name}`));
    let entity = entities.get(id);
    if (!entity) {
      entity = { id, type, name, aliases: new Set(), mentions: [] };
      if (division && (type === 'District' || type === 'Village')) {
        entity.code = division.code;
        entity.officialName = division.officialName;
        if (division.level !== 'village') entity.level = division.level;
      }
      entities.set(id, entity);
    }
    if (type === 'District' && !entity.level) entity.level = s.candidate.level;
    for (const form of [s.candidate.name, s.canonical, s.candidate.alias, s.original]) if (form && form !== name) entity.aliases.add(form);
    const mention: ResolvedMention = { ...s.candidate, doc: s.doc, entity: id };
    entity.mentions.push(mention);
    const list = mentionsByDocument.get(s.doc) ?? [];
    list.push(mention);
    mentionsByDocument.set(s.doc, list);
  }
  return { entities, mentionsByDocument };
}
