// PARTNERS_WITH: two parties of one type joined by 与/和/同 (or listed, when 两地/双方… follows) in
// a sentence with a cue of partnership; and the subject with the place 与 names before the cue.
import { between } from '../../mentions/index.ts';
import { PAIRED_AFTER, PARTNERING } from '../../lexicon/verbs.ts';
import { innermost } from '../actors.ts';
import type { RelationRule } from '../rule.ts';

const PAIR_DASH = /^[—–\-－]{1,2}$/;

export const partners: RelationRule = {
  name: 'partners',
  states: ['PARTNERS_WITH'],
  anchor: 'sentence',
  // Source: a party; target: the party of the same type joined to it.
  inSentence({ text, sentence, here, subject, entityType, add }) {
    // A、B两地 / A与B结对: two parties in one sentence with a partnership cue.
    if (!PARTNERING.test(text.slice(sentence.start, sentence.end))) return;
    const parties = here.filter((m) => m.type === 'District' || m.type === 'Company' || m.type === 'Village' || m.type === 'Organization');
    for (let i = 0; i + 1 < parties.length; i++) {
      const a = parties[i]!;
      // 江山市与杭州市萧山区: of places written one inside the next, the innermost is the party.
      const b = parties[innermost(parties, i + 1)]!;
      const gap = between(text, a, parties[i + 1]!);
      // 乐清、平阳两地: a bare list pairs its parties only when the words after it say so; a dash
      // pairs them (A—B、C—D…协作产业园).
      const paired =
        gap === '与' ||
        gap === '和' ||
        gap === '同' ||
        PAIR_DASH.test(gap) ||
        (gap === '、' && PAIRED_AFTER.test(text.slice(b.end, b.end + 8)));
      if (a.entity !== b.entity && paired && a.type === b.type) add('PARTNERS_WITH', a.entity, b.entity);
    }
    // 黄岩区…，与衢州市开化县共建“产业飞地”: the subject pairs with the (innermost) place 与 names before the cue.
    const subjectType = subject ? entityType(subject) : undefined;
    for (let i = 0; subject && i < here.length; i++) {
      if (!'与同'.includes(text[here[i]!.start - 1] ?? '') || here[i]!.type !== subjectType) continue;
      i = innermost(here, i);
      const partner = here[i]!;
      if (PAIRED_AFTER.test(text.slice(partner.end, partner.end + 8))) add('PARTNERS_WITH', subject, partner.entity);
    }
  },
};
