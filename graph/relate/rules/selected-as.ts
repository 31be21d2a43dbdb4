// SELECTED_AS: what is named into a pilot, list or award — the name right before it (“读行乐清”
// 国家级文旅融合试点), its apposition after a dash, or what the clause of a verb of selection names
// before the verb (before 被 in the passive), with the items of a list ending there.
import { IMPLEMENTING, SELECTING } from '../../lexicon/verbs.ts';
import { clauseStartBefore, lastMatchBefore } from '../../extract/index.ts';
import { listedBefore } from '../actors.ts';
import type { RelationRule } from '../rule.ts';

export const selectedAsPilot: RelationRule = {
  name: 'selected-as-pilot',
  states: ['SELECTED_AS', 'IMPLEMENTS'],
  anchor: ['Pilot'],
  triggers: [SELECTING, IMPLEMENTING],
  roles: { source: 'the thing selected (else the actor); the actor for a pilot carried out', target: 'the pilot' },
  atMention({ text, sentence, here, actor, places, add }, i) {
    const m = here[i]!;
    const verb = lastMatchBefore(text, SELECTING, sentence.start, m.start);
    const previous = here[i - 1];
    // “读行乐清”国家级文旅融合试点: the name written right before the pilot was selected for it.
    if (previous && previous.type !== 'District' && previous.type !== 'Pilot' && m.start - previous.end <= 1 && previous.end <= m.start) {
      add('SELECTED_AS', previous.entity, m.entity);
      return;
    }
    const apposition = text.slice(m.end, m.end + 2) === '——' ? here[i + 1] : undefined;
    if (apposition) add('SELECTED_AS', apposition.entity, m.entity);
    else if (verb !== undefined) {
      // The thing selected is named in the same clause as the verb; otherwise it is the actor.
      const clauseStart = clauseStartBefore(text, sentence, verb);
      // 缙云县被国家发展改革委确定为…: in the passive, the one selected is named before 被.
      const passive = text.slice(clauseStart, verb).lastIndexOf('被');
      const before = passive >= 0 ? clauseStart + passive : verb;
      const candidate = [...here].reverse().find((o) => o.end <= before && o.start >= clauseStart && o.type !== 'Pilot' && o.type !== 'Person' && o.type !== 'Document');
      add('SELECTED_AS', candidate?.entity ?? places.referent(clauseStart, verb) ?? actor ?? '', m.entity);
      if (candidate) for (const listed of listedBefore(text, here, candidate)) add('SELECTED_AS', listed.entity, m.entity);
    } else if (IMPLEMENTING.test(text.slice(Math.max(sentence.start, m.start - 8), m.start)) && actor) {
      add('IMPLEMENTS', actor, m.entity);
    }
  },
};
