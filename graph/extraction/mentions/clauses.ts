// Clauses: the stretch of a sentence between commas or semicolons, where a verb finds its subject
// and its object. Shared by the recognizers and the relation rules.
import type { Sentence } from '../normalize/index.ts';
import { CharSet } from '../text/char-set.ts';

/** Marks that end a clause inside a sentence. */
export const CLAUSE_MARKS = new CharSet('，,；;');
/** The same, and a colon or the end of a sentence (read where a span may cross sentence ends). */
export const CLAUSE_OR_SENTENCE_MARKS = new CharSet('，,；;。：:！？');

/** Where the clause holding `position` starts (after the last mark before it). */
export function clauseStartBefore(text: string, sentence: Sentence, position: number, marks: CharSet = CLAUSE_MARKS): number {
  let at = position - 1;
  while (at >= sentence.start && !marks.at(text, at)) at--;
  return Math.min(Math.max(at + 1, sentence.start), position);
}

/** Where the clause holding `position` ends (at the next mark, or the sentence's end). */
export function clauseEndAfter(text: string, sentence: Sentence, position: number, marks: CharSet = CLAUSE_MARKS): number {
  let at = position;
  while (at < sentence.end && !marks.at(text, at)) at++;
  return Math.min(at, sentence.end);
}

/** The end of the last match of `pattern` (global) in text[from, to), or undefined. */
export function lastMatchBefore(text: string, pattern: RegExp, from: number, to: number): number | undefined {
  let last: number | undefined;
  for (const m of text.slice(from, to).matchAll(pattern)) last = from + m.index + m[0].length;
  return last;
}

/** The text between two spans, or '' when they overlap or are out of order. */
export function between(text: string, a: { end: number }, b: { start: number }): string {
  return a.end <= b.start ? text.slice(a.end, b.start) : '';
}
