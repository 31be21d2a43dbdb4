// Jieba segmentation with our domain words, created once per process on first use.
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { domainDictionary } from '../lexicon/domain-words.ts';

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
