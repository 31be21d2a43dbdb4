// 点亮微心愿、幸福就业、幸福敲门等10余个专项项目: the items of a list that a category noun after 等
// names as programs (or, when jieba cannot read them, as the firms behind the projects).
import type { Sentence } from '../../normalize/index.ts';
import type { Candidate } from '../candidate.ts';
import { canBeInName, isOrdinaryWord } from '../name-words.ts';
import type { Recognizer } from '../recognizer.ts';
import { tag } from '../segmenter.ts';

const ENUMERATION =
  /((?:[\p{Script=Han}A-Za-z0-9+·]{2,16}、)+[\p{Script=Han}A-Za-z0-9+·]{2,12})等(?:\d+余?|[一二三四五六七八九十两几]+)?[个项大类种批]?[\p{Script=Han}]{0,6}?(?:项目|品牌|平台|应用|行动|工程|活动|模式|机制|场景)/gu;

export const enumerations: Recognizer = {
  name: 'enumerations',
  stage: 'names',
  needs: [],
  sources: { suffix: { priority: 50, weight: 1 } },
  inSentence: ({ text }, sentence, _index, out) => findEnumerations(text, sentence, out),
};

function findEnumerations(text: string, sentence: Sentence, out: Candidate[]): void {
  const body = text.slice(sentence.start, sentence.end);
  // The pattern backtracks a lot; most sentences cannot match it at all.
  if (!body.includes('、') || !body.includes('等')) return;
  for (const m of body.matchAll(ENUMERATION)) {
    const listStart = sentence.start + m.index;
    const items = m[1]!.split('、');
    // The first item starts after the verb that introduces the list (开发了点亮微心愿).
    const words = tag(items[0]!);
    let k = words.length;
    while (k > 0 && canBeInName(words[k - 1]!.word, words[k - 1]!.tag)) k--;
    items[0] = words
      .slice(k)
      .map((w) => w.word)
      .join('');
    let offset = listStart + m[1]!.indexOf('、') - items[0]!.length;
    if (!m[1]!.includes('、')) continue;
    for (const item of items) {
      if (item.length >= 3 && item.length <= 12 && !isOrdinaryWord(item)) {
        // 奥斯奇、星德瑞、蓝欧光电等3个…项目: short names jieba cannot read are the firms behind the projects.
        const unknown = tag(item)
          .filter((w) => w.tag === 'x' || w.word.length === 1 || /^(?:nr|nrt|ns|nz)$/.test(w.tag))
          .reduce((n, w) => n + w.word.length, 0);
        const firm = item.length <= 4 && unknown >= 2;
        out.push({ start: offset, end: offset + item.length, type: firm ? 'Company' : 'Program', name: item, via: 'suffix' });
      }
      offset += item.length + 1;
    }
  }
}
