// Words looked up by the character they start with: which of them is written at a position of a
// text, without trying each word (or one alternation of them all) at every position.
import { CharSet, PairBits } from './char-set.ts';

export class WordTable {
  private readonly byFirstChar = new Map<number, string[]>();
  private readonly firstChars = new CharSet([]);
  /** The first characters of one-character words, and the first two of the longer ones: most places that pass the first test fail these. */
  private readonly singles = new CharSet([]);
  private readonly openings = new PairBits();
  readonly size: number;

  constructor(words: Iterable<string>) {
    const longestFirst = [...new Set(words)].filter((word) => word.length > 0).sort((a, b) => b.length - a.length);
    for (const word of longestFirst) {
      const list = this.byFirstChar.get(word.charCodeAt(0));
      if (list) list.push(word);
      else this.byFirstChar.set(word.charCodeAt(0), [word]);
      this.firstChars.add(word[0]!);
      if (word.length === 1) this.singles.add(word);
      else this.openings.add(word, 0);
    }
    this.size = longestFirst.length;
  }

  /** The longest word written at `at` of `text` that ends by `end`. */
  longestAt(text: string, at: number, end: number): string | undefined {
    if (!this.firstChars.at(text, at) || (!this.singles.at(text, at) && !this.openings.has(text, at))) return undefined;
    // A loop, not find(): a scan asks at most positions, and a callback made per call adds up.
    for (const word of this.byFirstChar.get(text.charCodeAt(at))!) if (at + word.length <= end && text.startsWith(word, at)) return word;
    return undefined;
  }
}
