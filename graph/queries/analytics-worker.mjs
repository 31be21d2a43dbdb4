// The entry of stats()' worker thread. Plain JavaScript so that Node can start it whatever started
// this process (tsx, vitest): it registers tsx's loader, then loads the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./analytics-worker.ts');
