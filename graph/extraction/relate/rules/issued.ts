// ISSUED: a document after a verb of issuing, issued by the organizations or districts named
// before the verb (省财政厅、省发改委下发…), else by the sentence's actor; a document whose title
// is headed by its issuers (《中共中央国务院关于…的意见》), by them.
import type { EntityType } from '../../../model.ts';
import { ISSUING } from '../../lexicon/verbs.ts';
import { lastMatchBefore } from '../../mentions/index.ts';
import { coordinatedBefore } from '../actors.ts';
import type { RelationRule } from '../rule.ts';

// A bank or a firm issues its own plans (某银行出台…行动方案) as a department does.
const ISSUERS = new Set<EntityType>(['Organization', 'District', 'Company']);

export const issuedDocument: RelationRule = {
  name: 'issued-document',
  states: ['ISSUED'],
  anchor: ['Document'],
  // Source: the organizations or districts before the verb, else the actor; target: the document.
  atMention({ text, sentence, here, actor, add }, i) {
    const m = here[i]!;
    const verb = lastMatchBefore(text, ISSUING, sentence.start, m.start);
    if (verb === undefined) return;
    // The issuers are the verb's own subject: in its clause (…相关部门工作要求，某银行出台 is the bank's).
    const issuers = coordinatedBefore(text, here, verb, ISSUERS).filter((id) => {
      const last = here.findLast((o) => o.entity === id && o.end <= verb);
      return last !== undefined && !/[，,；;。]/.test(text.slice(last.end, verb));
    });
    for (const issuer of issuers.length > 0 ? issuers : [actor ?? '']) add('ISSUED', issuer, m.entity);
  },
};

export const issuersInTitle: RelationRule = {
  name: 'issuers-in-title',
  states: ['ISSUED'],
  anchor: ['Document'],
  // Source: each issuer heading the title; target: the document.
  atMention({ here, add }, i) {
    const m = here[i]!;
    for (const issuer of here)
      if (issuer.via === 'issuer' && issuer.start > m.start && issuer.end < m.end) add('ISSUED', issuer.entity, m.entity);
  },
};
