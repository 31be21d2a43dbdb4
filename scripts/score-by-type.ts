// npx tsx scripts/score-by-type.ts --gold DIR --pred FILE
// Precision, recall and F1 per entity type and per relation type, matched as ../shared/eval/score.mjs
// matches them (names simplified, quote marks and spaces removed; a prediction matches by any
// form; relations as unordered pairs, and typed).
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import * as OpenCC from 'opencc-js';
import { RELATION_TYPES } from '../graph/model.ts';

interface Named {
  name: string;
  aliases?: string[];
  type: string;
}
interface GoldFile {
  doc: string;
  entities: Named[];
  relations: Array<{ source: string; target: string; type: string }>;
}
interface Prediction {
  entities: Array<Named & { id: string; mentions: Array<{ doc: string }> }>;
  relations: Array<{ source: string; target: string; type: string; evidence: Array<{ doc: string }> }>;
}

const option = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const goldDir = option('--gold'),
  predFile = option('--pred');
if (!goldDir || !predFile) throw new Error('usage: score-by-type.ts --gold DIR --pred FILE');

const simplify = OpenCC.Converter({ from: 't', to: 'cn' });
const norm = (s: string) =>
  simplify(s)
    .replace(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]+\)/gi, '')
    .replace(/[\s"“”'‘’《》「」『』〈〉]/g, '');
const formsOf = (e: Named) => new Set([e.name, ...(e.aliases ?? [])].map(norm).filter(Boolean));
const TYPED = new Set<string>(RELATION_TYPES);

const pred = JSON.parse(readFileSync(predFile, 'utf8')) as Prediction;
const byId = new Map(pred.entities.map((e) => [e.id, e]));
type Tally = Map<string, { tp: number; predicted: number; gold: number }>;
const entities: Tally = new Map(),
  relations: Tally = new Map();
const tally = (t: Tally, key: string) => t.get(key) ?? t.set(key, { tp: 0, predicted: 0, gold: 0 }).get(key)!;
const pairs = { tp: 0, predicted: 0, gold: 0 };

for (const file of readdirSync(goldDir)
  .filter((f) => f.endsWith('.json'))
  .sort()) {
  const gold = JSON.parse(readFileSync(join(goldDir, file), 'utf8')) as GoldFile;
  const doc = basename(gold.doc);
  const gEnts = gold.entities.map((e) => ({ ...e, forms: formsOf(e) }));
  const gByName = new Map(gEnts.map((e) => [e.name, e]));
  const pEnts = pred.entities.filter((e) => e.mentions.some((m) => basename(m.doc) === doc));
  const overlaps = (a: Set<string>, b: Set<string>) => [...a].some((f) => b.has(f));
  for (const g of gEnts) tally(entities, g.type).gold++;
  const hit = new Set<unknown>();
  for (const p of pEnts) {
    tally(entities, p.type).predicted++;
    const g = gEnts.find((x) => x.type === p.type && overlaps(formsOf(p), x.forms));
    if (g && !hit.has(g)) {
      hit.add(g);
      tally(entities, p.type).tp++;
    }
  }
  const goldRels = gold.relations.map((r) => ({ ...r, a: gByName.get(r.source), b: gByName.get(r.target) })).filter((r) => r.a && r.b);
  const pRels = pred.relations.filter((r) => TYPED.has(r.type) && r.evidence.some((e) => basename(e.doc) === doc));
  for (const g of goldRels) tally(relations, g.type).gold++;
  pairs.gold += goldRels.length;
  pairs.predicted += pRels.length;
  const hitTyped = new Set<unknown>(),
    hitPair = new Set<unknown>();
  for (const p of pRels) {
    tally(relations, p.type).predicted++;
    const s = byId.get(p.source),
      t = byId.get(p.target);
    if (!s || !t) continue;
    const fs = formsOf(s),
      ft = formsOf(t);
    const same = (g: (typeof goldRels)[number]) =>
      (overlaps(g.a!.forms, fs) && overlaps(g.b!.forms, ft)) || (overlaps(g.a!.forms, ft) && overlaps(g.b!.forms, fs));
    const typed = goldRels.find((g) => !hitTyped.has(g) && g.type === p.type && same(g));
    if (typed) {
      hitTyped.add(typed);
      tally(relations, p.type).tp++;
    }
    const pair = goldRels.find((g) => !hitPair.has(g) && same(g));
    if (pair) {
      hitPair.add(pair);
      pairs.tp++;
    }
  }
}

const f = (tp: number, p: number, g: number) => {
  const precision = p ? tp / p : 0,
    recall = g ? tp / g : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
};
const row = (label: string, { tp, predicted, gold }: { tp: number; predicted: number; gold: number }) => {
  const { precision, recall, f1 } = f(tp, predicted, gold);
  console.log(
    `${label.padEnd(16)} P ${precision.toFixed(3)}  R ${recall.toFixed(3)}  F1 ${f1.toFixed(3)}  (tp ${tp}, predicted ${predicted}, gold ${gold})`,
  );
};
console.log('entities, typed, by type');
for (const [type, t] of [...entities].sort()) row(type, t);
console.log('relations, typed, by type');
for (const [type, t] of [...relations].sort()) row(type, t);
row('relation pairs', pairs);
