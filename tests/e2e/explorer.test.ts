import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'vite';
import type { Store } from '../../graph/index.ts';
import { createServer } from '../../server/app.ts';
import { extractSeeds } from '../support/seeds.ts';
import { openTestStore } from '../support/test-store.ts';

let store: Store;
let http: Server;
let browser: Browser;
let base: string;
const webDir = mkdtempSync(join(tmpdir(), 'policy-graph-e2e-'));

beforeAll(async () => {
  await build({ configFile: 'vite.config.ts', logLevel: 'warn', build: { outDir: webDir, emptyOutDir: true } });
  store = await openTestStore();
  await store.load(extractSeeds());
  http = createHttpServer(createServer({ graph: store, config: { webDir } }).handle);
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const address = http.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => http?.close(resolve));
  await store?.close();
  rmSync(webDir, { recursive: true, force: true });
});

describe('the explorer page', () => {
  it('shows the Neo4j version, the graph statistics and a network of entities', async () => {
    const page = await browser.newPage();
    await page.goto(base);
    await expect.poll(() => page.textContent('#health'), { timeout: 20_000 }).toMatch(/Neo4j 5\.26\.\d+ \(community\)/);
    await expect.poll(() => page.textContent('#stats')).toContain('documents5');
    const canvases = await page.locator('#graph canvas').count();
    expect(canvases).toBeGreaterThan(0);
    await page.screenshot({ path: join(webDir, 'explorer.png') });
  });

  it('searches in Chinese and shows results as text, never as markup', async () => {
    const page = await browser.newPage();
    await page.goto(base);
    await expect.poll(() => page.textContent('#health'), { timeout: 20_000 }).toMatch(/Neo4j 5/);
    await page.fill('#query', '龙湾');
    await page.click('#search button');
    await expect.poll(() => page.locator('#results li').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await page.locator('#results li').first().textContent()).toContain('龙湾区');
    await page.fill('#query', '<img src=x onerror=alert(1)>');
    await page.click('#search button');
    await expect.poll(() => page.textContent('#results'), { timeout: 10_000 }).not.toContain('龙湾区');
    expect(await page.locator('#results img').count()).toBe(0);
  });
});
