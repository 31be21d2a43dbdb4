// Whole-graph figures (counts, degree, PageRank, communities, dates), cached per graph version,
// and the co-implementation matrix.
import { isEntityType, isRelationType, isUndirected, type EntityType, type RelationType } from '../model.ts';
import type { ReadTransaction, Row } from '../db/store/index.ts';
import * as cypher from './analytics-cypher.ts';
import { communitiesOf, communityRanks, computeFiguresOffThread, RelationEdges, topBy, type NodeFigures } from './analytics-graph.ts';
import type { QueryContext } from './context.ts';
import { badInput, notFound } from './errors.ts';
import type { CoImplementationArgs, CoImplementationView, EntityView, RelationView, StatsView } from './views.ts';

/** Longest lists kept; the API slices them. */
export const STATS_LIST_LIMIT = 100;
const DEFAULT_IMPLEMENTERS: EntityType[] = ['District', 'Village', 'Company', 'Organization'];
const PLACE_TYPES: EntityType[] = ['District', 'Village', 'Company', 'Organization', 'Place'];
const MAX_IDS = 100;

export function createAnalytics(context: QueryContext) {
  let cached: { version: number; stats: Promise<StatsView> } | undefined;
  let gds: Promise<boolean> | undefined;
  // Asked once per process: a library is not installed while the server runs.
  const hasGds = () =>
    (gds ??= context.reader.rows(cypher.gdsVersion()).then(
      () => true,
      () => false,
    ));

  async function computeStats(graphVersion: number): Promise<StatsView> {
    const useGds = await hasGds();
    return context.reader.read(async (tx) => {
      const [counts] = await tx.rows(cypher.graphCounts());
      const entitiesByType = (await tx.rows(cypher.entityCounts()))
        .map((row) => ({ type: row['type'] as EntityType, count: Number(row['count']) }))
        .filter((row) => row.count > 0)
        .sort((a, b) => b.count - a.count);
      const months = await tx.rows(cypher.documentMonths());
      const { figures, byType, evidence } = useGds ? await gdsFigures(tx) : await streamedFigures(tx);

      const topByDegree = topBy(figures.ids, figures.degree, STATS_LIST_LIMIT);
      const topByPageRank = topBy(figures.ids, figures.pagerank, STATS_LIST_LIMIT);
      const communities = communitiesOf(figures, STATS_LIST_LIMIT);
      const ranks = communityRanks(figures, STATS_LIST_LIMIT);
      const index = new Map(figures.ids.map((id, i) => [id, i]));
      const degree = new Map(figures.ids.map((id, i) => [id, figures.degree[i]!]));
      const wanted = new Set([...topByDegree, ...topByPageRank].map((r) => r.id));
      for (const community of communities) for (const id of community.members) wanted.add(id);
      const views = new Map<string, EntityView>();
      for (const row of await tx.rows(cypher.entityViews([...wanted], false))) {
        const entity = entityView(row['entity'], degree);
        views.set(entity.id, entity);
      }
      const ranked = (list: Array<{ id: string; score: number }>) =>
        list.flatMap(({ id, score }) => (views.has(id) ? [{ entity: views.get(id)!, score }] : []));

      const coMentions = Number(counts?.['coMentions'] ?? 0);
      const relationsByType = [...byType].map(([type, count]) => ({ type, count }));
      if (coMentions > 0) relationsByType.push({ type: 'CO_MENTIONED', count: coMentions });
      relationsByType.sort((a, b) => b.count - a.count);
      const dated = months
        .filter((row) => typeof row['month'] === 'string')
        .map((row) => ({ month: row['month'] as string, count: Number(row['count']) }))
        .sort((a, b) => (a.month < b.month ? -1 : 1));
      return {
        graphVersion,
        entities: Number(counts?.['entities'] ?? 0),
        relations: [...byType.values()].reduce((sum, n) => sum + n, 0),
        coMentions,
        documents: Number(counts?.['documents'] ?? 0),
        evidence,
        entitiesByType,
        relationsByType,
        topByDegree: ranked(topByDegree),
        topByPageRank: ranked(topByPageRank),
        communities: communities.map((community) => {
          const members = community.members.flatMap((id) => views.get(id) ?? []);
          return { id: community.id, size: community.size, label: members[0]?.name ?? '', types: community.types, members };
        }),
        documentDates: dated,
        undatedDocuments: months.filter((row) => typeof row['month'] !== 'string').reduce((sum, row) => sum + Number(row['count']), 0),
        figureOf(id) {
          const i = index.get(id);
          if (i === undefined) return null;
          return { pagerank: figures.pagerank[i]!, community: ranks[i]! >= 0 ? ranks[i]! : null };
        },
      };
    });
  }

  return {
    /** Cached until the graph version changes; concurrent calls share one computation. */
    async stats(): Promise<StatsView> {
      const version = await context.graphVersion();
      if (cached?.version === version) return cached.stats;
      const stats = computeStats(version);
      cached = { version, stats };
      stats.catch(() => {
        if (cached?.stats === stats) cached = undefined;
      });
      return stats;
    },

    async coImplementation(args: CoImplementationArgs): Promise<CoImplementationView> {
      const programIds = [...new Set(args.programIds ?? [])];
      const placeIds = [...new Set(args.placeIds ?? [])];
      const implementerTypes = args.implementerTypes ?? DEFAULT_IMPLEMENTERS;
      const all = [...new Set([...programIds, ...placeIds])];
      if (all.length === 0) throw badInput('give at least one id in programIds or placeIds');
      if (all.length > MAX_IDS) throw badInput(`at most ${MAX_IDS} ids in programIds and placeIds together (got ${all.length})`);
      if (implementerTypes.length === 0) throw badInput('implementerTypes must name at least one entity type');
      const unknownType = implementerTypes.find((type) => !isEntityType(type));
      if (unknownType !== undefined) throw badInput(`implementerTypes: ${String(unknownType)} is not an entity type`);

      // Two statements in their own transactions: the check's errors are ours, not the store's.
      const types = new Map(
        (await context.reader.rows(cypher.entityTypes(all))).map((row) => [row['id'] as string, row['type'] as string]),
      );
      const missing = all.filter((id) => !types.has(id));
      if (missing.length > 0) throw notFound(`no entity with the id ${missing.map((id) => `"${id}"`).join(', ')}`);
      const described = (ids: string[]) => ids.map((id) => `"${id}" is a ${types.get(id)}`).join(', ');
      const notPrograms = programIds.filter((id) => types.get(id) !== 'Program' && types.get(id) !== 'Pilot');
      if (notPrograms.length > 0) throw badInput(`programIds must be programs or pilots: ${described(notPrograms)}`);
      const notPlaces = placeIds.filter((id) => !PLACE_TYPES.includes(types.get(id) as EntityType));
      if (notPlaces.length > 0)
        throw badInput(`placeIds must be places, companies or organizations (${PLACE_TYPES.join(', ')}): ${described(notPlaces)}`);
      return matrix(await context.reader.rows(cypher.coImplementation(programIds, placeIds, [...new Set(implementerTypes)])));
    },
  };
}

/** The whole graph from one streamed read, figures computed in a worker thread. */
async function streamedFigures(tx: ReadTransaction) {
  const edges = new RelationEdges();
  const byType = new Map<RelationType, number>();
  let evidence = 0;
  // Each id read once; every relation then names its ends by node number, and the same string
  // objects key the interning (their hashes computed once).
  const idOf = new Map<number, string>();
  await tx.each(cypher.entityNodes(), (row) => void idOf.set(row['node'] as number, row['id'] as string));
  await tx.each(cypher.typedRelations(), (row) => {
    const type = row['type'] as RelationType;
    const weight = Number(row['weight'] ?? 1);
    const source = idOf.get(row['source'] as number),
      target = idOf.get(row['target'] as number);
    // Ends outside :Entity are not the graph's.
    if (source === undefined || target === undefined) return;
    edges.add(source, target, weight, isUndirected(type));
    byType.set(type, (byType.get(type) ?? 0) + 1);
    evidence += weight;
  });
  return { figures: await computeFiguresOffThread(edges), byType, evidence };
}

/** The same figures from Neo4j's Graph Data Science library, where it is installed. */
async function gdsFigures(tx: ReadTransaction) {
  const name = `policy-graph-stats-${process.pid}-${Date.now()}`;
  const byType = new Map<RelationType, number>();
  let evidence = 0;
  for (const row of await tx.rows(cypher.relationCounts())) {
    if (isRelationType(row['type'])) byType.set(row['type'], Number(row['count']));
    evidence += Number(row['evidence'] ?? 0);
  }
  await tx.rows(cypher.gdsProject(name));
  try {
    const index = new Map<string, number>();
    const ids: string[] = [];
    const columns = { degree: [] as number[], pagerank: [] as number[], community: [] as number[] };
    for (const figure of ['degree', 'pagerank', 'community'] as const) {
      await tx.each(cypher.gdsStream(name, figure), (row) => {
        const id = row['id'] as string;
        let i = index.get(id);
        if (i === undefined) index.set(id, (i = ids.push(id) - 1));
        columns[figure][i] = Number(row['value']);
      });
    }
    const figures: NodeFigures = { ids, ...columns };
    return { figures, byType, evidence };
  } finally {
    await tx.rows(cypher.gdsDrop(name));
  }
}

function entityView(value: unknown, degrees?: Map<string, number>): EntityView {
  const row = value as Record<string, unknown>;
  const id = row['id'] as string;
  return {
    id,
    type: row['type'] as EntityType,
    name: String(row['name'] ?? ''),
    aliases: (row['aliases'] as string[] | null) ?? [],
    code: (row['code'] as string | null) ?? null,
    officialName: (row['officialName'] as string | null) ?? null,
    level: (row['level'] as string | null) ?? null,
    confidence: (row['confidence'] as number | null) ?? null,
    degree: degrees?.get(id) ?? Number(row['degree'] ?? 0),
  };
}

/** Rows {program, cells} into columns, rows (most shared programs first, then degree) and cells. */
function matrix(rows: Row[]): CoImplementationView {
  const programs: EntityView[] = [];
  const implementers = new Map<string, { entity: EntityView; programCount: number }>();
  const cells: CoImplementationView['cells'] = [];
  for (const row of rows) {
    const program = entityView(row['program']);
    programs.push(program);
    for (const cell of row['cells'] as Array<Record<string, unknown>>) {
      const actor = entityView(cell['actor']);
      const implementer = implementers.get(actor.id) ?? { entity: actor, programCount: 0 };
      implementer.programCount++;
      implementers.set(actor.id, implementer);
      const firstReported = (cell['firstReported'] as string | null) ?? null;
      const relation: RelationView = {
        id: cell['id'] as string,
        type: 'IMPLEMENTS',
        directed: true,
        source: actor.id,
        target: program.id,
        weight: Number(cell['weight'] ?? 1),
        confidence: (cell['confidence'] as number | null) ?? null,
        firstReported,
      };
      cells.push({ implementerId: actor.id, programId: program.id, relation, firstReported });
    }
  }
  const rowsOrdered = [...implementers.values()].sort(
    (a, b) => b.programCount - a.programCount || b.entity.degree - a.entity.degree || (a.entity.id < b.entity.id ? -1 : 1),
  );
  // Cells column by column, each in the rows' order.
  const column = new Map(programs.map((program, i) => [program.id, i]));
  const row = new Map(rowsOrdered.map((implementer, i) => [implementer.entity.id, i]));
  cells.sort((a, b) => column.get(a.programId)! - column.get(b.programId)! || row.get(a.implementerId)! - row.get(b.implementerId)!);
  return { programs, implementers: rowsOrdered, cells };
}
