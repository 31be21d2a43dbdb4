// Declarations are checked, as spaCy's analyze_pipes checks what a pipe assigns and requires: a
// recognizer yields only the sources it declares and reads only the context it declares it needs;
// a relation rule states only the relation types it declares. Each declaration is also used, so
// none is left standing after the code stops needing it.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Candidate, MentionContext, MentionSource, Need, Recognizer } from '../../graph/extraction/mentions/index.ts';
import { RECOGNIZERS } from '../../graph/extraction/mentions/registry.ts';
import { RELATION_RULES } from '../../graph/extraction/relate/index.ts';
import { findMentions, observed, relationFindings, report } from '../support/extraction-stages.ts';
import { seedSources } from '../support/seeds.ts';

/** What the context offers for each need (the other fields are the document itself). */
const NEED_OF: Readonly<Partial<Record<keyof MentionContext, Need>>> = {
  regions: 'regions',
  districtEnds: 'district-ends',
  home: 'home',
  found: 'found',
  foundIn: 'found-in-sentence',
};

// Short reports for what the seeds do not show: zones named after a division in full or by its
// short form, a title's issuers, a page's credits, a company by its headquarters, a town's firm, a
// firm a village owns, the items after 其中, investors, funders and partners.
const TEXTS = [
  '龙游县溪口镇推进乡村运营。龙游经济开发区引进岚峤智造总部，龙游县高新区建成投用。',
  '磐安县印发《磐安县人民政府办公室关于加快山区乡村运营的通知》。磐安县尖山镇药材专业合作社成立。',
  '磐安县推进乡村运营\n来源：磐安新闻网\n记者 周海明\n\n磐安县尖山镇栗岭村村办企业磐安栗岭农业开发有限公司成立。',
  '磐安县推进旅游。“尖山漂流”景区由磐安文旅集团与浙中旅游集团共同出资建设。岚峤智造公司投资2亿元建设尖山药材产业园。',
  '武义县推进乡村振兴。武义县先后得到龙游县、磐安县等地的对口帮扶。',
  '近日，全省公布了第二批森林乡村试点，其中磐安县的栗岭村、里岙村入选。',
];

function texts(): string[] {
  return [...seedSources().map((source) => source.text), ...TEXTS];
}

describe('recognizer declarations', () => {
  // Every recognizer runs as registered, its context watched: which needs it reads, which sources it yields.
  const reads = new Map<string, Set<Need>>();
  const yields = new Map<string, Set<MentionSource>>();
  const added = new Map<string, number>();
  const watch = (recognizer: Recognizer): Recognizer => {
    reads.set(recognizer.name, new Set());
    yields.set(recognizer.name, new Set());
    return observed(recognizer, {
      context: (context) =>
        new Proxy(context, {
          get(target, property, receiver) {
            const need = NEED_OF[property as keyof MentionContext];
            if (need) reads.get(recognizer.name)!.add(need);
            return Reflect.get(target, property, receiver);
          },
        }),
      yielded: (candidates: Candidate[], call) => {
        if (call === 'refine') added.set(recognizer.name, (added.get(recognizer.name) ?? 0) + candidates.length);
        for (const c of candidates) yields.get(recognizer.name)!.add(c.via);
      },
    });
  };
  beforeAll(() => void findMentions(RECOGNIZERS.map(watch), texts()));

  it.each(RECOGNIZERS.map((r) => [r.name, r] as const))('%s reads only the needs it declares, and each of them', (name, recognizer) => {
    expect([...reads.get(name)!].sort()).toEqual([...recognizer.needs].sort());
  });

  it.each(RECOGNIZERS.map((r) => [r.name, r] as const))('%s yields only the sources it declares, and each of them', (name, recognizer) => {
    expect([...yields.get(name)!].sort()).toEqual(Object.keys(recognizer.sources).sort());
  });

  it('refine qualifies names and adds none', () => {
    expect(RECOGNIZERS.filter((r) => r.refine).length).toBeGreaterThan(0);
    for (const [name, count] of added) expect(count, name).toBe(0);
  });
});

describe('relation rule declarations', () => {
  const stated = new Map<string, Set<string>>(RELATION_RULES.map((rule) => [rule.name, new Set()]));
  beforeAll(() => {
    const sources = texts().map((text, i) => report(text, `report-${i}.txt`));
    for (const finding of relationFindings(sources, RELATION_RULES)) stated.get(finding.rule)?.add(finding.type);
  });

  it.each(RELATION_RULES.map((r) => [r.name, r] as const))(
    '%s states only the relation types it declares, and each of them',
    (name, rule) => {
      expect([...stated.get(name)!].sort()).toEqual([...rule.states].sort());
    },
  );
});
