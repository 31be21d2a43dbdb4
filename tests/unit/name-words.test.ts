// The look-ups that stand in for scans of the word lists must answer exactly as the scans do, or
// the recognizers that use them would drift from the lexicon's own functions.
import { describe, expect, it } from 'vitest';
import { ORDINARY_WORDS, SUFFIX_RULES, typeBySuffix } from '../../graph/extraction/lexicon/entity-suffixes.ts';
import { endsWithOrdinaryWord, matchesNear, ruleEnding } from '../../graph/extraction/mentions/name-words.ts';
import { POSTS_AFTER_NAME, SPEECH_VERBS, TERMS_OF_ADDRESS } from '../../graph/extraction/mentions/recognizers/persons.data.ts';
import { WordTable } from '../../graph/extraction/text/word-table.ts';
import { normalize } from '../../graph/extraction/normalize/index.ts';
import { seedSources } from '../support/seeds.ts';

function* phrases(): Generator<string> {
  for (const rule of SUFFIX_RULES) yield* [rule.suffix, `某${rule.suffix}`];
  for (const word of ORDINARY_WORDS) yield* [word, `某${word}`];
  for (const source of seedSources()) {
    const text = normalize(source).analysis.text;
    for (let start = 0; start < text.length; start += 2)
      for (let length = 1; length <= 10; length++) yield text.slice(start, start + length);
  }
}

describe('suffix and ordinary-word look-ups', () => {
  it('find the rule the lexicon finds, and the ordinary words its list holds', () => {
    let checked = 0;
    for (const phrase of phrases()) {
      expect(ruleEnding(phrase, 1)).toBe(typeBySuffix(phrase));
      expect(ruleEnding(phrase)).toBe(SUFFIX_RULES.find((rule) => phrase.endsWith(rule.suffix)));
      expect(endsWithOrdinaryWord(phrase)).toBe([...ORDINARY_WORDS].some((word) => phrase.endsWith(word)));
      checked++;
    }
    expect(checked).toBeGreaterThan(50000);
  });
});

describe('word tables', () => {
  it('find the longest word at a place, and any word in a text, as searches for each word do', () => {
    const lists = [
      SUFFIX_RULES.map((rule) => rule.suffix),
      [...ORDINARY_WORDS],
      POSTS_AFTER_NAME,
      SPEECH_VERBS,
      TERMS_OF_ADDRESS,
      ['村', '村委', '社区'],
    ];
    const tables = lists.map((words) => new WordTable(words));
    const longestFirst = lists.map((words) => [...words].sort((a, b) => b.length - a.length));
    for (const source of seedSources()) {
      const text = normalize(source).analysis.text;
      for (let at = 0; at < text.length; at++) {
        const end = Math.min(text.length, at + 1 + (at % 7));
        tables.forEach((table, i) =>
          expect(table.longestAt(text, at, end)).toBe(longestFirst[i]!.find((w) => at + w.length <= end && text.startsWith(w, at))),
        );
      }
      for (let start = 0; start < text.length; start += 40) {
        const part = text.slice(start, start + 60);
        for (const words of lists) expect([...matchesNear(part, words, /^/g)].length > 0).toBe(words.some((w) => part.includes(w)));
      }
    }
  });
});
