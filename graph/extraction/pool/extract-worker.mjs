// The entry of an extraction worker thread. Plain JavaScript so that Node can start it whatever
// started this process (tsx, vitest): it registers tsx's loader, then loads the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./extract-worker.ts');
