// FUNDS: organizations early in a sentence about money fund what gets it (省财政厅下发…资金,
// 产业飞地获…补助资金); the party right before a verb of investing funds what its clause builds;
// a village funds the firm it owns (村办企业).
import { FUNDING, INVESTING } from '../../lexicon/verbs.ts';
import { between, clauseEndAfter, clauseStartBefore } from '../../mentions/index.ts';
import type { ResolvedMention } from '../../resolve/resolve.ts';
import { coordinatedBefore } from '../actors.ts';
import { FUNDED, FUNDERS, FUNDED_BY, FUNDED_BY_VERBS, POSTS, SUPPORTED_BY, VILLAGE_OWNED } from '../cues.ts';
import type { RelationRule } from '../rule.ts';

export const funding: RelationRule = {
  name: 'funding',
  // 由A与B共同出资 also pairs the funders.
  states: ['FUNDS', 'PARTNERS_WITH'],
  anchor: 'sentence',
  // Source: the funding organization, or the party before the verb; target: the thing funded.
  inSentence({ text, sentence, here, add }) {
    // 省财政厅下发…资金, 产业飞地获…补助资金: funders of a funded thing.
    if (!FUNDING.test(text.slice(sentence.start, sentence.end)) && !text.includes('出资', sentence.start)) return;
    // 江山市发展和改革局副局长周磊介绍: an organization that only says where a speaker works funds nothing.
    const affiliation = (o: ResolvedMention) =>
      here.some((p) => p.type === 'Person' && p.title && p.start > o.end && POSTS.test(between(text, o, p)));
    const funders = here.filter((m) => m.type === 'Organization' && m.start - sentence.start < 20 && !affiliation(m));
    // 恒逸集团投资2亿元: a company right before 投资 is the investor, not what is invested in.
    const funded = here.filter(
      (m) =>
        (m.type === 'Program' || m.type === 'Place' || m.type === 'Company') &&
        /获|补助|资金|投资/.test(text.slice(m.end, m.end + 12)) &&
        !(m.type === 'Company' && text.startsWith('投资', m.end)),
    );
    for (const f of funders) for (const t of funded) add('FUNDS', f.entity, t.entity);
    // 宁波舟山港集团投资5亿元建设梅山港区: the party before the verb funds what its clause goes on to build.
    for (const verb of text.slice(sentence.start, sentence.end).matchAll(INVESTING)) {
      const at = sentence.start + verb.index;
      if (here.some((m) => m.start <= at && at < m.end)) continue; // 城市建设投资集团: a word of a name
      const clauseStart = clauseStartBefore(text, sentence, at);
      const clauseEnd = clauseEndAfter(text, sentence, at);
      // The nearest party before the verb; of two ending there, the whole name (温州市 starts 温州市…集团).
      const funder = here
        .filter((m) => m.end <= at && m.start >= clauseStart && FUNDERS.has(m.type))
        .reduce<ResolvedMention | undefined>(
          (best, m) => (!best || m.end > best.end || (m.end === best.end && m.start < best.start) ? m : best),
          undefined,
        );
      const target = here.find((m) => m.start > at && m.end <= clauseEnd && FUNDED.has(m.type));
      if (funder && target) add('FUNDS', funder.entity, target.entity);
    }
    // “某某”漂流项目由A与B共同出资建设: the parties after 由 fund what comes before it, together.
    for (const m of text.slice(sentence.start, sentence.end).matchAll(FUNDED_BY)) {
      const by = sentence.start + m.index;
      // The verb itself, not a word of a name after 由 (某某实业投资有限公司).
      let verb = sentence.start + m.index + m[0].length - m[1]!.length;
      while (verb >= 0 && here.some((o) => o.start <= verb && verb < o.end)) verb = nextInvestingVerb(text, verb + 1, sentence.end);
      if (verb < 0 || /[，,。；;]/.test(text.slice(by, verb))) continue;
      const funders = coordinatedBefore(text, here, verb, FUNDERS);
      const target = [...here].reverse().find((o) => o.end <= by && FUNDED.has(o.type) && o.start >= clauseStartBefore(text, sentence, by));
      if (!target) continue;
      for (const f of funders) add('FUNDS', f, target.entity);
      for (let a = 0; a + 1 < funders.length; a++) add('PARTNERS_WITH', funders[a]!, funders[a + 1]!);
    }
  },
};

export const supportedBy: RelationRule = {
  name: 'supported-by',
  states: ['FUNDS', 'PARTNERS_WITH'],
  anchor: 'sentence',
  // Source: each party listed after 得到; target: the sentence’s subject.
  inSentence({ text, sentence, here, subject, add }) {
    // 某县先后得到A、B等地的对口扶持: each party listed funds the subject; 对口 pairs them too.
    if (!subject) return;
    for (const m of text.slice(sentence.start, sentence.end).matchAll(SUPPORTED_BY)) {
      const from = sentence.start + m.index + m[1]!.length;
      const to = sentence.start + m.index + m[0].length;
      for (const party of here) {
        if (party.start < from || party.end > to || !FUNDERS.has(party.type) || party.entity === subject) continue;
        add('FUNDS', party.entity, subject);
        if (m[2]) add('PARTNERS_WITH', subject, party.entity);
      }
    }
  },
};

/** Where the next verb of 由A与B共同出资 in text[from, to) starts, or -1. */
function nextInvestingVerb(text: string, from: number, to: number): number {
  const found = FUNDED_BY_VERBS.map((verb) => text.indexOf(verb, from)).filter((at) => at >= 0 && at < to);
  return found.length > 0 ? Math.min(...found) : -1;
}

export const villageOwned: RelationRule = {
  name: 'village-owned',
  states: ['FUNDS', 'LOCATED_IN'],
  anchor: 'sentence',
  // Source: the village named last before the cue; target: the firm named nearest the cue.
  inSentence({ text, sentence, here, add }) {
    // 某村村办企业某某公司, 某某公司是某村的村办公司: the village owns the firm, which lies in it.
    const cue = VILLAGE_OWNED.exec(text.slice(sentence.start, sentence.end));
    if (!cue) return;
    const at = sentence.start + cue.index;
    const village = here.findLast((o) => o.type === 'Village' && o.end <= at + 1 && at - o.end <= 8);
    const firms = here.filter((o) => o.type === 'Company');
    // The firm named right after the cue, else the one the clause opens with (某某公司是…的村办公司).
    const firm =
      firms.find((o) => o.start >= at + cue[0].length && o.start - (at + cue[0].length) <= 2) ??
      firms.findLast((o) => o.end <= at && !/[，,；;。]/.test(text.slice(o.end, at)));
    if (!village || !firm) return;
    add('FUNDS', village.entity, firm.entity);
    add('LOCATED_IN', firm.entity, village.entity);
  },
};
