// Curation end to end: the built web app in real headless Chromium against the real API server
// over a Neo4j holding the curation fixture. Read-only without a token; then, as an editor: reject
// a relation, merge two entities, add a relation from a selection in the reader, undo the merge,
// reload the page — and the canvas (its JSON export), the panels and the history agree.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';
import { build } from 'vite';
import { curationExport, spanOf } from '../fixtures/curation-export.ts';
import { startApiServer, type ApiServer } from '../support/api-server.ts';

const ALICE = 'alice-token-0123456789abcdef';
const LONGWAN = 'District:龙湾区';
const WRONG = 'LOCATED_IN:District:龙湾区->Village:青禾合作社';
const MERGED = 'Organization:农业农村局';
const KEPT = 'Organization:温州市农业农村局';
const ADDED = `FUNDS:${KEPT}->Program:数字乡村`;
const WAIT = { timeout: 30_000 };
const SHOTS = join(process.cwd(), 'test-results', 'e2e');
const webDir = mkdtempSync(join(tmpdir(), 'policy-graph-e2e-curation-'));
let api: ApiServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

const shot = (name: string) => page.screenshot({ path: join(SHOTS, `curation-${name}.png`) });

/** The canvas as its JSON export gives it: node ids, and edges with their marks. */
async function canvas(): Promise<{ nodes: string[]; edges: Map<string, string | null> }> {
  await page.click('#export-toggle');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-menu [data-format="json"]')]);
  const data = JSON.parse(readFileSync(await download.path(), 'utf8')) as {
    nodes: Array<{ id: string }>;
    edges: Array<{ id: string; curation?: string }>;
  };
  return { nodes: data.nodes.map((n) => n.id), edges: new Map(data.edges.map((e) => [e.id, e.curation ?? null])) };
}

async function select(entityId: string, query: string): Promise<void> {
  await page.fill('#search-input', query);
  const result = page.locator(`#search-results li.result[data-entity="${entityId}"]`);
  await result.waitFor(WAIT);
  await result.click();
  await expect.poll(() => page.getAttribute('#curation-entity', 'data-entity'), WAIT).toBe(entityId);
}

/** Selects [start, end) of the open report's text the way a mouse would, and lets go. */
async function selectText(start: number, end: number): Promise<void> {
  await page.evaluate(
    ([from, to]) => {
      const root = document.querySelector('#reader .doc-text')!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      let at = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const length = node.textContent!.length;
        if (from >= at && from <= at + length) range.setStart(node, from - at);
        if (to >= at && to <= at + length) {
          range.setEnd(node, to - at);
          break;
        }
        at += length;
      }
      const selection = document.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      root.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    },
    [start, end] as const,
  );
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  const built = build({ configFile: 'vite.config.ts', logLevel: 'warn', build: { outDir: webDir, emptyOutDir: true } });
  api = await startApiServer({ webDir, seeds: false, editors: [{ editor: 'alice', token: ALICE }] });
  await api.store.load(curationExport());
  await built;
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await api?.store.reset({ corrections: true });
  await api?.close();
  rmSync(webDir, { recursive: true, force: true });
});

describe('curation in the explorer', () => {
  it('shows no editing control without an editor token', async () => {
    await page.goto(`${api.base}/`);
    await select(LONGWAN, '龙湾区');
    await page.click('#toolbar [data-action="expand"]');
    await page.locator(`#detail-relations a[data-relation="${WRONG}"]`).waitFor(WAIT);
    expect(await page.locator('#curation-entity .curation-actions').count()).toBe(0);
    await page.click(`#detail-relations a[data-relation="${WRONG}"]`);
    await expect.poll(() => page.getAttribute('#curation-relation', 'data-relation'), WAIT).toBe(WRONG);
    expect(await page.locator('#curation-relation .curation-actions').count()).toBe(0);
    await page.click('#tab-curation');
    expect(await page.textContent('#curation-editor')).toMatch(/只读/);
  });

  it('signs in with an editor token', async () => {
    await page.fill('#curation-token', ALICE);
    await page.click('#curation-sign-in');
    await expect.poll(() => page.textContent('#curation-editor'), WAIT).toContain('alice');
    // The open relation now offers its corrections.
    await page.click('#tab-evidence');
    await page.locator('#curation-relation .curation-actions').waitFor(WAIT);
  });

  it('rejects a relation: it leaves the canvas and is listed as rejected', async () => {
    await page.click('#curation-relation button.reject');
    await page.fill('#curation-relation form[data-action="reject"] .reason-input', '青禾村不是青禾合作社');
    await page.click('#curation-relation form[data-action="reject"] button.apply');
    await page.locator('#curation-relation .curation-gone').waitFor(WAIT);
    await page.click('#tab-detail');
    await select(LONGWAN, '龙湾区');
    await expect.poll(() => page.locator(`#detail-relations a[data-relation="${WRONG}"]`).count(), WAIT).toBe(0);
    // The selection above opens the detail tab once its entity is on the canvas, which may come
    // after this click: the tab is clicked again until the list shows.
    const listed = page.locator('#curation-rejected-list li[data-kind="REJECT_RELATION"]');
    await expect
      .poll(async () => {
        await page.click('#tab-curation');
        return listed.isVisible();
      }, WAIT)
      .toBe(true);
    await shot('1-rejected');
  });

  it('merges two entities: the one merged away leaves the canvas, the kept one shows the merge', async () => {
    await page.click('#tab-detail');
    await select(MERGED, '农业农村局');
    await page.click('#curation-entity button.merge');
    await page.fill('#curation-merge-into', '温州市农业农村局');
    await page.locator(`#curation-merge-into-list li[data-entity="${KEPT}"]`).click(WAIT);
    await page.click('#curation-entity form[data-action="merge"] button.apply');
    await expect.poll(() => page.getAttribute('#curation-entity', 'data-entity'), WAIT).toBe(KEPT);
    await page.locator('#curation-entity-history li[data-kind="MERGE_ENTITIES"]').waitFor(WAIT);
    expect(await page.textContent('#detail')).toContain('农业农村局');
    const shown = await canvas();
    expect(shown.nodes).toContain(KEPT);
    expect(shown.nodes).not.toContain(MERGED);
    await shot('2-merged');
  });

  it('adds a relation from a selection in the reader: the selection is its evidence, its ends marked', async () => {
    await page.locator('#detail .documents a', { hasText: '农业农村局资助' }).click();
    await page.locator('#reader .doc-text').waitFor(WAIT);
    const span = spanOf('a.txt', '农业农村局推进数字乡村');
    await selectText(span.start, span.end);
    await expect.poll(() => page.getAttribute('#curation-reader .selection', 'data-start'), WAIT).toBe(String(span.start));
    await page.click('#curation-reader button.add-relation');
    await page.selectOption('#curation-add-source', KEPT);
    await page.selectOption('#curation-add-type', 'FUNDS');
    await page.selectOption('#curation-add-target', 'Program:数字乡村');
    await page.click('#curation-reader form[data-action="add-relation"] button.apply');
    // Back in the report, the selection's words now marked; the new relation is in the evidence tab.
    await expect.poll(() => page.getAttribute('#curation-relation', 'data-relation'), WAIT).toBe(ADDED);
    await page.locator('#reader .target').first().waitFor(WAIT);
    await page.click('#tab-evidence');
    await page.locator('#curation-relation .curation-mark[data-curation="ADDED"]').waitFor(WAIT);
    expect(await page.textContent('#evidence .sentence')).toBe('农业农村局推进数字乡村');
    expect(await page.locator('#evidence .sentence mark.hl-source, #evidence .sentence mark.hl-target').count()).toBe(2);
    expect((await canvas()).edges.get(ADDED)).toBe('ADDED');
    await shot('3-added');
  });

  it('undoes the merge from the recent changes', async () => {
    await page.click('#tab-curation');
    await page.click('#curation-recent-list li[data-kind="MERGE_ENTITIES"] button.undo');
    await expect.poll(() => page.getAttribute('#curation-recent-list li:first-child', 'data-kind'), WAIT).toBe('UNDO');
    await expect.poll(() => page.getAttribute('#curation-recent-list li[data-kind="MERGE_ENTITIES"]', 'data-status'), WAIT).toBe('UNDONE');
    await expect.poll(async () => (await canvas()).nodes.includes(MERGED), WAIT).toBe(true);
  });

  it('shows the same graph, panels and history after the page is reloaded', async () => {
    const before = await canvas();
    await page.reload();
    await expect.poll(async () => (await canvas()).nodes.sort().join(), WAIT).toBe([...before.nodes].sort().join());
    const after = await canvas();
    expect(after.edges.has(WRONG)).toBe(false);
    expect(after.edges.get(ADDED)).toBe('ADDED');
    expect([...after.edges.keys()].sort()).toEqual([...before.edges.keys()].sort());
    // The history, latest first; the editor is still signed in (the token is kept for the tab).
    await page.click('#tab-curation');
    await expect.poll(() => page.textContent('#curation-editor'), WAIT).toContain('alice');
    const kinds = () =>
      page
        .locator('#curation-recent-list li')
        .evaluateAll((items) => items.map((i) => `${i.getAttribute('data-kind')}:${i.getAttribute('data-status')}`));
    await expect.poll(kinds, WAIT).toEqual(['UNDO:IN_FORCE', 'ADD_RELATION:IN_FORCE', 'MERGE_ENTITIES:UNDONE', 'REJECT_RELATION:IN_FORCE']);
    // The panels: both entities of the undone merge are back, each with its own history.
    await page.click('#tab-detail');
    await select(MERGED, '农业农村局');
    await page.locator('#curation-entity-history li[data-kind="MERGE_ENTITIES"][data-status="UNDONE"]').waitFor(WAIT);
    await select(LONGWAN, '龙湾区');
    await expect.poll(() => page.locator(`#detail-relations a[data-relation="${WRONG}"]`).count(), WAIT).toBe(0);
    await select(KEPT, '温州市农业农村局');
    await page.locator(`#detail-relations a[data-relation="${ADDED}"][data-curation="ADDED"]`).click(WAIT);
    await page.locator('#curation-relation-history li[data-kind="ADD_RELATION"]').waitFor(WAIT);
    await shot('4-reloaded');
    expect(pageErrors).toEqual([]);
  });
});
