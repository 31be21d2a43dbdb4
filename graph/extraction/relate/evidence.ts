// The evidence of a relation or a figure: the sentence that states it, as it stands in the
// original text.
import type { Evidence } from '../../model.ts';
import { originalSpan, type NormalizedText, type Sentence } from '../normalize/index.ts';

export function sentenceEvidence(doc: NormalizedText, sentence: Sentence): Evidence {
  const [start, end] = originalSpan(doc.analysis, sentence.start, sentence.end);
  return { doc: doc.source.id, start, end, text: doc.source.text.slice(start, end) };
}
