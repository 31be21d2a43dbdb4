// Jieba segmentation with our domain words, created once per process on first use.
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { domainDictionary, domainWords } from '../lexicon/domain-words.ts';
import { CharSet } from '../text/char-set.ts';

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
  if (!memo) return segmenter().cut(text, true);
  let words = memo.cut.get(text);
  if (!words) memo.cut.set(text, (words = segmenter().cut(text, true)));
  return words;
}

/**
 * Segmentations already made for the document being read, by text. Recognizers segment the same
 * window more than once (a name read at a short and then a long reach, a phrase two rules check),
 * and each segmentation is a call into jieba. The memo lives for one document only, opened and
 * dropped by {@link withDocumentMemo}: nothing is remembered from one document to the next.
 * Callers only read the arrays they get, which may be shared.
 */
let memo:
  | {
      cut: Map<string, string[]>;
      exact: Map<string, string[]>;
      tagged: Map<string, Array<{ word: string; tag: string }>>;
      /** Tags of the words read so far: a document repeats its words, and this small map answers faster than the dictionary. */
      tags: Map<string, string>;
    }
  | undefined;

/** Runs `read` (the reading of one document) with segmentations remembered until it returns. */
export function withDocumentMemo<T>(read: () => T): T {
  const outer = memo;
  memo = { cut: new Map(), exact: new Map(), tagged: new Map(), tags: new Map() };
  try {
    return read();
  } finally {
    memo = outer;
  }
}

/**
 * Words of a short text with their part-of-speech tags (jieba's; domain words have none).
 * jieba's own tag() is its cut() plus a dictionary look-up, but it returns one object per word
 * across the native boundary, which makes it twice as slow as cut(); the look-up is done here.
 */
export function tag(text: string): Array<{ word: string; tag: string }> {
  const known = memo?.tagged.get(text);
  if (known) return known;
  dictionaryTags ??= readDictionaryTags();
  const tagged = segmenter()
    .cut(text, true)
    .map((word) => new TaggedWord(word));
  memo?.tagged.set(text, tagged);
  return tagged;
}

/**
 * A word with its tag, looked up when first read: most readers stop after the last few words of
 * a window, and a look-up in a dictionary of 350,000 words is a good part of a tag's cost.
 */
class TaggedWord {
  private known: string | undefined;

  constructor(readonly word: string) {}

  get tag(): string {
    if (this.known !== undefined) return this.known;
    const seen = memo?.tags;
    let tag = seen?.get(this.word);
    if (tag === undefined) {
      tag = dictionaryTags!.get(this.word) ?? unknownWordTag(this.word);
      seen?.set(this.word, tag);
    }
    return (this.known = tag);
  }
}

let dictionaryTags: Map<string, string> | undefined;

/**
 * The tag of every word of jieba's dictionary ("word frequency tag" lines); our words get none.
 * Every word jieba knows is a key (each line of its dictionary has a tag), which cutExact relies on.
 */
function readDictionaryTags(): Map<string, string> {
  const text = new TextDecoder().decode(dict);
  const tags = new Map<string, string>();
  for (let at = 0; at < text.length;) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    const afterWord = text.indexOf(' ', at);
    const afterFrequency = text.indexOf(' ', afterWord + 1);
    if (afterWord > at && afterFrequency > afterWord && afterFrequency < end)
      tags.set(text.slice(at, afterWord), text.slice(afterFrequency + 1, end));
    at = end + 1;
  }
  for (const word of domainWords()) if (!tags.has(word)) tags.set(word, '');
  return tags;
}

/** jieba's tag for a word its dictionary lacks: m for digits, eng for other ASCII letters and digits, x otherwise. */
function unknownWordTag(word: string): string {
  let ascii = 0;
  let digits = 0;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    const digit = code >= 48 && code <= 57;
    if (digit || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)) ascii++;
    if (digit) digits++;
  }
  return ascii === 0 ? 'x' : ascii === digits ? 'm' : 'eng';
}

/**
 * Punctuation and spaces. jieba segments the runs of text between them one by one and returns
 * each of them as a word of its own, so cutting a text at one changes no word on either side:
 * a window may start just after one, or end just before one, and still read the text's own words.
 */
const SEGMENT_STOPS = new CharSet('“”"《》‘’「」()（）、，,：:；;。！？!? \t\n\r\u3000\u00a0');

/** Where the part of text[from, to) after its last stop begins (`from` when it has none). */
export function afterLastStop(text: string, from: number, to: number): number {
  for (let at = to - 1; at >= from; at--) if (SEGMENT_STOPS.at(text, at)) return at + 1;
  return from;
}

/** Where the part of text[from, to) before its first stop ends (`to` when it has none). */
export function beforeFirstStop(text: string, from: number, to: number): number {
  for (let at = from; at < to; at++) if (SEGMENT_STOPS.at(text, at)) return at;
  return to;
}

/** Words by the dictionary alone (no HMM guessing): a known word comes back whole. */
export function cutExact(text: string): string[] {
  if (unknownHanRun(text)) return text.split('');
  if (!memo) return segmenter().cut(text, false);
  let words = memo.exact.get(text);
  if (!words) memo.exact.set(text, (words = segmenter().cut(text, false)));
  return words;
}

/**
 * True for a short run of common Han characters in which no part of two characters or more is a
 * word of the dictionary: jieba's word graph then has one edge per character, and its exact cut
 * (no guessing) is the characters one by one. Most short texts checked for being one word are
 * such runs, and answering them here saves a call into jieba.
 */
function unknownHanRun(text: string): boolean {
  if (text.length < 2 || text.length > 6) return false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x4e00 || code > 0x9fff) return false;
  }
  const words = (dictionaryTags ??= readDictionaryTags());
  for (let start = 0; start < text.length - 1; start++) {
    for (let end = start + 2; end <= text.length; end++) if (words.has(text.slice(start, end))) return false;
  }
  return true;
}

/** True when jieba's exact cut keeps `text` whole, as one word. */
export function isOneExactWord(text: string): boolean {
  // A text of two characters or more with a Han character in it is one word only when the
  // dictionary holds it: the word graph has no other edge that long, and only single Latin
  // letters and digits are ever glued together. Most phrases asked about are not words.
  if (text.length >= 2 && hasCommonHan(text) && !(dictionaryTags ??= readDictionaryTags()).has(text)) return false;
  return cutExact(text).length === 1;
}

function hasCommonHan(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x4e00 && code <= 0x9fff) return true;
  }
  return false;
}

/** True when jieba's dictionary holds `text` as a word. */
export function isDictionaryWord(text: string): boolean {
  return (dictionaryTags ??= readDictionaryTags()).has(text);
}

/** True for one of the words we added to jieba's dictionary. */
export function isDomainWord(word: string): boolean {
  return domainWords().has(word);
}
