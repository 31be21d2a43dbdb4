// PART_OF: an organization named at the start of a longer one's name (龙港市公安局情报指挥中心),
// a program named right after the larger one it belongs to (数字社会“浙邻享”), and the parts a
// whole is said to bring together (该中心集合了A、B、C).
import { clauseStartBefore } from '../../mentions/index.ts';
import { PARTS_LISTED, WHOLE_ANAPHOR } from '../cues.ts';
import type { RelationRule } from '../rule.ts';

export const organizationInName: RelationRule = {
  name: 'organization-in-name',
  states: ['PART_OF'],
  anchor: ['Organization'],
  // Source: the longer organization; target: the organization its name starts with.
  atMention({ here, add }, i) {
    const m = here[i]!;
    // 龙港市公安局情报指挥中心 belongs to 龙港市公安局, named at its start.
    const parent = here.find((o) => o !== m && o.type === 'Organization' && o.start === m.start && o.end < m.end);
    if (parent) add('PART_OF', m.entity, parent.entity);
  },
};

export const programAfterProgram: RelationRule = {
  name: 'program-after-program',
  states: ['PART_OF'],
  anchor: ['Program'],
  // Source: the program; target: the program written right before it.
  atMention({ text, here, add }, i) {
    const m = here[i]!;
    const previous = here[i - 1];
    // 数字社会“浙邻享”: a program named right after the larger one it belongs to, its quotation mark between.
    if (previous && previous.type === 'Program' && /^[“"‘「]?$/.test(text.slice(previous.end, m.start)))
      add('PART_OF', m.entity, previous.entity);
  },
};

export const partsListed: RelationRule = {
  name: 'parts-listed',
  states: ['PART_OF'],
  anchor: 'sentence',
  // Source: each part listed after the verb, of the whole’s type; target: the whole named (or stood for by 该…) before the verb.
  inSentence({ text, sentence, here, places, add }) {
    const cue = PARTS_LISTED.exec(text.slice(sentence.start, sentence.end));
    if (!cue) return;
    const at = sentence.start + cue.index;
    const clauseStart = clauseStartBefore(text, sentence, at);
    const anaphor = WHOLE_ANAPHOR.exec(text.slice(clauseStart, at));
    const whole = anaphor
      ? places.lastNamedEnding(anaphor[1]!, clauseStart + anaphor.index)
      : here.findLast((o) => o.end <= at && o.start >= clauseStart && (o.type === 'Organization' || o.type === 'Program'));
    if (!whole) return;
    // The parts run on to the clause's end: 集合了…的A、…的B、…的C.
    const end = text.slice(at, sentence.end).search(/[，,；;。]/);
    const limit = end < 0 ? sentence.end : at + end;
    for (const part of here)
      if (part.start > at && part.end <= limit && part.type === whole.type && part.entity !== whole.entity)
        add('PART_OF', part.entity, whole.entity);
  },
};
