// A set of characters tested by UTF-16 code unit. Scans that ask "is the character here one of
// these?" at every position of a text would otherwise make a one-character string each time,
// which is most of their cost.

export class CharSet {
  private readonly members = new Uint8Array(0x10000);

  constructor(chars: Iterable<string>) {
    for (const char of chars) this.add(char);
  }

  add(char: string): void {
    if (char.length !== 1) throw new TypeError(`not a single UTF-16 character: ${JSON.stringify(char)}`);
    this.members[char.charCodeAt(0)] = 1;
  }

  /** True when the character at `at` of `text` is in the set (false past either end). */
  at(text: string, at: number): boolean {
    return this.members[text.charCodeAt(at)] === 1;
  }
}
