// ISSUED: a document after a verb of issuing, issued by the organizations or districts named
// before the verb (省财政厅、省发改委下发…), else by the sentence's actor.
import type { EntityType } from '../../model.ts';
import { ISSUING } from '../../lexicon/verbs.ts';
import { lastMatchBefore } from '../../extract/index.ts';
import { coordinatedBefore } from '../actors.ts';
import type { RelationRule } from '../rule.ts';

const ISSUERS = new Set<EntityType>(['Organization', 'District']);

export const issuedDocument: RelationRule = {
  name: 'issued-document',
  states: ['ISSUED'],
  anchor: ['Document'],
  triggers: [ISSUING],
  roles: { source: 'the organizations or districts before the verb, else the actor', target: 'the document' },
  atMention({ text, sentence, here, actor, add }, i) {
    const m = here[i]!;
    const verb = lastMatchBefore(text, ISSUING, sentence.start, m.start);
    if (verb === undefined) return;
    const issuers = coordinatedBefore(text, here, verb, ISSUERS);
    for (const issuer of issuers.length > 0 ? issuers : [actor ?? '']) add('ISSUED', issuer, m.entity);
  },
};
