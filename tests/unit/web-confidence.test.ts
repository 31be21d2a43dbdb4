// The confidence the extraction gives each relation, as the explorer uses it: a threshold among the
// filters (kept in the link), and a dashed line for what is less likely than not.
import { describe, expect, it } from 'vitest';
import { edgeData } from '../../web/canvas/elements.ts';
import { edgePasses } from '../../web/state/filters.ts';
import { compactView, decodeViewHash, encodeViewHash, expandView } from '../../web/state/url-state.ts';
import { initialViewState } from '../../web/state/view-state.ts';
import { defaultFilters } from '../../web/state/vocabulary.ts';

const edge = (confidence: number | null, type: 'IMPLEMENTS' | 'CO_MENTIONED' = 'IMPLEMENTS') => ({
  type,
  weight: 1,
  documents: [],
  firstReported: undefined,
  confidence,
});

describe('confidence in the explorer', () => {
  it('leaves out relations below the threshold, never those no model weighed (co-mentions)', () => {
    const filters = { ...defaultFilters(), minConfidence: 0.6, showCoMentions: true };
    expect(edgePasses(edge(0.59), filters)).toBe(false);
    expect(edgePasses(edge(0.6), filters)).toBe(true);
    expect(edgePasses(edge(null, 'CO_MENTIONED'), filters)).toBe(true);
    expect(edgePasses(edge(0.1), defaultFilters())).toBe(true);
  });

  it('keeps the threshold in the link and refuses one out of range', async () => {
    const state = { ...initialViewState(), entities: ['District:甲'], filters: { ...defaultFilters(), minConfidence: 0.7 } };
    expect((await decodeViewHash(`#${await encodeViewHash(state)}`)).state.filters.minConfidence).toBe(0.7);
    const compact = compactView(state);
    expect(compact.f?.q).toBe(0.7);
    const bad = expandView({ ...compact, f: { ...compact.f, q: 7 } }, 'zh');
    expect(bad.state.filters.minConfidence).toBe(0);
    expect(bad.dropped).toBe(true);
  });

  it('draws a relation less likely than not dashed, unless a person confirmed it', () => {
    const label = () => '实施';
    const base = { id: 'r', type: 'IMPLEMENTS' as const, source: 'a', target: 'b', directed: true, weight: 1 };
    expect(edgeData({ ...base, confidence: 0.42 }, label, 'zh').lowConfidence).toBe(true);
    expect(edgeData({ ...base, confidence: 0.91 }, label, 'zh').lowConfidence).toBe(false);
    expect(edgeData({ ...base, confidence: 0.42, curation: 'CONFIRMED' }, label, 'zh').lowConfidence).toBe(false);
    expect(edgeData({ ...base, type: 'CO_MENTIONED', confidence: null }, label, 'zh').lowConfidence).toBe(false);
  });
});
