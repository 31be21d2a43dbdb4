import { defineConfig } from 'vite';
import { zhejiangBoundaries } from './scripts/zhejiang-boundaries.ts';

// The browser app lives in web/ and is built into dist/web, which the server serves. The map's
// boundaries are cut out of an npm package at build time (virtual:zhejiang-boundaries).
export default defineConfig({
  root: 'web',
  build: { outDir: '../dist/web', emptyOutDir: true },
  plugins: [zhejiangBoundaries()],
  server: { proxy: { '/graphql': 'http://127.0.0.1:4000' } },
});
