// The one module that talks to Neo4j: it owns the driver, runs managed transactions, maps errors
// and hands back plain data (numbers, strings, arrays), never driver types.
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import type { Neo4jConfig } from '../../config.ts';
import { CO_MENTIONED, RELATION_TYPES, type ExtractionExport, type RelationType } from '../../model.ts';
import * as cypher from './cypher.ts';
import type { Statement } from './cypher.ts';
import {
  documentVersion,
  groupLoads,
  mergeLoads,
  planLoads,
  relationLists,
  type DocumentLoad,
  type LoadGroup,
  type Row,
} from './load-plan.ts';
import { CurationError } from '../../curation/errors.ts';
import { CorrectionFormatError } from '../../curation/file-format.ts';
import { curationSchema, deleteCurationBatch } from './curation-cypher.ts';
import { applyConcerning, createCurationStore, preApplyConcerning, type WriteTransaction } from './curation-store.ts';
import { createCorrectionCache, type CorrectionCache } from './curation-cache.ts';
import { writeGroup } from './write-group.ts';
import { StoreError, toStoreError } from './errors.ts';
import { deleteSavedView, savedViewExists, savedViewSchema, writeSavedView, type SavedViewRecord } from './saved-views-cypher.ts';
import { createReader, withIntegers } from './reader.ts';

export interface GraphCounts {
  entities: number;
  documents: number;
  relations: number;
  evidence: number;
  mentions: number;
  facts: number;
}

export interface LoadProgress {
  done: number;
  total: number;
  document: string;
  status: 'loaded' | 'unchanged' | 'failed';
}

export interface LoadSummary {
  loaded: string[];
  unchanged: string[];
  failed: { document: string; error: string }[];
  relations: number;
  entitiesRemoved: number;
  millis: number;
}

export interface LoadOptions {
  /** Rows per UNWIND statement. */
  batchSize?: number;
  /** Load even documents whose content hash is unchanged. */
  force?: boolean;
  /** Transactions written at once. */
  concurrency?: number;
  onProgress?: (progress: LoadProgress) => void;
}

export interface ServerInfo {
  address: string;
  version: string;
  edition: string;
}

export type Store = ReturnType<typeof createStore>;

const ALL_RELATION_TYPES: RelationType[] = [...RELATION_TYPES, CO_MENTIONED];

/** Opens the driver (one per process) against `uri`; the caller closes it with `close()`. */
export function createStore(
  uri: string,
  config: Neo4jConfig,
  options: { batchSize?: number; concurrency?: number; authenticate?: boolean } = {},
) {
  const auth = options.authenticate === false ? undefined : neo4j.auth.basic(config.user, config.password);
  const driver: Driver = neo4j.driver(uri, auth, {
    disableLosslessIntegers: true,
    maxConnectionPoolSize: 50,
    userAgent: 'zhejiang-policy-graph',
  });
  const database = config.database;
  const defaultBatchSize = options.batchSize ?? 10_000;
  const defaultConcurrency = options.concurrency ?? 2;

  async function transaction<T>(mode: 'READ' | 'WRITE', work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = driver.session({ database, defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE });
    try {
      return await (mode === 'READ' ? session.executeRead(work) : session.executeWrite(work));
    } catch (error) {
      // A correction's own refusal (its target is gone, the request is wrong) is not the database's.
      if (error instanceof CurationError || error instanceof CorrectionFormatError) throw error;
      throw toStoreError(error);
    } finally {
      await session.close();
    }
  }
  const read = <T>(work: (tx: ManagedTransaction) => Promise<T>) => transaction('READ', work);
  const write = <T>(work: (tx: ManagedTransaction) => Promise<T>) => transaction('WRITE', work);

  async function storedVersions(ids: string[]): Promise<Map<string, string>> {
    const result = await read((tx) => rows(tx, cypher.documentVersions(ids)));
    return new Map(result.map((r) => [r['id'] as string, documentVersion(r['hash'] as string, r['extractor'] as string | undefined)]));
  }

  async function rows(tx: ManagedTransaction, statement: Statement): Promise<Row[]> {
    const result = await tx.run(...args(statement));
    return result.records.map((record) => record.toObject());
  }

  /** Runs work in one write transaction, statements through `run`. */
  const writeWith: WriteTransaction = (work) => write((tx) => work((statement) => rows(tx, statement)));

  /**
   * Some documents in one transaction: nothing of any of them is stored unless all of it is, and
   * the corrections they concern are applied before it commits, so no reader sees them undone.
   */
  async function loadGroup(group: LoadGroup, batchSize: number, cache?: CorrectionCache): Promise<number> {
    return writeWith(async (run) => {
      // Relation corrections go into the rows; every correction the load concerns is applied after.
      const corrected = await preApplyConcerning(run, group, cache);
      const { removed, touched } = await writeGroup(run, corrected.group, batchSize);
      await applyConcerning(run, touched, corrected);
      // Last, so the one version node is locked only for the commit.
      await run(cypher.bumpGraphVersion());
      return removed;
    });
  }

  return {
    uri,

    /** Read-only access for graph/queries: READ transactions, plain data. */
    reader: createReader(driver, database),

    /** Readers' corrections: record, undo, import, export, apply again. */
    curation: createCurationStore(writeWith, { batchSize: defaultBatchSize }),

    /** Bumped by every load, removal and reset: caches of derived figures key on it. */
    async graphVersion(): Promise<number> {
      const [row] = await read((tx) => rows(tx, cypher.graphVersion()));
      return Number(row?.['version'] ?? 0);
    },

    async serverInfo(): Promise<ServerInfo> {
      try {
        const info = await driver.getServerInfo({ database });
        const [component] = await read((tx) => rows(tx, cypher.serverComponents()));
        return {
          address: info.address ?? uri,
          version: String(component?.['version'] ?? info.agent ?? 'unknown'),
          edition: String(component?.['edition'] ?? 'unknown'),
        };
      } catch (error) {
        throw toStoreError(error);
      }
    },

    /** Creates constraints and indexes that do not exist yet and waits until they are online. */
    async ensureSchema(): Promise<void> {
      const session = driver.session({ database });
      try {
        for (const statement of [...cypher.schemaStatements(ALL_RELATION_TYPES), savedViewSchema()])
          await session.run(statement.cypher, statement.params);
        for (const statement of curationSchema()) await session.run(statement);
        await session.run('CALL db.awaitIndexes(300)');
      } catch (error) {
        throw toStoreError(error);
      } finally {
        await session.close();
      }
    },

    async counts(): Promise<GraphCounts> {
      const [row] = await read((tx) => rows(tx, cypher.countGraph()));
      return row as unknown as GraphCounts;
    },

    /**
     * Loads an export document by document. Unchanged documents (same content hash) are skipped;
     * a changed one replaces its old facts; a failing one is rolled back alone and reported.
     */
    async load(data: ExtractionExport, options: LoadOptions = {}): Promise<LoadSummary> {
      const started = performance.now();
      const batchSize = options.batchSize ?? defaultBatchSize;
      const [older] = await read((tx) => rows(tx, cypher.olderEvidenceModel()));
      if (older?.['older'] === true) {
        throw new StoreError(
          'DATABASE',
          'this graph was written by an older version, which kept evidence as :Evidence nodes: ' +
            'empty it with npm run reset (or use a new NEO4J_DATA_DIR) and ingest again',
        );
      }
      const loads = planLoads(data);
      const summary: LoadSummary = { loaded: [], unchanged: [], failed: [], relations: 0, entitiesRemoved: 0, millis: 0 };
      let done = 0;
      const report = (document: string, status: LoadProgress['status']) =>
        options.onProgress?.({ done: ++done, total: loads.length, document, status });

      const stored = options.force ? new Map<string, string>() : await storedVersions(loads.map((l) => l.id));
      const changed = loads.filter((load) => {
        if (stored.get(load.id) !== load.version) return true;
        summary.unchanged.push(load.id);
        report(load.id, 'unchanged');
        return false;
      });
      // The corrections in force, looked up by every group of this load (each brings it up to date).
      const cache = createCorrectionCache();
      // Writes a group; returns the error when it failed for a reason of its own (the database is fine).
      const attempt = async (group: LoadGroup): Promise<true | StoreError> => {
        try {
          summary.entitiesRemoved += await retryOnConflict(() => loadGroup(group, batchSize, cache));
        } catch (error) {
          const storeError = toStoreError(error);
          if (storeError.kind === 'UNAVAILABLE' || storeError.kind === 'AUTH') throw storeError;
          return storeError;
        }
        for (const load of group.loads) {
          summary.loaded.push(load.id);
          summary.relations += load.relationCount;
          report(load.id, 'loaded');
        }
        return true;
      };
      const loadOrSplit = async (group: LoadGroup) => {
        if ((await attempt(group)) === true) return;
        // One of the group is bad: load each alone, so only the bad one is left out.
        for (const load of group.loads) {
          const outcome = await attempt(mergeLoads([load]));
          if (outcome !== true) {
            summary.failed.push({ document: load.id, error: outcome.message });
            report(load.id, 'failed');
          }
        }
      };
      // A few groups at once keep both the client and the database busy.
      const queue = groupLoads(changed, batchSize);
      const worker = async () => {
        for (let group = queue.shift(); group; group = queue.shift()) await loadOrSplit(group);
      };
      await Promise.all(Array.from({ length: options.concurrency ?? defaultConcurrency }, worker));
      summary.millis = Math.round(performance.now() - started);
      return summary;
    },

    /**
     * Removes a document and every fact only it supported, in one transaction; corrections that
     * rested on it alone stay, shown as orphaned.
     */
    async removeDocument(id: string): Promise<number> {
      const empty: DocumentLoad = {
        id,
        version: '',
        document: { id },
        entities: [],
        relations: new Map(),
        facts: [],
        relationCount: 0,
        evidenceCount: 0,
        relationLists: relationLists(undefined),
      };
      return writeWith(async (run) => {
        const { removed, touched } = await writeGroup(run, mergeLoads([empty]), defaultBatchSize);
        await run(cypher.deleteDocument(id));
        await applyConcerning(run, touched);
        await run(cypher.bumpGraphVersion());
        return removed;
      });
    },

    /**
     * Deletes every node and relationship, in batches so a large graph does not exhaust memory.
     * Saved views stay unless `savedViews` is set; corrections stay (a reload applies them again)
     * unless `corrections` is.
     */
    async reset(options: { savedViews?: boolean; corrections?: boolean } = {}): Promise<number> {
      let total = 0;
      const batches = [(size: number) => cypher.deleteBatch(size, options), ...(options.corrections ? [deleteCurationBatch] : [])];
      for (const batch of batches) {
        for (;;) {
          const [row] = await write((tx) => rows(tx, batch(10_000)));
          const deleted = Number(row?.['deleted'] ?? 0);
          total += deleted;
          if (deleted === 0) break;
        }
      }
      await write((tx) => tx.run(...args(cypher.bumpGraphVersion())));
      return total;
    },

    /** Creates or replaces a saved view; `mustExist` refuses to create one (an update of a deleted view). Returns false then. */
    async writeSavedView(record: SavedViewRecord, mustExist: boolean): Promise<boolean> {
      return write(async (tx) => {
        if (mustExist) {
          const [row] = await rows(tx, savedViewExists(record.id));
          if (row?.['found'] !== true) return false;
        }
        await rows(tx, writeSavedView(record));
        return true;
      });
    },

    /** Deletes a saved view; false when none has the id. */
    async deleteSavedView(id: string): Promise<boolean> {
      const [row] = await write((tx) => rows(tx, deleteSavedView(id)));
      return Number(row?.['deleted'] ?? 0) > 0;
    },

    /** Runs a statement built by ./cypher.ts in its own write transaction (benchmarks and tests). */
    async writeStatement(statement: Statement): Promise<Row[]> {
      return write((tx) => rows(tx, statement));
    },

    async close(): Promise<void> {
      await driver.close();
    },
  };
}

function args(statement: Statement): [string, Record<string, unknown>] {
  return [statement.cypher, withIntegers(statement.params) as Record<string, unknown>];
}

/**
 * Two loads creating the same relationship at once: one wins, the other meets the uniqueness
 * constraint. Its retry then finds the relationship and merges into it.
 */
async function retryOnConflict<T>(work: () => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const storeError = toStoreError(error);
      if (storeError.kind !== 'CONSTRAINT' || attempt >= attempts) throw storeError;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt * Math.random()));
    }
  }
}

export { StoreError };
