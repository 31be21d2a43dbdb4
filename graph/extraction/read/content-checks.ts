// What is checked on a document's bytes before it is decoded: its size, and whether it is text at
// all. A document that fails is refused with a reason the user can act on; nothing is extracted.

/** Why a document was not extracted: a short code and a sentence naming what is wrong. */
export interface Refusal {
  code: 'too-large' | 'empty' | 'binary' | 'garbled' | 'bad-input' | 'duplicate' | 'unreadable';
  reason: string;
}

const SIGNATURES: Array<[string, number[]]> = [
  ['a PDF file', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['a ZIP archive (or a .docx/.xlsx file)', [0x50, 0x4b, 0x03, 0x04]],
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a gzip file', [0x1f, 0x8b]],
  ['a 7-Zip archive', [0x37, 0x7a, 0xbc, 0xaf]],
  ['an old Microsoft Office file (.doc/.xls)', [0xd0, 0xcf, 0x11, 0xe0]],
  ['an executable', [0x7f, 0x45, 0x4c, 0x46]],
];

/** How much of the sample is looked at: enough to tell text from data, cheap on large files. */
const SAMPLE_BYTES = 64 * 1024;
/**
 * Text in any of the encodings read here has next to no control bytes (a stray NUL or two is
 * reported and replaced, not refused); compressed or binary data has about one byte in ten.
 */
const MAX_CONTROL_SHARE = 0.05;

function isControlByte(byte: number): boolean {
  // Tab, line feed, vertical tab, form feed, carriage return and escape occur in text files.
  return byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0b && byte !== 0x0c && byte !== 0x0d && byte !== 0x1b;
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}

/** The size limit's refusal, naming the limit and the setting that raises it. */
export function checkSize(size: number, maxBytes: number): Refusal | undefined {
  if (size <= maxBytes) return undefined;
  return {
    code: 'too-large',
    reason: `${formatBytes(size)} (${size} bytes) is over the limit of ${formatBytes(maxBytes)} (${maxBytes} bytes); MAX_DOCUMENT_BYTES raises it`,
  };
}

/** Refuses what is not a text document: no bytes, a known binary format, or mostly control bytes. */
export function checkText(bytes: Uint8Array): Refusal | undefined {
  if (bytes.length === 0) return { code: 'empty', reason: 'empty file: no text to extract' };
  // UTF-16 declared by its byte-order mark has a NUL in every other byte of ASCII text.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return undefined;
  for (const [name, signature] of SIGNATURES) {
    if (signature.every((byte, i) => bytes[i] === byte)) return { code: 'binary', reason: `not text: ${name}` };
  }
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  let control = 0;
  for (const byte of sample) if (isControlByte(byte)) control++;
  if (control > sample.length * MAX_CONTROL_SHARE) {
    const percent = Math.round((control / sample.length) * 100);
    return {
      code: 'binary',
      reason: `not text: ${percent}% of the first ${formatBytes(sample.length)} are control bytes (binary data, or UTF-16 without a byte-order mark)`,
    };
  }
  return undefined;
}
