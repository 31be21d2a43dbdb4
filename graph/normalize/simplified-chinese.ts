// Traditional → simplified with opencc-js, for analysis only: the original stays for display.
// OpenCC's t→cn tables map character for character, so offsets carry over unchanged; a line
// that would change length (never seen, but possible with phrase tables) is converted per character.
import * as OpenCC from 'opencc-js';

let converter: ((text: string) => string) | undefined;

function toSimplifiedRaw(text: string): string {
  const convert = (converter ??= OpenCC.Converter({ from: 't', to: 'cn' }));
  return convert(text);
}

/** Converts to simplified Chinese, keeping the length (and so every offset) unchanged. */
export function toSimplified(text: string): string {
  const converted = toSimplifiedRaw(text);
  if (converted.length === text.length) return converted;
  return text.split('\n').map((line) => {
    const out = toSimplifiedRaw(line);
    return out.length === line.length ? out : [...line].map((ch) => {
      const c = toSimplifiedRaw(ch);
      return c.length === ch.length ? c : ch;
    }).join('');
  }).join('\n');
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
