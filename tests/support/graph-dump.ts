// The whole graph as sorted plain data, for comparing two ways of reaching it (a clean load and
// a load interrupted and resumed): documents, entities, relations with their sentences, mentions
// and facts, each in a fixed order, lists of sentences sorted.
import type { Store } from '../../graph/index.ts';

export interface GraphDump {
  documents: unknown[];
  entities: unknown[];
  relations: unknown[];
  mentions: unknown[];
  facts: unknown[];
}

const key = (value: unknown) => JSON.stringify(value);
const sorted = <T>(rows: T[]) => [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

function sortedProperties(properties: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(properties).sort(([a], [b]) => (a < b ? -1 : 1)));
}

export async function dumpGraph(store: Store): Promise<GraphDump> {
  const query = (cypher: string) => store.writeStatement({ cypher, params: {} });
  const documents = await query(/* Cypher */ `MATCH (d:SourceDocument) RETURN d.id AS id, d.hash AS hash, d.relationIds AS relationIds`);
  const entities = await query(/* Cypher */ `MATCH (e:Entity) RETURN labels(e) AS labels, properties(e) AS properties`);
  const relations = await query(/* Cypher */ `
    MATCH (a)-[r]->(b) WHERE r.id IS NOT NULL AND type(r) <> 'MENTIONED_IN'
    RETURN type(r) AS type, a.id AS source, b.id AS target, properties(r) AS properties`);
  const mentions = await query(/* Cypher */ `
    MATCH (e:Entity)-[m:MENTIONED_IN]->(d:SourceDocument) RETURN e.id AS entity, d.id AS document, properties(m) AS properties`);
  const facts = await query(/* Cypher */ `MATCH (e)-[:HAS_FACT]->(f:Fact) RETURN e.id AS entity, properties(f) AS properties`);
  return {
    documents: sorted(documents.map((d) => ({ ...d, relationIds: [...((d['relationIds'] as string[] | null) ?? [])].sort() }))),
    entities: sorted(
      entities.map((e) => ({
        labels: [...(e['labels'] as string[])].sort(),
        properties: sortedProperties(e['properties'] as Record<string, unknown>),
      })),
    ),
    relations: sorted(
      relations.map((r) => {
        const { evidenceDocs, evidenceStarts, evidenceEnds, evidenceTexts, evidenceLinks, evidenceConfidences, ...rest } = r[
          'properties'
        ] as Record<string, unknown[]>;
        // The sentences' order on an edge follows the order documents were loaded in.
        const evidence = sorted(
          (evidenceDocs ?? []).map((doc, i) => [
            doc,
            evidenceStarts![i],
            evidenceEnds![i],
            evidenceTexts![i],
            evidenceLinks?.[i],
            evidenceConfidences?.[i],
          ]),
        );
        return { type: r['type'], source: r['source'], target: r['target'], properties: sortedProperties(rest), evidence };
      }),
    ),
    mentions: sorted(
      mentions.map((m) => ({
        entity: m['entity'],
        document: m['document'],
        properties: sortedProperties(m['properties'] as Record<string, unknown>),
      })),
    ),
    facts: sorted(facts.map((f) => ({ entity: f['entity'], properties: sortedProperties(f['properties'] as Record<string, unknown>) }))),
  };
}

/** Sizes of a dump, for messages: what differs shows here before the details do. */
export function dumpCounts(dump: GraphDump) {
  return {
    documents: dump.documents.length,
    entities: dump.entities.length,
    relations: dump.relations.length,
    evidence: (dump.relations as Array<{ evidence: unknown[] }>).reduce((sum, r) => sum + r.evidence.length, 0),
    mentions: dump.mentions.length,
    facts: dump.facts.length,
  };
}
