import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { createExtractor, readSource } from '../../graph/index.ts';
import { CACHE_DIR, SEEDS_DIR } from '../support/seeds.ts';

const dir = mkdtempSync(join(tmpdir(), 'policy-graph-encodings-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function twin(name: string, encoding: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, iconv.encode(text, encoding));
  return path;
}

describe('legacy encodings', () => {
  it('a GB18030 file yields exactly what its UTF-8 twin yields', () => {
    const utf8Path = join(SEEDS_DIR, '000_335c1c6bdc1323c1.txt');
    const text = readFileSync(utf8Path, 'utf8');
    const gbPath = twin('000_335c1c6bdc1323c1.txt', 'gb18030', text);
    const source = readSource(gbPath);
    expect(source.encoding).toBe('gb18030');
    expect(source.text).toBe(readSource(utf8Path).text);

    const extractor = createExtractor({ cacheDir: CACHE_DIR });
    const fromUtf8 = extractor.extract([readSource(utf8Path)]);
    const fromGb = extractor.extract([source]);
    expect(fromGb.entities).toEqual(fromUtf8.entities);
    expect(fromGb.relations).toEqual(fromUtf8.relations);
  });

  it('decodes GBK and Big5 files, and UTF-8 with a byte-order mark', () => {
    const simplified = '龙湾区倾力实施全省首个行政区未来社区全域类试点，建设“未来城区”。';
    const traditional = '聞堰搶抓“蕭濱一體化”機遇，打造現代社區建設實驗街區。';
    expect(readSource(twin('gbk.txt', 'gbk', simplified))).toMatchObject({ text: simplified, encoding: 'gb18030' });
    expect(readSource(twin('big5.txt', 'big5', traditional))).toMatchObject({ text: traditional, encoding: 'big5' });
    const bom = join(dir, 'bom.txt');
    writeFileSync(bom, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(simplified)]));
    expect(readSource(bom)).toMatchObject({ text: simplified, encoding: 'utf-8' });
  });

  it('reads HTML without its markup, scripts or styles', () => {
    const path = join(dir, 'page.html');
    writeFileSync(
      path,
      '<html><head><title>标题</title><style>p{}</style></head><body><script>alert("x")</script><p>龙湾区实施“红哨系统”。</p><p>第二段</p></body></html>',
    );
    const source = readSource(path);
    expect(source.format).toBe('html');
    expect(source.text).not.toMatch(/alert|<p>|p\{\}/);
    expect(source.text).toContain('龙湾区实施“红哨系统”。');
  });
});
