// 云尖信息总部: what has a headquarters is a company, when it is a name jieba does not know.
import type { Sentence } from '../../normalize/index.ts';
import { LEFT_STOPWORDS } from '../../lexicon/entity-suffixes.ts';
import type { Candidate } from '../candidate.ts';
import type { Recognizer } from '../recognizer.ts';
import { tag } from '../segmenter.ts';

// 总部 of a company, not of a building or of an economy.
const HEADQUARTERS = /总部(?!大楼|大厦|经济)/g;

export const headquarters: Recognizer = {
  name: 'headquarters',
  stage: 'marked',
  needs: [],
  sources: { suffix: { priority: 50, weight: 1 } },
  inSentence: ({ text }, sentence, _index, out) => findHeadquarters(text, sentence, out),
};

function findHeadquarters(text: string, sentence: Sentence, out: Candidate[]): void {
  for (const m of text.slice(sentence.start, sentence.end).matchAll(HEADQUARTERS)) {
    const end = sentence.start + m.index;
    const windowStart = Math.max(sentence.start, end - 10);
    const words = tag(text.slice(windowStart, end));
    let start = end;
    let coined = false;
    for (let k = words.length - 1; k >= (windowStart > sentence.start ? 1 : 0); k--) {
      const { word, tag: pos } = words[k]!;
      if (!/^\p{Script=Han}+$/u.test(word) || !/^(?:x|n|nz|nr|ns|m)$/.test(pos) || LEFT_STOPWORDS.has(word)) break;
      // Unknown to jieba: tagged x, or cut into single characters.
      coined ||= pos === 'x' || word.length === 1;
      start -= word.length;
    }
    const name = text.slice(start, end);
    if (coined && name.length >= 3 && name.length <= 8) out.push({ start, end, type: 'Company', name, via: 'suffix' });
  }
}
