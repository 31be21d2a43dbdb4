// Figures researchers quote (收入 69984元, 投资1.4亿元, 5862人次, 16.6%), attached to the entity
// the sentence is about.
import type { FactRecord } from '../../model.ts';
import type { NormalizedText, Sentence } from '../normalize/index.ts';
import type { SentenceContext } from './contexts.ts';
import { sentenceEvidence } from './evidence.ts';

export interface FigureFinding {
  label: string;
  value: number;
  unit: string;
  sentence: Sentence;
  /** Offset of the figure in the analysed text. */
  offset: number;
}

const UNIT_SCALE: Record<string, number> = { 万: 1e4, 亿: 1e8, 千: 1e3, 百: 1e2 };
// A measured quantity: a label word close before a number with its unit.
const FIGURE =
  /(收入|总收入|经营性收入|投资|总投资|产值|总产值|增加值|零售总额|人次|增长|资金|补助|营业额|销售额|税收|覆盖率)[^，。；,;\d]{0,8}?(\d+(?:\.\d+)?)\s*(万|亿|千|百)?\s*(元|人次|%|个|家|人|户|亩|平方米)?/g;

export function findFigures(doc: NormalizedText): FigureFinding[] {
  const text = doc.analysis.text;
  const out: FigureFinding[] = [];
  for (const sentence of doc.sentences) {
    const body = text.slice(sentence.start, sentence.end);
    for (const m of body.matchAll(FIGURE)) {
      const unit = m[4] ?? (m[1] === '人次' ? '人次' : '');
      if (!unit) continue;
      const value = Number(m[2]) * (UNIT_SCALE[m[3] ?? ''] ?? 1);
      if (!Number.isFinite(value)) continue;
      out.push({ label: m[1]!, value, unit, sentence, offset: sentence.start + m.index });
    }
  }
  return out;
}

/** Figures belong to the actor of their sentence. */
export function documentFacts(doc: NormalizedText, contexts: SentenceContext[]): FactRecord[] {
  const actors = new Map(contexts.map((c) => [c.sentence, c.actor]));
  return findFigures(doc).flatMap((figure) => {
    const owner = actors.get(figure.sentence);
    if (!owner) return [];
    return [
      { entity: owner, label: figure.label, value: figure.value, unit: figure.unit, evidence: sentenceEvidence(doc, figure.sentence) },
    ];
  });
}
