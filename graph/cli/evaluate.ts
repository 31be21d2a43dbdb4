// npm run evaluate [-- --eval ../shared/eval --folds 5 --out .cache/evaluation]: scores the
// extraction on the annotated sets with ../shared/eval/score.mjs — the rules alone, the trained
// models as they are (trained on these sets: a floor, not a score), and cross-validated (folds
// grouped by document) — and prints the calibration of the confidence.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExtractionExport } from '../index.ts';
import { crossValidate, extractSet, type Models } from '../extraction/learn/training.ts';
import type { GoldSet } from '../extraction/learn/gold.ts';
import { BOUNDARY_MODEL } from '../extraction/mentions/index.ts';
import { ENTITY_MODEL } from '../extraction/resolve/entity-model.ts';
import { RELATION_MODEL } from '../extraction/relate/index.ts';
import { annotatedSetsFromArgs, printCalibration } from './learn-support.ts';

const { sets, evalDir, cacheDir, folds, out = '.cache/evaluation' } = annotatedSetsFromArgs(process.argv.slice(2));
const scorer = join(evalDir, 'score.mjs');
mkdirSync(out, { recursive: true });

interface Figures {
  tp: number;
  predicted: number;
  gold: number;
}
type Scored = Record<'entitiesTyped' | 'relations' | 'relationsTyped' | 'implements', Figures>;

function score(set: GoldSet, data: ExtractionExport, variant: string): Scored {
  const file = join(out, `${variant}-${set.name}.json`);
  writeFileSync(file, JSON.stringify(data));
  const summary = JSON.parse(
    execFileSync(process.execPath, [scorer, '--gold', set.goldDir, '--pred', file, '--json'], { encoding: 'utf8' }),
  );
  const pick = (v: { tp: number; predicted: number; gold: number } | undefined): Figures => ({
    tp: v?.tp ?? 0,
    predicted: v?.predicted ?? 0,
    gold: v?.gold ?? 0,
  });
  return {
    entitiesTyped: pick(summary.entitiesTyped),
    relations: pick(summary.relations),
    relationsTyped: pick(summary.relationsTyped),
    implements: pick(summary.byRelationType?.IMPLEMENTS),
  };
}

const f1 = ({ tp, predicted, gold }: Figures) => (tp === 0 ? 0 : (2 * tp) / (predicted + gold));
const sum = (rows: Scored[], key: keyof Scored): Figures =>
  rows.reduce((a, r) => ({ tp: a.tp + r[key].tp, predicted: a.predicted + r[key].predicted, gold: a.gold + r[key].gold }), {
    tp: 0,
    predicted: 0,
    gold: 0,
  });

function report(variant: string, rows: Scored[]): void {
  console.log(`\n${variant}: typed entities F1 / relation pairs F1 / typed relations F1 / IMPLEMENTS F1`);
  sets.forEach((set, i) => {
    const r = rows[i]!;
    console.log(
      `  ${set.name.padEnd(6)} ${f1(r.entitiesTyped).toFixed(3)} / ${f1(r.relations).toFixed(3)} / ${f1(r.relationsTyped).toFixed(3)} / ${f1(r.implements).toFixed(3)}`,
    );
  });
  const all = (key: keyof Scored) => f1(sum(rows, key)).toFixed(3);
  console.log(`  ${'all'.padEnd(6)} ${all('entitiesTyped')} / ${all('relations')} / ${all('relationsTyped')} / ${all('implements')}`);
}

const variants: Array<[string, Models]> = [
  ['rules', { boundary: null, entity: null, relation: null }],
  ['trained', { boundary: BOUNDARY_MODEL, entity: ENTITY_MODEL, relation: RELATION_MODEL }],
];
for (const [variant, models] of variants)
  report(
    variant,
    sets.map((set) => score(set, extractSet(set, cacheDir, models).data, variant)),
  );
const cv = crossValidate(sets, cacheDir, folds);
report(
  `cross-validated (${folds} folds by document)`,
  sets.map((set) => score(set, cv.exports.get(set.name)!, 'cv')),
);
printCalibration(cv);
console.log(`\nexports in ${out}/`);
