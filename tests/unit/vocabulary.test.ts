// One vocabulary: graph/model.ts lists the entity and relation types; the server, the scripts and
// the benchmarks import it. The GraphQL contract cannot import, so its enums are held to it here
// (and the web's types are generated from the contract).
import { Kind, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { CO_MENTIONED, ENTITY_TYPES, RELATION_TYPES } from '../../graph/model.ts';
import { loadTypeDefs } from '../../server/app.ts';

/** The values of an enum of the contract, across every SDL file (an enum may be extended in another). */
function enumValues(name: string): string[] {
  const values: string[] = [];
  for (const document of loadTypeDefs().map((sdl) => parse(sdl)))
    for (const definition of document.definitions)
      if ((definition.kind === Kind.ENUM_TYPE_DEFINITION || definition.kind === Kind.ENUM_TYPE_EXTENSION) && definition.name.value === name)
        values.push(...(definition.values ?? []).map((value) => value.name.value));
  return values;
}

describe('the GraphQL contract', () => {
  it('lists the entity types of graph/model.ts, in its order', () => {
    expect(enumValues('EntityType')).toEqual([...ENTITY_TYPES]);
  });

  it('lists the typed relation types of graph/model.ts, in its order, then co-mentions', () => {
    expect(enumValues('RelationType')).toEqual([...RELATION_TYPES, CO_MENTIONED]);
  });
});
