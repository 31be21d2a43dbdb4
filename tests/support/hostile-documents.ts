// Hostile documents, generated (never committed): each is what a careless export, a broken editor,
// a wrong encoding or an attacker hands the ingester. `expected` is the outcome a user must see.
import iconv from 'iconv-lite';

export interface HostileDocument {
  name: string;
  bytes: Uint8Array;
  /** What happens to it: refused (with a reason matching `reason`) or loaded (with these diagnostics). */
  expected: { status: 'refused'; reason: RegExp } | { status: 'loaded'; diagnostics: string[] };
}

/** A short report in plain words: places, a quoted program, a pilot, an organization. */
export const REPORT = [
  '温州市龙湾区实施“红哨系统”，全面推进共同富裕。',
  '龙湾区入选浙江省共同富裕试点。',
  '龙湾区人民政府印发《龙湾区共同富裕行动方案》。',
].join('\n');

const TRADITIONAL = '龍灣區實施“紅哨系統”，全面推進共同富裕。\n龍灣區入選浙江省共同富裕試點。';

/** A deterministic byte generator, so that a failing case can be rerun as it was. */
function pseudoRandomBytes(length: number, seed = 7): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}

function utf8(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'utf8'));
}

/** Text repeated up to `bytes` bytes of UTF-8, every paragraph numbered so none is a repeat. */
export function repeatedReport(bytes: number, separator = '\n'): Uint8Array {
  const buffer = Buffer.alloc(bytes, 0x20);
  let at = 0;
  for (let n = 0, written = 1; at < bytes && written > 0; n++) {
    // The last paragraph is cut where the buffer ends (a character that does not fit is left out).
    written = buffer.write(`第${n}段。${REPORT.replaceAll('\n', '')}${separator}`, at, 'utf8');
    at += written;
  }
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.length);
}

/** Every hostile input of the issue, with the outcome the reader must see for it. */
export function hostileDocuments(options: { largeBytes?: number; lineBytes?: number } = {}): HostileDocument[] {
  const withStrayBytes = Buffer.concat([Buffer.from(REPORT.slice(0, 20)), Buffer.from([0xff, 0xe4, 0xb8]), Buffer.from(REPORT.slice(20))]);
  return [
    { name: 'empty.txt', bytes: new Uint8Array(0), expected: { status: 'refused', reason: /^empty file/ } },
    { name: 'blank.txt', bytes: utf8(' \n\t\u3000\n'), expected: { status: 'refused', reason: /^no text: only white space/ } },
    {
      name: 'binary.txt',
      bytes: pseudoRandomBytes(64 * 1024),
      expected: { status: 'refused', reason: /^not text: \d+% of the first 64 KB are control bytes/ },
    },
    {
      name: 'scan.txt',
      bytes: Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(pseudoRandomBytes(1000))]),
      expected: { status: 'refused', reason: /^not text: a PDF file/ },
    },
    {
      name: 'large.txt',
      bytes: repeatedReport(options.largeBytes ?? 50 * 1024 * 1024),
      expected: { status: 'refused', reason: /is over the limit of .*MAX_DOCUMENT_BYTES/ },
    },
    { name: 'gbk.txt', bytes: new Uint8Array(iconv.encode(REPORT, 'gbk')), expected: { status: 'loaded', diagnostics: [] } },
    { name: 'big5.txt', bytes: new Uint8Array(iconv.encode(TRADITIONAL, 'big5')), expected: { status: 'loaded', diagnostics: [] } },
    {
      name: 'invalid-utf8.txt',
      bytes: new Uint8Array(withStrayBytes),
      expected: { status: 'loaded', diagnostics: ['undecodable-bytes', 'garbled-text'] },
    },
    {
      name: 'payload.html',
      bytes: utf8(`<html><head><script>alert("head")</script></head><body onload="alert('body')">
        <img src="x" onerror="alert('img')"><p>${REPORT.split('\n').join('</p><p>')}</p>
        <svg><script>alert("svg")</script></svg><a href="javascript:alert('a')">链接</a></body></html>`),
      expected: { status: 'loaded', diagnostics: [] },
    },
    {
      // Written in UTF-8, read as GBK somewhere, saved again as UTF-8: 娓╁窞甯傞緳婀惧尯…
      name: 'mojibake.txt',
      bytes: utf8(iconv.decode(Buffer.from(REPORT.repeat(3), 'utf8'), 'gbk')),
      expected: { status: 'refused', reason: /^mostly garbled text: \d+% of its characters/ },
    },
    { name: 'one-line.txt', bytes: repeatedReport(options.lineBytes ?? 1024 * 1024, ''), expected: { status: 'loaded', diagnostics: [] } },
    {
      name: 'invisible.txt',
      bytes: utf8(`龙湾\u200b区实施“红哨\u200d系统”。\u202e龙湾区\u202c入选浙江省共同富裕试点。\ufeff`),
      expected: { status: 'loaded', diagnostics: ['invisible-characters'] },
    },
    {
      name: 'nul.txt',
      bytes: utf8(`${REPORT.slice(0, 10)}\u0000\u0000${REPORT.slice(10)}\u0000`),
      expected: { status: 'loaded', diagnostics: ['control-characters', 'garbled-text'] },
    },
    {
      name: 'emoji.txt',
      bytes: utf8(`🎉𠀀👨‍👩‍👧温州市龙湾区实施“红哨系统”🚀，𩸽入选浙江省共同富裕试点。😀`),
      expected: { status: 'loaded', diagnostics: ['invisible-characters'] },
    },
  ];
}
