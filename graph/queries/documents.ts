// The input reports: lists with filters, metadata, text, mention spans and the relations they state.
import * as OpenCC from 'opencc-js';
import { simplifyName } from '../extraction/index.ts';
import type { QueryContext } from './context.ts';
import { offsetAfter, pageOf } from './cursor.ts';
import * as cypher from './documents-cypher.ts';
import { spansOf, toDocumentView } from './documents-view.ts';
import { toRelationView } from './entities.ts';
import { badInput } from './errors.ts';
import { literalLucene } from './search-cypher.ts';
import type { DocumentFilterView, DocumentView, EntityView, HighlightView, Page, PageArgs, RelationView } from './views.ts';

type Row = Record<string, unknown>;

let toTraditional: ((text: string) => string) | undefined;

/**
 * The words of a text filter as one literal Lucene query over the reports' original text, in the
 * forms it may be written there: as given, simplified and traditional. Null when nothing in it
 * can be searched (punctuation only).
 */
export function documentLucene(text: string): string | null {
  const simplified = simplifyName(text);
  const traditional = (toTraditional ??= OpenCC.Converter({ from: 'cn', to: 't' }))(simplified);
  const queries = [...new Set([text, simplified, traditional])].map(literalLucene).filter((q): q is string => q !== null);
  if (queries.length === 0) return null;
  return queries.length === 1 ? queries[0]! : queries.map((q) => `(${q})`).join(' OR ');
}

function checkedDate(name: string, value: string | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!date || date.toISOString().slice(0, 10) !== value) throw badInput(`${name}: "${value.slice(0, 40)}" is not a date (YYYY-MM-DD)`);
  return value;
}

export function createDocumentQueries(context: QueryContext) {
  const rows = (statement: { cypher: string; params: Record<string, unknown> }) => context.reader.rows(statement);
  const byId = <T>(list: Row[], key: string, value: (row: Row) => T) => new Map(list.map((r) => [r[key] as string, value(r)]));

  return {
    async documents(filter: DocumentFilterView, page: PageArgs): Promise<Page<DocumentView>> {
      const from = checkedDate('from', filter.from);
      const to = checkedDate('to', filter.to);
      const offset = offsetAfter(page.after);
      const text = filter.text?.trim() ?? '';
      const lucene = text ? documentLucene(text) : null;
      if (text && !lucene) return pageOf([], offset, page.first, 0);
      const [row] = await rows(
        cypher.filteredDocuments(
          {
            lucene,
            from,
            to,
            source: filter.source || null,
            entity: filter.entity || null,
          },
          offset,
          page.first + 1,
        ),
      );
      const items = ((row?.['rows'] as Row[] | undefined) ?? []).map(toDocumentView);
      return pageOf(items, offset, page.first, (row?.['total'] as number | undefined) ?? 0);
    },

    /** In the order asked; null where unknown. */
    async documentsById(ids: string[]): Promise<Array<DocumentView | null>> {
      if (ids.length === 0) return [];
      const found = byId(
        (await rows(cypher.documentsById(ids))).map((r) => r['document'] as Row),
        'id',
        toDocumentView,
      );
      return ids.map((id) => found.get(id) ?? null);
    },

    async documentTexts(ids: string[]): Promise<Array<string | null>> {
      if (ids.length === 0) return [];
      const found = byId(await rows(cypher.documentTexts(ids)), 'id', (r) => r['text'] as string);
      return ids.map((id) => found.get(id) ?? null);
    },

    /** Every mention of every entity in the report, in text order. */
    async documentMentions(id: string): Promise<HighlightView[]> {
      const out: HighlightView[] = [];
      for (const r of await rows(cypher.documentMentions(id))) {
        for (const span of spansOf(r['starts'], r['ends'])) out.push({ entityId: r['entityId'] as string, ...span });
      }
      return out.sort((a, b) => a.start - b.start || a.end - b.end || (a.entityId < b.entityId ? -1 : 1));
    },

    async documentEntities(id: string): Promise<EntityView[]> {
      return (await rows(cypher.documentEntities(id))).map((r) => r['entity'] as EntityView);
    },

    /** The relations the report states, in the order its node lists them. */
    async documentRelations(id: string, page: PageArgs): Promise<Page<RelationView>> {
      const offset = offsetAfter(page.after);
      const [row] = await rows(cypher.documentRelationIds(id));
      const ids = (row?.['ids'] as string[] | undefined) ?? [];
      const slice = ids.slice(offset, offset + page.first + 1);
      const statement = cypher.relationViews(slice);
      const found = statement
        ? byId(
            (await rows(statement)).map((r) => r['relation'] as Row),
            'id',
            toRelationView,
          )
        : new Map<string, RelationView>();
      return pageOf(
        slice.map((rid) => found.get(rid)).filter((r): r is RelationView => r !== undefined),
        offset,
        page.first,
        ids.length,
      );
    },
  };
}
