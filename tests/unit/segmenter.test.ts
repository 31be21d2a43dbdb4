// Our tag() is jieba's cut() plus a look-up in jieba's own dictionary: it must give exactly what
// jieba's tag() gives, words and parts of speech, or every rule that reads tags would drift.
import { describe, expect, it } from 'vitest';
import { afterLastStop, beforeFirstStop, cut, segmenter, tag } from '../../graph/extraction/mentions/segmenter.ts';
import { normalize } from '../../graph/extraction/normalize/index.ts';
import { seedSources } from '../support/seeds.ts';

const jiebaTag = (text: string) =>
  segmenter()
    .tag(text, true)
    .map(({ word, tag: pos }) => [word, pos]);
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

// Windows before a suffix and after a quote are cut at punctuation: that is only safe because
// jieba never segments across it.
describe('segment stops', () => {
  it('finds the part of a window after the last mark and before the first', () => {
    expect(afterLastStop('甲，乙丙“丁戊', 0, 7)).toBe(5);
    expect(afterLastStop('甲乙丙', 1, 3)).toBe(1);
    expect(beforeFirstStop('甲乙、丙', 0, 4)).toBe(2);
    expect(beforeFirstStop('甲乙丙', 0, 3)).toBe(3);
  });

  it('cutting the seeds at a mark changes no word on either side of it', () => {
    let cuts = 0;
    for (const source of seedSources()) {
      const text = normalize(source).analysis.text;
      for (let start = 0; start + 40 <= text.length; start += 7) {
        const window = text.slice(start, start + 40);
        const mark = beforeFirstStop(window, 1, window.length - 1);
        if (mark === window.length - 1) continue;
        const whole = cut(window).join('|');
        expect(whole.startsWith(cut(window.slice(0, mark)).join('|') + '|')).toBe(true);
        const after = afterLastStop(window, 0, window.length - 1);
        expect(whole.endsWith('|' + cut(window.slice(after)).join('|'))).toBe(true);
        cuts++;
      }
    }
    expect(cuts).toBeGreaterThan(1000);
  });
});
