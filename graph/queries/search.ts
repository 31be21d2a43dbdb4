// Entity search: exact, prefix, pinyin and initials from an in-memory name index, then full-text.
// The index is built from one streamed read, lazily, once per graph version; while a newer
// version is being indexed, searches are answered from the previous index.
import { ENTITY_TYPES, type EntityType } from '../model.ts';
import { simplifyName } from '../extraction/index.ts';
import type { QueryContext } from './context.ts';
import { offsetAfter, pageOf } from './cursor.ts';
import { badInput } from './errors.ts';
import { compareEntities, NameIndex, type NameMatch } from './name-index.ts';
import { fulltextNames, literalLucene, nameIndexRows } from './search-cypher.ts';
import type { EntityView, PageArgs, SearchResult, TypeCountView } from './views.ts';

/** Full-text hits ranked per query (each costs a node read): beyond them a query is too vague to page through. */
const FULLTEXT_LIMIT = 200;
const MAX_QUERY_LENGTH = 200;

/**
 * How long a search waits for the index of a new graph version before answering from the
 * previous one: long enough for a graph of some thousands of entities (a report just added is
 * found at once), short enough that a very large graph's rebuild never stalls a search.
 */
const FRESH_INDEX_WAIT_MS = 2_000;

/** The current name index: built on first use, rebuilt when the graph version moves. */
export function nameIndexSource(context: QueryContext): () => Promise<NameIndex> {
  let current: { version: number; index: NameIndex } | undefined;
  let building: { version: number; index: Promise<NameIndex> } | undefined;

  async function build(version: number): Promise<NameIndex> {
    const entities: EntityView[] = [];
    await context.reader.read((tx) => tx.each(nameIndexRows(), (row) => entities.push(row['entity'] as EntityView)));
    const index = await NameIndex.build(entities, { readings: current?.index.readings });
    if (!current || current.version <= version) current = { version, index };
    return index;
  }

  function start(version: number): Promise<NameIndex> {
    if (building?.version === version) return building.index;
    const index = build(version);
    const entry = { version, index };
    building = entry;
    const done = () => {
      if (building === entry) building = undefined;
    };
    index.then(done, done);
    return index;
  }

  return async () => {
    const version = await context.graphVersion();
    if (current?.version === version) return current.index;
    const next = start(version);
    if (!current) return next;
    // Wait a little for the new one, then serve the previous index while it is built; a failed
    // build is retried next time.
    const previous = current.index;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), FRESH_INDEX_WAIT_MS);
    });
    const fresh = await Promise.race([next.catch(() => null), late]);
    clearTimeout(timer);
    return fresh ?? previous;
  };
}

export function createSearch(context: QueryContext) {
  const names = nameIndexSource(context);
  return {
    async search(query: string, types: EntityType[] | null | undefined, page: PageArgs): Promise<SearchResult> {
      const text = query.trim();
      if (text.length < 1 || query.length > MAX_QUERY_LENGTH) throw badInput(`query: must be 1 to ${MAX_QUERY_LENGTH} characters`);
      const offset = offsetAfter(page.after);
      const index = await names();
      const hits: NameMatch[] = index.match(text);
      const found = new Set(hits.map((hit) => hit.entity.id));

      const lucene = literalLucene(simplifyName(text));
      if (lucene) {
        const rows = await context.reader.rows(fulltextNames(lucene, FULLTEXT_LIMIT));
        const extra: Array<{ entity: EntityView; score: number }> = [];
        for (const row of rows) {
          const entity = index.byId(row['id'] as string);
          if (!entity || found.has(entity.id)) continue;
          found.add(entity.id);
          extra.push({ entity, score: row['score'] as number });
        }
        extra.sort((a, b) => b.score - a.score || compareEntities(a.entity, b.entity));
        for (const { entity } of extra) hits.push({ entity, matchedBy: 'FULLTEXT', matched: entity.name });
      }

      const counts = new Map<EntityType, number>();
      for (const hit of hits) counts.set(hit.entity.type, (counts.get(hit.entity.type) ?? 0) + 1);
      const facets: TypeCountView[] = ENTITY_TYPES.filter((type) => counts.has(type)).map((type) => ({ type, count: counts.get(type)! }));

      const allowed = types && types.length > 0 ? new Set(types) : null;
      const shown = allowed ? hits.filter((hit) => allowed.has(hit.entity.type)) : hits;
      return { page: pageOf(shown.slice(offset, offset + page.first + 1), offset, page.first, shown.length), facets };
    },
  };
}
