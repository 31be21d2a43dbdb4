// The entry of bench:api's client worker: registers tsx's loader, then loads the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./graphql-clients.ts');
