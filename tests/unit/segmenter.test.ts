// Our tag() is jieba's cut() plus a look-up in jieba's own dictionary: it must give exactly what
// jieba's tag() gives, words and parts of speech, or every rule that reads tags would drift.
import { describe, expect, it } from 'vitest';
import { segmenter, tag } from '../../graph/extract/segmenter.ts';
import { normalize } from '../../graph/normalize/index.ts';
import { seedSources } from '../support/seeds.ts';

const jiebaTag = (text: string) => segmenter().tag(text, true).map(({ word, tag: pos }) => [word, pos]);
const ourTag = (text: string) => tag(text).map(({ word, tag: pos }) => [word, pos]);

describe('tag', () => {
  it('tags as jieba does: dictionary words, our domain words, numbers, Latin letters and unknown words', () => {
    for (const text of ['AB型血和C++课程，4S店与2049公园', '12345热线接入共富办项目', 'iPhone15上线，ABC公司', '柯桥区齐贤街道羊山村']) {
      expect(ourTag(text)).toEqual(jiebaTag(text));
    }
  });

  it('tags every window of the seeds as jieba does', () => {
    let windows = 0;
    for (const source of seedSources()) {
      const text = normalize(source).analysis.text;
      for (let start = 0; start < text.length; start += 3) {
        const window = text.slice(start, start + 4 + (start % 23));
        expect(ourTag(window)).toEqual(jiebaTag(window));
        windows++;
      }
    }
    expect(windows).toBeGreaterThan(5000);
  });
});
