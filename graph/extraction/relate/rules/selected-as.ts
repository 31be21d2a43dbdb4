// SELECTED_AS: what is named into a pilot, list or award — the name right before it (“读行乐清”
// 国家级文旅融合试点), its apposition after a dash, or what the clause of a verb of selection names
// before the verb (before 被 in the passive), with the items of a list ending there.
import { IMPLEMENTING, SELECTING } from '../../lexicon/verbs.ts';
import { clauseStartBefore, lastMatchBefore } from '../../mentions/index.ts';
import { clauseSubjectBefore, listedBefore } from '../actors.ts';
import type { RelationRule } from '../rule.ts';

// ，其中: “among them”, opening the list of what a designation took in.
const AMONG_THEM = /^[^。；;]{0,4}?[，,]\s*其中/;

export const selectedAsPilot: RelationRule = {
  name: 'selected-as-pilot',
  states: ['SELECTED_AS', 'IMPLEMENTS'],
  anchor: ['Pilot'],
  // Source: the thing selected (else the actor); the actor for a pilot carried out; target: the pilot.
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
      const candidate = [...here]
        .reverse()
        .find((o) => o.end <= before && o.start >= clauseStart && o.type !== 'Pilot' && o.type !== 'Person' && o.type !== 'Document');
      add(
        'SELECTED_AS',
        candidate?.entity ??
          places.referent(clauseStart, verb) ??
          clauseSubjectBefore(text, sentence, here, clauseStart)?.entity ??
          actor ??
          '',
        m.entity,
      );
      if (candidate) for (const listed of listedBefore(text, here, candidate)) add('SELECTED_AS', listed.entity, m.entity);
    } else if (IMPLEMENTING.test(text.slice(Math.max(sentence.start, m.start - 8), m.start))) {
      // 江西高质量发展建设革命老区示范区: the place right before the building verb builds it.
      const builder = here.findLast(
        (o) => o.type === 'District' && o.end <= m.start && m.start - o.end <= 8 && !/[，,、：:]/.test(text.slice(o.end, m.start)),
      );
      if (builder ?? actor) add('IMPLEMENTS', builder?.entity ?? actor!, m.entity);
    }
  },
};

export const listedAfterDesignation: RelationRule = {
  name: 'listed-after-designation',
  states: ['SELECTED_AS'],
  anchor: ['Pilot'],
  // Source: each item of the list after 其中; target: the pilot.
  atMention({ text, sentence, here, add }, i) {
    // 公布了100个…试点村，其中某市的A村、B村…: the items listed after 其中 were selected.
    const m = here[i]!;
    const among = AMONG_THEM.exec(text.slice(m.end, sentence.end));
    if (!among) return;
    const from = m.end + among.index + among[0].length;
    let item = here.findIndex((o) => o.start >= from && o.type !== 'District' && o.type !== 'Person');
    // 某市的A村: a place qualifying the list with 的 may stand before its first item.
    if (item < 0 || !/^(?:\p{Script=Han}{0,6}的)?$/u.test(text.slice(from, here[item]!.start))) return;
    for (let previous: (typeof here)[number] | undefined; item < here.length; item++) {
      const o = here[item]!;
      if (previous && text.slice(previous.end, o.start) !== '、') break;
      if (o.type === m.type || o.type === 'Person') break;
      add('SELECTED_AS', o.entity, m.entity);
      previous = o;
    }
  },
};
