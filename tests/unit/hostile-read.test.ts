// Hostile documents read and extracted without a database: each gets the outcome a user must see,
// the same from a file as from memory, and offsets that index the original text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createExtractor,
  readDocumentFiles,
  readDocumentInputs,
  DEFAULT_MAX_DOCUMENT_BYTES,
  type ExtractionExport,
} from '../../graph/index.ts';
import { findInvisibleCharacters } from '../../graph/extraction/normalize/index.ts';
import { hostileDocuments, type HostileDocument } from '../support/hostile-documents.ts';
import { CACHE_DIR } from '../support/seeds.ts';

// The 1 MB line is extracted in tests/integration/hostile-ingest.test.ts; a short one does here.
const documents = hostileDocuments({ lineBytes: 20_000 });
const dir = mkdtempSync(join(tmpdir(), 'policy-graph-hostile-'));
beforeAll(() => {
  for (const d of documents) writeFileSync(join(dir, d.name), d.bytes);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const byName = (name: string) => documents.find((d) => d.name === name)!;
const outcomes = (batch: ReturnType<typeof readDocumentFiles>) =>
  new Map<string, { status: string; reason: string | undefined }>([
    ...batch.sources.map((s) => [s.id, { status: 'read', reason: undefined }] as const),
    ...batch.refused.map((r) => [r.id, { status: 'refused', reason: r.reason }] as const),
  ]);

describe('hostile documents, read', () => {
  it.each(documents.map((d) => [d.name, d] as [string, HostileDocument]))('%s: refused with its reason, or read', (name, document) => {
    const [outcome] = outcomes(readDocumentInputs([{ name, bytes: document.bytes }]));
    if (document.expected.status === 'refused') {
      expect(outcome?.[1].status).toBe('refused');
      expect(outcome?.[1].reason).toMatch(document.expected.reason);
    } else {
      expect(outcome?.[1]).toEqual({ status: 'read', reason: undefined });
    }
  });

  it('are refused the same way from files as from memory, each one alone, the others read', () => {
    const fromFiles = outcomes(readDocumentFiles([dir]));
    const fromMemory = outcomes(readDocumentInputs(documents.map((d) => ({ name: d.name, bytes: d.bytes }))));
    expect(fromMemory).toEqual(fromFiles);
    expect([...fromFiles.keys()].sort()).toEqual(documents.map((d) => d.name).sort());
  });

  it('name the size limit, which a smaller setting lowers', () => {
    const [refusal] = readDocumentInputs([{ name: 'a.txt', bytes: '龙湾区'.repeat(10) }], { maxDocumentBytes: 64 }).refused;
    expect(refusal?.reason).toBe('90 bytes (90 bytes) is over the limit of 64 bytes (64 bytes); MAX_DOCUMENT_BYTES raises it');
    expect(readDocumentInputs([{ name: 'a.txt', bytes: '龙湾区'.repeat(10) }], { maxDocumentBytes: 90 }).sources).toHaveLength(1);
    expect(DEFAULT_MAX_DOCUMENT_BYTES).toBeLessThan(byName('large.txt').bytes.length);
  });

  it('decode GBK and Big5 and keep a few broken UTF-8 bytes from turning the file into GBK', () => {
    const { sources } = readDocumentFiles([join(dir, 'gbk.txt'), join(dir, 'big5.txt'), join(dir, 'invalid-utf8.txt')]);
    expect(sources.map((s) => [s.id, s.encoding])).toEqual([
      ['gbk.txt', 'gb18030'],
      ['big5.txt', 'big5'],
      ['invalid-utf8.txt', 'utf-8'],
    ]);
    expect(sources[0]!.text).toContain('温州市龙湾区实施“红哨系统”');
    expect(sources[1]!.text).toContain('龍灣區實施“紅哨系統”');
    expect(sources[2]!.text).toContain('龙湾区入选浙江省共同富裕试点');
    expect(sources[2]!.diagnostics?.map((d) => d.code)).toEqual(['undecodable-bytes']);
  });

  it('keep no script, event handler or URL of an HTML page in its text', () => {
    const [source] = readDocumentFiles([join(dir, 'payload.html')]).sources;
    expect(source!.text).not.toMatch(/alert|onerror|onload|javascript:|<script/);
    expect(source!.text).toContain('龙湾区入选浙江省共同富裕试点。');
  });

  it('replace NUL bytes one for one, so that offsets stay', () => {
    const [source] = readDocumentFiles([join(dir, 'nul.txt')]).sources;
    expect(source!.text).not.toContain('\u0000');
    expect(source!.text.length).toBe(Buffer.from(byName('nul.txt').bytes).toString('utf8').length);
    expect(source!.diagnostics).toEqual([
      { code: 'control-characters', offset: 10, message: '3 control characters (NUL and the like) replaced by U+FFFD' },
    ]);
  });
});

describe('hostile documents, extracted', () => {
  let extraction: ExtractionExport;
  beforeAll(() => {
    extraction = createExtractor({ cacheDir: CACHE_DIR }).extract(readDocumentFiles([dir]).sources);
  });

  it('report what they carry as diagnostics of their own', () => {
    for (const document of documents) {
      if (document.expected.status !== 'loaded') continue;
      const record = extraction.documents.find((d) => d.id === document.name);
      expect(record, document.name).toBeDefined();
      expect([...new Set(record!.diagnostics.map((d) => d.code))].sort(), document.name).toEqual([...document.expected.diagnostics].sort());
    }
  });

  it('keep every mention and every sentence at offsets of the original text, astral characters and all', () => {
    const texts = new Map(extraction.documents.map((d) => [d.id, d.text]));
    const splitsPair = (text: string, at: number) =>
      at > 0 && at < text.length && /[\ud800-\udbff]/.test(text[at - 1]!) && /[\udc00-\udfff]/.test(text[at]!);
    for (const entity of extraction.entities) {
      for (const m of entity.mentions) {
        const text = texts.get(m.doc)!;
        expect(splitsPair(text, m.start) || splitsPair(text, m.end), `${entity.name} in ${m.doc}`).toBe(false);
        // The original span, without the marks and invisible characters the analysis leaves out.
        let surface = text.slice(m.start, m.end);
        for (const [start, end] of findInvisibleCharacters(surface).reverse()) surface = surface.slice(0, start) + surface.slice(end);
        surface = surface.replace(/[“”《》]/g, '');
        if (m.doc === 'big5.txt') continue; // traditional: the name is its simplified form
        expect([entity.name, ...entity.aliases], `${m.doc} ${m.start}–${m.end}`).toContain(surface);
      }
    }
    for (const relation of extraction.relations) {
      for (const e of relation.evidence) expect(texts.get(e.doc)!.slice(e.start, e.end)).toBe(e.text);
    }
  });

  it('find names that invisible characters split, and name them without those characters', () => {
    const mentionedIn = (doc: string) => extraction.entities.filter((e) => e.mentions.some((m) => m.doc === doc)).map((e) => e.name);
    expect(mentionedIn('invisible.txt')).toEqual(expect.arrayContaining(['龙湾区', '红哨系统']));
    expect(mentionedIn('emoji.txt')).toEqual(expect.arrayContaining(['温州市', '龙湾区', '红哨系统']));
    for (const entity of extraction.entities) expect(findInvisibleCharacters(entity.name)).toEqual([]);
  });
});
