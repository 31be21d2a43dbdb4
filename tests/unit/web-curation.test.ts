// The explorer's curation state without a browser: who edits, how a correction is listed in both
// languages, and which entities a selection names.
import { afterEach, describe, expect, it } from 'vitest';
import type { CorrectionItemFragment } from '../../web/api/index.ts';
import { canUndo, curator, describeCorrection, entitiesWithin, shortTime } from '../../web/curation/state.ts';

const base: CorrectionItemFragment = {
  id: 'c1',
  kind: 'REJECT_RELATION',
  editor: 'alice',
  at: '2025-03-01T08:00:00.000Z',
  reason: null,
  status: 'IN_FORCE',
  orphanReason: null,
  name: null,
  relationType: null,
  entityType: null,
  resultId: null,
  confidence: 0,
  undoneBy: null,
  undoes: null,
  relation: { id: 'r', type: 'FUNDS', sourceId: 'a', targetId: 'b', sourceName: '农业农村局', targetName: '青禾村', evidence: [] },
  entity: null,
  into: null,
  source: null,
  target: null,
  selection: null,
};

describe('curation in the explorer, without a browser', () => {
  afterEach(() => curator.set(null));

  it('says what each correction did', () => {
    expect(describeCorrection(base, 'zh')).toBe('否决：农业农村局 → 资助 → 青禾村');
    expect(describeCorrection({ ...base, kind: 'RETYPE_RELATION', relationType: 'IMPLEMENTS' }, 'zh')).toBe(
      '农业农村局 → 资助 → 青禾村 改为“实施”',
    );
    expect(
      describeCorrection(
        {
          ...base,
          kind: 'MERGE_ENTITIES',
          relation: null,
          entity: { id: 'x', type: 'Organization', name: '农业农村局' },
          into: { id: 'y', name: '温州市农业农村局' },
        },
        'zh',
      ),
    ).toBe('“农业农村局”并入“温州市农业农村局”');
    expect(
      describeCorrection(
        { ...base, kind: 'UNDO', relation: null, undoes: { id: 'c0', kind: 'REJECT_RELATION', relation: base.relation, entity: null } },
        'zh',
      ),
    ).toBe('撤销：农业农村局 → 资助 → 青禾村');
  });

  it('tells who edits, and offers to undo what is not undone', () => {
    const seen: Array<string | null> = [];
    const stop = curator.onChange((editor) => seen.push(editor));
    curator.set('alice');
    curator.set('alice');
    curator.set(null);
    stop();
    expect(seen).toEqual(['alice', null]);
    expect(canUndo(base)).toBe(true);
    expect(canUndo({ ...base, status: 'UNDONE' })).toBe(false);
    expect(shortTime(base.at)).toBe('2025-03-01 08:00');
  });

  it('lists the entities a selection names, in text order, once each', () => {
    const mentions = [
      { entityId: 'B', start: 7, end: 10 },
      { entityId: 'A', start: 0, end: 5 },
      { entityId: 'A', start: 11, end: 16 },
      { entityId: 'C', start: 14, end: 20 },
    ];
    expect(entitiesWithin(mentions, 0, 16)).toEqual(['A', 'B']);
  });
});
