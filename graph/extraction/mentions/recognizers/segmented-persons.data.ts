// The part-of-speech tags of a word that may be a personal name: none (a word jieba's segmenter
// made up and its dictionary lacks) and the dictionary's tags for names.
export const NAME_TAGS: ReadonlySet<string> = new Set(['', 'x', 'nr', 'nrfg', 'nrt']);
