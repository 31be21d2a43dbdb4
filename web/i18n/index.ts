// One `t(key)` for every word the interface shows, in Chinese (default) or English.
import { en, enSingular } from './en.ts';
import { zh, type MessageKey } from './zh.ts';

export type { MessageKey } from './zh.ts';
export type Language = 'zh' | 'en';

const tables: Record<Language, Record<MessageKey, string>> = { zh, en };
let current: Language = 'zh';
const listeners = new Set<(language: Language) => void>();

/** The message for `key` in the current language, `{name}` replaced from `params` (English says "1 sentence", not "1 sentences"). */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const text = (current === 'en' && params['count'] === 1 ? enSingular[key] : undefined) ?? tables[current][key];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function language(): Language {
  return current;
}

/** Switches the language and tells every panel to redraw its words. */
export function setLanguage(language: Language): void {
  if (language === current) return;
  current = language;
  if (typeof document !== 'undefined') document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
  for (const listener of listeners) listener(language);
}

export function onLanguageChange(listener: (language: Language) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
