// The explorer end to end: the built web app in real headless Chromium (Debian's /usr/bin/chromium)
// against the real API server over a Neo4j loaded with the seeds. One journey, the way a journalist
// checks a connection: search → select → expand → evidence → path → the report at the mention →
// undo → exports → the shared link → English; then a report carrying markup is added and must show
// as text. A screenshot per step goes to test-results/e2e/ (git-ignored).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';
import { startApiServer, TEST_TOKEN, type ApiServer } from '../support/api-server.ts';
import { CHROMIUM } from '../support/browser.ts';

const LONGWAN = 'District:龙湾区#330303';
const XIHU = 'District:西湖区#330106';
/** Generous waits: the machine running the suite may be shared. */
const WAIT = { timeout: 30_000 };
const SHOTS = join(process.cwd(), 'test-results', 'e2e');
const webDir = mkdtempSync(join(tmpdir(), 'policy-graph-e2e-'));
let api: ApiServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const dialogs: string[] = [];
const pageErrors: string[] = [];

async function shot(name: string, target: Page = page): Promise<void> {
  await target.screenshot({ path: join(SHOTS, `${name}.png`) });
}

/** Bytes of a download the page triggers by clicking `selector` in the export menu. */
async function exported(format: string): Promise<Buffer> {
  await page.click('#export-toggle');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(`#export-menu [data-format="${format}"]`)]);
  const path = await download.path();
  return readFileSync(path);
}

const nodesOnCanvas = (target: Page = page) => target.locator('#canvas-status').getAttribute('data-nodes').then(Number);

function watch(target: Page): void {
  target.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  target.on('pageerror', (error) => pageErrors.push(error.message));
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  const built = build({ configFile: 'vite.config.ts', logLevel: 'warn', build: { outDir: webDir, emptyOutDir: true } });
  api = await startApiServer({ webDir });
  // Neo4j plans each statement the first time it runs: run the journey's once, together, while
  // the app builds and Chromium starts, so the steps below time the app rather than the planner.
  const warm = api.graphql(/* GraphQL */ `{
    search(query: "龙湾", first: 12) { totalCount facets { type count } edges { node { id } } }
    stats { entities topByDegree(limit: 12) { score } communities(limit: 12) { id label } documentDates { month } }
    entity(id: "${LONGWAN}") { hierarchy { id } facts { label evidence { text document { title } } } documents(first: 20) { totalCount } }
    neighborhood(ids: ["${LONGWAN}"], depth: 1, limit: 26) { nodes { id hidden { type count } } edges { id } }
    paths(from: "${LONGWAN}", to: "${XIHU}", maxHops: 4, k: 3) { length relations { id evidence(first: 3) { text } } }
  }`);
  await built;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  page = await context.newPage();
  watch(page);
  await warm;
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await api?.close();
  rmSync(webDir, { recursive: true, force: true });
});

describe('the explorer, as a journalist uses it', () => {
  it('starts with the overview, the legend and the search box', async () => {
    await page.goto(`${api.base}/`);
    await expect.poll(() => page.textContent('#health'), { timeout: 20_000 }).toMatch(/Neo4j 5\.26\.\d+ \(community\)/);
    await expect.poll(() => page.locator('#top-entities li').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await page.locator('#legend li').count()).toBe(9);
    await shot('01-start');
  });

  it('finds 龙湾 as you type and puts 龙湾区 on the canvas', async () => {
    await page.fill('#search-input', '龙湾');
    const result = page.locator(`#search-results li.result[data-entity="${LONGWAN}"]`);
    await result.waitFor(WAIT);
    expect(await page.locator('#search-facets .facet').count()).toBeGreaterThan(1);
    await shot('02-search');
    await result.click();
    await expect.poll(() => page.textContent('#detail .entity-name'), WAIT).toContain('龙湾区');
    await expect.poll(() => nodesOnCanvas(), WAIT).toBe(1);
    expect(await page.textContent('#detail')).toContain('330303');
    await shot('03-selected');
  });

  it('expands its neighbours and opens the evidence of one relation', async () => {
    await page.click('#toolbar [data-action="expand"]');
    await expect.poll(() => nodesOnCanvas(), WAIT).toBeGreaterThan(1);
    const relation = page.locator('#detail-relations a').first();
    await relation.waitFor(WAIT);
    await shot('04-expanded');
    await relation.click();
    const sentence = page.locator('#evidence li.evidence').first();
    await sentence.waitFor(WAIT);
    // Both ends are named, their mentions marked inside the sentences, and the report is named.
    expect(await page.locator('#evidence .relation-head .end').count()).toBe(2);
    expect(await page.locator('#evidence .sentence mark.hl-source, #evidence .sentence mark.hl-target').count()).toBeGreaterThan(0);
    expect((await sentence.locator('.doc-title').textContent())?.length).toBeGreaterThan(0);
    await shot('05-evidence');
  });

  it('finds a path between 龙湾区 and 西湖区 with the evidence of every step', async () => {
    await page.click('#tab-detail');
    await page.locator('#detail button', { hasText: '设为路径起点' }).click();
    await page.fill('#path-to', '西湖区');
    await page.locator(`#path-to-list li[data-entity="${XIHU}"]`).click(WAIT);
    const before = await nodesOnCanvas();
    await page.click('#path-find');
    const first = page.locator('#paths .path').first();
    await first.waitFor(WAIT);
    expect(await first.locator('.path-chain').textContent()).toMatch(/^龙湾区 — .* — 西湖区$/);
    expect(await first.locator('li.evidence').count()).toBeGreaterThan(0);
    // The path is drawn: 西湖区 joins the canvas.
    await expect.poll(() => nodesOnCanvas(), WAIT).toBeGreaterThan(before);
    await page.waitForTimeout(300);
    await shot('06-path');
  });

  it('opens the report at the sentence, mentions marked', async () => {
    await page.locator('#paths .open-reader').first().click();
    await page.locator('#reader .target').first().waitFor(WAIT);
    expect(await page.locator('#reader mark.mention').count()).toBeGreaterThan(0);
    await shot('07-reader');
  });

  it('undoes twice', async () => {
    const before = await nodesOnCanvas();
    await page.click('#toolbar [data-action="undo"]');
    await page.click('#toolbar [data-action="undo"]');
    await expect.poll(() => nodesOnCanvas()).toBeLessThan(before);
    await expect.poll(() => nodesOnCanvas()).toBeGreaterThan(0);
    await shot('08-undone');
  });

  it('exports PNG at twice the size, SVG and GraphML that parse, with the Chinese names', async () => {
    const png = await exported('png');
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    const box = await page.locator('#canvas').boundingBox();
    expect(width).toBeGreaterThanOrEqual(Math.floor((box?.width ?? 0) * 2) - 2);
    expect(height).toBeGreaterThan(100);
    const svg = (await exported('svg')).toString('utf8');
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toContain('龙湾区');
    const graphml = (await exported('graphml')).toString('utf8');
    expect(XMLValidator.validate(graphml)).toBe(true);
    expect(graphml).toContain('<graphml');
    expect(graphml).toContain('龙湾区');
  });

  it('restores the same view from the shared link', async () => {
    const nodes = await nodesOnCanvas();
    const link = page.url();
    expect(link).toContain('#view=');
    const again = await context.newPage();
    watch(again);
    await again.goto(link);
    await expect.poll(() => nodesOnCanvas(again), { timeout: 20_000 }).toBe(nodes);
    await expect.poll(() => again.textContent('#detail .entity-name'), WAIT).toContain('龙湾区');
    await expect.poll(() => again.url()).toBe(link);
    await shot('09-shared-link', again);
    await again.close();
  });

  it('switches to English', async () => {
    await page.click('#language-toggle');
    expect(await page.textContent('#language-toggle')).toBe('中文');
    expect(await page.textContent('#tab-evidence')).toBe('Evidence');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await shot('10-english');
  });

  it('shows a report carrying markup as text: no element made, no dialog, no script run', async () => {
    const payload = '<img src=x onerror=alert(1)>';
    const text = [
      `${payload}龙湾区报道<script>window.__pwned = 1; alert(2)</script>`,
      '',
      `2024年3月1日，龙湾区启动《${payload}共富行动方案》，<script>alert(3)</script>龙湾区共富办负责实施。`,
    ].join('\n');
    const before = await nodesOnCanvas();
    await page.click('#tab-ingest');
    await page.fill('#ingest-text', text);
    await page.fill('#ingest-name', 'xss-check.txt');
    await page.fill('#ingest-token', TEST_TOKEN);
    await page.click('#ingest-submit');
    await expect.poll(() => page.getAttribute('#ingest-outcome .status', 'data-status'), { timeout: 30_000 }).toMatch(/LOADED|UNCHANGED/);
    // Its entities come onto the canvas.
    await expect.poll(() => nodesOnCanvas(), WAIT).toBeGreaterThan(before);
    await page.click('#ingest-open');
    await page.locator('#reader .doc-text').waitFor(WAIT);
    const shown = await page.textContent('#reader');
    expect(shown).toContain('<script>');
    expect(shown).toContain(payload);
    expect(await page.locator('#reader img, #reader script').count()).toBe(0);
    await page.fill('#search-input', '<img');
    await page.waitForTimeout(800);
    expect(await page.locator('#search-results img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    await shot('11-markup-as-text');
    expect(pageErrors).toEqual([]);
  });
});
