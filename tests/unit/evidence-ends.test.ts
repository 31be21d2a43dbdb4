// Every typed relation rests on sentences that reach both its ends: each end named in the sentence,
// stood for by an anaphor, left out as the subject of a report already about it, or given by the
// page's byline. Checked over every relation of the seeds and of both development sets (read from
// ../shared, never copied here), against the entity's own mentions.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  createExtractor,
  findInputFiles,
  readSource,
  type EndTrace,
  type EntityRecord,
  type Evidence,
  type ExtractionExport,
} from '../../graph/index.ts';
import { toSimplified } from '../../graph/extraction/index.ts';
import { extract } from '../support/rules.ts';
import { CACHE_DIR, extractSeeds } from '../support/seeds.ts';

const SHARED = fileURLToPath(new URL('../../../shared/eval/', import.meta.url));
const SETS = ['dev2', 'dev3'].filter((set) => existsSync(`${SHARED}${set}/docs`));
// Words that stand for a place or a whole named before (该县, 我市, 村里, a bare 村 before a post, 该中心).
const ANAPHOR_WORD =
  /^(?:[该全本](?:社区|街道|村|镇|乡|县|区|市|省)|(?:村|镇|乡|县|区|市)里|我(?:省|市|区|县|镇|村)|村|该(?:中心|平台|系统|联合体|集团|协会|联盟|工程|项目))$/;

function extractSet(set: string): ExtractionExport {
  const sources = findInputFiles([`${SHARED}${set}/docs`]).files.map(readSource);
  return createExtractor({ cacheDir: CACHE_DIR }).extract(sources);
}

/** What is wrong with one end of one evidence item, or null. */
function endProblem(end: EndTrace | undefined, entity: EntityRecord, evidence: Evidence, text: string): string | null {
  if (!end) return 'no trace';
  const mentions = entity.mentions.filter((m) => m.doc === evidence.doc);
  const isMention = (span: { start: number; end: number }) => mentions.some((m) => m.start === span.start && m.end === span.end);
  const inSentence = end.start >= evidence.start && end.end <= evidence.end;
  switch (end.link) {
    case 'named':
      return inSentence && isMention(end) ? null : `named span ${end.start}-${end.end} is no mention of ${entity.name} in the sentence`;
    case 'anaphor':
      if (!inSentence || !ANAPHOR_WORD.test(toSimplified(text.slice(end.start, end.end))))
        return `"${text.slice(end.start, end.end)}" is no anaphor`;
      if (!end.antecedent || !isMention(end.antecedent) || end.antecedent.end > end.start) return 'anaphor without an earlier antecedent';
      return null;
    case 'omitted':
      if (!inSentence || end.start !== end.end) return 'the missing subject is not a point of the sentence';
      if (!end.antecedent || !isMention(end.antecedent)) return `no naming of ${entity.name} says the report is about it`;
      if (end.antecedent.place === 'after') return 'a subject left out before the report names it';
      return null;
    case 'structural':
      return end.antecedent && isMention(end.antecedent) ? null : 'structural cue without the entity named';
  }
}

function problems(data: ExtractionExport): string[] {
  const entities = new Map(data.entities.map((e) => [e.id, e]));
  const texts = new Map(data.documents.map((d) => [d.id, d.text]));
  const found: string[] = [];
  for (const relation of data.relations) {
    if (relation.type === 'CO_MENTIONED') continue;
    if (relation.evidence.length === 0) found.push(`${relation.id}: no evidence`);
    for (const evidence of relation.evidence) {
      const text = texts.get(evidence.doc)!;
      for (const role of ['source', 'target'] as const) {
        const problem = endProblem(evidence.ends?.[role], entities.get(relation[role])!, evidence, text);
        if (problem) found.push(`${relation.id} ${role} in "${evidence.text}": ${problem}`);
      }
    }
  }
  return found;
}

describe('evidence reaches both ends of every typed relation', () => {
  it('on the seeds', () => {
    expect(problems(extractSeeds())).toEqual([]);
  });

  it.each(SETS)('on %s', (set) => {
    const data = extractSet(set);
    expect(data.relations.filter((r) => r.type !== 'CO_MENTIONED').length).toBeGreaterThan(100);
    expect(problems(data)).toEqual([]);
  });

  it('gives a left-out subject the title that names the district the report is about', () => {
    const data = extract('平潭县：海岛共富新路子\n今年以来，深入实施“蓝色粮仓”工程，带动渔民增收。\n平潭县坚持陆海统筹。');
    const program = data.entities.find((e) => e.name.startsWith('蓝色粮仓'))!;
    const county = data.entities.find((e) => e.name === '平潭县')!;
    const relation = data.relations.find((r) => r.type === 'IMPLEMENTS' && r.source === county.id && r.target === program.id)!;
    const [evidence] = relation.evidence;
    expect(evidence!.ends!.source).toMatchObject({ link: 'omitted', antecedent: { place: 'title' } });
    expect(data.documents[0]!.text.slice(evidence!.ends!.source.antecedent!.start, evidence!.ends!.source.antecedent!.end)).toBe('平潭县');
    expect(evidence!.ends!.target.link).toBe('named');
  });

  it('gives an anaphor the place it stands for', () => {
    const data = extract('长汀县位于福建西部。该县大力推进“水土保持”工程，成效明显。');
    const county = data.entities.find((e) => e.name === '长汀县')!;
    const relation = data.relations.find((r) => r.type === 'IMPLEMENTS' && r.source === county.id)!;
    const end = relation.evidence[0]!.ends!.source;
    expect(end.link).toBe('anaphor');
    expect(data.documents[0]!.text.slice(end.start, end.end)).toBe('该县');
  });

  it('gives a left-out subject the sentence that last made a district the topic', () => {
    const data = extract('海岛发展纪实\n平潭县坚持陆海统筹。\n今年以来，深入实施“蓝色粮仓”工程。');
    const relation = data.relations.find((r) => r.type === 'IMPLEMENTS')!;
    const end = relation.evidence[0]!.ends!.source;
    expect(end).toMatchObject({ link: 'omitted', antecedent: { place: 'before' } });
    expect(data.documents[0]!.text.slice(end.antecedent!.start, end.antecedent!.end)).toBe('平潭县');
  });

  it('states nothing where the district the report is about is named only after the sentence', () => {
    const data = extract('海岛发展纪实\n深入实施“蓝色粮仓”工程。\n平潭县坚持陆海统筹，平潭县渔民增收。');
    expect(data.relations.filter((r) => r.type === 'IMPLEMENTS')).toEqual([]);
  });
});
