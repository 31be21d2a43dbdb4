// The browser's only contact with the server: the GraphQL contract.

export interface EntityView {
  id: string;
  type: string;
  name: string;
  aliases: string[];
  code: string | null;
  level: string | null;
  degree: number;
}

export interface RelationView {
  id: string;
  type: string;
  source: string;
  target: string;
  weight: number;
}

export interface SubgraphView {
  entities: EntityView[];
  relations: RelationView[];
}

async function request<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: Array<{ message: string }> };
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
  return body.data as T;
}

const ENTITY = /* GraphQL */ `id type name aliases code level degree`;

export const api = {
  health: () => request<{ health: { ok: boolean; neo4jVersion: string | null; neo4jEdition: string | null; error: string | null } }>(
    /* GraphQL */ `{ health { ok neo4jVersion neo4jEdition error } }`).then((d) => d.health),
  stats: () => request<{ stats: { entities: number; relations: number; documents: number; evidence: number; entitiesByType: Array<{ type: string; count: number }> } }>(
    /* GraphQL */ `{ stats { entities relations documents evidence entitiesByType { type count } } }`).then((d) => d.stats),
  overview: (limit: number) => request<{ overview: SubgraphView }>(
    /* GraphQL */ `query ($limit: Int) { overview(limit: $limit) { entities { ${ENTITY} } relations { id type source target weight } } }`, { limit }).then((d) => d.overview),
  search: (query: string) => request<{ search: EntityView[] }>(
    /* GraphQL */ `query ($query: String!) { search(query: $query, limit: 30) { ${ENTITY} } }`, { query }).then((d) => d.search),
};
