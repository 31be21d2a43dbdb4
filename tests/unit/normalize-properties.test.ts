// Properties of reading and normalization, over generated inputs: any bytes are read or refused
// without a crash, offsets always lead back into the original text, and normalizing the analysed
// text again changes nothing.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readBytes, type SourceDocument } from '../../graph/index.ts';
import { normalize, originalSpan, type NormalizedText } from '../../graph/extraction/normalize/index.ts';

// Bounded, so that the suite stays fast; a failure prints its seed and the shrunk input.
const RUNS = { numRuns: 150 };

/** Pieces of what reports hold, and of what breaks them: the alphabet the texts are drawn from. */
const PIECES = [
  '龙湾区',
  '温州市',
  '实施',
  '“红哨系统”',
  '共同富裕',
  '试点',
  '入选',
  '《行动方案》',
  '有限公司',
  '村',
  '社区',
  '龍灣區',
  '實施',
  '機(jī)遇',
  '機(jī)(jī)',
  '（xiàng）',
  '(app)',
  '(EPC)',
  '責任編輯：王',
  '来源：杭州日报',
  '记者 张三',
  '。',
  '，',
  '、',
  '！',
  '?',
  '??',
  '；',
  '\n',
  '\r\n',
  ' ',
  '\u3000',
  '\t',
  '|',
  '│',
  '\u200b',
  '\u200d',
  '\u202e',
  '\u2066',
  '\ufeff',
  '\u00ad',
  '\ufffd',
  '\u0000',
  '\u0007',
  '🎉',
  '👨‍👩‍👧',
  '𠀀',
  '𩸽',
  'é«è´¨',
  '鍏卞悓',
  'ボ',
  'Ã©',
  '2024年3月5日',
  '50%',
  'abc',
];
const reportText = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((pieces) => pieces.join(''));
// Any UTF-16 code units, lone surrogates included.
const codeUnits = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 120 });
const anyText = fc.oneof(reportText, codeUnits, fc.string({ unit: 'binary', maxLength: 120 }));

function source(text: string): SourceDocument {
  return { id: 'p.txt', path: 'p.txt', hash: 'h', encoding: 'utf-8', format: 'text', text };
}

/** The analysed form's characters stand at strictly increasing offsets of the original. */
function checkOffsets(doc: NormalizedText): void {
  const { text, origin } = doc.analysis;
  const length = doc.source.text.length;
  expect(origin.length).toBe(text.length + 1);
  expect(origin[text.length]).toBe(length);
  for (let i = 0; i < text.length; i++) {
    expect(origin[i]).toBeGreaterThanOrEqual(i === 0 ? 0 : origin[i - 1]! + 1);
    expect(origin[i]).toBeLessThan(length);
    // Conversion to simplified characters maps character for character; otherwise the very same unit.
    if (doc.script === 'simplified') expect(text[i]).toBe(doc.source.text[origin[i]!]);
  }
  let previousEnd = 0;
  for (const sentence of doc.sentences) {
    const [start, end] = originalSpan(doc.analysis, sentence.start, sentence.end);
    expect(start).toBeGreaterThanOrEqual(previousEnd);
    expect(end).toBeGreaterThan(start);
    expect(end).toBeLessThanOrEqual(length);
    previousEnd = end;
  }
}

describe('reading, for any bytes', () => {
  it('refuses with a reason or yields text without NUL, carriage returns or lone surrogates', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 400 }),
          reportText.map((t) => new Uint8Array(Buffer.from(t))),
        ),
        (bytes) => {
          const { source, refusal } = readBytes('x.txt', 'x.txt', bytes, { maxDocumentBytes: 300 });
          if (refusal) {
            expect(refusal.reason.length).toBeGreaterThan(10);
            return;
          }
          expect(bytes.length).toBeLessThanOrEqual(300);
          expect(source.text).not.toMatch(/[\u0000\r]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
          expect(source.hash).toMatch(/^[0-9a-f]{64}$/);
        },
      ),
      RUNS,
    );
  });

  it('reads HTML of any content without a crash, keeping no markup', () => {
    const tag = fc.constantFrom(
      '<p>',
      '</p>',
      '<script>',
      '</script>',
      '<img onerror="x()">',
      '<br>',
      '<!--',
      '-->',
      '&lt;',
      '&#0;',
      '&#xD800;',
      '<style>',
    );
    const page = fc.array(fc.oneof(tag, reportText), { maxLength: 30 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(page, (html) => {
        const { source } = readBytes('x.html', 'x.html', new Uint8Array(Buffer.from(html)), { maxDocumentBytes: 1e6 });
        if (source) expect(source.text).not.toMatch(/<script|onerror=|<p>/);
      }),
      RUNS,
    );
  });
});

describe('normalization, for any text', () => {
  it('never throws, and every analysed character and sentence maps back into the original', () => {
    fc.assert(
      fc.property(anyText, (text) => checkOffsets(normalize(source(text)))),
      RUNS,
    );
  });

  it('is idempotent: normalizing the analysed text yields that text again, with the same sentences', () => {
    // Defined on the output: the analysed text is a fixed point (no reading, invisible character
    // or traditional form is left in it to remove), so the sentences and left-out lines found in it
    // are found again. The script differs by design: the second input is already simplified.
    fc.assert(
      fc.property(anyText, (text) => {
        const once = normalize(source(text));
        const twice = normalize(source(once.analysis.text));
        expect(twice.analysis.text).toBe(once.analysis.text);
        expect(twice.sentences).toEqual(once.sentences);
        expect(twice.boilerplate).toEqual(once.boilerplate);
      }),
      RUNS,
    );
  });
});
