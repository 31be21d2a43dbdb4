// What every query module gets: the store's read side and the graph version.
import type { Reader } from '../db/store/index.ts';

export interface QueryContext {
  reader: Reader;
  /** The current graph version, without a query when it is known (see ./version.ts). */
  graphVersion(): Promise<number>;
}
