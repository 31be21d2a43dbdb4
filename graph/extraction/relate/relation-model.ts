// The relation model: for each relation type, a logistic regression over a candidate's cues
// (graph/extraction/relate/candidates.ts). Its weights are data (relation-model.json), retrained by
// `npm run train`; a candidate whose probability reaches the threshold is a relation, and the
// probability is its confidence.
import type { TypedRelationType } from '../../model.ts';
import { probability, type Calibration, type LogisticModel } from '../learn/logistic.ts';
import trained from './relation-model.json' with { type: 'json' };
import type { RelationCandidate } from './candidates.ts';

export interface RelationModel {
  /** Candidates at or above it become relations. */
  threshold: number;
  types: Partial<Record<TypedRelationType, LogisticModel>>;
  /** The types too rare in training to weigh cues on, left to their rules: the precision the rules had there. */
  ruled?: Partial<Record<TypedRelationType, number>>;
  /** Maps a relation's raw probability to its confidence, fitted on cross-validated predictions. */
  calibration?: Calibration;
}

/** The model in the repository. */
export const RELATION_MODEL: RelationModel = trained as RelationModel;

/** How likely the candidate's sentence states its relation, under `model`. */
export function relationProbability(model: RelationModel, candidate: RelationCandidate): number {
  const weights = model.types[candidate.type];
  if (weights) return probability(weights, candidate.features);
  // A type left to its rules: what they find, with the precision they had in training.
  return candidate.features.includes('rule') ? (model.ruled?.[candidate.type] ?? 0) : 0;
}
