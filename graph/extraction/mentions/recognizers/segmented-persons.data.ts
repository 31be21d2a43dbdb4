// The part-of-speech tags of a word that may be a personal name: none (a word jieba's segmenter
// made up and its dictionary lacks) and the dictionary's full names (nrfg). Its plain `nr` also
// tags ordinary nouns (熊猫), so it is left out.
export const NAME_TAGS: ReadonlySet<string> = new Set(['', 'x', 'nrfg']);
