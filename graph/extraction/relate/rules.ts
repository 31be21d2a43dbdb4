// Every relation rule, in one list: mention rules run in this order on each mention, sentence
// rules after them on each sentence.
import type { RelationRule } from './rule.ts';
import { funding, supportedBy, villageOwned } from './rules/funds.ts';
import { postHolder } from './rules/holds-position.ts';
import { programImplementer } from './rules/implements.ts';
import { issuedDocument, issuersInTitle } from './rules/issued.ts';
import { firmInItsPlace, placeAfterDivision, placedByVerb } from './rules/located-in.ts';
import { organizationInName, partsListed, programAfterProgram } from './rules/part-of.ts';
import { partners } from './rules/partners-with.ts';
import { listedAfterDesignation, selectedAsPilot } from './rules/selected-as.ts';

export const RELATION_RULES: readonly RelationRule[] = [
  placeAfterDivision,
  postHolder,
  organizationInName,
  issuedDocument,
  issuersInTitle,
  selectedAsPilot,
  listedAfterDesignation,
  programAfterProgram,
  programImplementer,
  firmInItsPlace,
  placedByVerb,
  partners,
  funding,
  supportedBy,
  villageOwned,
  partsListed,
];
