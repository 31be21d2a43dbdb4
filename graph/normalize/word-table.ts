// Words looked up by the character they start with: which of them is written at a position of a
// text, without trying each word (or one alternation of them all) at every position.
import { CharSet } from './char-set.ts';

export class WordTable {
  private readonly byFirstChar = new Map<number, string[]>();
  private readonly firstChars = new CharSet([]);
  readonly size: number;

  constructor(words: Iterable<string>) {
    const longestFirst = [...new Set(words)].filter((word) => word.length > 0).sort((a, b) => b.length - a.length);
    for (const word of longestFirst) {
      const list = this.byFirstChar.get(word.charCodeAt(0));
      if (list) list.push(word);
      else this.byFirstChar.set(word.charCodeAt(0), [word]);
      this.firstChars.add(word[0]!);
    }
    this.size = longestFirst.length;
  }

  /** The longest word written at `at` of `text` that ends by `end`. */
  longestAt(text: string, at: number, end: number): string | undefined {
    if (!this.firstChars.at(text, at)) return undefined;
    return this.byFirstChar.get(text.charCodeAt(at))!.find((word) => at + word.length <= end && text.startsWith(word, at));
  }
}
