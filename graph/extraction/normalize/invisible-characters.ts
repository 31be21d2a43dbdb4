// Characters that show nothing but change what a text says to a program: zero-width spaces and
// joiners, bidirectional embeddings, overrides and isolates, soft hyphens, a byte-order mark
// inside the text. Pasted from web pages (or planted), they split names (龙湾\u200b区) or reorder
// what is displayed. They are taken out of the analysed text, and stay in the original.
import { deleteRanges, type OffsetText } from './offset-text.ts';

const INVISIBLE = /[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]+/g;

export function findInvisibleCharacters(text: string): Array<[number, number]> {
  return [...text.matchAll(INVISIBLE)].map((m) => [m.index, m.index + m[0].length]);
}

export function removeInvisibleCharacters(source: OffsetText): { result: OffsetText; removed: number } {
  const ranges = findInvisibleCharacters(source.text);
  return { result: deleteRanges(source, ranges), removed: ranges.reduce((n, [start, end]) => n + end - start, 0) };
}
