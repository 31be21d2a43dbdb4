// Bytes → text. UTF-8 (with or without BOM) is taken when the bytes are valid UTF-8, or nearly so
// (a few broken sequences become U+FFFD and are counted); otherwise jschardet tells Big5 from the
// GB family and iconv-lite decodes (GB18030 covers GBK and GB2312).
import iconv from 'iconv-lite';
import jschardet from 'jschardet';

export interface Decoded {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5';
  /** Characters that could not be decoded and stand as U+FFFD (broken UTF-8, lone surrogates). */
  replaced: number;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenientUtf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/**
 * Text that is UTF-8 but for a few broken sequences (a truncated copy, a stray byte) stays UTF-8:
 * decoding it as GBK would garble all of it. It is taken as UTF-8 when it holds at least this many
 * well-formed non-ASCII characters per broken one; GBK or Big5 read as UTF-8 breaks at about nine
 * Chinese characters in ten (a pair of their bytes is valid UTF-8 by chance for the tenth).
 */
const BROKEN_UTF8_RATIO = 10;

function countReplacements(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\ufffd'); at >= 0; at = text.indexOf('\ufffd', at + 1)) count++;
  return count;
}

/**
 * Lone surrogates (UTF-16 input can hold them) become U+FFFD, one code unit for one, so offsets
 * stay; Neo4j and JSON would otherwise store something else than the text offsets index.
 */
function withoutLoneSurrogates(text: string): { text: string; replaced: number } {
  if (!/[\ud800-\udfff]/.test(text)) return { text, replaced: 0 };
  let replaced = 0;
  const fixed = text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, () => {
    replaced++;
    return '\ufffd';
  });
  return { text: fixed, replaced };
}

function utf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): Decoded {
  return { ...withoutLoneSurrogates(iconv.decode(Buffer.from(bytes.subarray(2)), encoding)), encoding };
}

/** Valid UTF-8, or UTF-8 with few enough broken sequences (any number when a BOM declares it). */
function utf8(bytes: Uint8Array, declared: boolean): Decoded | undefined {
  try {
    return { text: strictUtf8.decode(bytes), encoding: 'utf-8', replaced: 0 };
  } catch {
    // Not valid UTF-8: nearly UTF-8, or a legacy Chinese encoding.
  }
  const text = lenientUtf8.decode(bytes);
  const replaced = countReplacements(text);
  let valid = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) valid++;
  valid -= replaced;
  return declared || replaced * BROKEN_UTF8_RATIO <= valid ? { text, encoding: 'utf-8', replaced } : undefined;
}

export function decode(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return utf8(bytes.subarray(3), true)!;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes, 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes, 'utf-16be');
  const asUtf8 = utf8(bytes, false);
  if (asUtf8) return asUtf8;
  const buffer = Buffer.from(bytes);
  // A sample is enough to tell the two apart, and keeps detection cheap on large files.
  const guess = jschardet.detect(buffer.subarray(0, 64 * 1024), { detectEncodings: ['Big5', 'GB2312', 'UTF-8'] });
  const encoding = guess.encoding === 'Big5' ? 'big5' : 'gb18030';
  const text = iconv.decode(buffer, encoding);
  return { text, encoding, replaced: countReplacements(text) };
}
