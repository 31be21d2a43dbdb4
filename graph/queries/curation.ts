// Reading corrections: recent changes, the rejected list, histories, whether each is in force,
// orphaned or undone, the marks they leave (confirmed, edited, added) with the confidence they
// imply, and the gold export of confirmed and added facts.
import {
  goldFiles,
  relationEnds,
  relationId,
  type Correction,
  type CorrectionKind,
  type CuratedEntity,
  type GoldFile,
} from '../curation/index.ts';
import { correctionFromProps, type Statement } from '../db/store/index.ts';
import type { EntityType, RelationType } from '../model.ts';
import type { QueryContext } from './context.ts';
import { offsetAfter, pageOf } from './cursor.ts';
import * as cypher from './curation-cypher.ts';
import { badInput } from './errors.ts';
import type { CorrectionView, CurationMarkView, Page, PageArgs } from './views.ts';

type Row = Record<string, unknown>;

const REJECTIONS: CorrectionKind[] = ['reject-relation', 'reject-entity'];

/** Confidence as shown: 1 for what a person confirmed, changed or added, else what extraction stored (if anything). */
export function shownConfidence(curation: unknown, stored: unknown): number | null {
  if (typeof curation === 'string') return 1;
  return typeof stored === 'number' ? stored : null;
}

function toView(row: Row, present: { anchors: Set<string> | null }): CorrectionView {
  const stored = correctionFromProps(row);
  const undo = row['undo'] as { id: string; editor: string; at: string; reason: string | null } | null;
  const anchor = row['anchor'] ? { kind: row['anchorKind'] as 'entity' | 'relation', id: row['anchor'] as string } : null;
  let status: CorrectionView['status'] = 'IN_FORCE';
  let orphanReason: CorrectionView['orphanReason'] = null;
  if (stored.undoneBy) status = 'UNDONE';
  else if (stored.kind !== 'undo' && row['restsOnSomething'] === false) {
    status = 'ORPHANED';
    orphanReason = 'DOCUMENTS_REMOVED';
  } else if (anchor && present.anchors && !present.anchors.has(anchor.id)) {
    status = 'ORPHANED';
    orphanReason = 'TARGET_GONE';
  }
  const { seq: _seq, undoneBy: _undoneBy, recreated, keys: _keys, ...correction } = stored;
  return {
    id: stored.id,
    kind: stored.kind,
    editor: stored.editor,
    at: stored.at,
    reason: stored.reason ?? null,
    status,
    orphanReason,
    undoneBy: undo ?? null,
    undoes: stored.kind === 'undo' ? stored.undoes : null,
    documents: stored.documents ?? [],
    anchor,
    recreated: recreated === true,
    correction: correction as Correction,
  };
}

export function createCurationQueries(context: QueryContext) {
  const rows = (statement: Statement) => context.reader.rows(statement);

  /** Where entities merged away live now (merges in force), followed to the end. */
  async function redirects(): Promise<(id: string) => string> {
    const map = new Map<string, string>();
    for (const row of await rows(cypher.mergeTargets())) {
      const body = JSON.parse(row['body'] as string) as { entity: { id: string }; into: { id: string } };
      map.set(body.entity.id, body.into.id);
    }
    return (id) => {
      let current = id;
      for (let hops = 0; hops < 20 && map.has(current); hops++) current = map.get(current)!;
      return current;
    };
  }

  /** Which of some entities and relations are in the graph. */
  async function inGraph(entityIds: string[], relationIds: string[]): Promise<Set<string>> {
    const present = new Set<string>();
    if (entityIds.length > 0) for (const r of await rows(cypher.entitiesPresent(entityIds))) present.add(r['id'] as string);
    const statement = relationIds.length > 0 ? cypher.relationsPresent(relationIds) : null;
    if (statement) for (const r of await rows(statement)) present.add(r['id'] as string);
    return present;
  }

  /** The anchors (entities and relations) of these corrections that are in the graph, as they are or where a merge moved them. */
  async function presentAnchors(list: Row[]): Promise<Set<string>> {
    const anchors = list
      .filter((r) => r['anchor'] && !r['undoneBy'])
      .map((r) => ({ kind: r['anchorKind'] as string, id: r['anchor'] as string }));
    const ids = (kind: string, of: Array<{ kind: string; id: string }>) => of.filter((a) => a.kind === kind).map((a) => a.id);
    const present = await inGraph(ids('entity', anchors), ids('relation', anchors));
    const missing = anchors.filter((a) => !present.has(a.id));
    if (missing.length === 0) return present;
    const follow = await redirects();
    const moved = missing.map((a) => ({ ...a, now: a.kind === 'entity' ? follow(a.id) : followRelation(a.id, follow) }));
    const found = await inGraph(
      moved.filter((m) => m.kind === 'entity').map((m) => m.now),
      moved.filter((m) => m.kind === 'relation').map((m) => m.now),
    );
    for (const m of moved) if (found.has(m.now)) present.add(m.id);
    return present;
  }

  async function views(list: Row[]): Promise<CorrectionView[]> {
    const anchors = await presentAnchors(list);
    return list.map((row) => toView(row, { anchors }));
  }

  async function page(filter: cypher.CorrectionFilter, args: PageArgs): Promise<Page<CorrectionView>> {
    const offset = offsetAfter(args.after);
    const [row] = await rows(cypher.correctionPage(filter, offset, args.first + 1));
    const list = (row?.['rows'] as Row[] | undefined) ?? [];
    return pageOf(await views(list), offset, args.first, Number(row?.['total'] ?? 0));
  }

  return {
    /** Corrections, latest first: the recent changes (optionally one editor's, some kinds only). */
    async corrections(filter: { editor?: string | null; kinds?: CorrectionKind[] | null }, args: PageArgs): Promise<Page<CorrectionView>> {
      const editor = filter.editor?.trim() || null;
      if (editor !== null && editor.length > 64) throw badInput('editor: at most 64 characters');
      return page({ editor, kinds: filter.kinds && filter.kinds.length > 0 ? filter.kinds : null, inForce: false }, args);
    },

    /** Rejected relations and entities in force, latest first, for review. */
    async rejected(args: PageArgs): Promise<Page<CorrectionView>> {
      return page({ editor: null, kinds: REJECTIONS, inForce: true }, args);
    },

    /** In the order asked; null where unknown. */
    async correctionsById(ids: string[]): Promise<Array<CorrectionView | null>> {
      if (ids.length === 0) return [];
      const list = (await rows(cypher.correctionsById(ids))).map((r) => r['correction'] as Row);
      const byId = new Map((await views(list)).map((v) => [v.id, v]));
      return ids.map((id) => byId.get(id) ?? null);
    },

    /** For each entity or relation id, its corrections and their undos, latest first (at most `limit`). */
    async history(ids: string[], limit = 50): Promise<CorrectionView[][]> {
      if (ids.length === 0) return [];
      const found = new Map((await rows(cypher.historyOf(ids, limit))).map((r) => [r['id'] as string, r['items'] as Row[]]));
      const all = await views([...found.values()].flat());
      const byId = new Map(all.map((v) => [v.id, v]));
      return ids.map((id) => (found.get(id) ?? []).map((r) => byId.get(r['id'] as string)!));
    },

    /** Marks on entities (confirmed/edited/added) and the confidence shown for them. */
    async entityCuration(ids: string[]): Promise<CurationMarkView[]> {
      if (ids.length === 0) return [];
      const found = new Map((await rows(cypher.entityMarks(ids))).map((r) => [r['id'] as string, r]));
      return ids.map((id) => markOf(found.get(id)));
    },

    /** Marks on relations and the confidence shown for them. */
    async relationCuration(ids: string[]): Promise<CurationMarkView[]> {
      const statement = ids.length > 0 ? cypher.relationMarks(ids) : null;
      const found = new Map(statement ? (await rows(statement)).map((r) => [r['id'] as string, r]) : []);
      return ids.map((id) => markOf(found.get(id)));
    },

    /** Confirmed, changed and added facts as gold files, one per document (../shared/eval's format). */
    async goldExport(): Promise<GoldFile[]> {
      const anchored = await rows(cypher.anchoredCorrections());
      const follow = await redirects();
      const relationIds = new Set<string>();
      const entityIds = new Set<string>();
      for (const row of anchored) {
        const id = row['anchor'] as string;
        if (row['kind'] === 'entity') entityIds.add(follow(id));
        else relationIds.add(followRelation(id, follow));
      }
      const statement = relationIds.size > 0 ? cypher.relationFacts([...relationIds]) : null;
      const relations = statement ? await rows(statement) : [];
      for (const r of relations) entityIds.add(r['source'] as string).add(r['target'] as string);
      const entities = new Map(
        (await rows(cypher.entityFacts([...entityIds]))).map((r): [string, CuratedEntity] => [
          r['id'] as string,
          {
            id: r['id'] as string,
            name: r['name'] as string,
            type: r['type'] as EntityType,
            level: (r['level'] as string | null) ?? null,
            aliases: r['aliases'] as string[],
            documents: r['documents'] as string[],
          },
        ]),
      );
      const curated = relations.flatMap((r) => {
        const source = entities.get(r['source'] as string);
        const target = entities.get(r['target'] as string);
        if (!source || !target) return [];
        const texts = r['texts'] as string[];
        return [
          {
            type: r['type'] as RelationType,
            source,
            target,
            evidence: (r['docs'] as string[]).map((doc, i) => ({ doc, text: texts[i]! })),
          },
        ];
      });
      const anchoredEntities = [...entityIds].filter((id) =>
        [...anchored].some((a) => a['kind'] === 'entity' && follow(a['anchor'] as string) === id),
      );
      return goldFiles(
        curated,
        anchoredEntities.map((id) => entities.get(id)).filter((e): e is CuratedEntity => e !== undefined),
      );
    },
  };
}

/** A relation's id with its ends followed through merges. */
function followRelation(id: string, follow: (id: string) => string): string {
  const type = id.slice(0, id.indexOf(':')) as RelationType;
  const rest = id.slice(id.indexOf(':') + 1);
  const arrow = rest.indexOf('->');
  if (arrow < 0) return id;
  const [s, t] = relationEnds(type, follow(rest.slice(0, arrow)), follow(rest.slice(arrow + 2)));
  return relationId(type, s, t);
}

function markOf(row: Row | undefined): CurationMarkView {
  const curation = (row?.['curation'] as CurationMarkView['curation'] | undefined) ?? null;
  return { curation, confidence: shownConfidence(curation, row?.['confidence']) };
}
