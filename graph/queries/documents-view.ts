// Turning stored report properties into views: diagnostics are stored on :SourceDocument as the
// JSON text of their list (graph/store/load-plan.ts, documentRow), as Neo4j holds no list of maps.
import type { DiagnosticView, DocumentView } from './views.ts';

function parseDiagnostics(stored: unknown): DiagnosticView[] {
  if (typeof stored !== 'string' || stored === '') return [];
  const parsed: unknown = JSON.parse(stored);
  if (!Array.isArray(parsed)) return [];
  return parsed.map((d: { code?: unknown; offset?: unknown; message?: unknown }) => ({
    code: String(d.code ?? ''),
    offset: typeof d.offset === 'number' ? d.offset : 0,
    message: String(d.message ?? ''),
  }));
}

/** A row made by documents-cypher.ts's documentView() as a DocumentView. */
export function toDocumentView(row: Record<string, unknown>): DocumentView {
  return {
    id: row['id'] as string,
    title: (row['title'] as string | null) ?? '',
    date: (row['date'] as string | null) ?? null,
    source: (row['source'] as string | null) ?? null,
    authors: (row['authors'] as string[] | null) ?? [],
    script: (row['script'] as string | null) ?? 'simplified',
    encoding: (row['encoding'] as string | null) ?? 'utf-8',
    extractor: (row['extractor'] as string | null) ?? null,
    length: (row['length'] as number | null) ?? 0,
    diagnostics: parseDiagnostics(row['diagnostics']),
  };
}

/** Spans from parallel offset lists, in text order. */
export function spansOf(starts: unknown, ends: unknown): Array<{ start: number; end: number }> {
  const s = (starts as number[] | null) ?? [];
  const e = (ends as number[] | null) ?? [];
  return s.map((start, i) => ({ start, end: e[i] ?? start })).sort((a, b) => a.start - b.start || a.end - b.end);
}
