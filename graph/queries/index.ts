// The read side of the graph: search, entities, neighbourhoods, paths, evidence, documents,
// statistics and the analysts' console. With graph/store/ the only code that speaks Cypher; every
// statement runs in a READ transaction and every answer is plain data (./views.ts).
import type { Store } from '../db/store/index.ts';
import { createAnalytics } from './analytics.ts';
import { createConsole } from './console.ts';
import { createCurationQueries } from './curation.ts';
import type { QueryContext } from './context.ts';
import { createDiffusion } from './diffusion.ts';
import { createDocumentQueries } from './documents.ts';
import { createEntityQueries } from './entities.ts';
import { createExploration } from './exploration.ts';
import { createSavedViewQueries } from './saved-views.ts';
import { createSearch } from './search.ts';
import { watchGraphVersion } from './version.ts';

export * from './views.ts';
export { QueryError, type QueryErrorCode } from './errors.ts';

export interface QueryOptions {
  /** How often the graph version is re-read in the background (0: never). */
  versionPollMs?: number;
}

/** The read side over a store. `close()` stops the background version poll. */
export function createQueries(store: Store, options: QueryOptions = {}) {
  const version = watchGraphVersion(store, options.versionPollMs ?? 2_000);
  const context: QueryContext = { reader: store.reader, graphVersion: version.current };
  return {
    ...createSearch(context),
    ...createEntityQueries(context),
    ...createExploration(context),
    ...createDocumentQueries(context),
    ...createAnalytics(context),
    ...createConsole(context),
    ...createDiffusion(context),
    ...createSavedViewQueries(context),
    ...createCurationQueries(context),
    graphVersion: version.current,
    /** Tells the caches that this process changed the graph. */
    graphChanged: version.changed,
    close: version.stop,
  };
}

export type Queries = ReturnType<typeof createQueries>;
