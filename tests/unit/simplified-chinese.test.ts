// Our pass-by-pass run of opencc-js's t→cn conversion must convert exactly as the library's own
// converter does: every offset of the analysed text and every canonical name rests on it.
import { describe, expect, it } from 'vitest';
import * as OpenCC from 'opencc-js';
import { simplifyName } from '../../graph/extraction/normalize/simplified-chinese.ts';
import { seedSources } from '../support/seeds.ts';

const library = OpenCC.Converter({ from: 't', to: 'cn' });

describe('simplified Chinese', () => {
  it('converts as the library does: whole reports, their windows, and every character in context', () => {
    for (const { text } of seedSources()) {
      expect(simplifyName(text)).toBe(library(text));
      for (let at = 0; at < text.length; at += 7) {
        const window = text.slice(at, at + 1 + (at % 19));
        expect(simplifyName(window)).toBe(library(window));
      }
    }
    for (let code = 0x20; code < 0x10000; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const text = `臺灣${String.fromCharCode(code)}發展`;
      expect(simplifyName(text)).toBe(library(text));
    }
    for (const text of ['𠀀臺灣', '乾隆皇帝著名', '頭髮', '⿰氵工水', '一干二淨', '\ud840臺', 'a\udc00b'])
      expect(simplifyName(text)).toBe(library(text));
  });
});
