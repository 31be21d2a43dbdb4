// Jieba segmentation with our domain words, created once per process on first use.
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { domainDictionary, domainWords } from '../lexicon/domain-words.ts';

let jieba: Jieba | undefined;

export function segmenter(): Jieba {
  if (!jieba) {
    jieba = Jieba.withDict(dict);
    jieba.loadDict(Buffer.from(domainDictionary(), 'utf8'));
  }
  return jieba;
}

/** Words of a short text, in order. */
export function cut(text: string): string[] {
  return segmenter().cut(text, true);
}

/** Words of a short text with their part-of-speech tags (jieba's; domain words have none). */
export function tag(text: string): Array<{ word: string; tag: string }> {
  return segmenter().tag(text, true);
}

/** Words by the dictionary alone (no HMM guessing): a known word comes back whole. */
export function cutExact(text: string): string[] {
  return segmenter().cut(text, false);
}

let domain: Set<string> | undefined;

/** True for one of the words we added to jieba's dictionary. */
export function isDomainWord(word: string): boolean {
  return (domain ??= domainWords()).has(word);
}
