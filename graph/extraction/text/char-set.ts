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

/** A set of two-character sequences that may answer yes wrongly but never no wrongly: bits by a hash of the pair. */
export class PairBits {
  private readonly bits = new Uint8Array(1 << 17);

  private static slot(text: string, at: number): number {
    // Small integers throughout (no floating-point step): 31 × 0xffff + 0xffff is far below 2³⁰.
    return (text.charCodeAt(at) * 31 + text.charCodeAt(at + 1)) & 0xfffff;
  }

  add(text: string, at: number): void {
    const slot = PairBits.slot(text, at);
    this.bits[slot >> 3]! |= 1 << (slot & 7);
  }

  /** False when the pair at `at` of `text` was never added. */
  has(text: string, at: number): boolean {
    const slot = PairBits.slot(text, at);
    return (this.bits[slot >> 3]! & (1 << (slot & 7))) !== 0;
  }
}

/** True when any of marks[start, end) is 1: what marks.subarray(start, end).includes(1) says, without making a view. */
export function anyMarked(marks: Uint8Array, start: number, end: number): boolean {
  for (let i = Math.max(0, start), stop = Math.min(end, marks.length); i < stop; i++) if (marks[i] === 1) return true;
  return false;
}
