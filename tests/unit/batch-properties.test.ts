// A document's extraction depends on the other documents of its batch only through the corpus-wide
// name passes (graph/extract/corpus-names.ts): a name found quoted, titled or by its suffix in one
// report is looked for in all of them, and a compound several names share becomes a program. So:
//  - documents that share no character with it change nothing of what it yields (no name of theirs
//    can be written in it, nor any of its names in them), in any order and any number;
//  - a name coined in another document is found where this one writes it bare.
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createExtractor, type ExtractionExport, type Extractor, type SourceDocument } from '../../graph/index.ts';
import { CACHE_DIR } from '../support/seeds.ts';

const RUNS = { numRuns: 25 };

/** Two vocabularies of report phrases whose Han characters do not overlap. */
const ZHEJIANG = [
  '温州市龙湾区',
  '实施',
  '“红哨系统”',
  '入选',
  '共同富裕试点',
  '天河街道',
  '与',
  '联合',
  '印发《共富行动方案》',
  '有限公司',
  '投资',
];
const ELSEWHERE = ['成都', '推出', '“熊猫驿站”', '获评', '全国文明村', '锦江', '和', '一起', '颁布《蓉城纲要》', '集团', '建设'];
const PUNCTUATION = ['。', '，', '、', '\n'];

const hanOf = (words: string[]) => new Set(words.join('').match(/\p{Script=Han}/gu));
const report = (words: string[]) =>
  fc.array(fc.constantFrom(...words, ...PUNCTUATION), { minLength: 6, maxLength: 30 }).map((w) => w.join(''));

function source(id: string, text: string): SourceDocument {
  return { id, path: id, hash: id, encoding: 'utf-8', format: 'text', text };
}

/** Everything the export says about one document, in a canonical order. */
function about(data: ExtractionExport, doc: string) {
  const entities = data.entities.filter((e) => e.mentions.some((m) => m.doc === doc));
  return {
    document: data.documents.find((d) => d.id === doc),
    entities: entities.map((e) => ({ ...e, mentions: e.mentions.filter((m) => m.doc === doc) })).sort((a, b) => a.id.localeCompare(b.id)),
    relations: data.relations
      .filter((r) => r.evidence.some((e) => e.doc === doc))
      .map((r) => ({ id: r.id, evidence: r.evidence.filter((e) => e.doc === doc).sort((a, b) => a.start - b.start) }))
      .sort((a, b) => a.id.localeCompare(b.id)),
    facts: data.facts.filter((f) => f.evidence.doc === doc),
  };
}

describe('a document among others', () => {
  let extractor: Extractor;
  // The corpus-wide name passes are rules: they are checked without the models that weigh names.
  beforeAll(() => {
    extractor = createExtractor({ cacheDir: CACHE_DIR, boundaryModel: null, entityModel: null, relationModel: null });
  });

  it('the two vocabularies share no character', () => {
    const other = hanOf(ELSEWHERE);
    expect([...hanOf(ZHEJIANG)].filter((c) => other.has(c))).toEqual([]);
  });

  it('yields the same beside documents that share no character with it, wherever it stands in the batch', () => {
    let telling = 0;
    fc.assert(
      fc.property(report(ZHEJIANG), fc.array(report(ELSEWHERE), { minLength: 1, maxLength: 3 }), fc.nat(), (text, others, at) => {
        const alone = about(extractor.extract([source('d.txt', text)]), 'd.txt');
        if (alone.relations.length > 0) telling++;
        const batch = others.map((t, i) => source(`e${i}.txt`, t));
        batch.splice(at % (batch.length + 1), 0, source('d.txt', text));
        expect(about(extractor.extract(batch), 'd.txt')).toEqual(alone);
      }),
      RUNS,
    );
    // The property says something only where the document yields relations: many runs do.
    expect(telling).toBeGreaterThan(RUNS.numRuns / 4);
  });

  it('gains the names another document coins, where it writes them without marks', () => {
    fc.assert(
      fc.property(report(ZHEJIANG), report(ZHEJIANG), (before, after) => {
        const text = `${before}。成都推出熊猫驿站。${after}`;
        const coined = '成都推出“熊猫驿站”。';
        const mentions = (data: ExtractionExport) =>
          data.entities.find((e) => e.name === '熊猫驿站')?.mentions.filter((m) => m.doc === 'd.txt') ?? [];
        expect(mentions(extractor.extract([source('d.txt', text)]))).toEqual([]);
        const at = text.indexOf('熊猫驿站');
        expect(mentions(extractor.extract([source('d.txt', text), source('e.txt', coined)]))).toEqual([
          { doc: 'd.txt', start: at, end: at + 4 },
        ]);
      }),
      { numRuns: 10 },
    );
  });
});
