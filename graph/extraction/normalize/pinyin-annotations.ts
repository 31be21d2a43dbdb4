// Some pages print a pinyin reading after characters: 機(jī)遇. The readings are removed so
// that words join up again (機遇), while offsets still point into the original.
import { deleteRanges, type OffsetText } from './offset-text.ts';

// A parenthesised syllable of lowercase pinyin (tone marks or tone digits), read only right after a
// Han character (hanBefore): an expression that looked behind for one would do so at every position.
const READING = /[(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]?[a-zü]*[1-5]?[)）]/gu;
const HAN = /\p{Script=Han}/u;

/** True when the character (code point) right before `at` is a Han character. */
function hanBefore(text: string, at: number): boolean {
  if (at === 0) return false;
  let code = text.charCodeAt(at - 1);
  const high = at >= 2 ? text.charCodeAt(at - 2) : 0;
  if (code >= 0xdc00 && code <= 0xdfff && high >= 0xd800 && high <= 0xdbff) code = (high - 0xd800) * 0x400 + (code - 0xdc00) + 0x10000;
  return HAN.test(String.fromCodePoint(code));
}
const HAS_LETTER = /[a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]/;

const TONED = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ1-5]/;

export function findPinyinAnnotations(text: string): Array<[number, number]> {
  const candidates: Array<{ range: [number, number]; toned: boolean }> = [];
  for (const match of text.matchAll(READING)) {
    // No match starts inside one (a reading holds no parenthesis), so skipping one not after a
    // Han character misses none that is.
    if (!hanBefore(text, match.index)) continue;
    const inner = match[0].slice(1, -1);
    // A syllable has at most six letters (zhuang); an empty or longer group is something else.
    if (inner.length === 0 || inner.length > 7 || !HAS_LETTER.test(inner)) continue;
    candidates.push({ range: [match.index, match.index + match[0].length], toned: TONED.test(inner) });
  }
  // A toneless group such as (app) is only a reading in a text that clearly carries readings.
  const annotated = candidates.filter((c) => c.toned).length >= 3;
  return candidates.filter((c) => c.toned || annotated).map((c) => c.range);
}

export function removePinyinAnnotations(source: OffsetText): { result: OffsetText; removed: number } {
  let result = source;
  let removed = 0;
  // Until none is left: removing 機(jī)(jī)'s first reading puts the second right after 機, and
  // the analysed text must hold no reading however often it is normalized.
  for (let ranges = findPinyinAnnotations(result.text); ranges.length > 0; ranges = findPinyinAnnotations(result.text)) {
    result = deleteRanges(result, ranges);
    removed += ranges.length;
  }
  return { result, removed };
}
