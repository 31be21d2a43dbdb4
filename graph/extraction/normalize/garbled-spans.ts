// Garbled spans: text decoded with the wrong encoding somewhere upstream (號角??偣こ滩捎肊),
// replacement characters, runs of "?". They are left out of extraction and reported, not fatal.
import iconv from 'iconv-lite';
import { CharSet } from '../text/char-set.ts';

export interface GarbledSpan {
  start: number;
  end: number;
}

let commonHan: CharSet | undefined;

/** Every Han character of GB2312 (the 6,763 in everyday use), decoded from the code table itself. */
function commonHanCharacters(): CharSet {
  if (commonHan) return commonHan;
  const bytes: number[] = [];
  for (let high = 0xb0; high <= 0xf7; high++) {
    for (let low = 0xa1; low <= 0xfe; low++) bytes.push(high, low);
  }
  commonHan = new CharSet([]);
  for (const ch of iconv.decode(Buffer.from(bytes), 'gb2312')) {
    if (ch.length === 1 && ch.charCodeAt(0) >= 0x3400) commonHan.add(ch);
  }
  return commonHan;
}

type Badness = 0 | 1 | 2; // 0 fine, 1 suspicious, 2 a sure sign

/**
 * Finds garbled spans in simplified text. A span is a cluster of suspicious characters
 * (rare Han characters, kana, Latin-1 letters, "?") no more than three characters apart that
 * holds at least one sure sign: U+FFFD, "?" between Chinese characters, a "??" run, kana, UTF-8
 * read as Latin-1, or two rare characters.
 */
export function findGarbledSpans(text: string): GarbledSpan[] {
  const common = commonHanCharacters();
  const isHan = (i: number) => {
    const code = text.charCodeAt(i);
    return code >= 0x3400 && code <= 0x9fff;
  };
  const isContinuation = (i: number) => {
    const code = text.charCodeAt(i);
    return code >= 0x80 && code <= 0xbf;
  };
  const badness = (i: number): Badness => {
    const code = text.charCodeAt(i);
    if (code === 0xfffd) return 2;
    if (code === 0x3f) {
      // ?
      const prev = text[i - 1],
        next = text[i + 1];
      // Pages that swap in ASCII punctuation use "?" as a question mark; "??" and "?!" are
      // what a mis-decoded "”。" leaves behind.
      if (prev === '?' || next === '?' || next === '!') return 2;
      return 1;
    }
    if (code >= 0x3040 && code <= 0x30ff) return 2; // kana
    if (code >= 0x3400 && code <= 0x9fff && !common.at(text, i)) return 1;
    // UTF-8 read as Latin-1 or Windows-1252 (é«è´¨): a lead byte's letter before a continuation
    // byte's sign, and C1 controls, which no text holds.
    if (code >= 0x80 && code <= 0x9f) return 2;
    if (code >= 0xc2 && code <= 0xef && isContinuation(i + 1)) return 2;
    if (isContinuation(i) && i > 0) {
      // The rest of that character's bytes: one after a two-byte lead, two after a three-byte one.
      const previous = text.charCodeAt(i - 1);
      if (
        (previous >= 0xc2 && previous <= 0xef) ||
        (isContinuation(i - 1) && i > 1 && text.charCodeAt(i - 2) >= 0xe0 && text.charCodeAt(i - 2) <= 0xef)
      )
        return 1;
    }
    if (code >= 0xc0 && code <= 0xff && i > 0 && isHan(i - 1)) return 1; // Latin-1 letters
    if (code >= 0x2200 && code <= 0x22ff) return 1; // mathematical operators (∵) inside Chinese text
    return 0;
  };

  const spans: GarbledSpan[] = [];
  let cluster: { start: number; end: number; sure: boolean; rare: number } | undefined;
  const close = () => {
    if (cluster && (cluster.sure || cluster.rare >= 2)) spans.push({ start: cluster.start, end: cluster.end });
    cluster = undefined;
  };
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Most characters are plain at a glance (ASCII but "?", common Han characters, CJK and
    // full-width punctuation); badness() is asked about the others only.
    const plain =
      (code < 0x80 && code !== 0x3f) ||
      (code >= 0x3400 && code <= 0x9fff && common.at(text, i)) ||
      (code >= 0x3000 && code < 0x3040) ||
      (code >= 0xff00 && code <= 0xffef);
    const bad = plain ? 0 : badness(i);
    if (bad === 0) {
      if (cluster && i - cluster.end >= 3) close();
      if (code === 10) close(); // a line break
      continue;
    }
    if (!cluster) cluster = { start: i, end: i + 1, sure: false, rare: 0 };
    cluster.end = i + 1;
    if (bad === 2) cluster.sure = true;
    else cluster.rare++;
  }
  close();
  return spans;
}
