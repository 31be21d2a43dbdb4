// The explorer end to end: the built web app in real headless Chromium (Debian's /usr/bin/chromium)
// against the real API server over a Neo4j loaded with the seeds, at 1440×900. One journey, the
// way a journalist checks a connection — the first screen, search, expand and "N more", evidence,
// a path, the report, undo, filters, grouping, styling, a saved view with notes, exports framed for
// publication, the shared link, English — then 200 entities laid out with no two labels
// overlapping, a narrow window, and a report carrying markup shown as text. One browser, one
// server; steps wait on the page's state, never on fixed sleeps. A screenshot per step goes to
// test-results/e2e/ (git-ignored).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { build } from 'vite';
import { encodeViewHash } from '../../web/state/url-state.ts';
import { initialViewState } from '../../web/state/view-state.ts';
import { startApiServer, TEST_TOKEN, type ApiServer } from '../support/api-server.ts';
import { launchChromium } from '../support/browser.ts';

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

/** Bytes of a download the page triggers by clicking `format` in the export menu. */
async function exported(format: string): Promise<Buffer> {
  if (!(await page.locator('#export-menu').evaluate((d) => (d as HTMLDetailsElement).open))) await page.click('#export-toggle');
  const [download] = await Promise.all([page.waitForEvent('download', WAIT), page.click(`#export-menu [data-format="${format}"]`)]);
  return readFileSync(await download.path());
}

const status = (target: Page = page) => target.locator('#canvas-status');
const nodesOnCanvas = (target: Page = page) => status(target).getAttribute('data-nodes').then(Number);
const edgesOnCanvas = (target: Page = page) => status(target).getAttribute('data-edges').then(Number);
const overlaps = (target: Page = page) => target.evaluate(() => window.policyGraphCanvas!.labelOverlaps());
/** Waits until no layout is running. */
const settled = (target: Page = page) => target.locator('#canvas[data-busy="false"]').waitFor({ state: 'attached', ...WAIT });
/** Waits until the canvas shows `n` entities, or more than `n` when `more` is set. */
const canvasHolds = (n: number, more = false, target: Page = page) =>
  expect.poll(() => nodesOnCanvas(target), WAIT)[more ? 'toBeGreaterThan' : 'toBe'](n);
/** The "N more" buttons of the selected entity, as numbers by relation name. */
async function moreButtons(): Promise<Map<string, number>> {
  const texts = await page.locator('#detail .more-button').allTextContents();
  return new Map(texts.map((text) => [text.replace(/还有 \d+ 个/, ''), Number(/\d+/.exec(text)![0])]));
}

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
    stats { entities topByDegree(limit: 30) { score } communities(limit: 12) { id label } documentDates { month } }
    entity(id: "${LONGWAN}") { hierarchy { id } facts { label evidence { text document { title } } } documents(first: 20) { totalCount } }
    neighborhood(ids: ["${LONGWAN}"], depth: 1, limit: 26) { nodes { id hidden { type count } relationCounts { type } } edges { id } }
    paths(from: "${LONGWAN}", to: "${XIHU}", maxHops: 4, k: 3) { length relations { id evidence(first: 3) { text } } }
  }`);
  await built;
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
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
  it('opens on the most connected entities, three example questions and the search box, the page no taller than the window', async () => {
    await page.goto(`${api.base}/`);
    await expect.poll(() => page.textContent('#health'), { timeout: 20_000 }).toMatch(/Neo4j 5\.26\.\d+ \(community\)/);
    // Not a blank canvas: the overview graph, laid out, and questions that work on these data.
    await canvasHolds(15);
    await expect.poll(() => page.locator('#examples button').count(), WAIT).toBe(3);
    expect(await page.locator('#legend li').count()).toBe(9);
    expect(await overlaps()).toBe(0);
    // The frame fits the window (it was 74 px taller), and focusing the canvas scrolls nothing away.
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(900);
    await page.focus('#canvas');
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await shot('01-start');
  });

  it('finds 龙湾 as you type, marks the option it is on for screen readers, and keeps focus in the box on Enter', async () => {
    await page.fill('#search-input', '龙湾');
    const result = page.locator(`#search-results li.result[data-entity="${LONGWAN}"]`);
    await result.waitFor(WAIT);
    expect(await page.locator('#search-facets .facet').count()).toBeGreaterThan(1);
    await page.press('#search-input', 'ArrowDown');
    expect(await page.getAttribute('#search-results li.result >> nth=0', 'aria-selected')).toBe('true');
    expect(await page.getAttribute('#search-input', 'aria-activedescendant')).toBe('search-option-0');
    await shot('02-search');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-input');
    await expect.poll(() => page.textContent('#detail .entity-name'), WAIT).toContain('龙湾区');
    expect(await page.textContent('#detail')).toContain('330303');
  });

  it('expands 龙湾区 and pages "N more" by what the canvas holds, new nodes placed clear of the others', async () => {
    await page.click('#toolbar [data-action="expand"]');
    await canvasHolds(16, true);
    await expect.poll(async () => (await moreButtons()).size, WAIT).toBeGreaterThan(1);
    const before = await moreButtons();
    const nodes = await nodesOnCanvas();
    const [type, count] = [...before][0]!;
    await page.locator('#detail .more-button').first().click();
    // Every neighbour of that type arrives (fewer than a page), its button goes, the others stay as they were.
    await canvasHolds(nodes + count);
    await expect.poll(async () => (await moreButtons()).has(type), WAIT).toBe(false);
    const after = await moreButtons();
    for (const [other, n] of before) if (other !== type) expect(after.get(other), other).toBe(n);
    expect(await overlaps()).toBe(0);
    await shot('03-expanded');
  });

  it('opens the evidence of one relation, both ends marked', async () => {
    const relation = page.locator('#detail-relations a').first();
    await relation.click();
    const sentence = page.locator('#evidence li.evidence').first();
    await sentence.waitFor(WAIT);
    expect(await page.locator('#evidence .relation-head .end').count()).toBe(2);
    expect(await page.locator('#evidence .sentence mark.hl-source, #evidence .sentence mark.hl-target').count()).toBeGreaterThan(0);
    expect((await sentence.locator('.doc-title').textContent())?.length).toBeGreaterThan(0);
    await shot('04-evidence');
  });

  it('explains an end the sentence leaves out, marks both ends, and shows in the report where it is named', async () => {
    // Of 龙湾区's relations on the canvas, one whose sentence leaves its subject out (the report is about 龙湾区).
    const ids = await page
      .locator('#detail-relations a[data-relation]')
      .evaluateAll((links) => links.map((a) => a.getAttribute('data-relation')!));
    const { body } = await api.graphql(
      /* GraphQL */ `
        query ($ids: [ID!]!) {
          relations(ids: $ids) {
            id
            target {
              name
            }
            evidence(first: 50) {
              ends {
                source {
                  link
                }
              }
            }
          }
        }
      `,
      { ids },
    );
    const omitted = (
      body.data.relations as Array<{
        id: string;
        target: { name: string };
        evidence: Array<{ ends: { source: { link: string } } | null }>;
      } | null>
    ).find((r) => r?.id.startsWith(`IMPLEMENTS:${LONGWAN}->`) && r.evidence[0]?.ends?.source.link === 'omitted');
    expect(omitted, 'a relation of 龙湾区 with a left-out subject on the canvas').toBeDefined();
    await page.click('#tab-detail');
    await page.locator(`#detail-relations a[data-relation="${omitted!.id}"]`).click();
    // The panel shows that relation (not the one opened before) once its target is in the heading.
    const heading = () => page.locator('#evidence .relation-head .end').allTextContents();
    await expect.poll(heading, WAIT).toEqual(['龙湾区', omitted!.target.name]);
    const first = page.locator('#evidence li.evidence').first();
    await first.waitFor(WAIT);
    // Both ends marked: the point where the subject is missing, and the other end's name.
    expect(await first.locator('.sentence mark.omitted.hl-source').count()).toBe(1);
    expect(await first.locator('.sentence mark.hl-target').count()).toBeGreaterThan(0);
    const line = first.locator('.end-explanation[data-link="omitted"]');
    expect(await line.textContent()).toMatch(/主语省略：本文所述为龙湾区（(标题|导语|前文|署名)）/);
    await line.locator('.show-antecedent').click();
    // The reader opens at the span that names 龙湾区, both ends marked there.
    const target = page.locator('#reader .doc-text .target').first();
    await target.waitFor(WAIT);
    expect(await target.textContent()).toMatch(/^龙湾(区)?$/);
    expect(await page.locator('#reader .doc-text .end-mark.hl-source').count()).toBeGreaterThan(0);
    await shot('04b-left-out-subject');
  });

  it('filters relations by confidence, kept in the link', async () => {
    const edges = () => page.locator('#canvas-status').getAttribute('data-edges').then(Number);
    const before = await edges();
    await page.click('#tab-detail');
    await page.locator('#filter-min-confidence').fill('0.9');
    await page.locator('#filter-min-confidence').dispatchEvent('change');
    await expect.poll(edges, WAIT).toBeLessThan(before);
    await expect.poll(() => page.evaluate(() => location.hash), WAIT).toContain('view=');
    await page.locator('#filter-min-confidence').fill('0');
    await page.locator('#filter-min-confidence').dispatchEvent('change');
    await expect.poll(edges, WAIT).toBe(before);
  });

  it('hides with Delete and undoes with Ctrl+Z: the entity comes back selected, its buttons enabled', async () => {
    await page.locator(`#search-input`).fill('');
    await page.click('#tab-detail');
    // Select 龙湾区 again from the canvas by keyboard: the arrows move from entity to entity.
    await page.focus('#canvas');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => status().textContent(), WAIT).toMatch(/已选中/);
    const selected = (await status().textContent())!.replace(/.*已选中：/, '');
    const nodes = await nodesOnCanvas();
    await page.keyboard.press('Delete');
    await canvasHolds(nodes - 1);
    expect(await page.isDisabled('#toolbar [data-action="expand"]')).toBe(true);
    await page.keyboard.press('Control+z');
    await canvasHolds(nodes);
    await expect.poll(() => status().textContent(), WAIT).toContain(selected);
    for (const action of ['expand', 'hide', 'pin', 'focus'])
      expect(await page.isDisabled(`#toolbar [data-action="${action}"]`), action).toBe(false);
    await shot('05-undone');
  });

  it('draws co-mentions as soon as they are ticked, and counts for screen readers what the filters leave', async () => {
    const edges = await edgesOnCanvas();
    await page.check('#filter-co-mentions');
    await expect.poll(() => edgesOnCanvas(), WAIT).toBeGreaterThan(edges);
    await page.uncheck('#filter-co-mentions');
    await expect.poll(() => edgesOnCanvas(), WAIT).toBe(edges);
    const nodes = await nodesOnCanvas();
    await page.uncheck('#filter-type-Program');
    await expect.poll(() => nodesOnCanvas(), WAIT).toBeLessThan(nodes);
    expect(await status().textContent()).toContain(`${await nodesOnCanvas()} 个实体`);
    await page.check('#filter-type-Program');
    await canvasHolds(nodes);
    // A date range leaves out what only undated reports state, unless asked to keep it.
    const months = await page.locator('#timeline-from option').allTextContents();
    expect(await page.locator('#timeline .axis span').count()).toBeGreaterThan(1);
    await page.selectOption('#timeline-from', months[0]!);
    await page.selectOption('#timeline-to', months[0]!);
    await expect.poll(() => edgesOnCanvas(), WAIT).toBeLessThan(edges);
    const dated = await edgesOnCanvas();
    await page.check('#filter-undated');
    await expect.poll(() => edgesOnCanvas(), WAIT).toBeGreaterThan(dated);
    await page.click('#timeline .timeline-controls button');
    await expect.poll(() => edgesOnCanvas(), WAIT).toBe(edges);
    await shot('06-filters');
  });

  it('finds a path between 龙湾区 and 西湖区 with the evidence of every step, and opens the report at the sentence', async () => {
    await page.fill('#search-input', '龙湾区');
    await page.locator(`#search-results li.result[data-entity="${LONGWAN}"]`).click(WAIT);
    await expect.poll(() => page.textContent('#detail .entity-name'), WAIT).toContain('龙湾区');
    await page.locator('#detail button', { hasText: '设为路径起点' }).click();
    await page.fill('#path-to', '西湖区');
    await page.locator(`#path-to-list li[data-entity="${XIHU}"]`).click(WAIT);
    await page.click('#path-find');
    const first = page.locator('#paths .path').first();
    await first.waitFor(WAIT);
    expect(await first.locator('.path-chain').textContent()).toMatch(/^龙湾区 — .* — 西湖区$/);
    expect(await first.locator('li.evidence').count()).toBeGreaterThan(0);
    await page.locator('#paths .open-reader').first().click();
    await page.locator('#reader .target').first().waitFor(WAIT);
    expect(await page.locator('#reader mark.mention').count()).toBeGreaterThan(0);
    // The path's nodes, placed among the others and drawn with their wider highlight border, touch no label.
    expect(await overlaps()).toBe(0);
    await shot('07-path-reader');
  });

  it('folds a hub’s neighbours of one type into one node, their relations merged, and undoes it', async () => {
    const nodes = await nodesOnCanvas();
    await page.fill('#search-input', '龙湾区');
    await page.locator(`#search-results li.result[data-entity="${LONGWAN}"]`).click(WAIT);
    await page.click('#tab-detail');
    const fold = page.locator('#detail-folds button').first();
    await fold.waitFor(WAIT);
    const folded = Number(/\d+/.exec((await fold.textContent())!)![0]);
    await fold.click();
    // The members go into one node: the canvas draws members − 1 fewer entities.
    await canvasHolds(nodes - folded);
    await expect.poll(() => page.textContent('#grouping-summary'), WAIT).toMatch(/1 个折叠/);
    await settled();
    // The fold's node is placed clear of the others once its placement has run (queued after the fold).
    await expect.poll(() => overlaps(), WAIT).toBe(0);
    await shot('08-folded');
    await page.keyboard.press('Control+z');
    await canvasHolds(nodes);
  });

  it('draws a community of 33 whole, and says so', async () => {
    const community = page.locator('#communities li', { hasText: '西湖区' });
    const size = Number(await community.locator('.count').textContent());
    expect(size).toBeGreaterThan(25);
    await community.locator('button').click();
    await expect.poll(() => page.textContent('#community-notice'), WAIT).toContain(`${size} 个实体都已在画布上`);
  });

  it('colours by community and sizes by PageRank from the legend, kept in the link', async () => {
    await page.selectOption('#style-color', 'community');
    await expect.poll(() => page.locator('#legend-items li[data-community]').count(), WAIT).toBeGreaterThan(1);
    await page.selectOption('#style-size', 'pagerank');
    await expect.poll(() => page.evaluate(() => decodeURIComponent(location.hash)).then((h) => h.length), WAIT).toBeGreaterThan(10);
    const again = await context.newPage();
    watch(again);
    await again.goto(page.url());
    await expect.poll(() => again.inputValue('#style-color'), WAIT).toBe('community');
    expect(await again.inputValue('#style-size')).toBe('pagerank');
    await again.close();
    await page.selectOption('#style-color', 'type');
    await page.selectOption('#style-size', 'degree');
  });

  it('saves the view with a note on it and on an entity, and opens it by its link on another page', async () => {
    await page.click('#tab-views');
    await page.fill('#view-name', '龙湾区核查');
    await page.fill('#view-note', '待核实的三条线索');
    await page.fill('#item-note', '温州市辖区');
    await page.fill('#view-token', TEST_TOKEN);
    await page.click('#view-save');
    await expect.poll(() => page.textContent('#view-status'), WAIT).toContain('已保存');
    const link = page.locator('#view-list a[data-link]').first();
    const id = (await link.getAttribute('data-link'))!;
    const nodes = await nodesOnCanvas();
    const other = await context.newPage();
    watch(other);
    await other.goto(`${api.base}/#saved=${encodeURIComponent(id)}`);
    await canvasHolds(nodes, false, other);
    await expect.poll(() => other.textContent('#view-status'), WAIT).toContain('已打开');
    await other.click('#tab-detail');
    await expect.poll(() => other.textContent('#detail-note'), WAIT).toContain('温州市辖区');
    await shot('09-saved-view', other);
    // A view that is not there is said so in the page's language.
    await other.goto(`${api.base}/#saved=no-such-view`);
    await expect.poll(() => other.textContent('#view-status'), WAIT).toContain('找不到');
    await other.close();
  });

  it('exports a PNG and an SVG with title, legend and sources, an evidence table and GraphML with the sentences', async () => {
    await page.click('#export-toggle');
    await page.fill('#export-title', '龙湾区的共富项目');
    const png = await exported('png');
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const box = (await page.locator('#canvas').boundingBox())!;
    // Twice the canvas, plus the frame: the title above, legend and sources below.
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(Math.floor(box.width * 2) - 2);
    expect(png.readUInt32BE(20)).toBeGreaterThan(Math.floor(box.height * 2) + 60);
    const svg = (await exported('svg')).toString('utf8');
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toContain('龙湾区的共富项目');
    expect(svg).toContain('来源：');
    expect(svg).toContain('行政区');
    const csv = (await exported('evidence-csv')).toString('utf8');
    const [header, ...rows] = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(header).toContain('sentence,report,report_id,date,outlet,link');
    expect(header).toContain('source_link,source_span');
    expect(header).toContain('target_link,target_span');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((row) => row.includes(',named,'))).toBe(true);
    expect(rows[0]).toContain('#doc=');
    const markdown = (await exported('evidence-md')).toString('utf8');
    expect(markdown).toMatch(/^# 龙湾区的共富项目/);
    expect(markdown).toContain('| # |');
    const graphml = (await exported('graphml')).toString('utf8');
    expect(XMLValidator.validate(graphml)).toBe(true);
    expect(graphml).toContain('attr.name="sentences"');
    expect(graphml).toContain('龙湾区');
  });

  it('restores one entity from a link at a readable scale, with the layout the link names', async () => {
    const hash = await encodeViewHash({ ...initialViewState('zh'), entities: [LONGWAN], layout: 'breadthfirst' });
    const again = await context.newPage();
    watch(again);
    await again.goto(`${api.base}/#${hash}`);
    await canvasHolds(1, false, again);
    expect(await again.inputValue('#layout-picker')).toBe('breadthfirst');
    // One entity is not zoomed to fill the canvas.
    expect(await again.evaluate(() => window.policyGraphCanvas!.zoom())).toBeLessThanOrEqual(1.25);
    await shot('10-shared-link', again);
    await again.close();
  });

  it('lays out 200 entities with no two labels overlapping in the fitted view, labels drawn', async () => {
    await page.click('#tab-console');
    await page.fill('#console-editor', 'MATCH (n:Entity) WITH n ORDER BY COUNT { (n)--() } DESC, n.id LIMIT 200 RETURN n');
    await page.click('#console-run');
    await page.locator('#console button', { hasText: '发送到画布' }).click(WAIT);
    await canvasHolds(199, true);
    await settled();
    await page.selectOption('#layout-picker', 'fcose');
    await settled();
    const { zoom, pairs } = await page.evaluate(() => ({
      zoom: window.policyGraphCanvas!.zoom(),
      pairs: window.policyGraphCanvas!.labelOverlaps(),
    }));
    expect(pairs).toBe(0);
    // At the fitted scale the 10 px labels are drawn (cytoscape leaves out text under 5 px).
    expect(zoom * 10).toBeGreaterThanOrEqual(5);
    await shot('11-two-hundred');
  });

  it('switches to English', async () => {
    await page.click('#language-toggle');
    expect(await page.textContent('#language-toggle')).toBe('中文');
    expect(await page.textContent('#tab-evidence')).toBe('Evidence');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await shot('12-english');
    await page.click('#language-toggle');
  });

  it('narrows from 800 to 390 px without the page staying wider than the window', async () => {
    await page.setViewportSize({ width: 800, height: 900 });
    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth), WAIT).toBeLessThanOrEqual(390);
    await shot('13-narrow');
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('shows a report carrying markup as text, and finds its program at once', async () => {
    const payload = '<img src=x onerror=alert(1)>';
    const text = [
      `${payload}龙湾区报道<script>window.__pwned = 1; alert(2)</script>`,
      '',
      `2024年3月1日，龙湾区启动《${payload}共富行动方案》，<script>alert(3)</script>龙湾区实施“澄湾共富工坊”建设。`,
    ].join('\n');
    const before = await nodesOnCanvas();
    await page.click('#tab-ingest');
    await page.fill('#ingest-text', text);
    await page.fill('#ingest-name', 'xss-check.txt');
    await page.fill('#ingest-token', TEST_TOKEN);
    await page.click('#ingest-submit');
    await expect.poll(() => page.getAttribute('#ingest-outcome .status', 'data-status'), { timeout: 30_000 }).toMatch(/LOADED|UNCHANGED/);
    await canvasHolds(before, true);
    await page.click('#ingest-open');
    await page.locator('#reader .doc-text').waitFor(WAIT);
    const shown = await page.textContent('#reader');
    expect(shown).toContain('<script>');
    expect(shown).toContain(payload);
    expect(await page.locator('#reader img, #reader script').count()).toBe(0);
    // The report was just added: search finds its program straight away.
    await page.fill('#search-input', '澄湾');
    await page.locator('#search-results li.result', { hasText: '澄湾共富工坊' }).waitFor(WAIT);
    await page.fill('#search-input', '<img');
    await page.locator('#search-results li').first().waitFor(WAIT);
    expect(await page.locator('#search-results img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    await shot('14-markup-as-text');
    expect(pageErrors).toEqual([]);
  });
});
