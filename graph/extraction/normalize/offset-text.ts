// A text derived from the original by deleting characters, that remembers for each of its
// characters where it stood in the original: every later stage works on the derived text and
// reports original offsets through it.

export interface OffsetText {
  text: string;
  /** origin[i] is the original offset of text[i]; origin[text.length] is the original length. */
  origin: Int32Array;
}

export function identity(text: string): OffsetText {
  const origin = new Int32Array(text.length + 1);
  for (let i = 0; i <= text.length; i++) origin[i] = i;
  return { text, origin };
}

/** Deletes the given [start, end) ranges (sorted, not overlapping) of `source.text`. */
export function deleteRanges(source: OffsetText, ranges: Array<[number, number]>): OffsetText {
  if (ranges.length === 0) return source;
  const parts: string[] = [];
  const origin = new Int32Array(source.text.length + 1);
  let length = 0;
  let from = 0;
  const keep = (start: number, end: number) => {
    parts.push(source.text.slice(start, end));
    origin.set(source.origin.subarray(start, end), length);
    length += end - start;
  };
  for (const [start, end] of ranges) {
    keep(from, start);
    from = end;
  }
  keep(from, source.text.length);
  origin[length] = source.origin[source.text.length]!;
  return { text: parts.join(''), origin: origin.slice(0, length + 1) };
}

/** Original [start, end) of the derived span [start, end). */
export function originalSpan(source: OffsetText, start: number, end: number): [number, number] {
  if (end <= start) return [source.origin[start]!, source.origin[start]!];
  return [source.origin[start]!, source.origin[end - 1]! + 1];
}
