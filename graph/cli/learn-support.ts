// Shared by `npm run train` and `npm run evaluate`: where the annotated sets are, and the
// calibration table both print.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadGraphConfig } from '../index.ts';
import { annotatedSets, type GoldSet } from '../extraction/learn/gold.ts';
import { calibrationTable, type CrossValidation } from '../extraction/learn/training.ts';
import { parseArgs } from './cli-support.ts';

export function annotatedSetsFromArgs(argv: string[]): {
  sets: GoldSet[];
  evalDir: string;
  cacheDir: string;
  folds: number;
  out: string | undefined;
} {
  const args = parseArgs(argv, { eval: 'string', folds: 'string', out: 'string' });
  const evalDir = (args.options['eval'] as string | undefined) ?? fileURLToPath(new URL('../../../shared/eval/', import.meta.url));
  if (!existsSync(`${evalDir}/gold`)) {
    console.error(`no annotated sets at ${evalDir} (expected gold/, dev2/, dev3/): give --eval <dir>`);
    process.exit(2);
  }
  const folds = Number(args.options['folds'] ?? 5);
  if (!Number.isInteger(folds) || folds < 2 || folds > 20) {
    console.error('--folds must be a whole number from 2 to 20');
    process.exit(2);
  }
  const seeds = fileURLToPath(new URL('../../seeds/', import.meta.url));
  return {
    sets: annotatedSets(evalDir, seeds),
    evalDir,
    cacheDir: loadGraphConfig(process.env).cacheDir,
    folds,
    out: args.options['out'] as string | undefined,
  };
}

/** Precision per tenth of confidence, out of fold and cross-fitted, for entities and relations. */
export function printCalibration(cv: CrossValidation): void {
  for (const [name, samples] of [
    ['entities', cv.entities],
    ['relations', cv.relations],
  ] as const) {
    console.log(`\n${name}: confidence → precision (cross-validated, ${samples.filter((s) => s.kept).length} kept)`);
    for (const row of calibrationTable(samples)) {
      const gap = row.precision - (row.from + row.to) / 2;
      console.log(
        `  ${row.from.toFixed(1)}–${row.to.toFixed(1)}  n ${String(row.count).padStart(4)}  precision ${row.precision.toFixed(3)}  (${gap >= 0 ? '+' : ''}${gap.toFixed(3)})`,
      );
    }
  }
}
