// The pure parts of curation: the corrections file's checks (the first problem named by its path),
// the batches corrections apply in, finding a sentence again after the text moved, the extraction
// a report keeps, relations as the engine handles them, the gold export and the editors' tokens.
import { describe, expect, it } from 'vitest';
import { CorrectionFormatError, goldFileName, goldFiles, planSteps, validateCorrectionsFile, type Correction } from '../../graph/index.ts';
import { keptExtractions, loadFromKept, planLoads } from '../../graph/db/store/load-plan.ts';
import { addEntries, relocate, strongerMark, toProps, toState } from '../../graph/db/store/curation-state.ts';
import { parseEditorTokens } from '../../server/config.ts';
import { curationExport } from '../fixtures/curation-export.ts';

const at = '2025-03-01T08:00:00.000Z';
const relation = {
  id: 'FUNDS:Organization:农业农村局->Village:青禾村',
  type: 'FUNDS' as const,
  source: 'Organization:农业农村局',
  target: 'Village:青禾村',
  sourceName: '农业农村局',
  targetName: '青禾村',
  evidence: [{ doc: 'a.txt', start: 0, end: 10, text: '农业农村局资助青禾村' }],
};
const entity = { id: 'Village:资助青禾', type: 'Village' as const, name: '资助青禾', aliases: [] as string[] };

function file(corrections: unknown[]): unknown {
  return { version: 1, corrections };
}

const good: unknown[] = [
  { id: 'c1', kind: 'confirm-relation', editor: 'alice', at, relation },
  { id: 'c2', kind: 'reject-entity', editor: 'bob', at, reason: '一个短语', entity },
  { id: 'c3', kind: 'retype-relation', editor: 'alice', at, relation, type: 'IMPLEMENTS' },
  { id: 'c4', kind: 'undo', editor: 'bob', at, undoes: 'c3' },
];

function problem(data: unknown): string {
  try {
    validateCorrectionsFile(data);
  } catch (error) {
    if (error instanceof CorrectionFormatError) return error.message;
    throw error;
  }
  return 'valid';
}

describe('the corrections file', () => {
  it('takes a well-formed file', () => {
    expect(validateCorrectionsFile(file(good)).corrections.map((c) => c.kind)).toEqual([
      'confirm-relation',
      'reject-entity',
      'retype-relation',
      'undo',
    ]);
  });

  it('names the first problem by its path in the file', () => {
    expect(problem({ corrections: [] })).toBe('version: must be 1, got null');
    expect(problem(file([...good, { ...(good[0] as object), id: 'c5', kind: 'foo' }]))).toMatch(
      /^corrections\[4\]\.kind: unknown kind "foo"/,
    );
    expect(problem(file([good[0], { ...(good[1] as object), id: 'c1' }]))).toBe('corrections[1].id: "c1" appears twice');
    expect(problem(file([{ ...(good[0] as object), at: 'yesterday' }]))).toMatch(/^corrections\[0\]\.at: must be a time/);
    expect(problem(file([{ ...(good[2] as object), type: 'CO_MENTIONED' }]))).toBe(
      'corrections[0].type: "CO_MENTIONED" is not a typed relation type',
    );
    expect(
      problem(file([{ ...(good[0] as object), relation: { ...relation, evidence: [{ doc: 'a.txt', start: 5, end: 2, text: 'x' }] } }])),
    ).toBe('corrections[0].relation.evidence[0].end: must be after start');
    expect(problem(file([{ ...(good[0] as object), relation: { ...relation, id: 'FUNDS:x->y' } }]))).toMatch(
      /^corrections\[0\]\.relation\.id: must be "FUNDS:Organization:农业农村局->Village:青禾村"/,
    );
    expect(
      problem(
        file([
          {
            id: 'c9',
            kind: 'add-entity',
            editor: 'a',
            at,
            entityId: 'Village:青禾村',
            type: 'Village',
            name: '青禾村',
            selection: { doc: 'a.txt', start: 7, end: 10, text: '青禾' },
          },
        ]),
      ),
    ).toBe('corrections[0].selection.text: must be the 3 characters from start to end');
  });
});

describe('the order corrections apply in', () => {
  const parsed = validateCorrectionsFile(file(good)).corrections;
  it('batches independent corrections, merges of distinct entities together, each after the earlier ones it concerns', () => {
    const merge: Correction = {
      id: 'm',
      kind: 'merge-entities',
      editor: 'a',
      at,
      entity,
      into: { ...entity, id: 'Village:青禾村', name: '青禾村' },
    };
    const rename: Correction = {
      id: 'r',
      kind: 'rename-entity',
      editor: 'a',
      at,
      entity: { ...entity, id: 'Program:x', type: 'Program' },
      name: 'y',
    };
    const merge2: Correction = { ...merge, id: 'm2', entity: { ...entity, id: 'Village:甲' }, into: { ...entity, id: 'Village:乙' } };
    const chained: Correction = { ...merge, id: 'm3', entity: { ...entity, id: 'Village:乙' }, into: { ...entity, id: 'Village:丙' } };
    const steps = planSteps([parsed[0]!, rename, merge, merge2, chained, parsed[2]!]);
    const shown = (s: (typeof steps)[number]) =>
      'structural' in s ? `[${s.structural.map((c) => c.id).join('+')}]` : s.batch.map((c) => c.id).join('+');
    // m2 concerns nothing before it: first. m merges an end of c1's relation: after c1. m3 merges
    // what m2 kept: after m2, beside m. c3 retypes c1's relation, whose end m merged: last.
    expect(steps.map(shown)).toEqual(['[m2]', 'c1+r', '[m+m3]', 'c3']);
  });
  it('puts a correction after the earlier ones it conflicts with, and the rest together', () => {
    const other: Correction = {
      ...(parsed[0] as Extract<Correction, { kind: 'confirm-relation' }>),
      id: 'c9',
      relation: { ...relation, id: 'FUNDS:Organization:x->Village:y', source: 'Organization:x', target: 'Village:y' },
    };
    // c3 retypes the relation c1 confirmed: after it; c9 concerns another relation: with c1.
    const steps = planSteps([parsed[0]!, parsed[2]!, other]);
    expect(steps.map((s) => ('batch' in s ? s.batch.map((c) => c.id).join('+') : ''))).toEqual(['c1+c9', 'c3']);
  });
  it('rejects a relation before a later merge of one of its ends gives it another id', () => {
    const reject: Correction = { id: 'x', kind: 'reject-relation', editor: 'a', at, relation };
    const merge: Correction = {
      id: 'm',
      kind: 'merge-entities',
      editor: 'a',
      at,
      entity: { ...entity, id: relation.target, name: '青禾村' },
      into: { ...entity, id: 'Village:青禾', name: '青禾' },
    };
    const steps = planSteps([reject, merge]);
    expect(steps.map((s) => ('batch' in s ? s.batch.map((c) => c.id) : s.structural.map((c) => `[${c.id}]`)).join('+'))).toEqual([
      'x',
      '[m]',
    ]);
  });
});

describe('finding a sentence again', () => {
  const text = '【标题】农业农村局资助青禾村。青禾村位于龙湾区，青禾村种茶。';
  it('keeps offsets whose text is still there, and moves the others to the nearest occurrence', () => {
    expect(relocate({ start: 4, end: 14, text: '农业农村局资助青禾村' }, text)).toEqual({ start: 4, end: 14 });
    expect(relocate({ start: 0, end: 10, text: '农业农村局资助青禾村' }, text)).toEqual({ start: 4, end: 14 });
    expect(relocate({ start: 24, end: 27, text: '青禾村' }, text)).toEqual({ start: 24, end: 27 });
    expect(relocate({ start: 22, end: 25, text: '青禾村' }, text)).toEqual({ start: 24, end: 27 });
    expect(relocate({ start: 0, end: 3, text: '温州市' }, text)).toBeNull();
  });
});

describe('what a report keeps of its extraction', () => {
  it('gives back the load it was written from', () => {
    for (const load of planLoads(curationExport())) {
      const text = (load.document['text'] as string) ?? '';
      const again = loadFromKept(load.id, load.version, load.document['extraction'] as string, text);
      expect(again.entities).toEqual(load.entities);
      expect(again.facts).toEqual(load.facts);
      expect(again.relations).toEqual(load.relations);
      // The same relations, the order aside (a reload reads them as a set).
      const pairs = (lists: Record<string, unknown>) =>
        ((lists['relationIds'] as string[] | null) ?? []).map((id, i) => `${id} ${(lists['relationTypes'] as string[])[i]}`).sort();
      expect(pairs(again.relationLists)).toEqual(pairs(load.relationLists));
      expect(again.evidenceCount).toBe(load.evidenceCount);
    }
  });
});

describe('what the bulk path keeps of each report', () => {
  it('is what the transactional path keeps, one report at a time', () => {
    const data = curationExport();
    const byId = (json: string) => {
      const kept = JSON.parse(json) as { entities: Array<{ id: string }> };
      return { ...kept, entities: [...kept.entities].sort((a, b) => (a.id < b.id ? -1 : 1)) };
    };
    const transactional = new Map(planLoads(data).map((l) => [l.id, byId(l.document['extraction'] as string)]));
    const bulk = new Map([...keptExtractions(data)].map(([id, json]) => [id, byId(json)]));
    expect(bulk).toEqual(transactional);
  });
});

describe('relations as the engine handles them', () => {
  const row = {
    id: 'FUNDS:a->b',
    source: 'a',
    target: 'b',
    props: {
      id: 'FUNDS:a->b',
      weight: 2,
      confidence: 0.7,
      evidenceDocs: ['d1', 'd2'],
      evidenceStarts: [0, 5],
      evidenceEnds: [4, 9],
      evidenceTexts: ['一二三四', '五六七八'],
      evidenceTraces: ['named', 'anaphor'],
    },
  };
  it('keeps every parallel evidence list and property through a round trip, and merges sentences without repeats', () => {
    const state = toState('FUNDS', row);
    expect(toProps(state)).toEqual(row.props);
    expect(addEntries(state, [state.entries[0]!, { evidenceDocs: 'd3', evidenceStarts: 1, evidenceEnds: 2, evidenceTexts: '九' }])).toBe(1);
    expect(toProps(state)['evidenceTraces']).toEqual(['named', 'anaphor', '']);
    expect(toProps(state)['weight']).toBe(3);
  });
  it('keeps the stronger mark', () => {
    expect(strongerMark(null, 'confirmed')).toBe('confirmed');
    expect(strongerMark('added', 'confirmed')).toBe('added');
    expect(strongerMark('confirmed', 'edited')).toBe('edited');
  });
});

describe('the gold export', () => {
  it('writes one file per document in the evaluation format, ends included', () => {
    const longwan = {
      id: 'District:龙湾区',
      name: '龙湾区',
      type: 'District' as const,
      level: 'county',
      aliases: ['龙湾'],
      documents: ['a.txt'],
    };
    const program = { id: 'Program:共富工坊', name: '共富工坊', type: 'Program' as const, level: null, aliases: [], documents: ['a.txt'] };
    const village = { id: 'Village:青禾村', name: '青禾村', type: 'Village' as const, level: null, aliases: [], documents: ['b.txt'] };
    const files = goldFiles(
      [
        { type: 'IMPLEMENTS', source: longwan, target: program, evidence: [{ doc: 'a.txt', text: '龙湾区实施共富工坊。' }] },
        { type: 'CO_MENTIONED', source: longwan, target: program, evidence: [{ doc: 'a.txt', text: '龙湾区实施共富工坊。' }] },
      ],
      [village],
    );
    expect(files).toEqual([
      {
        doc: 'a.txt',
        entities: [
          { name: '共富工坊', type: 'Program', aliases: [] },
          { name: '龙湾区', type: 'District', level: 'county', aliases: ['龙湾'] },
        ],
        relations: [{ source: '龙湾区', type: 'IMPLEMENTS', target: '共富工坊', evidence: '龙湾区实施共富工坊。' }],
      },
      { doc: 'b.txt', entities: [{ name: '青禾村', type: 'Village', aliases: [] }], relations: [] },
    ]);
    expect(goldFileName('reports/000_335c1c6bdc1323c1.txt')).toBe('000_335c1c6bdc1323c1.json');
  });
});

describe("editors' tokens", () => {
  it('reads name:token pairs and refuses short, shared or repeated ones', () => {
    expect(parseEditorTokens('alice:aaaaaaaaaaaaaaaa, bob:bbbbbbbbbbbbbbbb', undefined)).toEqual([
      { editor: 'alice', token: 'aaaaaaaaaaaaaaaa' },
      { editor: 'bob', token: 'bbbbbbbbbbbbbbbb' },
    ]);
    expect(parseEditorTokens(undefined, undefined)).toEqual([]);
    expect(() => parseEditorTokens('alice:short', undefined)).toThrow(/at least 16/);
    expect(() => parseEditorTokens('alice:aaaaaaaaaaaaaaaa,bob:aaaaaaaaaaaaaaaa', undefined)).toThrow(/someone else/);
    expect(() => parseEditorTokens('alice:aaaaaaaaaaaaaaaa', 'aaaaaaaaaaaaaaaa')).toThrow(/INGEST_TOKEN/);
    expect(() => parseEditorTokens('alice:aaaaaaaaaaaaaaaa,alice:bbbbbbbbbbbbbbbb', undefined)).toThrow(/twice/);
    expect(() => parseEditorTokens('aaaaaaaaaaaaaaaa', undefined)).toThrow(/name:token/);
  });
});
