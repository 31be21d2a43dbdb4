// The view in the URL's fragment, so a link or a reload restores it.
import type { Language } from '../i18n/index.ts';
import { defaultFilters, type Filters, type Positions } from '../state/vocabulary.ts';

export interface ViewState {
  entities: string[];
  positions: Positions;
  hidden: string[];
  pinned: string[];
  selection: string | null;
  filters: Filters;
  language: Language;
}

export function encodeView(view: ViewState): string {
  const json = JSON.stringify(view);
  const bytes = new TextEncoder().encode(json);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `#v=${btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
}

export function decodeView(hash: string): ViewState | null {
  const match = /[#&]v=([\w-]+)/.exec(hash);
  if (!match) return null;
  try {
    const binary = atob(match[1]!.replace(/-/g, '+').replace(/_/g, '/'));
    const json = new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
    const value = JSON.parse(json) as Partial<ViewState>;
    return {
      entities: Array.isArray(value.entities) ? value.entities.filter((e): e is string => typeof e === 'string') : [],
      positions: value.positions ?? {},
      hidden: value.hidden ?? [],
      pinned: value.pinned ?? [],
      selection: typeof value.selection === 'string' ? value.selection : null,
      filters: { ...defaultFilters(), ...value.filters },
      language: value.language === 'en' ? 'en' : 'zh',
    };
  } catch {
    return null;
  }
}
