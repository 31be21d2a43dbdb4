// Traditional → simplified with opencc-js, for analysis only: the original stays for display.
// OpenCC's t→cn tables map character for character, so offsets carry over unchanged; a line
// that would change length (never seen, but possible with phrase tables) is converted per character.
import * as OpenCC from 'opencc-js';

let converter: ((text: string) => string) | undefined;

function toSimplifiedRaw(text: string): string {
  const convert = (converter ??= passConverter() ?? OpenCC.Converter({ from: 't', to: 'cn' }));
  return convert(text);
}

/**
 * The library's t→cn conversion (its t2s configuration: a normalization pass, then the conversion
 * proper), run pass by pass over tries built from the library's own dictionaries, as its
 * converter does, except that a place whose character begins no key of a pass is passed over
 * without asking the trie: in simplified text that is nearly every place, and asking is most of
 * the cost. Undefined, and the library's converter used, where the configuration is not of that
 * shape; a text with ideographic description characters (read as one unit with what follows
 * them) goes to the library's converter too.
 */
function passConverter(): ((text: string) => string) | undefined {
  const config = (
    OpenCC.Locale.configs as Record<string, { normalizationChain?: unknown; segmentation?: unknown; conversionChain: unknown }>
  ).t2s;
  if (!config || config.segmentation) return undefined;
  const groups = [...(Array.isArray(config.normalizationChain) ? config.normalizationChain : []), ...(config.conversionChain as unknown[])];
  if (!groups.every((group) => Array.isArray(group) && group.every((dict) => typeof dict === 'string'))) return undefined;
  const passes = groups.map((group) => {
    const trie = new OpenCC.Trie();
    trie.loadDictGroup(group as string[]);
    const root = (trie as unknown as { map?: unknown }).map;
    if (!(root instanceof Map)) return undefined;
    const starts = new Uint8Array(0x10000);
    for (const code of root.keys() as Iterable<number>) starts[code < 0x10000 ? code : (code >> 10) + 0xd7c0] = 1;
    return { trie, starts };
  });
  if (passes.some((pass) => !pass)) return undefined;
  const library = OpenCC.Converter({ from: 't', to: 'cn' });
  return (text) => {
    if (IDEOGRAPHIC_DESCRIPTION.test(text)) return library(text);
    for (const pass of passes) text = convertPass(pass!.trie, pass!.starts, text);
    return text;
  };
}

const IDEOGRAPHIC_DESCRIPTION = /[\u2ff0-\u2fff]/;

/** One pass of the library's Trie.convert: the longest key at each place, else the character as it is. */
function convertPass(trie: OpenCC.Trie, starts: Uint8Array, text: string): string {
  const parts: string[] = [];
  let unmatched = -1;
  for (let at = 0; at < text.length;) {
    // A character outside the BMP is looked up by its high surrogate: any key it begins is tried.
    const match = starts[text.charCodeAt(at)] === 1 ? trie.matchPrefix(text, at) : null;
    if (match) {
      if (unmatched >= 0) parts.push(text.slice(unmatched, at));
      unmatched = -1;
      parts.push(match.value);
      at = match.end;
    } else {
      if (unmatched < 0) unmatched = at;
      at += (text.codePointAt(at) ?? 0) > 0xffff ? 2 : 1;
    }
  }
  if (unmatched === 0) return text;
  if (unmatched >= 0) parts.push(text.slice(unmatched));
  return parts.join('');
}

/** Converts to simplified Chinese, keeping the length (and so every offset) unchanged. */
export function toSimplified(text: string): string {
  const converted = toSimplifiedRaw(text);
  if (converted.length === text.length) return converted;
  return text
    .split('\n')
    .map((line) => {
      const out = toSimplifiedRaw(line);
      return out.length === line.length
        ? out
        : [...line]
            .map((ch) => {
              const c = toSimplifiedRaw(ch);
              return c.length === ch.length ? c : ch;
            })
            .join('');
    })
    .join('\n');
}

/** Simplified or traditional, judged by how many characters conversion changes in a sample. */
export function detectScript(text: string): 'simplified' | 'traditional' {
  const sample = text.slice(0, 1500);
  const converted = toSimplifiedRaw(sample);
  let han = 0;
  let changed = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code >= 0x4e00 && code <= 0x9fff) {
      han++;
      if (converted.charCodeAt(i) !== code) changed++;
    }
  }
  // Traditional text changes roughly one character in four; simplified text almost none.
  return han > 0 && changed / han > 0.05 ? 'traditional' : 'simplified';
}

/** Simplified form of a name, for comparing and storing canonical names. */
export function simplifyName(name: string): string {
  return toSimplifiedRaw(name);
}
