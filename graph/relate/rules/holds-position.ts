// HOLDS_POSITION: a person after an organization and a post (龙湾区委书记周一富), and a credited
// reporter in the outlet named before the credit.
import { between } from '../../extract/index.ts';
import { ACTOR_TYPES, POSTS } from '../cues.ts';
import type { RelationRule } from '../rule.ts';

export const postHolder: RelationRule = {
  name: 'post-holder',
  states: ['HOLDS_POSITION'],
  anchor: ['Person'],
  triggers: [POSTS],
  roles: { source: 'the person', target: 'each organization, district, village or company right before the post' },
  atMention({ text, here, add }, i) {
    const m = here[i]!;
    if (!m.title) return;
    // 龙湾区委书记、温州高新区党工委书记周一富: each organization right before a post.
    for (const holder of here) {
      if (holder.end > m.start || !ACTOR_TYPES.has(holder.type)) continue;
      const gap = between(text, holder, m);
      if (gap.length <= 24 && POSTS.test(gap) && !/[，,。；;：:]/.test(gap)) add('HOLDS_POSITION', m.entity, holder.entity);
    }
    if (m.title === 'reporter') {
      // The nearest outlet before the credit: 新华社杭州电（中央社记者 林家豪） credits 中央社.
      const outlet = here.findLast((o) => o.via === 'outlet' && o.end <= m.start);
      if (outlet) add('HOLDS_POSITION', m.entity, outlet.entity);
    }
  },
};
