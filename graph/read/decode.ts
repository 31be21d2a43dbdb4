// Bytes → text. UTF-8 (with or without BOM) is taken when the bytes are valid UTF-8; otherwise
// jschardet tells Big5 from the GB family and iconv-lite decodes (GB18030 covers GBK and GB2312).
import iconv from 'iconv-lite';
import jschardet from 'jschardet';

export interface Decoded {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5';
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export function decode(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le'), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be'), encoding: 'utf-16be' };
  try {
    return { text: strictUtf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: a legacy Chinese encoding.
  }
  const buffer = Buffer.from(bytes);
  // A sample is enough to tell the two apart, and keeps detection cheap on large files.
  const guess = jschardet.detect(buffer.subarray(0, 64 * 1024), { detectEncodings: ['Big5', 'GB2312', 'UTF-8'] });
  const encoding = guess.encoding === 'Big5' ? 'big5' : 'gb18030';
  return { text: iconv.decode(buffer, encoding), encoding };
}
