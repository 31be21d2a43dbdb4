// Canvas benchmark: the explorer's adapter (web/canvas, level of detail on) against a bare
// cytoscape page, same synthetic elements, in headless Chromium driven by real input events.
// Reports time to first render, layout time (and the longest frame while it was computed and
// applied), and frames per second while the user pans (mouse drags) and zooms (wheel); then, on
// 200 entities, the label boxes that overlap in the fitted view after the explorer's layout. Beside wall time, the CPU time the
// page's renderer process spent (its main thread and the layout worker): on a shared machine
// the wall time mostly measures the neighbours, the CPU time what the page costs.
// The map view (web/map/) against a plain SVG page of the same counties and points: time from
// opening the view to the drawn map (the seeds' programs, and one program of 2,000 implementers),
// and frames per second while it plays month by month.
//   npm run bench:web [-- --sizes 1000x4000,2000x16000,5000x20000] [--pages explorer,bare,map] [--map-points 2000]
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from '../tests/support/browser.ts';
import { build } from 'vite';
import { createExtractor, findInputFiles, readSource } from '../graph/index.ts';
import { buildZhejiangBoundaries, zhejiangBoundaries } from '../scripts/zhejiang-boundaries.ts';
import { exportDiffusion, syntheticDiffusion } from './map-data.ts';

const sizesArg = process.argv.find((a, i) => process.argv[i - 1] === '--sizes') ?? '1000x4000,2000x16000,5000x20000';
const sizes = sizesArg.split(',').map((s) => s.split('x').map(Number) as [number, number]);
const pagesArg = process.argv.find((a, i) => process.argv[i - 1] === '--pages') ?? 'explorer,bare,map';
const variants = pagesArg.split(',').filter((p): p is 'explorer' | 'bare' => p === 'explorer' || p === 'bare');
const withMap = pagesArg.split(',').includes('map');
const mapPoints = Number(process.argv.find((a, i) => process.argv[i - 1] === '--map-points') ?? 2000);

const outDir = mkdtempSync(join(tmpdir(), 'policy-graph-bench-web-'));
await build({
  configFile: false,
  root: 'bench/web-page',
  logLevel: 'warn',
  build: {
    outDir,
    emptyOutDir: true,
    rollupOptions: {
      input: {
        explorer: 'bench/web-page/explorer.html',
        bare: 'bench/web-page/bare.html',
        map: 'bench/web-page/map.html',
        'map-bare': 'bench/web-page/map-bare.html',
      },
    },
  },
  plugins: [zhejiangBoundaries()],
  worker: { format: 'es' },
});

const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' };
const server = createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  readFile(join(outDir, path)).then(
    (body) => {
      res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' });
      res.end(body);
    },
    () => {
      res.writeHead(404);
      res.end();
    },
  );
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const address = server.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

const browser = await launchChromium();

const cdp = await browser.newBrowserCDPSession();
/** CPU seconds used so far by the (only) renderer process. */
async function rendererCpu(): Promise<number> {
  const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as unknown as {
    processInfo: Array<{ type: string; cpuTime: number }>;
  };
  return processInfo.filter((p) => p.type === 'renderer').reduce((sum, p) => sum + p.cpuTime, 0);
}

/** Pans with three mouse drags and zooms with wheel steps in and out, as a user would. */
async function interact(page: Page): Promise<void> {
  const cx = 640;
  const cy = 400;
  for (const [dx, dy] of [
    [300, 120],
    [-260, -200],
    [-80, 160],
  ] as const) {
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    await page.mouse.move(cx + dx, cy + dy, { steps: 30 });
    await page.mouse.up();
  }
  for (const delta of [-120, -120, -120, -120, -120, -120, 120, 120, 120, 120, 120, 120]) {
    await page.mouse.wheel(0, delta);
    await page.waitForTimeout(40);
  }
}

interface Row {
  size: string;
  variant: string;
  firstRenderMs: number;
  firstRenderCpuMs: number;
  layoutCpuMs: number;
  interactionCpuMs: number;
  layoutMs: number;
  layoutWhere: string;
  layoutLongestFrameMs: number;
  fps: number;
  longestFrameMs: number;
  renderer: string;
  lod: boolean;
}
const rows: Row[] = [];
interface MapRow {
  data: string;
  points: number;
  variant: 'map' | 'map-bare';
  drawMs: number;
  drawCpuMs: number;
  fps: number;
  playCpuMs: number;
  longestFrameMs: number;
}
const mapRows: MapRow[] = [];
let labels: { overlaps: number; zoom: number; ms: number } | null = null;
const version = browser.version();
let gpu = '';
try {
  for (const [nodes, edges] of sizes) {
    for (const variant of variants) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      page.on('pageerror', (error) => console.error(`${variant}: ${error.message}`));
      await page.goto(`${base}/${variant}.html`);
      await page.waitForFunction(() => 'bench' in window);
      const cpu0 = await rendererCpu();
      const { firstRenderMs } = await page.evaluate(([n, m]) => window.bench.load(n, m), [nodes, edges] as const);
      const cpu1 = await rendererCpu();
      const layout = await page.evaluate(() => window.bench.layout());
      const cpu2 = await rendererCpu();
      await page.evaluate(() => window.bench.startFrames());
      await interact(page);
      const frames = await page.evaluate(() => window.bench.stopFrames());
      const cpu3 = await rendererCpu();
      const info = await page.evaluate(() => window.bench.info());
      gpu = info.gpu;
      rows.push({
        size: `${nodes}/${edges}`,
        variant,
        firstRenderMs: Math.round(firstRenderMs),
        firstRenderCpuMs: Math.round((cpu1 - cpu0) * 1000),
        layoutCpuMs: Math.round((cpu2 - cpu1) * 1000),
        interactionCpuMs: Math.round((cpu3 - cpu2) * 1000),
        layoutMs: Math.round(layout.ms),
        layoutWhere: layout.where,
        layoutLongestFrameMs: Math.round(layout.longestFrameMs),
        fps: Math.round(frames.fps * 10) / 10,
        longestFrameMs: Math.round(frames.longestFrameMs),
        renderer: info.renderer,
        lod: info.lod,
      });
      console.log(JSON.stringify(rows.at(-1)));
      await page.close();
    }
  }

  if (withMap) {
    const seeds = createExtractor({ cacheDir: 'node_modules/.cache/zhejiang-policy-graph' }).extract(
      findInputFiles(['seeds']).files.map(readSource),
    );
    const datasets = [
      { name: "seeds' 6 most implemented programs", data: exportDiffusion(seeds, 6) },
      {
        name: `${mapPoints} implementers, 60 months`,
        data: syntheticDiffusion(mapPoints, 60, Object.keys(buildZhejiangBoundaries().labels)),
      },
    ];
    for (const { name, data } of datasets) {
      const expected = data.programs.reduce((n, p) => n + p.adopters.length, 0);
      for (const variant of ['map', 'map-bare'] as const) {
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
        page.on('pageerror', (error) => console.error(`${variant}: ${error.message}`));
        await page.goto(`${base}/${variant}.html`);
        await page.waitForFunction(() => 'mapBench' in window);
        const cpu0 = await rendererCpu();
        const { ms } = await page.evaluate(([d, n]) => window.mapBench.open(d, n), [data, expected] as const);
        const cpu1 = await rendererCpu();
        const frames = await page.evaluate(() => window.mapBench.play(16));
        const cpu2 = await rendererCpu();
        mapRows.push({
          data: name,
          points: expected,
          variant,
          drawMs: Math.round(ms),
          drawCpuMs: Math.round((cpu1 - cpu0) * 1000),
          fps: Math.round(frames.fps * 10) / 10,
          playCpuMs: Math.round((cpu2 - cpu1) * 1000),
          longestFrameMs: Math.round(frames.longestFrameMs),
        });
        console.log(JSON.stringify(mapRows.at(-1)));
        await page.close();
      }
    }
  }

  if (variants.includes('explorer')) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('pageerror', (error) => console.error(`labels: ${error.message}`));
    await page.goto(`${base}/explorer.html`);
    await page.waitForFunction(() => 'bench' in window);
    labels = await page.evaluate(() => window.bench.labels!(200, 300));
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
  rmSync(outDir, { recursive: true, force: true });
}

console.log(
  `\nChromium ${version}, WebGL renderer: ${gpu}, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} on ${cpus().length} cores\n`,
);
console.log(
  '| nodes/edges | page | first render (CPU) | layout (CPU; where; longest frame) | fps panning+zooming (CPU) | longest frame | renderer |',
);
console.log('|---|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(
    `| ${r.size} | ${r.variant} | ${r.firstRenderMs} ms (${r.firstRenderCpuMs} ms) | ${r.layoutMs} ms (${r.layoutCpuMs} ms; ${r.layoutWhere}; ${r.layoutLongestFrameMs} ms) | ${r.fps} (${r.interactionCpuMs} ms) | ${r.longestFrameMs} ms | ${r.renderer}${r.lod ? ', LOD' : ''} |`,
  );
}
if (mapRows.length) {
  console.log(
    '\n| map data | points | page | open → drawn (CPU) | playback fps at 16 months/s (CPU) | longest frame | vs plain SVG (draw, fps) |',
  );
  console.log('|---|---|---|---|---|---|---|');
  for (const r of mapRows) {
    const bare = mapRows.find((b) => b.data === r.data && b.variant === 'map-bare');
    const ratio =
      r.variant === 'map' && bare
        ? `${(r.drawMs / Math.max(1, bare.drawMs)).toFixed(2)}×, ${(r.fps / Math.max(0.1, bare.fps)).toFixed(2)}×`
        : '';
    console.log(
      `| ${r.data} | ${r.points} | ${r.variant} | ${r.drawMs} ms (${r.drawCpuMs} ms) | ${r.fps} (${r.playCpuMs} ms) | ${r.longestFrameMs} ms | ${ratio} |`,
    );
  }
}
if (labels)
  console.log(
    `\nLabels, 200 entities / 300 relations, explorer layout (fcose, labels kept apart) in a 1280×800 view: ${labels.overlaps} overlapping pairs in the fitted view, zoom ${labels.zoom.toFixed(2)} (10 px labels drawn at ${(labels.zoom * 10).toFixed(1)} px), ${Math.round(labels.ms)} ms`,
  );
