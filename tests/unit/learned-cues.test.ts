// The cues the models weigh, on short texts written for the test: what the rules propose to the
// entity and relation models, and with which cues. The models' own arithmetic is in logistic.test.ts.
import { describe, expect, it } from 'vitest';
import { createExtractor } from '../../graph/index.ts';
import type { EntityCandidate } from '../../graph/extraction/resolve/entity-model.ts';
import type { RelationCandidate } from '../../graph/extraction/relate/index.ts';
import { relationProbability } from '../../graph/extraction/relate/relation-model.ts';
import { RELATION_MIN_POSITIVES, trainRelationModel } from '../../graph/extraction/learn/training.ts';
import { CACHE_DIR } from '../support/seeds.ts';

function candidates(text: string) {
  const entities: EntityCandidate[] = [];
  const relations: RelationCandidate[] = [];
  const extractor = createExtractor({
    cacheDir: CACHE_DIR,
    entityModel: null,
    relationModel: null,
    doubtfulQuotes: true,
    onEntityCandidates: (_doc, found) => entities.push(...found),
    onRelationCandidates: (_doc, found) => relations.push(...found),
  });
  const data = extractor.extract([{ id: 'r.txt', path: 'r.txt', hash: String(text.length), encoding: 'utf-8', format: 'text', text }]);
  return { data, entities, relations };
}

describe('cues of the learned decisions', () => {
  it('proposes a quoted phrase the rules doubt to the entity model, with what doubts it', () => {
    const { entities } = candidates('丽水市莲都区打出“组合拳”，推行“村播带货”。');
    const figure = entities.find((c) => c.entity.endsWith(':组合拳'));
    expect(figure?.features).toEqual(expect.arrayContaining(['via:doubtful-quote', 'doubt:nothing-done']));
    const program = entities.find((c) => c.entity.endsWith(':村播带货'));
    expect(program?.features).toContain('via:quote');
    expect(program?.features.some((f) => f.startsWith('doubt:'))).toBe(false);
  });

  it('tells the relation model how many sentences of the report give a pair', () => {
    const { data, relations } = candidates('莲都区推行“村播带货”。莲都区深化“村播带货”，带动农户增收。丽水市推行“共享菜园”。');
    const id = (name: string) => data.entities.find((e) => e.name === name || e.aliases.includes(name))!.id;
    const cue = (source: string, target: string) =>
      relations
        .find((c) => c.type === 'IMPLEMENTS' && c.source === id(source) && c.target === id(target))
        ?.features.find((f) => f.startsWith('pair-sentences:'));
    expect(cue('莲都区', '村播带货')).toBe('pair-sentences:≤2');
    expect(cue('丽水市', '共享菜园')).toBe('pair-sentences:≤1');
  });

  it('leaves a relation type too rare to weigh cues on to its rules, with the precision they had in training', () => {
    const candidate = (type: RelationCandidate['type'], features: string[]) => ({ type, features }) as unknown as RelationCandidate;
    const examples = [
      // FUNDS: four found by a rule, three of them right; one no rule found, right.
      ...[true, true, true, false].map((label) => ({ key: 'd', candidate: candidate('FUNDS', ['rule', 'rule:funds']), label })),
      { key: 'd', candidate: candidate('FUNDS', ['gap:≤4']), label: true },
      // IMPLEMENTS: enough to train on.
      ...Array.from({ length: RELATION_MIN_POSITIVES * 2 }, (_, i) => ({
        key: 'd',
        candidate: candidate('IMPLEMENTS', i % 2 ? ['between:implementing'] : ['between:of']),
        label: i % 2 === 1,
      })),
    ];
    const model = trainRelationModel(examples);
    expect(model.types.FUNDS).toBeUndefined();
    expect(model.ruled?.FUNDS).toBe(0.75);
    expect(relationProbability(model, candidate('FUNDS', ['rule', 'rule:funds']))).toBe(0.75);
    expect(relationProbability(model, candidate('FUNDS', ['gap:≤4']))).toBe(0);
    expect(model.types.IMPLEMENTS).toBeDefined();
    expect(relationProbability(model, candidate('IMPLEMENTS', ['between:implementing']))).toBeGreaterThan(0.8);
  });
});
