// Curation's state, as plain data: who is editing (none: no editing controls anywhere), and the
// words a correction is listed with. No DOM here, so it is tested without a browser.
import type { CorrectionItemFragment } from '../api/index.ts';
import { ENTITY_STYLE, RELATION_LABELS } from '../canvas/style.ts';
import { t, type Language } from '../i18n/index.ts';

let editor: string | null = null;
const listeners = new Set<(editor: string | null) => void>();

/** The editor named by the token in use, or null (read-only). */
export const curator = {
  get: (): string | null => editor,
  set(next: string | null): void {
    if (next === editor) return;
    editor = next;
    for (const listener of listeners) listener(editor);
  },
  onChange(listener: (editor: string | null) => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

type RelationWords = { sourceName: string; targetName: string; type: keyof typeof RELATION_LABELS };

function relationWords(relation: RelationWords | null | undefined, lang: Language): string {
  if (!relation) return '';
  return `${relation.sourceName} → ${RELATION_LABELS[relation.type][lang]} → ${relation.targetName}`;
}

/** One line saying what a correction did, in the interface's language. */
export function describeCorrection(c: CorrectionItemFragment, lang: Language): string {
  const entity = c.entity?.name ?? '';
  switch (c.kind) {
    case 'CONFIRM_RELATION':
    case 'REJECT_RELATION':
    case 'REVERSE_RELATION':
      return t(`curation.kind.${c.kind}`, { relation: relationWords(c.relation, lang) });
    case 'RETYPE_RELATION':
      return t('curation.kind.RETYPE_RELATION', {
        relation: relationWords(c.relation, lang),
        type: c.relationType ? RELATION_LABELS[c.relationType][lang] : '',
      });
    case 'RENAME_ENTITY':
      return t('curation.kind.RENAME_ENTITY', { entity, name: c.name ?? '' });
    case 'RETYPE_ENTITY':
      return t('curation.kind.RETYPE_ENTITY', { entity, type: c.entityType ? ENTITY_STYLE[c.entityType].label[lang] : '' });
    case 'MERGE_ENTITIES':
      return t('curation.kind.MERGE_ENTITIES', { entity, into: c.into?.name ?? '' });
    case 'SPLIT_ENTITY':
      return t('curation.kind.SPLIT_ENTITY', { entity, name: c.name ?? '' });
    case 'REJECT_ENTITY':
      return t('curation.kind.REJECT_ENTITY', { entity });
    case 'ADD_RELATION':
      return t('curation.kind.ADD_RELATION', {
        relation:
          c.source && c.target && c.relationType
            ? relationWords({ sourceName: c.source.name, targetName: c.target.name, type: c.relationType }, lang)
            : '',
      });
    case 'ADD_ENTITY':
      return t('curation.kind.ADD_ENTITY', { name: c.name ?? '' });
    case 'UNDO': {
      const undone = c.undoes;
      const what = undone
        ? undone.relation
          ? relationWords(undone.relation, lang)
          : (undone.entity?.name ?? t(`curation.kindName.${undone.kind}`))
        : '';
      return t('curation.kind.UNDO', { what });
    }
  }
}

/** A correction can be taken back while nothing took it back already. */
export function canUndo(c: Pick<CorrectionItemFragment, 'status'>): boolean {
  return c.status !== 'UNDONE';
}

/** The entities mentioned inside [start, end), each once, in the order they first appear. */
export function entitiesWithin(
  mentions: ReadonlyArray<{ entityId: string; start: number; end: number }>,
  start: number,
  end: number,
): string[] {
  return [
    ...new Set(
      [...mentions]
        .filter((m) => m.start >= start && m.end <= end)
        .sort((a, b) => a.start - b.start)
        .map((m) => m.entityId),
    ),
  ];
}

/** "2025-03-01 08:00" from an ISO time: what lists show. */
export function shortTime(iso: string): string {
  return iso.slice(0, 16).replace('T', ' ');
}
