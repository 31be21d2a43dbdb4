// npm run train [-- --eval ../shared/eval --folds 5]: retrains the boundary, entity and relation
// models on the annotated sets and writes their weights (graph/extraction/mentions/boundary-model.json,
// resolve/entity-model.json, relate/relation-model.json). Deterministic: the same sets give the same weights.
// The confidence each model gives is calibrated on cross-validated predictions first.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { crossValidate, trainModels } from '../extraction/learn/training.ts';
import { fitCalibration } from '../extraction/learn/logistic.ts';
import { annotatedSetsFromArgs, printCalibration } from './learn-support.ts';

const { sets, cacheDir, folds } = annotatedSetsFromArgs(process.argv.slice(2));
const started = performance.now();
const cv = crossValidate(sets, cacheDir, folds);
const calibration = { entity: fitCalibration(cv.entities), relation: fitCalibration(cv.relations) };
const models = trainModels(sets, cacheDir, calibration);
const write = (path: string, value: unknown) =>
  writeFileSync(fileURLToPath(new URL(path, import.meta.url)), `${JSON.stringify(value, null, 1)}\n`);
write('../extraction/mentions/boundary-model.json', models.boundary);
write('../extraction/resolve/entity-model.json', models.entity);
write('../extraction/relate/relation-model.json', models.relation);
printCalibration(cv);
console.log(`trained on ${sets.map((s) => `${s.name} (${s.gold.size})`).join(', ')} in ${Math.round(performance.now() - started)} ms`);
console.log('wrote the models: graph/extraction/{mentions/boundary,resolve/entity,relate/relation}-model.json');
