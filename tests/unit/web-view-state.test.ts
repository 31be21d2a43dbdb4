import { describe, expect, it } from 'vitest';
import { History } from '../../web/state/history.ts';
import { createViewStore, initialViewState, reduce } from '../../web/state/view-state.ts';
import { edgePasses, nodePasses } from '../../web/state/filters.ts';
import { defaultFilters } from '../../web/state/vocabulary.ts';

const LONGWAN = 'District:龙湾区#330303';
const WORKSHOP = 'Program:共富工坊';

describe('view state', () => {
  it('adds shown entities once, in order, and rounds their positions', () => {
    let s = reduce(initialViewState(), { type: 'show', ids: [LONGWAN, WORKSHOP], positions: { [LONGWAN]: { x: 1.6, y: -2.4 } } });
    s = reduce(s, { type: 'show', ids: [WORKSHOP, 'Village:下垟村'] });
    expect(s.entities).toEqual([LONGWAN, WORKSHOP, 'Village:下垟村']);
    expect(s.positions[LONGWAN]).toEqual({ x: 2, y: -2 });
  });

  it('forgets everything about removed entities, selection included', () => {
    let s = reduce(initialViewState(), { type: 'expand', id: LONGWAN, ids: [WORKSHOP], positions: { [WORKSHOP]: { x: 5, y: 5 } } });
    s = reduce(s, { type: 'pin', ids: [WORKSHOP], pinned: true });
    s = reduce(s, { type: 'hide', ids: [WORKSHOP], hidden: true });
    s = reduce(s, { type: 'select', id: WORKSHOP });
    s = reduce(s, { type: 'remove', ids: [WORKSHOP] });
    expect(s).toMatchObject({ entities: [LONGWAN], expanded: [LONGWAN], pinned: [], hidden: [], selection: null });
    expect(s.positions).toEqual({});
  });

  it('never changes the state it is given', () => {
    const before = initialViewState();
    const frozen = JSON.stringify(before);
    reduce(before, { type: 'filters', filters: { minWeight: 3 } });
    reduce(before, { type: 'show', ids: [LONGWAN] });
    expect(JSON.stringify(before)).toBe(frozen);
  });
});

describe('filters', () => {
  const edge = { type: 'IMPLEMENTS' as const, weight: 2, documents: ['doc-1'], firstReported: '2023-05-01' };

  it('hide co-mentions unless asked for, whatever the relation types chosen', () => {
    const co = { ...edge, type: 'CO_MENTIONED' as const };
    expect(edgePasses(co, defaultFilters())).toBe(false);
    expect(edgePasses(co, { ...defaultFilters(), showCoMentions: true, relationTypes: ['FUNDS'] })).toBe(true);
  });

  it('apply relation types, weight, documents and dates', () => {
    const f = defaultFilters();
    expect(edgePasses(edge, f)).toBe(true);
    expect(edgePasses(edge, { ...f, relationTypes: ['FUNDS'] })).toBe(false);
    expect(edgePasses(edge, { ...f, minWeight: 3 })).toBe(false);
    expect(edgePasses(edge, { ...f, documents: ['doc-2'] })).toBe(false);
    expect(edgePasses(edge, { ...f, dateRange: { from: '2023-06-01', to: null } })).toBe(false);
    expect(edgePasses(edge, { ...f, dateRange: { from: null, to: '2023-05-01' } })).toBe(true);
    expect(nodePasses('Village', { ...f, entityTypes: ['District'] })).toBe(false);
    expect(nodePasses('Village', f)).toBe(true);
  });
});

describe('history', () => {
  it('undoes and redoes, and a new change clears what could be redone', () => {
    const h = new History('a');
    h.push('b');
    h.push('c');
    expect(h.undo()).toBe('b');
    expect(h.undo()).toBe('a');
    expect(h.undo()).toBeNull();
    expect(h.redo()).toBe('b');
    h.push('d');
    expect(h.canRedo()).toBe(false);
    expect(h.redo()).toBeNull();
    expect(h.undo()).toBe('b');
  });

  it('keeps at most its cap, dropping the oldest', () => {
    const h = new History(0, 200);
    for (let i = 1; i <= 250; i++) h.push(i);
    expect(h.size).toBe(200);
    let last: number | null = null;
    for (let step = h.undo(); step !== null; step = h.undo()) last = step;
    expect(last).toBe(51);
  });
});

describe('view store', () => {
  it('undoes canvas changes but not selection or language', () => {
    const store = createViewStore();
    const seen: string[] = [];
    store.subscribe((_, action) => seen.push(typeof action === 'string' ? action : action.type));
    store.dispatch({ type: 'show', ids: [LONGWAN] });
    store.dispatch({ type: 'show', ids: [WORKSHOP] });
    store.dispatch({ type: 'select', id: LONGWAN });
    store.dispatch({ type: 'language', language: 'en' });
    expect(store.undo()?.entities).toEqual([LONGWAN]);
    expect(store.state.selection).toBe(LONGWAN);
    expect(store.state.language).toBe('en');
    expect(store.undo()?.entities).toEqual([]);
    expect(store.canUndo()).toBe(false);
    expect(store.redo()?.entities).toEqual([LONGWAN]);
    expect(seen).toEqual(['show', 'show', 'select', 'language', 'undo', 'undo', 'redo']);
  });
});
