// The baseline of the map benchmark: the same counties and points drawn the plain way (GeoJSON
// from the topology, one SVG string, circles at their county's label point), and playback that
// only flips the points of each month.
import boundaries from 'virtual:zhejiang-boundaries';
import { feature } from 'topojson-client';
import type { DiffusionResult } from '../../web/api/index.ts';
import { frameCounter, painted } from './harness.ts';

const stage = document.getElementById('stage') as HTMLElement;
const frames = frameCounter();
let circles: SVGCircleElement[] = [];
let months: number[] = [];

const project = ([lng, lat]: number[]) => [((lng! - 118) * 0.873 * 1000) / 4.9, ((31.2 - lat!) * 1000) / 4.9];

window.mapBench = {
  async open(data) {
    const result = data as DiffusionResult;
    const started = performance.now();
    const counties = feature(boundaries.topology, boundaries.topology.objects.counties).features;
    const paths = counties.map((f) => {
      const polygons = (
        f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : (f.geometry as { coordinates: number[][][][] }).coordinates
      ) as number[][][][];
      const d = polygons.flatMap((p) => p.map((ring) => `M${ring.map((pt) => project(pt).join(',')).join('L')}Z`)).join('');
      return `<path d="${d}" fill="#f3f0e8" stroke="#8a8172"/>`;
    });
    const dates = result.programs.flatMap((p) => p.adopters.map((a) => a.firstReported?.slice(0, 7) ?? null));
    const axis = [...new Set(dates.filter((d): d is string => d !== null))].sort();
    months = dates.map((d) => (d ? axis.indexOf(d) : -1));
    const points = result.programs.flatMap((p) =>
      p.adopters.map((a) => {
        const label = boundaries.labels[(a.place.code ?? '').slice(0, 6)] ?? [118.2, 27.3];
        const [x, y] = project(label);
        return `<circle cx="${x!.toFixed(1)}" cy="${y!.toFixed(1)}" r="6" fill="#277f8e" stroke="#000"/>`;
      }),
    );
    stage.innerHTML = `<svg viewBox="0 0 1000 900" style="width:100%">${paths.join('')}${points.join('')}</svg>`;
    circles = [...stage.querySelectorAll('circle')];
    await painted();
    return { ms: performance.now() - started };
  },
  async play(speed) {
    const last = Math.max(...months);
    frames.start();
    await new Promise<void>((resolve) => {
      let month = -1;
      const started = performance.now();
      const tick = (now: number) => {
        const target = Math.min(last, Math.floor(((now - started) * speed) / 1000));
        for (; month < target; month++) circles.forEach((c, i) => months[i] === month + 1 && c.setAttribute('display', 'inline'));
        if (month >= last) resolve();
        else requestAnimationFrame(tick);
      };
      circles.forEach((c) => c.setAttribute('display', 'none'));
      requestAnimationFrame(tick);
    });
    return frames.stop();
  },
};
