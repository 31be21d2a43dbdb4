// Corrections as (:Correction) node properties and back: the kind's own fields as JSON (`body`),
// what is queried (kind, editor, time, undo, keys, subjects, anchor) as properties of their own.
import { anchorOf, keysOf, subjectsOf, type Correction, type CorrectionKeys, type StoredCorrection } from '../../curation/corrections.ts';

const BODY_FIELDS = new Set(['id', 'kind', 'editor', 'at', 'reason', 'documents', 'undoes']);

/** A correction's keys as (:CurationKey) keys: `e:` entities, `r:` relations, `d:` documents. */
export function formatKeys(keys: CorrectionKeys): string[] {
  return [...keys.entities.map((id) => `e:${id}`), ...keys.relations.map((id) => `r:${id}`), ...keys.documents.map((id) => `d:${id}`)];
}

/** A correction as node properties: the kind's fields as JSON (`body`), the rest as properties to query. */
export function toProps(correction: Correction, seq: number): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(correction)) if (!BODY_FIELDS.has(key)) body[key] = value;
  return {
    id: correction.id,
    seq,
    kind: correction.kind,
    editor: correction.editor,
    at: correction.at,
    reason: correction.reason ?? null,
    undoes: correction.kind === 'undo' ? correction.undoes : null,
    body: JSON.stringify(body),
    documents: keysOf(correction).documents,
    keys: formatKeys(keysOf(correction)),
    subjects: subjectsOf(correction),
    anchor: anchorOf(correction)?.id ?? null,
    anchorKind: anchorOf(correction)?.kind ?? null,
    recreated: false,
  };
}

/** A correction node's properties back as a correction. */
export function fromProps(props: Record<string, unknown>): StoredCorrection & { keys: string[] } {
  const body = JSON.parse((props['body'] as string | undefined) ?? '{}') as Record<string, unknown>;
  return {
    ...body,
    id: props['id'],
    kind: props['kind'],
    editor: props['editor'],
    at: props['at'],
    ...(props['reason'] ? { reason: props['reason'] } : {}),
    ...(props['undoes'] ? { undoes: props['undoes'] } : {}),
    documents: (props['documents'] as string[] | null) ?? [],
    seq: props['seq'],
    undoneBy: (props['undoneBy'] as string | null) ?? null,
    recreated: props['recreated'] === true,
    keys: (props['keys'] as string[] | null) ?? [],
  } as StoredCorrection & { keys: string[] };
}

/** A stored correction as the corrections file holds it (without what only the store keeps). */
export function toFileCorrection(stored: StoredCorrection & { keys?: string[] }): Correction {
  const { seq: _seq, undoneBy: _undoneBy, recreated: _recreated, keys: _keys, ...correction } = stored;
  return correction as Correction;
}
