// The page's side of layout.worker.ts: one worker, started on first use, one request at a time
// per id.
import type { ElementDefinition } from 'cytoscape';
import type { LayoutName, Positions } from '../state/vocabulary.ts';

let worker: Worker | null = null;
let next = 0;
const pending = new Map<number, { resolve(p: Positions): void; reject(e: Error): void }>();

function start(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (event: MessageEvent<{ id: number; positions?: Positions; error?: string }>) => {
    const waiting = pending.get(event.data.id);
    pending.delete(event.data.id);
    if (event.data.positions) waiting?.resolve(event.data.positions);
    else waiting?.reject(new Error(event.data.error ?? 'layout failed'));
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
    pending.set(id, { resolve, reject });
    start().postMessage({ id, name, elements, extra });
  });
}
