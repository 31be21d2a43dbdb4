// Extraction on worker threads yields the very bytes extraction on one thread does: the per-document
// stages run in the workers, the corpus-wide passes here, and each document's relations are merged in
// document order. The batch mixes the seeds with short reports written to cross documents: a name
// coined in one and written bare in another, the same relation stated in several (its evidence merged
// across workers), a traditional-script report, one without any name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExtractor, type ExtractionExport, type Extractor, type SourceDocument } from '../../graph/index.ts';
import { ExtractionPool } from '../../graph/extraction/index.ts';
import { CACHE_DIR, seedSources } from '../support/seeds.ts';

function source(id: string, text: string): SourceDocument {
  return { id, path: id, hash: id, encoding: 'utf-8', format: 'text', text };
}

const REPORTS = [
  source(
    'a.txt',
    '丽水市松阳县推进共同富裕\n\n2023年3月1日，丽水市松阳县实施“乡村振兴示范带”建设。松阳县大东坝镇石仓村入选省级未来乡村试点。' +
      '浙江山海农业科技有限公司（以下简称“山海农业”）与石仓村合作建设茶园。山海农业投资5000万元。',
  ),
  source(
    'b.txt',
    '松阳县召开乡村振兴示范带推进会\n\n松阳县大东坝镇石仓村入选省级未来乡村试点。乡村振兴示范带覆盖全县12个乡镇。' +
      '浙江山海农业科技有限公司与石仓村合作建设茶园，松阳县人民政府印发《松阳县共同富裕行动方案》。',
  ),
  source('c.txt', '麗水市松陽縣推進共同富裕\n\n松陽縣大東壩鎮石倉村入選省級未來鄉村試點。浙江山海農業科技有限公司與石倉村合作建設茶園。'),
  source('d.txt', '今天天气很好。\n\n我们一起去公园散步，看到很多人在跑步。'),
  source(
    'e.txt',
    '温州市龙湾区推进共同富裕\n\n温州市龙湾区实施“乡村振兴示范带”建设，天河街道入选共同富裕试点。' +
      '浙江山海农业科技有限公司与天河街道合作，投资3000万元。',
  ),
];

const bytes = (data: ExtractionExport) => JSON.stringify(data);

describe('extraction on a pool of worker threads', () => {
  let extractor: Extractor;
  let pool: ExtractionPool;
  beforeAll(() => {
    extractor = createExtractor({ cacheDir: CACHE_DIR });
    pool = new ExtractionPool({ size: 2, cacheDir: CACHE_DIR });
  });
  afterAll(() => pool.close());

  it('yields the export of one thread, byte for byte, on the seeds and reports that cross documents', async () => {
    const batch = [...seedSources(), ...REPORTS];
    // A fresh extractor, as a command's: nothing this thread's own finding would have loaded (the
    // village index of the provinces a batch names) is there before the workers' documents come back.
    const seen: string[] = [];
    const pooled = await createExtractor({ cacheDir: CACHE_DIR }).extractWith(pool, batch, (id) => seen.push(id));
    const one = extractor.extract(batch);
    // The batch says something about merging: relations stated by several documents, names coined elsewhere.
    expect(one.relations.filter((r) => new Set(r.evidence.map((e) => e.doc)).size > 1).length).toBeGreaterThan(5);
    expect(one.relations.some((r) => r.evidence.some((e) => e.doc === 'c.txt') && r.evidence.some((e) => e.doc === 'b.txt'))).toBe(true);
    expect(bytes(pooled)).toBe(bytes(one));
    expect(seen.sort()).toEqual(batch.map((s) => s.id).sort());
  });

  it('holds nothing over from one batch to the next', async () => {
    const batch = [REPORTS[4]!, ...REPORTS.slice(0, 3)];
    expect(bytes(await extractor.extractWith(pool, batch))).toBe(bytes(extractor.extract(batch)));
  });

  it('fails, rather than waits, when its workers cannot start', async () => {
    const broken = new ExtractionPool({ size: 2, cacheDir: CACHE_DIR, workerUrl: new URL('./no-such-worker.mjs', import.meta.url) });
    try {
      await expect(extractor.extractWith(broken, REPORTS)).rejects.toThrow();
    } finally {
      await broken.close();
    }
  });
});
