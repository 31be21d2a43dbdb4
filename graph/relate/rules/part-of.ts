// PART_OF: an organization named at the start of a longer one's name (龙港市公安局情报指挥中心),
// a program named right after the larger one it belongs to (数字社会“浙邻享”).
import type { RelationRule } from '../rule.ts';

export const organizationInName: RelationRule = {
  name: 'organization-in-name',
  states: ['PART_OF'],
  anchor: ['Organization'],
  triggers: [],
  roles: { source: 'the longer organization', target: 'the organization its name starts with' },
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
  triggers: [],
  roles: { source: 'the program', target: 'the program written right before it' },
  atMention({ here, add }, i) {
    const m = here[i]!;
    const previous = here[i - 1];
    // 数字社会“浙邻享”: a program named right after the larger one it belongs to.
    if (previous && previous.type === 'Program' && previous.end === m.start) add('PART_OF', m.entity, previous.entity);
  },
};
