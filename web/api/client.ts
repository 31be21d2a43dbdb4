// The browser's only contact with the server: POST /graphql. Each operation of
// operations.graphql is sent alone (with the fragments it uses), so request limits apply per
// operation, and typed by the types generated from the contract.
import { Kind, parse, print, visit, type DefinitionNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import operationsText from './operations.graphql?raw';

/** An error the API reported (`extensions.code`: NOT_FOUND, BAD_USER_INPUT, FORBIDDEN…) or a network failure. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string | null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const TOKEN_KEY = 'policy-graph.ingest-token';

/** The write token, kept for this browser tab only. */
export const token = {
  get: (): string | null => sessionStorage.getItem(TOKEN_KEY),
  set: (value: string): void => sessionStorage.setItem(TOKEN_KEY, value),
  clear: (): void => sessionStorage.removeItem(TOKEN_KEY),
};

const parsed = parse(operationsText);
const fragments = new Map<string, FragmentDefinitionNode>();
for (const definition of parsed.definitions) {
  if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
}

function fragmentsOf(node: DefinitionNode, into: Set<string>): void {
  visit(node, {
    FragmentSpread(spread) {
      if (into.has(spread.name.value)) return;
      into.add(spread.name.value);
      const fragment = fragments.get(spread.name.value);
      if (fragment) fragmentsOf(fragment, into);
    },
  });
}

const documents = new Map<string, string>();
for (const definition of parsed.definitions) {
  if (definition.kind !== Kind.OPERATION_DEFINITION || !definition.name) continue;
  const used = new Set<string>();
  fragmentsOf(definition, used);
  const parts: Array<OperationDefinitionNode | FragmentDefinitionNode> = [definition];
  for (const name of used) {
    const fragment = fragments.get(name);
    if (fragment) parts.push(fragment);
  }
  documents.set(definition.name.value, print({ kind: Kind.DOCUMENT, definitions: parts }));
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

/** Sends any GraphQL text (the analysts' console uses it directly) and returns the raw response. */
export async function send<T>(query: string, variables: Record<string, unknown> = {}, operationName?: string): Promise<GraphQLResponse<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  const bearer = token.get();
  if (bearer) headers.authorization = `Bearer ${bearer}`;
  let response: Response;
  try {
    response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables, operationName }) });
  } catch (error) {
    throw new ApiError((error as Error).message, 'NETWORK');
  }
  try {
    return (await response.json()) as GraphQLResponse<T>;
  } catch {
    throw new ApiError(`HTTP ${response.status}`, 'NETWORK');
  }
}

/** Runs one named operation of operations.graphql. */
export async function request<TData, TVariables extends Record<string, unknown>>(name: string, variables: TVariables): Promise<TData> {
  const query = documents.get(name);
  if (!query) throw new ApiError(`unknown operation ${name}`, null);
  const body = await send<TData>(query, variables, name);
  if (body.errors?.length) {
    const first = body.errors[0];
    throw new ApiError(body.errors.map((e) => e.message).join('; '), first?.extensions?.code ?? null);
  }
  if (!body.data) throw new ApiError('empty response', null);
  return body.data;
}
