// The GraphQL contract over HTTP, against a real Neo4j loaded with the seeds: every root field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer, type ApiServer } from '../support/api-server.ts';

let api: ApiServer;
beforeAll(async () => {
  api = await startApiServer();
});
afterAll(async () => {
  await api?.close();
});

const LONGWAN = 'District:龙湾区#330303';

async function data(query: string, variables: Record<string, unknown> = {}) {
  const { body } = await api.graphql(query, variables);
  expect(body.errors).toBeUndefined();
  return body.data;
}

async function errorCode(query: string, variables: Record<string, unknown> = {}) {
  const { body } = await api.graphql(query, variables);
  return body.errors?.[0]?.extensions?.code;
}

describe('search', () => {
  const SEARCH = /* GraphQL */ `
    query ($q: String!, $types: [EntityType!], $first: Int, $after: String) {
      search(query: $q, types: $types, first: $first, after: $after) {
        totalCount
        facets {
          type
          count
        }
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          cursor
          matchedBy
          matched
          node {
            id
            type
            name
          }
        }
      }
    }
  `;

  it('finds a district by its short form, traditional script, full pinyin and initials, best match first', async () => {
    for (const [q, kind] of [
      ['龙湾', 'EXACT'],
      ['龍灣', 'EXACT'],
      ['longwan', 'PINYIN'],
      ['Long Wan', 'PINYIN'],
      ['lwq', 'INITIALS'],
    ] as const) {
      const { search } = await data(SEARCH, { q });
      expect(search.edges[0].node.id, q).toBe(LONGWAN);
      expect(search.edges[0].matchedBy, q).toBe(kind);
    }
  });

  it('searches query-syntax characters and operators literally, never as an error', async () => {
    for (const q of [
      'AND',
      'OR',
      'NOT',
      '龙湾 AND',
      '龙湾 OR 乐清',
      '"',
      '\\',
      '*',
      '?',
      'a:b',
      '(',
      ')',
      '[',
      '~',
      '/',
      '&&',
      '||',
      '!',
      '^',
    ]) {
      const { body } = await api.graphql(SEARCH, { q });
      expect(body.errors, q).toBeUndefined();
      expect(body.data.search.totalCount, q).toBeGreaterThanOrEqual(0);
    }
    const { search } = await data(SEARCH, { q: '龙湾 AND' });
    expect(search.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(LONGWAN);
  });

  it('counts matches per type before the type filter, and pages without overlap', async () => {
    const all = (await data(SEARCH, { q: '龙湾', first: 100 })).search;
    expect(all.facets.reduce((sum: number, f: { count: number }) => sum + f.count, 0)).toBe(all.totalCount);
    const districts = (await data(SEARCH, { q: '龙湾', types: ['District'], first: 100 })).search;
    expect(districts.edges.every((e: { node: { type: string } }) => e.node.type === 'District')).toBe(true);
    expect(districts.facets).toEqual(all.facets);
    const first = (await data(SEARCH, { q: '龙湾', first: 2 })).search;
    expect(first.pageInfo.hasNextPage).toBe(all.totalCount > 2);
    const second = (await data(SEARCH, { q: '龙湾', first: 2, after: first.pageInfo.endCursor })).search;
    const ids = (page: typeof first) => page.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(ids(second).filter((id: string) => ids(first).includes(id))).toEqual([]);
    expect([...ids(first), ...ids(second)]).toEqual(ids(all).slice(0, first.edges.length + second.edges.length));
  });

  it('refuses an empty query and a page size out of range with BAD_USER_INPUT', async () => {
    expect(await errorCode(SEARCH, { q: '   ' })).toBe('BAD_USER_INPUT');
    expect(await errorCode(SEARCH, { q: '龙湾', first: 1000 })).toBe('BAD_USER_INPUT');
    expect(await errorCode(SEARCH, { q: '龙湾', after: 'not-a-cursor' })).toBe('BAD_USER_INPUT');
  });
});

describe('entities and relations', () => {
  it('gives an entity with its hierarchy up to the province, degrees, documents and relations with evidence', async () => {
    const { entity } = await data(
      /* GraphQL */ `
        query ($id: ID!) {
          entity(id: $id) {
            id
            type
            name
            aliases
            code
            level
            degree
            documentCount
            hierarchy {
              name
              level
            }
            degreeByType {
              type
              count
            }
            documents(first: 3) {
              totalCount
              edges {
                count
                spans {
                  start
                  end
                }
                node {
                  id
                  text
                }
              }
            }
            relations(first: 5) {
              totalCount
              pageInfo {
                hasNextPage
              }
              edges {
                node {
                  id
                  type
                  weight
                  sourceId
                  targetId
                  source {
                    name
                  }
                  target {
                    name
                  }
                  evidence(first: 2) {
                    start
                    end
                    text
                    documentId
                    document {
                      title
                      text
                    }
                  }
                }
              }
            }
          }
        }
      `,
      { id: LONGWAN },
    );
    expect(entity).toMatchObject({ type: 'District', name: '龙湾区', code: '330303', level: 'county' });
    expect(entity.hierarchy.map((h: { name: string }) => h.name)).toEqual(['温州市', '浙江省']);
    expect(entity.degree).toBeGreaterThan(0);
    expect(entity.degreeByType.length).toBeGreaterThan(0);
    // Every span of a mention points at one of the entity's names in the original text.
    const names = [entity.name, ...entity.aliases];
    for (const edge of entity.documents.edges) {
      for (const span of edge.spans) expect(names).toContain(edge.node.text.slice(span.start, span.end));
    }
    expect(entity.relations.totalCount).toBeGreaterThanOrEqual(entity.relations.edges.length);
    for (const { node } of entity.relations.edges) {
      expect([node.sourceId, node.targetId]).toContain(LONGWAN);
      expect(node.evidence.length).toBeGreaterThan(0);
      for (const e of node.evidence) expect(e.document.text.slice(e.start, e.end)).toBe(e.text);
    }
  });

  it('answers a batch in the order asked, with null for an unknown id, and NOT_FOUND for one unknown entity', async () => {
    const { entities } = await data(`query ($ids: [ID!]!) { entities(ids: $ids) { id name } }`, {
      ids: [LONGWAN, 'Person:nobody', LONGWAN],
    });
    expect(entities).toEqual([{ id: LONGWAN, name: '龙湾区' }, null, { id: LONGWAN, name: '龙湾区' }]);
    expect(await errorCode(`{ entity(id: "Person:nobody") { id } }`)).toBe('NOT_FOUND');
    expect(await errorCode(`{ relation(id: "IMPLEMENTS:nothing->nothing") { id } }`)).toBe('NOT_FOUND');
  });

  it('gives a relation with its sentences, each with title, date, source and offsets into the original', async () => {
    const { entity } = await data(`query ($id: ID!) { entity(id: $id) { relations(first: 1) { edges { node { id } } } } }`, {
      id: LONGWAN,
    });
    const id = entity.relations.edges[0].node.id;
    const { relation } = await data(
      /* GraphQL */ `
        query ($id: ID!) {
          relation(id: $id) {
            id
            type
            directed
            weight
            firstReported
            source {
              id
            }
            target {
              id
            }
            evidence {
              documentId
              start
              end
              text
              highlights {
                entityId
                start
                end
              }
              document {
                id
                title
                date
                source
                text
              }
            }
          }
        }
      `,
      { id },
    );
    expect(relation.id).toBe(id);
    expect(relation.evidence.length).toBe(relation.weight);
    for (const e of relation.evidence) {
      expect(e.document.text.slice(e.start, e.end)).toBe(e.text);
      for (const h of e.highlights) {
        expect([relation.source.id, relation.target.id]).toContain(h.entityId);
        expect(h.start).toBeGreaterThanOrEqual(e.start);
        expect(h.end).toBeLessThanOrEqual(e.end);
      }
    }
  });
});

describe('neighbourhoods and paths', () => {
  const NEIGHBORHOOD = /* GraphQL */ `
    query ($ids: [ID!]!, $depth: Int, $limit: Int, $co: Boolean, $exclude: [ID!]) {
      neighborhood(ids: $ids, depth: $depth, limit: $limit, includeCoMentions: $co, exclude: $exclude) {
        truncated
        nodes {
          id
          depth
          hiddenTotal
          hidden {
            type
            count
          }
          entity {
            name
          }
        }
        edges {
          id
          type
          source
          target
          weight
        }
      }
    }
  `;

  it('pages a hub: a small limit leaves neighbours out and says how many per relation type', async () => {
    const small = (await data(NEIGHBORHOOD, { ids: [LONGWAN], limit: 4 })).neighborhood;
    expect(small.nodes.length).toBeLessThanOrEqual(4);
    expect(small.truncated).toBe(true);
    const start = small.nodes.find((n: { id: string }) => n.id === LONGWAN);
    expect(start.depth).toBe(0);
    expect(start.hiddenTotal).toBeGreaterThan(0);
    expect(start.hidden.reduce((s: number, h: { count: number }) => s + h.count, 0)).toBe(start.hiddenTotal);
    const ids = new Set(small.nodes.map((n: { id: string }) => n.id));
    for (const e of small.edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
    // The next page skips what is shown.
    const next = (await data(NEIGHBORHOOD, { ids: [LONGWAN], limit: 4, exclude: [...ids].filter((id) => id !== LONGWAN) })).neighborhood;
    const again = next.nodes.map((n: { id: string }) => n.id).filter((id: string) => id !== LONGWAN && ids.has(id));
    expect(again).toEqual([]);
  });

  it('leaves co-mentions out unless asked for', async () => {
    const without = (await data(NEIGHBORHOOD, { ids: [LONGWAN], limit: 300 })).neighborhood;
    expect(without.edges.some((e: { type: string }) => e.type === 'CO_MENTIONED')).toBe(false);
    const withCo = (await data(NEIGHBORHOOD, { ids: [LONGWAN], limit: 300, co: true })).neighborhood;
    expect(withCo.edges.some((e: { type: string }) => e.type === 'CO_MENTIONED')).toBe(true);
  });

  it('finds the shortest path first, each hop with its evidence', async () => {
    const two = (await data(NEIGHBORHOOD, { ids: [LONGWAN], depth: 2, limit: 300 })).neighborhood;
    const far = two.nodes.find((n: { depth: number }) => n.depth === 2);
    expect(far).toBeDefined();
    const { paths } = await data(
      /* GraphQL */ `
        query ($from: ID!, $to: ID!) {
          paths(from: $from, to: $to, k: 3) {
            length
            nodes {
              id
            }
            relations {
              id
              sourceId
              targetId
              evidence(first: 1) {
                text
              }
            }
          }
        }
      `,
      { from: LONGWAN, to: far.id },
    );
    expect(paths[0].length).toBe(2);
    for (const path of paths) {
      expect(path.nodes[0].id).toBe(LONGWAN);
      expect(path.nodes.at(-1).id).toBe(far.id);
      path.relations.forEach((r: { sourceId: string; targetId: string; evidence: unknown[] }, i: number) => {
        expect([r.sourceId, r.targetId].sort()).toEqual([path.nodes[i].id, path.nodes[i + 1].id].sort());
        expect(r.evidence.length).toBe(1);
      });
    }
    for (let i = 1; i < paths.length; i++) expect(paths[i].length).toBeGreaterThanOrEqual(paths[i - 1].length);
  });

  it('refuses depth, limit and hops out of range', async () => {
    expect(await errorCode(NEIGHBORHOOD, { ids: [LONGWAN], depth: 4 })).toBe('BAD_USER_INPUT');
    expect(await errorCode(NEIGHBORHOOD, { ids: [], depth: 1 })).toBe('BAD_USER_INPUT');
    expect(await errorCode(`{ paths(from: "${LONGWAN}", to: "${LONGWAN}", maxHops: 7) { length } }`)).toBe('BAD_USER_INPUT');
    expect(await errorCode(`{ paths(from: "${LONGWAN}", to: "Person:nobody") { length } }`)).toBe('NOT_FOUND');
  });
});

describe('documents', () => {
  it('lists the reports newest first and filters them by text, entity and date', async () => {
    const { documents } = await data(`{ documents(first: 100) { totalCount edges { node { id title date } } } }`);
    expect(documents.totalCount).toBe(5);
    const dates = documents.edges.map((e: { node: { date: string | null } }) => e.node.date).filter(Boolean);
    expect(dates).toEqual([...dates].sort().reverse());
    const byEntity = await data(
      `query ($id: ID!) { documents(filter: { entity: $id }) { totalCount } entity(id: $id) { documentCount } }`,
      { id: LONGWAN },
    );
    expect(byEntity.documents.totalCount).toBe(byEntity.entity.documentCount);
    const byText = (await data(`{ documents(filter: { text: "龍灣" }) { totalCount } }`)).documents;
    expect(byText.totalCount).toBeGreaterThan(0);
    expect(await errorCode(`{ documents(filter: { from: "yesterday" }) { totalCount } }`)).toBe('BAD_USER_INPUT');
  });

  it('gives a report with its original text, mention spans and the relations it states', async () => {
    const { documents } = await data(`{ documents(first: 1) { edges { node { id } } } }`);
    const { document } = await data(
      /* GraphQL */ `
        query ($id: ID!) {
          document(id: $id) {
            id
            title
            text
            length
            script
            encoding
            diagnostics {
              code
              offset
              message
            }
            mentions {
              entityId
              start
              end
            }
            entities {
              id
              name
              aliases
            }
            relations(first: 500) {
              totalCount
              edges {
                node {
                  id
                  evidence {
                    documentId
                    start
                    end
                    text
                  }
                }
              }
            }
          }
        }
      `,
      { id: documents.edges[0].node.id },
    );
    expect(document.length).toBe(document.text.length);
    const names = new Map(document.entities.map((e: { id: string; name: string; aliases: string[] }) => [e.id, [e.name, ...e.aliases]]));
    expect(document.mentions.length).toBeGreaterThan(0);
    for (const m of document.mentions) expect(names.get(m.entityId)).toBeDefined();
    expect(document.relations.totalCount).toBeGreaterThan(0);
    const own = document.relations.edges
      .flatMap((e: { node: { evidence: Array<{ documentId: string }> } }) => e.node.evidence)
      .filter((e: { documentId: string }) => e.documentId === document.id);
    expect(own.length).toBeGreaterThan(0);
    expect(await errorCode(`{ document(id: "nothing.txt") { id } }`)).toBe('NOT_FOUND');
  });
});

describe('statistics and co-implementation', () => {
  it('counts the graph and ranks it', async () => {
    const counts = await api.store.counts();
    const { stats } = await data(/* GraphQL */ `
      {
        stats {
          graphVersion
          entities
          relations
          documents
          evidence
          entitiesByType {
            type
            count
          }
          relationsByType {
            type
            count
          }
          topByDegree(limit: 5) {
            score
            entity {
              id
              degree
            }
          }
          topByPageRank(limit: 5) {
            score
            entity {
              id
            }
          }
          communities(limit: 3) {
            id
            size
            label
            members(first: 3) {
              id
            }
          }
          documentDates {
            month
            count
          }
          undatedDocuments
        }
      }
    `);
    expect(stats.entities).toBe(counts.entities);
    expect(stats.documents).toBe(5);
    expect(stats.entitiesByType.reduce((s: number, t: { count: number }) => s + t.count, 0)).toBe(stats.entities);
    const scores = stats.topByDegree.map((r: { score: number }) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(stats.topByDegree[0].entity.degree).toBe(scores[0]);
    expect(stats.topByPageRank.length).toBe(5);
    expect(stats.communities.length).toBeGreaterThan(0);
    expect(stats.documentDates.reduce((s: number, b: { count: number }) => s + b.count, 0) + stats.undatedDocuments).toBe(5);
  });

  it('shows who runs the same programs as a place, with evidence', async () => {
    const { coImplementation } = await data(
      /* GraphQL */ `
        query ($id: ID!) {
          coImplementation(placeIds: [$id]) {
            programs {
              id
              type
            }
            implementers {
              programCount
              entity {
                id
                type
              }
            }
            cells {
              implementerId
              programId
              firstReported
              relation {
                type
                evidence(first: 1) {
                  text
                }
              }
            }
          }
        }
      `,
      { id: LONGWAN },
    );
    expect(coImplementation.programs.length).toBeGreaterThan(0);
    expect(coImplementation.implementers.map((i: { entity: { id: string } }) => i.entity.id)).toContain(LONGWAN);
    for (const cell of coImplementation.cells) {
      expect(cell.relation.type).toBe('IMPLEMENTS');
      expect(cell.relation.evidence.length).toBe(1);
    }
    expect(await errorCode(`{ coImplementation { programs { id } } }`)).toBe('BAD_USER_INPUT');
  });
});

describe('the analysts console', () => {
  it('answers a read query with rows and the graph elements for a canvas', async () => {
    const { cypher } = await data(
      `{ cypher(query: "MATCH (d:District)-[r:LOCATED_IN]->(c) RETURN d, r, c LIMIT 5") { columns rowCount truncated nodes { id type } edges { id type source target } } }`,
    );
    expect(cypher.columns).toEqual(['d', 'r', 'c']);
    expect(cypher.rowCount).toBeGreaterThan(0);
    expect(cypher.nodes.length).toBeGreaterThan(0);
    expect(cypher.edges.every((e: { type: string }) => e.type === 'LOCATED_IN')).toBe(true);
  });

  it('refuses a write and leaves the store as it was', async () => {
    const before = await api.store.counts();
    for (const query of ['CREATE (:Entity {id: "x"})', 'MATCH (n) DETACH DELETE n', 'MATCH (n:Entity) SET n.name = "x"']) {
      const { body } = await api.graphql(`query ($q: String!) { cypher(query: $q) { rowCount } }`, { q: query });
      expect(['BAD_USER_INPUT', 'FORBIDDEN'], query).toContain(body.errors?.[0]?.extensions?.code);
    }
    expect(await api.store.counts()).toEqual(before);
  });

  it('caps a huge result and says so, and stops a long query with TIMEOUT', async () => {
    const { cypher } = await data(`{ cypher(query: "UNWIND range(1, 100000) AS x RETURN x", maxRows: 10) { rowCount truncated } }`);
    expect(cypher).toEqual({ rowCount: 10, truncated: true });
    expect(
      await errorCode(
        `{ cypher(query: "UNWIND range(1, 1000000000) AS x WITH x WHERE x % 7 = 0 RETURN count(x)", timeoutMs: 500) { rowCount } }`,
      ),
    ).toBe('TIMEOUT');
  });
});
