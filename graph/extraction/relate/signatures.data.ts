// Which types of entity each relation can join, source → target (the guidelines' table, read as
// types): the pairs the relation model is asked about. Data only.
import type { EntityType, TypedRelationType } from '../../model.ts';

const ACTORS: EntityType[] = ['District', 'Organization', 'Village', 'Company'];
const PLACES: EntityType[] = ['District', 'Village', 'Place'];

export const SIGNATURES: Record<TypedRelationType, { source: readonly EntityType[]; target: readonly EntityType[] }> = {
  LOCATED_IN: { source: ['District', 'Village', 'Company', 'Place', 'Organization', 'Program'], target: PLACES },
  IMPLEMENTS: { source: ACTORS, target: ['Program', 'Pilot', 'Place', 'Company', 'Organization', 'Village'] },
  SELECTED_AS: { source: ['District', 'Village', 'Company', 'Organization', 'Place', 'Program'], target: ['Pilot'] },
  PARTNERS_WITH: { source: ACTORS, target: ACTORS },
  HOLDS_POSITION: { source: ['Person'], target: ACTORS },
  ISSUED: { source: ['Organization', 'District', 'Company'], target: ['Document'] },
  FUNDS: { source: [...ACTORS, 'Person'], target: ['Program', 'Company', 'Village', 'District', 'Place'] },
  PART_OF: { source: ['Program', 'Organization', 'Place', 'Company'], target: ['Program', 'Organization', 'Pilot', 'Company'] },
};
