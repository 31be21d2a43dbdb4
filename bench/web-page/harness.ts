// What both benchmark pages share: the frame counter and the report of the GPU.

/** Counts requestAnimationFrame callbacks between start() and stop(), and the longest gap. */
export function frameCounter(): { start(): void; stop(): { frames: number; ms: number; fps: number; longestFrameMs: number } } {
  let running = false;
  let frames = 0;
  let started = 0;
  let last = 0;
  let longest = 0;
  const tick = (now: number) => {
    if (!running) return;
    frames++;
    longest = Math.max(longest, now - last);
    last = now;
    requestAnimationFrame(tick);
  };
  return {
    start() {
      running = true;
      frames = 0;
      longest = 0;
      started = last = performance.now();
      requestAnimationFrame(tick);
    },
    stop() {
      running = false;
      const ms = performance.now() - started;
      return { frames, ms, fps: (frames * 1000) / ms, longestFrameMs: longest };
    },
  };
}

/** Resolves after the next frame has been painted. */
export function painted(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
}

export function webglRenderer(): string {
  const gl = document.createElement('canvas').getContext('webgl');
  if (!gl) return 'no WebGL';
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  return String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
}

export interface BenchPage {
  load(nodes: number, edges: number): Promise<{ firstRenderMs: number }>;
  layout(): Promise<{ ms: number; longestFrameMs: number; where: string }>;
  startFrames(): void;
  stopFrames(): { frames: number; ms: number; fps: number; longestFrameMs: number };
  info(): { gpu: string; renderer: string; lod: boolean };
  /** Lays out a graph of `nodes`/`edges` as the explorer does and counts label boxes that overlap in the fitted view. */
  labels?(nodes: number, edges: number): Promise<{ overlaps: number; zoom: number; ms: number }>;
}

/** The map pages: open the view on a diffusion, then play it through. */
export interface MapBenchPage {
  /** Opens the map on `data` and resolves once `expected` points are drawn and painted. */
  open(data: unknown, expected: number): Promise<{ ms: number }>;
  /** Plays every month at `speed` months per second, counting frames. */
  play(speed: number): Promise<{ frames: number; ms: number; fps: number; longestFrameMs: number }>;
}

declare global {
  interface Window {
    bench: BenchPage;
    mapBench: MapBenchPage;
  }
}
