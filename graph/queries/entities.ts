// Entities and relations by id, in batches (the API's DataLoaders call these), and their details.
// Each function is one statement for all the ids it is given.
import { isRelationType, isUndirected, RELATION_TYPES, type EndTrace, type EvidenceEnds, type RelationType } from '../model.ts';
import type { ReadOptions } from '../db/store/index.ts';
import type { QueryContext } from './context.ts';
import { offsetAfter, pageOf } from './cursor.ts';
import { documentView } from './documents-cypher.ts';
import { spansOf, toDocumentView } from './documents-view.ts';
import * as cypher from './entities-cypher.ts';
import { badInput } from './errors.ts';
import type {
  EntityDocumentView,
  EndTraceView,
  EntityView,
  EvidenceEndsView,
  EvidenceView,
  FactView,
  HighlightView,
  Page,
  PageArgs,
  RelationCountView,
  RelationView,
} from './views.ts';

type Row = Record<string, unknown>;

/** Innermost first; a district of unknown level is placed by its distance. */
const LEVEL_RANK: Readonly<Record<string, number>> = { township: 1, zone: 1, county: 2, city: 3, province: 4 };

/** The significant part of a GB/T 2260 code: 330300 → 3303, whose subdivisions' codes start with it. */
const codePrefix = (code: string) => (code.length === 6 ? code.replace(/(00)+$/, '') : code.replace(/0{3}$/, ''));

/** Mentions inside [start, end) of a sentence, in text order. */
export function highlightsWithin(
  start: number,
  end: number,
  mentions: Array<{ entityId: unknown; starts: unknown; ends: unknown }>,
): HighlightView[] {
  const out: HighlightView[] = [];
  for (const m of mentions) {
    if (typeof m.entityId !== 'string') continue;
    for (const span of spansOf(m.starts, m.ends)) {
      if (span.start >= start && span.end <= end) out.push({ entityId: m.entityId, ...span });
    }
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end || (a.entityId < b.entityId ? -1 : 1));
}

export function toRelationView(row: Row): RelationView {
  const type = row['type'] as RelationType;
  return {
    id: row['id'] as string,
    type,
    directed: !isUndirected(type),
    source: row['source'] as string,
    target: row['target'] as string,
    weight: (row['weight'] as number | null) ?? 0,
    confidence: (row['confidence'] as number | null) ?? null,
    firstReported: (row['firstReported'] as string | null) ?? null,
  };
}

function checkedTypes(types: RelationType[] | null | undefined): readonly RelationType[] {
  if (!types || types.length === 0) return RELATION_TYPES;
  const bad = types.find((type) => !isRelationType(type));
  if (bad !== undefined) throw badInput(`types: "${String(bad)}" is not a relation type`);
  return [...new Set(types)];
}

/** The longest the hierarchy of a batch of entities may take before it fails with TIMEOUT. */
const HIERARCHY_TIMEOUT_MS = 10_000;

/** Orders ancestors innermost first, one per level, up to the province. */
function hierarchyOf(startCode: string | null, rows: Array<{ entity: EntityView; hops: number }>): EntityView[] {
  const consistent = rows.filter(({ entity }) => !startCode || !entity.code || startCode.startsWith(codePrefix(entity.code)));
  const known = consistent.filter((r) => r.entity.level && LEVEL_RANK[r.entity.level] !== undefined);
  const byLevel = new Map<number, { entity: EntityView; hops: number }>();
  for (const row of known.sort((a, b) => a.hops - b.hops)) {
    const rank = LEVEL_RANK[row.entity.level!]!;
    if (!byLevel.has(rank)) byLevel.set(rank, row);
  }
  const ranked = [...byLevel].map(([rank, row]) => ({ rank, ...row }));
  for (const row of consistent) {
    if (row.entity.level && LEVEL_RANK[row.entity.level] !== undefined) continue;
    const before = ranked.filter((r) => r.hops <= row.hops && r.rank % 1 === 0).map((r) => r.rank);
    ranked.push({ rank: (before.length > 0 ? Math.max(...before) : 0) + 0.5, ...row });
  }
  return ranked
    .sort((a, b) => a.rank - b.rank || a.hops - b.hops)
    .filter((r) => r.rank <= 4)
    .map((r) => r.entity);
}

export function createEntityQueries(context: QueryContext) {
  const rows = (statement: { cypher: string; params: Record<string, unknown> }, options?: ReadOptions) =>
    context.reader.rows(statement, options);
  const groupBy = <T>(list: Row[], value: (row: Row) => T) => {
    const out = new Map<string, T[]>();
    for (const row of list) (out.get(row['id'] as string) ?? out.set(row['id'] as string, []).get(row['id'] as string)!).push(value(row));
    return out;
  };

  return {
    /** In the order asked; null where unknown. */
    async entities(ids: string[]): Promise<Array<EntityView | null>> {
      if (ids.length === 0) return [];
      const found = new Map((await rows(cypher.entitiesById(ids))).map((r) => [(r['entity'] as EntityView).id, r['entity'] as EntityView]));
      return ids.map((id) => found.get(id) ?? null);
    },

    /** For each id, the districts it lies in, innermost first, up to the province. */
    async hierarchy(ids: string[]): Promise<EntityView[][]> {
      if (ids.length === 0) return [];
      // A bound in time too: the hierarchy is part of every entity view, and a graph may link its places densely.
      const result = await rows(cypher.districtAncestors(ids), { timeoutMs: HIERARCHY_TIMEOUT_MS });
      const codes = new Map(result.map((r) => [r['id'] as string, r['code'] as string | null]));
      const byId = groupBy(result, (r) => ({ entity: r['entity'] as EntityView, hops: r['hops'] as number }));
      return ids.map((id) => hierarchyOf(codes.get(id) ?? null, byId.get(id) ?? []));
    },

    async degreeByType(ids: string[]): Promise<RelationCountView[][]> {
      if (ids.length === 0) return [];
      const counts = new Map((await rows(cypher.degreesByType(ids))).map((r) => [r['id'] as string, r['counts'] as RelationCountView[]]));
      return ids.map((id) => (counts.get(id) ?? []).filter((c) => c.count > 0));
    },

    async facts(ids: string[]): Promise<FactView[][]> {
      if (ids.length === 0) return [];
      const byId = groupBy(await rows(cypher.entityFacts(ids)), (r): FactView => {
        const f = r['fact'] as { label: string; value: number; unit: string; doc: string; start: number; end: number; text: string };
        return {
          label: f.label,
          value: f.value,
          unit: f.unit,
          evidence: {
            documentId: f.doc,
            start: f.start,
            end: f.end,
            text: f.text,
            highlights: highlightsWithin(f.start, f.end, [{ entityId: r['id'], starts: r['starts'], ends: r['ends'] }]),
            ends: null,
            confidence: null,
          },
        };
      });
      return ids.map((id) => byId.get(id) ?? []);
    },

    async documentCounts(ids: string[]): Promise<number[]> {
      if (ids.length === 0) return [];
      const counts = new Map((await rows(cypher.documentCounts(ids))).map((r) => [r['id'] as string, r['count'] as number]));
      return ids.map((id) => counts.get(id) ?? 0);
    },

    async entityDocuments(id: string, page: PageArgs): Promise<Page<EntityDocumentView>> {
      const offset = offsetAfter(page.after);
      const [row] = await rows(cypher.entityDocuments(id, offset, page.first + 1, documentView('d')));
      if (!row) return pageOf([], offset, page.first, 0);
      const items = (row['rows'] as Row[]).map((r): EntityDocumentView => ({
        document: toDocumentView(r['document'] as Row),
        count: r['count'] as number,
        spans: spansOf(r['starts'], r['ends']).slice(0, 10),
      }));
      return pageOf(items, offset, page.first, row['total'] as number);
    },

    async entityRelations(
      id: string,
      args: { types?: RelationType[] | null; direction: 'OUT' | 'IN' | 'BOTH'; page: PageArgs },
    ): Promise<Page<RelationView>> {
      const offset = offsetAfter(args.page.after);
      const [row] = await rows(cypher.entityRelations(id, checkedTypes(args.types), args.direction, offset, args.page.first + 1));
      if (!row) return pageOf([], offset, args.page.first, 0);
      return pageOf((row['rows'] as Row[]).map(toRelationView), offset, args.page.first, row['total'] as number);
    },

    /** In the order asked; null where unknown. */
    async relations(ids: string[]): Promise<Array<RelationView | null>> {
      const statement = cypher.relationsById(ids);
      if (!statement) return ids.map(() => null);
      const found = new Map(
        (await rows(statement)).map((r) => {
          const view = toRelationView(r['relation'] as Row);
          return [view.id, view];
        }),
      );
      return ids.map((id) => found.get(id) ?? null);
    },

    /** For each relation id, its first `first` sentences, oldest document first. */
    async evidence(relationIds: string[], first: number): Promise<EvidenceView[][]> {
      const statement = cypher.relationEvidence(relationIds, first);
      if (!statement) return relationIds.map(() => []);
      const result = await rows(statement);
      // Oldest dated document first, undated last; then by document and place in it.
      result.sort((a, b) => {
        const da = a['date'] as string | null,
          db = b['date'] as string | null;
        if (da !== db) return da === null ? 1 : db === null ? -1 : da < db ? -1 : 1;
        return String(a['doc']).localeCompare(String(b['doc'])) || (a['start'] as number) - (b['start'] as number);
      });
      const byId = groupBy(result, (r): EvidenceView => {
        const start = r['start'] as number,
          end = r['end'] as number;
        return {
          documentId: r['doc'] as string,
          start,
          end,
          text: r['text'] as string,
          highlights: highlightsWithin(start, end, r['mentions'] as Array<{ entityId: unknown; starts: unknown; ends: unknown }>),
          ends: evidenceEnds(r['links']),
          confidence: typeof r['confidence'] === 'number' && r['confidence'] >= 0 ? r['confidence'] : null,
        };
      });
      return relationIds.map((id) => byId.get(id) ?? []);
    },
  };
}

/** The ends of an evidence item as the store keeps them (JSON; `{}` or absent for none). */
function evidenceEnds(stored: unknown): EvidenceEndsView | null {
  if (typeof stored !== 'string' || stored.length < 3) return null;
  const ends = JSON.parse(stored) as Partial<EvidenceEnds>;
  if (!ends.source || !ends.target) return null;
  return { source: endView(ends.source), target: endView(ends.target) };
}

function endView(end: EndTrace): EndTraceView {
  return { link: end.link, start: end.start, end: end.end, antecedent: end.antecedent ?? null };
}
