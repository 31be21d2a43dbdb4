// Stage 1: SourceDocument → NormalizedText. Every step keeps a way back to original offsets.
import type { Diagnostic } from '../../model.ts';
import type { SourceDocument } from '../read/read-sources.ts';
import { isBoilerplateLine } from './boilerplate.ts';
import { findGarbledSpans } from './garbled-spans.ts';
import { readMetadata, type Metadata } from './metadata.ts';
import { removeInvisibleCharacters } from './invisible-characters.ts';
import { identity, originalSpan, type OffsetText } from './offset-text.ts';
import { removePinyinAnnotations } from './pinyin-annotations.ts';
import { splitLines, splitSentences, type Sentence, type Span } from './sentences.ts';
import { detectScript, toSimplified } from './simplified-chinese.ts';

export interface NormalizedText {
  source: SourceDocument;
  /** Analysis form: pinyin readings removed, simplified; `origin` maps it back to `source.text`. */
  analysis: OffsetText;
  script: 'simplified' | 'traditional';
  metadata: Metadata;
  /** Sentences of the report's body (boilerplate, repeats and garbled spans left out). */
  sentences: Sentence[];
  /** Lines dropped as page boilerplate: read for outlets and credits, not for relations. */
  boilerplate: Span[];
  diagnostics: Diagnostic[];
}

export { originalSpan, type OffsetText } from './offset-text.ts';
export { sentenceIndexAfter, type Sentence, type Span } from './sentences.ts';
export { toSimplified, simplifyName } from './simplified-chinese.ts';
export { findPinyinAnnotations } from './pinyin-annotations.ts';
export { findGarbledSpans } from './garbled-spans.ts';
export { isBoilerplateLine } from './boilerplate.ts';
export { findInvisibleCharacters } from './invisible-characters.ts';

/** Normalizes one document: the pure first stage of the pipeline. */
export function normalize(source: SourceDocument): NormalizedText {
  const diagnostics: Diagnostic[] = [...(source.diagnostics ?? [])];
  const { result: visible, removed: invisible } = removeInvisibleCharacters(identity(source.text));
  if (invisible > 0) {
    diagnostics.push({
      code: 'invisible-characters',
      offset: visible.origin.findIndex((at, i) => at !== i),
      message: `${invisible} zero-width or bidirectional control characters left out of the analysed text`,
    });
  }
  const { result: unannotated, removed } = removePinyinAnnotations(visible);
  if (removed > 0) {
    diagnostics.push({ code: 'pinyin-removed', offset: 0, message: `${removed} pinyin readings removed from the analysed text` });
  }
  const script = detectScript(unannotated.text);
  const analysis: OffsetText =
    script === 'traditional' ? { text: toSimplified(unannotated.text), origin: unannotated.origin } : unannotated;
  const text = analysis.text;

  const garbled = findGarbledSpans(text);
  for (const span of garbled) {
    const [start, end] = originalSpan(analysis, span.start, span.end);
    diagnostics.push({ code: 'garbled-text', offset: start, message: `garbled text left out: "${source.text.slice(start, end)}"` });
  }

  const lines = splitLines(text);
  const metadata = readMetadata(text, lines);
  const boilerplate: Span[] = [];
  const sentences: Sentence[] = [];
  const seen = new Set<string>();
  let repeated: { offset: number; count: number } | undefined;
  lines.forEach((line, index) => {
    const content = text.slice(line.start, line.end);
    if (isBoilerplateLine(content)) {
      boilerplate.push(line);
      return;
    }
    // A paragraph seen before is a repeat (some pages print their whole body twice).
    if (content.length >= 8) {
      if (seen.has(content)) {
        repeated ??= { offset: analysis.origin[line.start]!, count: 0 };
        repeated.count++;
        return;
      }
      seen.add(content);
    }
    sentences.push(...splitSentences(text, line, index, garbled));
  });
  if (repeated) {
    diagnostics.push({ code: 'repeated-body', offset: repeated.offset, message: `${repeated.count} repeated paragraphs left out` });
  }
  return { source, analysis, script, metadata, sentences, boilerplate, diagnostics };
}

/**
 * Share of a text's non-space characters that lie in garbled spans (text decoded with the wrong
 * encoding somewhere upstream), from 0 to 1: how much of it extraction would have to leave out.
 */
export function garbledShare(text: string): number {
  const simplified = detectScript(text) === 'traditional' ? toSimplified(text) : text;
  let garbled = 0;
  for (const span of findGarbledSpans(simplified)) garbled += countNonSpace(simplified, span.start, span.end);
  const total = countNonSpace(simplified, 0, simplified.length);
  return total === 0 ? 0 : garbled / total;
}

function countNonSpace(text: string, start: number, end: number): number {
  let count = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code > 0x20 && code !== 0x3000 && code !== 0xa0) count++;
  }
  return count;
}
