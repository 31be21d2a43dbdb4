// HOLDS_POSITION: a person after an organization and a post (龙湾区委书记周一富); a post that names
// its level (市长, 市领导) in the district of that level; a post of a bare 村 (村党支部书记) in the
// village named last; a credited reporter or photographer in the outlet named before the credit,
// else in the page's outlet.
import { between } from '../../mentions/index.ts';
import { ACTOR_TYPES, LEVEL_POST, POSTS, VILLAGE_POST_BEFORE } from '../cues.ts';
import type { RelationRule } from '../rule.ts';

export const postHolder: RelationRule = {
  name: 'post-holder',
  states: ['HOLDS_POSITION'],
  anchor: ['Person'],
  // Source: the person; target: each organization, district, village or company right before the post.
  atMention({ text, sentence, here, actor, places, pageOutlet, entityOf, entityType, nameOf, add }, i) {
    const m = here[i]!;
    if (!m.title) return;
    // 市长张三, 市领导李四: the district of the post's level named last before, else the actor's.
    const level = LEVEL_POST.exec(m.title)?.[1];
    if (level) {
      const district =
        here.findLast((o) => o.type === 'District' && o.end <= m.start && entityOf(o).name.endsWith(level))?.entity ??
        (actor && entityType(actor) === 'District' && nameOf(actor).endsWith(level) ? actor : undefined);
      if (district) add('HOLDS_POSITION', m.entity, district);
    }
    // 、村党支部书记王五: a post of a bare 村 is in the village named last.
    const titleStart = text.lastIndexOf(m.title, m.start);
    if (
      m.via === 'person' &&
      titleStart >= sentence.start &&
      VILLAGE_POST_BEFORE.test(text.slice(Math.max(sentence.start, titleStart - 6), titleStart))
    ) {
      const village = places.lastNamed('村', titleStart);
      if (village) add('HOLDS_POSITION', m.entity, village);
    }
    // 龙湾区委书记、温州高新区党工委书记周一富: each organization right before a post.
    for (const holder of here) {
      if (holder.end > m.start || !ACTOR_TYPES.has(holder.type)) continue;
      // 团结村党委书记: the post is the party committee's, not the village's its name begins with.
      if (here.some((o) => o !== holder && ACTOR_TYPES.has(o.type) && o.start <= holder.start && o.end > holder.end && o.end <= m.start))
        continue;
      // “某某实业”董事长: a quoted name's closing mark stands between it and the post.
      const gap = between(text, holder, m).replace(/^[”"’」]/, '');
      // 某村党委书记张三向…董事长李四: another person between names the post's holder.
      if (
        gap.length <= 24 &&
        POSTS.test(gap) &&
        !/[，,。；;：:]/.test(gap) &&
        !here.some((p) => p.type === 'Person' && p.start >= holder.end && p.end <= m.start)
      )
        add('HOLDS_POSITION', m.entity, holder.entity);
    }
    if (m.via === 'credit' && (m.title === 'reporter' || m.title === 'photographer' || m.title === 'author')) {
      // The nearest outlet before the credit: 新华社杭州电（中央社记者 林家豪） credits 中央社.
      // A photo may be a reprint's: only a reporter falls back on the page's outlet.
      // 《某某》新闻周刊记者: a periodical named by its title is an outlet too.
      const outlet =
        here.findLast((o) => (o.via === 'outlet' || (o.via === 'book' && o.type === 'Organization')) && o.end <= m.start)?.entity ??
        (m.title === 'reporter' ? pageOutlet : undefined);
      if (outlet) add('HOLDS_POSITION', m.entity, outlet);
    }
  },
};
