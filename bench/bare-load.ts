// The baseline of bench:load: the same export written with nothing but UNWIND … CREATE (and the
// MATCH of both ends by their unique ids), in statements of the loader's batch size, one after the
// other: no MERGE, nothing detached or pruned, no document lists, no grouping or retries. What the
// same Neo4j does at best with these rows; the loader's own work is the difference.
import type { EntityType, ExtractionExport, RelationType, Store } from '../graph/index.ts';
import { mergeLoads, planLoads } from '../graph/db/store/load-plan.ts';
import { label, relationshipType, SOURCE_DOCUMENT, type Statement } from '../graph/db/store/cypher.ts';

type Row = Record<string, unknown>;

function* batches(rows: Row[], size: number): Generator<Row[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

const statement = (cypher: string, rows: Row[]): Statement => ({ cypher, params: { rows } });

/**
 * Writes `data` into an empty store with bare CREATE statements: the milliseconds it took in all,
 * and those of the relationships' statements alone.
 */
export async function bareLoad(
  store: Store,
  data: ExtractionExport,
  batchSize: number,
): Promise<{ millis: number; relationMillis: number }> {
  const group = mergeLoads(planLoads(data));
  const started = performance.now();
  const run = (s: Statement) => store.writeStatement(s);
  const documents = group.loads.map((l) => ({ ...l.document, ...l.relationLists }));
  for (const rows of batches(documents, batchSize))
    await run(statement(`UNWIND $rows AS row CREATE (d:${SOURCE_DOCUMENT}) SET d = row`, rows));
  const byType = new Map<EntityType, Row[]>();
  for (const entity of group.entities) {
    const type = entity['type'] as EntityType;
    (byType.get(type) ?? byType.set(type, []).get(type)!).push(entity);
  }
  for (const [type, entities] of byType) {
    for (const rows of batches(entities, batchSize))
      await run(statement(`UNWIND $rows AS row CREATE (e:Entity:${label(type)}) SET e = row`, rows));
  }
  for (const rows of batches(group.mentions, batchSize)) {
    await run(
      statement(
        `UNWIND $rows AS row MATCH (e:Entity {id: row.id}), (d:${SOURCE_DOCUMENT} {id: row.doc})
         CREATE (e)-[:MENTIONED_IN {starts: row.starts, ends: row.ends, count: size(row.starts)}]->(d)`,
        rows,
      ),
    );
  }
  const relationsStarted = performance.now();
  for (const [type, relations] of group.relations as Map<RelationType, Row[]>) {
    for (const rows of batches(relations, batchSize)) {
      await run(
        statement(
          `UNWIND $rows AS row MATCH (a:Entity {id: row.source}), (b:Entity {id: row.target})
           CREATE (a)-[:${relationshipType(type)} {id: row.id, weight: row.weight, evidenceDocs: row.evidenceDocs,
             evidenceStarts: row.evidenceStarts, evidenceEnds: row.evidenceEnds, evidenceTexts: row.evidenceTexts,
             evidenceLinks: row.evidenceLinks}]->(b)`,
          rows,
        ),
      );
    }
  }
  const relationMillis = performance.now() - relationsStarted;
  for (const rows of batches(group.facts, batchSize)) {
    await run(statement(`UNWIND $rows AS row MATCH (e:Entity {id: row.entity}) CREATE (e)-[:HAS_FACT]->(f:Fact) SET f = row`, rows));
  }
  return { millis: performance.now() - started, relationMillis };
}
