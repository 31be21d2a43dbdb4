// The page's side of layout.worker.ts: one worker, started on first use, one request at a time
// per id.
import type { ElementDefinition } from 'cytoscape';
import type { LayoutName, Positions } from '../state/vocabulary.ts';

let worker: Worker | null = null;
let next = 0;
const pending = new Map<number, { order: string[]; resolve(p: Positions): void; reject(e: Error): void }>();

function start(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
  // Positions come back as one transferred array, x and y by node in the order sent: no object per
  // node to copy across threads.
  worker.onmessage = (event: MessageEvent<{ id: number; xy?: Float64Array; error?: string }>) => {
    const waiting = pending.get(event.data.id);
    pending.delete(event.data.id);
    const xy = event.data.xy;
    if (!waiting) return;
    if (!xy) return waiting.reject(new Error(event.data.error ?? 'layout failed'));
    const positions: Positions = {};
    waiting.order.forEach((id, i) => {
      positions[id] = { x: xy[2 * i]!, y: xy[2 * i + 1]! };
    });
    waiting.resolve(positions);
  };
  worker.onerror = (event) => {
    for (const waiting of pending.values()) waiting.reject(new Error(event.message || 'layout worker failed'));
    pending.clear();
    worker?.terminate();
    worker = null;
  };
  return worker;
}

/** Positions for `elements` by the named layout, computed in the layout worker; `extra` must be plain data. */
export function layoutInWorker(name: LayoutName, elements: ElementDefinition[], extra: Record<string, unknown> = {}): Promise<Positions> {
  return new Promise((resolve, reject) => {
    const id = next++;
    const order = elements.filter((e) => e.group === 'nodes').map((e) => String(e.data.id));
    pending.set(id, { order, resolve, reject });
    start().postMessage({ id, name, elements, extra });
  });
}
