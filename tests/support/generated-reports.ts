// Many distinct small reports made from the seeds: each keeps its seed's head (title, date,
// outlet) and a window of its body, and ends with its own number, so every file has its own hash.
// Written to a temporary folder by the tests, never kept.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEEDS_DIR } from './seeds.ts';

/** Writes `count` reports into `dir` and returns their file names, in order. */
export function writeGeneratedReports(dir: string, count: number, options: { bodyLines?: number; first?: number } = {}): string[] {
  const bodyLines = options.bodyLines ?? 16;
  const seeds = readdirSync(SEEDS_DIR)
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .map((file) => readFileSync(join(SEEDS_DIR, file), 'utf8').split('\n'));
  mkdirSync(dir, { recursive: true });
  const names: string[] = [];
  for (let n = options.first ?? 0; n < (options.first ?? 0) + count; n++) {
    const lines = seeds[n % seeds.length]!;
    const round = Math.floor(n / seeds.length);
    const head = lines.slice(0, 8);
    const room = Math.max(1, lines.length - 8 - bodyLines);
    const start = 8 + ((round * 7) % room);
    const text = [...head, ...lines.slice(start, start + bodyLines), '', `（稿件编号：${n + 1}）`, ''].join('\n');
    const name = `report_${String(n).padStart(3, '0')}.txt`;
    writeFileSync(join(dir, name), text);
    names.push(name);
  }
  return names;
}
