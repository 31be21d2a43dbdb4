// CO_MENTIONED: every pair of the first entities a sentence names, kept apart from the typed
// relations (what a reader explores when no rule states how two names are linked).
import type { SentenceContext } from './contexts.ts';

/** Calls `add` on each pair of distinct entities among a sentence's first `limit`, in order of first mention. */
export function coMentionedPairs({ mentions }: SentenceContext, add: (a: string, b: string) => void, limit = 20): void {
  const present = firstEntities(mentions, limit);
  for (let i = 0; i < present.length; i++) {
    for (let j = i + 1; j < present.length; j++) add(present[i]!, present[j]!);
  }
}

function firstEntities(mentions: ReadonlyArray<{ entity: string }>, limit: number): string[] {
  const out: string[] = [];
  for (const { entity } of mentions) {
    if (out.length === limit) break;
    if (!out.includes(entity)) out.push(entity);
  }
  return out;
}
