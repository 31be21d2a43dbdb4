// IMPLEMENTS: a program carried out — a verb of doing in the clause before it, or a verb of
// launching after it — by the village, company or organization opening the clause (a district
// only when it opens it), else the place an anaphor stands for, else the sentence's actor.
import { IMPLEMENTING, LAUNCHED_AFTER, SELECTED_AFTER } from '../../lexicon/verbs.ts';
import { clauseEndAfter, clauseStartBefore, lastMatchBefore } from '../../mentions/index.ts';
import { clauseSubjectBefore, innermost } from '../actors.ts';
import { DESCRIBED_TASK, SUBJECT_OPENING } from '../cues.ts';
import type { RelationRule } from '../rule.ts';

export const programImplementer: RelationRule = {
  name: 'program-implementer',
  states: ['IMPLEMENTS'],
  anchor: ['Program'],
  // Source: the clause’s opener, else the anaphor’s place, else the actor; target: the program.
  atMention({ text, sentence, here, actor, places, add }, i) {
    const m = here[i]!;
    const selected = lastMatchBefore(text, SELECTED_AFTER, m.end, Math.min(clauseEndAfter(text, sentence, m.end), m.end + 6));
    // Carried out: a verb of doing in the clause before the program names it as the object.
    const clauseStart = clauseStartBefore(text, sentence, m.start);
    const clause = text.slice(clauseStart, m.start);
    const after = text.slice(m.end, clauseEndAfter(text, sentence, m.end));
    if (selected !== undefined || !(IMPLEMENTING.test(clause) || LAUNCHED_AFTER.test(after))) return;
    // 是忠实践行“某某战略”、奋力打造“某某窗口”的核心任务: after 是, the verb describes a task; nobody carries it out here.
    if (DESCRIBED_TASK.test(clause) && /^[^，,。；;]*的/.test(after)) return;
    // 万顺社区接入我的家园: a village, company or organization that opens the clause acts in it.
    // A district does so only when it opens the clause (浦江将深化…, not 与平阳加快…).
    let opener = here.find(
      (o) =>
        o.start >= clauseStart &&
        o.end <= m.start &&
        (['Village', 'Company', 'Organization'].includes(o.type) ||
          (o.type === 'District' && SUBJECT_OPENING.test(text.slice(clauseStart, o.start)))),
    );
    // Of places written one inside the next (台州市黄岩区), the innermost acts.
    if (opener?.type === 'District') opener = here[innermost(here, here.indexOf(opener))];
    const local =
      opener && IMPLEMENTING.test(text.slice(opener.end, m.start)) && !/[“"]/.test(text.slice(clauseStart, opener.start))
        ? opener.entity
        : undefined;
    // 在江西率先探索林长制改革的抚州: the place the clause describes, right after its 的.
    const described = here.find((o) => o.start > m.end && o.type === 'District' && text.slice(m.end, o.start) === '的');
    // Else the place an anaphor stands for (该县, 我省), the subject of an earlier clause, the actor.
    const earlier = clauseSubjectBefore(text, sentence, here, clauseStart)?.entity;
    add('IMPLEMENTS', local ?? described?.entity ?? places.referent(clauseStart, m.start) ?? earlier ?? actor ?? '', m.entity);
  },
};
