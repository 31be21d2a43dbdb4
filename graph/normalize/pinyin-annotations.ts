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
  const ranges = findPinyinAnnotations(source.text);
  return { result: deleteRanges(source, ranges), removed: ranges.length };
}
