// Typed relations from trigger patterns inside a sentence, the actor of a sentence whose subject
// is left out being the report's own district; plus same-sentence co-mentions.
import type { DistrictLevel, EntityType, TypedRelationType } from '../model.ts';
import type { NormalizedText, Sentence } from '../normalize/index.ts';
import { CharSet } from '../normalize/char-set.ts';
import type { ResolvedEntity, ResolvedMention } from '../resolve/resolve.ts';

export interface RelationFinding {
  type: TypedRelationType;
  source: string;
  target: string;
  sentence: Sentence;
}

// What may stand before a sentence's subject: times and connectives (2021年, 今年以来, 同时,).
const SUBJECT_OPENING = /^(?:(?:近|过去|这)?[\d一二三两四五六七八九十几]+(?:年|个月|月|天)(?:来|以来|里|中|间)?|\d+年(?:\d+月)?(?:\d+日)?|\d+月(?:\d+日)?|今年|去年|近年来|近年|目前|同时|此外|其中|另外|以来|上半年|下半年|截至目前|[，,、：:\s])*$/;

const LEVEL_RANK: Record<DistrictLevel, number> = { province: 1, city: 2, county: 3, zone: 3, township: 4 };
const ACTOR_TYPES = new Set<EntityType>(['District', 'Organization', 'Village', 'Company']);
const POSTS = /^副?(?:常委|执行秘书长|副秘书长|秘书长|党委书记|副书记|书记|副主任|主任|副局长|局长|负责人|总经理|副总经理|经理|董事长|理事长|副院长|院长|副校长|校长|站长|所长|处长|科长|主席|社长|馆长|园长|队长|组长|部长|厅长|省长|市长|区长|县长|镇长|乡长|村长|委员)/;
const SELECT = /入选|列为|列入|获评|获批|评为|确定为|认定为|命名为|成为|创成|跻身|荣获|中榜|获得|获|是|有|成功创建|创建成|授予/g;
// After a program's name, only the unambiguous verbs of selection (not 是, 有, 获).
const SELECTED_AFTER = /入选|列为|列入|获评|获批|评为|荣获|中榜/g;
const ISSUE = /出台|印发|制定|编制|下发|发布|颁布/g;
const IMPLEMENT = /实施|推进|打造|建设|建成|开展|上线|开发|构建|推动|开设|创成|落实|探索|深化|形成|布局|搭建|启动|投用|接入|实践|推出|建立|运用|依托|通过|以|开通|设立|成立|组建|举办|推行|推广|引入|引进|培育|完善|健全|实行|聚焦|抓好|深入|加快|强化|提升|谋划|创建|争创|开启|探索|试行|部署|承接|融入|创新|制定|做好|升级|迭代|落地|架构|擦亮|打响|研发|首创|实行|优化|运营|开发|组织|发起|参与/;
// Said of a program after its name: “浙里长寿”落地未来社区, 红哨系统上线.
const LAUNCHED = /^[^，,。；;]{0,12}?(?:落地|上线|投用|启用|建成|落户|运行|推开|覆盖|实施|试运行)/;
const LOCATE = /位于|地处|落户|坐落于|坐落在|落地/g;
const PARTNER = /结对|合作|共建|携手|牵手|协作|联建|对口|帮扶|一体化/;
const PAIRED_AFTER = /^[^，,。；;]{0,3}(?:两地|两区|两县|两市|双方|携手|结对|共建|合作|联建)/;
const CLAUSE_MARKS = new CharSet('，,；;');
// 该社区已构建…, 全区将推动…, 村里引进…: “this community”, “the whole district”, “the village”,
// opening a clause, stand for the last one named.
const ANAPHOR = /[该全本](社区|街道|村|镇|乡|县|区|市|省)|(村|镇|乡|县|区|市)里/;
const FUND = /投资|注资|出资|拨付|补助|资助|捐赠|资金/;
const INVEST = /投资|注资|出资|资助|捐赠|捐资/g;
const FUNDERS = new Set<EntityType>(['Company', 'Organization', 'District']);
const FUNDED = new Set<EntityType>(['Program', 'Place', 'Company', 'Village']);

function between(text: string, a: { end: number }, b: { start: number }): string {
  return a.end <= b.start ? text.slice(a.end, b.start) : '';
}

export interface SentenceContext {
  sentence: Sentence;
  /** The sentence's mentions, in order. */
  mentions: ResolvedMention[];
  /** An actor named at the start of the sentence. */
  subject: string | undefined;
  /** Who acts in the sentence: its subject, else the district the text is about at that point. */
  actor: string | undefined;
}

/**
 * Each sentence with its mentions and its actor. Reports leave the subject out when it is the
 * district they are about; a district named at the start of a sentence becomes the new topic.
 */
export function sentenceContexts(doc: NormalizedText, mentions: ResolvedMention[], entities: Map<string, ResolvedEntity>): SentenceContext[] {
  const home = homeDistrict(mentions, entities);
  // A report moves from one district to a peer (龙湾区 → 乐清市), not down into its townships.
  const homeLevel = home ? entities.get(home)!.level : undefined;
  let topic = home;
  const contexts: SentenceContext[] = [];
  let next = 0;
  for (const sentence of doc.sentences) {
    // Mentions are in text order: a sentence's own follow those of the sentences before it.
    while (next < mentions.length && mentions[next]!.start < sentence.start) next++;
    const here: ResolvedMention[] = [];
    for (let i = next; i < mentions.length && mentions[i]!.start < sentence.end; i++) if (mentions[i]!.end <= sentence.end) here.push(mentions[i]!);
    let first = here[0];
    const opening = first ? doc.analysis.text.slice(sentence.start, first.start) : '';
    // 台州市黄岩区深入实施…: of places written one inside the next, the innermost acts.
    if (first?.type === 'District') first = here[innermost(here, 0)];
    const subject = first && ACTOR_TYPES.has(first.type) && first.via !== 'credit' && SUBJECT_OPENING.test(opening) ? first.entity : undefined;
    if (subject && first!.type === 'District' && entities.get(subject)!.level === homeLevel) topic = subject;
    contexts.push({ sentence, mentions: here, subject, actor: subject ?? topic });
  }
  return contexts;
}

/** Typed relations of one document, from its sentence contexts. */
export function findRelations(doc: NormalizedText, contexts: SentenceContext[], entities: Map<string, ResolvedEntity>): RelationFinding[] {
  const text = doc.analysis.text;
  const found: RelationFinding[] = [];
  const add = (type: TypedRelationType, source: string, target: string, sentence: Sentence) => {
    if (source !== target) found.push({ type, source, target, sentence });
  };
  const entityOf = (m: ResolvedMention) => entities.get(m.entity)!;
  // The places named so far, latest last: what an anaphor (该县) stands for.
  const places: ResolvedMention[] = [];
  /** The place an anaphor in text[from, to) stands for: the last one named before it whose name ends as the anaphor says. */
  const referent = (from: number, to: number): string | undefined => {
    const anaphor = ANAPHOR.exec(text.slice(from, to));
    if (!anaphor || !SUBJECT_OPENING.test(text.slice(from, from + anaphor.index))) return undefined;
    const at = from + anaphor.index;
    const unit = anaphor[1] ?? anaphor[2]!;
    for (let i = places.length - 1; i >= 0; i--) {
      const place = places[i]!;
      if (place.end <= at && entityOf(place).name.endsWith(unit)) return place.entity;
    }
    return undefined;
  };

  for (const { sentence, mentions: here, actor, subject } of contexts) {
    for (const m of here) if (m.type === 'District' || m.type === 'Village') places.push(m);
    if (here.length === 0) continue;

    for (let i = 0; i < here.length; i++) {
      const m = here[i]!;
      const next = here[i + 1];
      const entity = entityOf(m);

      // 温州市龙湾区, 乐清市仙溪镇石碧岩村: a place written right after the division it lies in.
      if (next && next.start === m.end && m.type === 'District' && next.type !== 'Person' && next.type !== 'Program' && next.type !== 'Pilot' && next.type !== 'Document') {
        const inner = entityOf(next);
        const outerRank = LEVEL_RANK[entity.level ?? 'township'];
        const innerRank = inner.type === 'District' ? LEVEL_RANK[inner.level ?? 'township'] : 9;
        if (innerRank > outerRank && inner.type !== 'Organization') add('LOCATED_IN', next.entity, m.entity, sentence);
      }

      if (m.type === 'Person' && m.title) {
        // 龙湾区委书记、温州高新区党工委书记周一富: each organization right before a post.
        for (const holder of here) {
          if (holder.end > m.start || !ACTOR_TYPES.has(holder.type)) continue;
          const gap = between(text, holder, m);
          if (gap.length <= 24 && POSTS.test(gap) && !/[，,。；;：:]/.test(gap)) add('HOLDS_POSITION', m.entity, holder.entity, sentence);
        }
        if (m.title === 'reporter') {
          // The nearest outlet before the credit: 新华社杭州电（中央社记者 林家豪） credits 中央社.
          const outlet = here.findLast((o) => o.via === 'outlet' && o.end <= m.start);
          if (outlet) add('HOLDS_POSITION', m.entity, outlet.entity, sentence);
        }
      }

      // 龙港市公安局情报指挥中心 belongs to 龙港市公安局, named at its start.
      if (m.type === 'Organization') {
        const parent = here.find((o) => o !== m && o.type === 'Organization' && o.start === m.start && o.end < m.end);
        if (parent) add('PART_OF', m.entity, parent.entity, sentence);
      }

      if (m.type === 'Document') {
        const verb = lastMatchBefore(text, ISSUE, sentence.start, m.start);
        if (verb !== undefined) {
          const issuers = coordinatedBefore(text, here, verb, new Set(['Organization', 'District']));
          for (const issuer of issuers.length > 0 ? issuers : [actor ?? '']) add('ISSUED', issuer, m.entity, sentence);
        }
      }

      if (m.type === 'Pilot') {
        const verb = lastMatchBefore(text, SELECT, sentence.start, m.start);
        const previous = here[i - 1];
        // “读行乐清”国家级文旅融合试点: the name written right before the pilot was selected for it.
        if (previous && previous.type !== 'District' && previous.type !== 'Pilot' && m.start - previous.end <= 1 && previous.end <= m.start) {
          add('SELECTED_AS', previous.entity, m.entity, sentence);
          continue;
        }
        const apposition = text.slice(m.end, m.end + 2) === '——' ? here[i + 1] : undefined;
        if (apposition) add('SELECTED_AS', apposition.entity, m.entity, sentence);
        else if (verb !== undefined) {
          // The thing selected is named in the same clause as the verb; otherwise it is the actor.
          const clauseStart = clauseStartBefore(text, sentence, verb);
          // 缙云县被国家发展改革委确定为…: in the passive, the one selected is named before 被.
          const passive = text.slice(clauseStart, verb).lastIndexOf('被');
          const before = passive >= 0 ? clauseStart + passive : verb;
          const candidate = [...here].reverse().find((o) => o.end <= before && o.start >= clauseStart && o.type !== 'Pilot' && o.type !== 'Person' && o.type !== 'Document');
          add('SELECTED_AS', candidate?.entity ?? referent(clauseStart, verb) ?? actor ?? '', m.entity, sentence);
          if (candidate) for (const listed of listedBefore(text, here, candidate)) add('SELECTED_AS', listed.entity, m.entity, sentence);
        } else if (IMPLEMENT.test(text.slice(Math.max(sentence.start, m.start - 8), m.start)) && actor) {
          add('IMPLEMENTS', actor, m.entity, sentence);
        }
      }

      if (m.type === 'Program') {
        const previous = here[i - 1];
        // 数字社会“浙邻享”: a program named right after the larger one it belongs to.
        if (previous && previous.type === 'Program' && previous.end === m.start) add('PART_OF', m.entity, previous.entity, sentence);
        const selected = lastMatchBefore(text, SELECTED_AFTER, m.end, Math.min(clauseEndAfter(text, sentence, m.end), m.end + 6));
        // Carried out: a verb of doing in the clause before the program names it as the object.
        const clauseStart = clauseStartBefore(text, sentence, m.start);
        const clause = text.slice(clauseStart, m.start);
        const after = text.slice(m.end, clauseEndAfter(text, sentence, m.end));
        if (selected === undefined && (IMPLEMENT.test(clause) || LAUNCHED.test(after))) {
          // 万顺社区接入我的家园: a village, company or organization that opens the clause acts in it.
          // A district does so only when it opens the clause (浦江将深化…, not 与平阳加快…).
          let opener = here.find((o) => o.start >= clauseStart && o.end <= m.start && (['Village', 'Company', 'Organization'].includes(o.type)
            || (o.type === 'District' && SUBJECT_OPENING.test(text.slice(clauseStart, o.start)))));
          // Of places written one inside the next (台州市黄岩区), the innermost acts.
          if (opener?.type === 'District') opener = here[innermost(here, here.indexOf(opener))];
          const local = opener && IMPLEMENT.test(text.slice(opener.end, m.start)) && !/[“"]/.test(text.slice(clauseStart, opener.start)) ? opener.entity : undefined;
          add('IMPLEMENTS', local ?? referent(clauseStart, m.start) ?? actor ?? '', m.entity, sentence);
        }
      }

      // 位于龙湾区2049公园: the thing before the verb lies in the place after it.
      if (m.type === 'District' || m.type === 'Place' || m.type === 'Village') {
        const verb = lastMatchBefore(text, LOCATE, Math.max(sentence.start, m.start - 4), m.start);
        if (verb !== undefined) {
          const thing = [...here].reverse().find((o) => o.end <= verb && o.type !== 'Person' && o.type !== 'District');
          const after = here.find((o) => o.start >= m.end && (o.type === 'Place' || o.type === 'Organization' || o.type === 'Company') && text.slice(m.end, o.start).length <= 3);
          if (thing) add('LOCATED_IN', thing.entity, m.entity, sentence);
          else if (after) add('LOCATED_IN', after.entity, m.entity, sentence);
        }
      }
    }

    // A、B两地 / A与B结对: two parties in one sentence with a partnership cue.
    if (PARTNER.test(text.slice(sentence.start, sentence.end))) {
      const parties = here.filter((m) => m.type === 'District' || m.type === 'Company' || m.type === 'Village' || m.type === 'Organization');
      for (let i = 0; i + 1 < parties.length; i++) {
        const a = parties[i]!;
        // 江山市与杭州市萧山区: of places written one inside the next, the innermost is the party.
        const b = parties[innermost(parties, i + 1)]!;
        const gap = between(text, a, parties[i + 1]!);
        // 乐清、平阳两地: a bare list pairs its parties only when the words after it say so.
        const paired = gap === '与' || gap === '和' || gap === '同' || (gap === '、' && PAIRED_AFTER.test(text.slice(b.end, b.end + 8)));
        if (a.entity !== b.entity && paired && a.type === b.type) add('PARTNERS_WITH', a.entity, b.entity, sentence);
      }
      // 黄岩区…，与衢州市开化县共建“产业飞地”: the subject pairs with the (innermost) place 与 names before the cue.
      const subjectType = subject ? entities.get(subject)!.type : undefined;
      for (let i = 0; subject && i < here.length; i++) {
        if (!'与同'.includes(text[here[i]!.start - 1] ?? '') || here[i]!.type !== subjectType) continue;
        i = innermost(here, i);
        const partner = here[i]!;
        if (PAIRED_AFTER.test(text.slice(partner.end, partner.end + 8))) add('PARTNERS_WITH', subject, partner.entity, sentence);
      }
    }

    // 省财政厅下发…资金, 产业飞地获…补助资金: funders of a funded thing.
    if (FUND.test(text.slice(sentence.start, sentence.end))) {
      // 江山市发展和改革局副局长周磊介绍: an organization that only says where a speaker works funds nothing.
      const affiliation = (o: ResolvedMention) => here.some((p) => p.type === 'Person' && p.title && p.start > o.end && POSTS.test(between(text, o, p)));
      const funders = here.filter((m) => m.type === 'Organization' && m.start - sentence.start < 20 && !affiliation(m));
      // 恒逸集团投资2亿元: a company right before 投资 is the investor, not what is invested in.
      const funded = here.filter((m) => (m.type === 'Program' || m.type === 'Place' || m.type === 'Company')
        && /获|补助|资金|投资/.test(text.slice(m.end, m.end + 12)) && !(m.type === 'Company' && text.startsWith('投资', m.end)));
      for (const f of funders) for (const t of funded) add('FUNDS', f.entity, t.entity, sentence);
      // 宁波舟山港集团投资5亿元建设梅山港区: the party before the verb funds what its clause goes on to build.
      for (const verb of text.slice(sentence.start, sentence.end).matchAll(INVEST)) {
        const at = sentence.start + verb.index;
        if (here.some((m) => m.start <= at && at < m.end)) continue; // 城市建设投资集团: a word of a name
        const clauseStart = clauseStartBefore(text, sentence, at);
        const clauseEnd = clauseEndAfter(text, sentence, at);
        // The nearest party before the verb; of two ending there, the whole name (温州市 starts 温州市…集团).
        const funder = here.filter((m) => m.end <= at && m.start >= clauseStart && FUNDERS.has(m.type))
          .reduce<ResolvedMention | undefined>((best, m) => (!best || m.end > best.end || (m.end === best.end && m.start < best.start) ? m : best), undefined);
        const target = here.find((m) => m.start > at && m.end <= clauseEnd && FUNDED.has(m.type));
        if (funder && target) add('FUNDS', funder.entity, target.entity, sentence);
      }
    }
  }
  return found.filter((r) => r.source !== '');
}

/**
 * The actor nearest before `position` together with those joined to it by 、, 和 or 与
 * (省财政厅、省发改委下发…: both issue).
 */
function coordinatedBefore(text: string, mentions: ResolvedMention[], position: number, types: Set<EntityType>): string[] {
  // A place inside an organization's name (金义片区 of …金义片区管委会) is not a party of its own.
  const whole = (m: ResolvedMention) => !mentions.some((o) => o !== m && o.end <= position && o.start <= m.start && m.end <= o.end && o.end - o.start > m.end - m.start);
  const before = mentions.filter((m) => m.end <= position && whole(m));
  let k = before.length - 1;
  while (k >= 0 && !types.has(before[k]!.type)) k--;
  if (k < 0) return [];
  const chain = [before[k]!];
  for (let j = k - 1; j >= 0; j--) {
    const gap = text.slice(before[j]!.end, chain[0]!.start);
    if (!types.has(before[j]!.type) || !['、', '和', '与', '及'].includes(gap)) break;
    chain.unshift(before[j]!);
  }
  return chain.map((m) => m.entity);
}

/** Of mentions of one type written one right after the next from `index` on (台州市黄岩区), the index of the last: the innermost place. */
function innermost(mentions: ResolvedMention[], index: number): number {
  let i = index;
  while (mentions[i + 1]?.start === mentions[i]!.end && mentions[i + 1]!.type === mentions[i]!.type) i++;
  return i;
}

/**
 * The items of a list that ends with `last`, before it: 长乐社区、米市巷街道左家新村社区 lists two
 * communities, the second after the district it is in.
 */
function listedBefore(text: string, mentions: ResolvedMention[], last: ResolvedMention): ResolvedMention[] {
  const listed: ResolvedMention[] = [];
  let next = last;
  for (let i = mentions.indexOf(last) - 1; i >= 0; i--) {
    // The districts written right before an item are where it lies: step over them.
    let itemStart = next.start;
    for (; i >= 0 && mentions[i]!.type === 'District' && mentions[i]!.end === itemStart; i--) itemStart = mentions[i]!.start;
    const item = mentions[i];
    if (!item || item.type !== last.type || text.slice(item.end, itemStart) !== '、') break;
    listed.push(item);
    next = item;
  }
  return listed;
}

/** Where the clause holding `position` starts (after the last comma or semicolon before it). */
function clauseStartBefore(text: string, sentence: Sentence, position: number): number {
  let at = position - 1;
  while (at >= sentence.start && !CLAUSE_MARKS.at(text, at)) at--;
  return Math.min(Math.max(at + 1, sentence.start), position);
}

/** Where the clause holding `position` ends (at the next comma or semicolon, or the sentence's end). */
function clauseEndAfter(text: string, sentence: Sentence, position: number): number {
  let at = position;
  while (at < sentence.end && !CLAUSE_MARKS.at(text, at)) at++;
  return Math.min(at, sentence.end);
}

function lastMatchBefore(text: string, pattern: RegExp, from: number, to: number): number | undefined {
  let last: number | undefined;
  for (const m of text.slice(from, to).matchAll(pattern)) last = from + m.index + m[0].length;
  return last;
}

/** The district a report is about: the county- or township-level district mentioned most. */
function homeDistrict(mentions: ResolvedMention[], entities: Map<string, ResolvedEntity>): string | undefined {
  const counts = new Map<string, number>();
  for (const m of mentions) {
    const e = entities.get(m.entity)!;
    if (e.type !== 'District') continue;
    const weight = e.level === 'county' || e.level === 'township' ? 2 : e.level === 'city' ? 1 : 0.5;
    counts.set(m.entity, (counts.get(m.entity) ?? 0) + weight);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}
