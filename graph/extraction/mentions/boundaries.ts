// Where a name starts: a recognizer anchored on a suffix reads back from it and may take in the
// words before the name (恭喜徐家埭未来社区, 资质平平的沙滩村, 这是某村党总支). Each word boundary
// in the first words of such a name is a place the name may start instead; a logistic regression
// over the cues of the words cut off (their part of speech, 的, their length) decides, trained on
// the annotated sets (boundary-model.json, `npm run train`).
import type { NormalizedText } from '../normalize/index.ts';
import { probability, type LogisticModel } from '../learn/logistic.ts';
import trained from './boundary-model.json' with { type: 'json' };
import type { Candidate, MentionSource } from './candidate.ts';
import { tag } from './segmenter.ts';

export interface BoundaryModel {
  /** A start whose probability reaches it replaces the recognizer's. */
  threshold: number;
  model: LogisticModel | null;
}

/** The model in the repository. */
export const BOUNDARY_MODEL: BoundaryModel = trained as BoundaryModel;

/** One place a mention may start instead: `cut` characters into its name. */
export interface BoundaryCandidate {
  doc: string;
  /** The mention's name as found, and what is left after the cut. */
  name: string;
  rest: string;
  cut: number;
  features: string[];
}

// Names whose start a recognizer read back to from a suffix; the others have certain edges
// (quotation marks, titles, the official registry, a post before a person).
const READ_BACK: ReadonlySet<MentionSource> = new Set(['suffix', 'village', 'zone', 'known']);
const MAX_WORDS = 4;

/** The places each read-back mention of a document may start instead, with their cues. */
export function boundaryCandidates(
  doc: NormalizedText,
  mentions: readonly Candidate[],
): Array<{ mention: Candidate; options: BoundaryCandidate[] }> {
  const text = doc.analysis.text;
  const out: Array<{ mention: Candidate; options: BoundaryCandidate[] }> = [];
  for (const mention of mentions) {
    if (!READ_BACK.has(mention.via) || mention.name.length < 4 || text.slice(mention.start, mention.end) !== mention.name) continue;
    const words = tag(mention.name);
    if (words.length < 2) continue;
    const options: BoundaryCandidate[] = [];
    let cut = 0;
    const before = text[mention.start - 1] ?? '';
    for (let i = 0; i < Math.min(MAX_WORDS, words.length - 1); i++) {
      cut += words[i]!.word.length;
      const rest = mention.name.slice(cut);
      if (rest.length < 2) break;
      const dropped = words.slice(0, i + 1);
      const last = dropped[dropped.length - 1]!;
      const next = words[i + 1]!;
      const f = [
        `type:${mention.type}`,
        `via:${mention.via}`,
        `words:${i + 1}`,
        `cut-len:${Math.min(cut, 6)}`,
        `last-pos:${last.tag || 'x'}`,
        `first-pos:${dropped[0]!.tag || 'x'}`,
        `next-pos:${next.tag || 'x'}`,
        `last-pos|type:${last.tag || 'x'}|${mention.type}`,
        `rest-len:${Math.min(rest.length, 8)}`,
      ];
      if (dropped.some((w) => w.word === '的')) f.push('drops-的');
      if (last.word.length === 1) f.push(`last-char:${last.word}`);
      if (dropped.every((w) => w.tag === 'ns')) f.push('drops-places');
      if (/^\p{Script=Han}$/u.test(before)) f.push('glued-before');
      options.push({ doc: doc.source.id, name: mention.name, rest, cut, features: f });
    }
    if (options.length > 0) out.push({ mention, options });
  }
  return out;
}

/** The mentions of a document with the starts the model prefers moved (a new object for each moved one). */
export function decideBoundaries(
  doc: NormalizedText,
  mentions: Candidate[],
  model: BoundaryModel | null,
  onCandidates?: (documentId: string, candidates: readonly BoundaryCandidate[]) => void,
): Candidate[] {
  if (!model?.model && !onCandidates) return mentions;
  const found = boundaryCandidates(doc, mentions);
  onCandidates?.(
    doc.source.id,
    found.flatMap((f) => f.options),
  );
  if (!model?.model || found.length === 0) return mentions;
  const moved = new Map<Candidate, Candidate>();
  for (const { mention, options } of found) {
    let best: BoundaryCandidate | undefined;
    let bestP = model.threshold;
    for (const option of options) {
      const p = probability(model.model, option.features);
      if (p >= bestP) {
        best = option;
        bestP = p;
      }
    }
    if (best) moved.set(mention, { ...mention, start: mention.start + best.cut, name: best.rest, divisions: undefined });
  }
  return moved.size === 0 ? mentions : mentions.map((m) => moved.get(m) ?? m);
}
