// Some pages print a pinyin reading after characters: 機(jī)遇. The readings are removed so
// that words join up again (機遇), while offsets still point into the original.
import { deleteRanges, type OffsetText } from './offset-text.ts';

// A parenthesised syllable of lowercase pinyin (tone marks or tone digits) right after a Han character.
const READING = /(?<=\p{Script=Han})[(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]?[a-zü]*[1-5]?[)）]/gu;
const HAS_LETTER = /[a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]/;

const TONED = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ1-5]/;

export function findPinyinAnnotations(text: string): Array<[number, number]> {
  const candidates: Array<{ range: [number, number]; toned: boolean }> = [];
  for (const match of text.matchAll(READING)) {
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
