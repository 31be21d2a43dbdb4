// Paragraphs and sentences of the analysed text. A sentence ends at 。！？；!?; (with any closing
// quote after it) or at a line break, and never runs across a garbled span.
import { CharSet } from '../text/char-set.ts';

export interface Span {
  start: number;
  end: number;
}

export interface Sentence extends Span {
  /** Index of the paragraph (line) it belongs to. */
  paragraph: number;
}

const TERMINATORS = new CharSet('。！？!?；;');
const CLOSERS = new CharSet('”’」』"\'）)');

/** Splits [start, end) of `text` into sentences, trimming white space; cuts around `holes`. */
export function splitSentences(text: string, paragraph: Span, index: number, holes: Span[]): Sentence[] {
  const sentences: Sentence[] = [];
  let from = paragraph.start;
  let hole = 0;
  for (let i = paragraph.start; i < paragraph.end; i++) {
    while (hole < holes.length && holes[hole]!.end <= i) hole++;
    const h = holes[hole];
    if (h && h.start === i) {
      emit(text, sentences, index, from, i);
      i = Math.min(h.end, paragraph.end) - 1;
      from = i + 1;
      continue;
    }
    if (TERMINATORS.at(text, i)) {
      let end = i + 1;
      while (end < paragraph.end && CLOSERS.at(text, end)) end++;
      emit(text, sentences, index, from, end);
      from = end;
      i = end - 1;
    }
  }
  emit(text, sentences, index, from, paragraph.end);
  return sentences;
}

/** Adds text[start, end) of paragraph `index` as a sentence, trimmed of white space, unless it is blank. */
function emit(text: string, sentences: Sentence[], index: number, start: number, end: number): void {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start) sentences.push({ start, end, paragraph: index });
}

/** Lines of the text as paragraphs, blank ones skipped. */
export function splitLines(text: string): Span[] {
  const lines: Span[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      let s = start,
        e = i;
      while (s < e && /\s/.test(text[s]!)) s++;
      while (e > s && /\s/.test(text[e - 1]!)) e--;
      if (e > s) lines.push({ start: s, end: e });
      start = i + 1;
    }
  }
  return lines;
}

/** Index of the first sentence that ends after `position` (sentences are in order and do not overlap): a binary search. */
export function sentenceIndexAfter(sentences: Sentence[], position: number): number {
  let low = 0;
  let high = sentences.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sentences[middle]!.end <= position) low = middle + 1;
    else high = middle;
  }
  return low;
}
