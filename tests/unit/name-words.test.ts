// The look-ups that stand in for scans of the word lists must answer exactly as the scans do, or
// the recognizers that use them would drift from the lexicon's own functions.
import { describe, expect, it } from 'vitest';
import { ORDINARY_WORDS, SUFFIX_RULES, typeBySuffix } from '../../graph/lexicon/entity-suffixes.ts';
import { endsWithOrdinaryWord, ruleEnding } from '../../graph/extract/name-words.ts';
import { normalize } from '../../graph/normalize/index.ts';
import { seedSources } from '../support/seeds.ts';

function* phrases(): Generator<string> {
  for (const rule of SUFFIX_RULES) yield rule.suffix, `某${rule.suffix}`;
  for (const word of ORDINARY_WORDS) yield word, `某${word}`;
  for (const source of seedSources()) {
    const text = normalize(source).analysis.text;
    for (let start = 0; start < text.length; start += 2) for (let length = 1; length <= 10; length++) yield text.slice(start, start + length);
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
