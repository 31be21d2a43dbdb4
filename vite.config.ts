import { defineConfig } from 'vite';

// The browser app lives in web/ and is built into dist/web, which the server serves.
export default defineConfig({
  root: 'web',
  build: { outDir: '../dist/web', emptyOutDir: true },
  server: { proxy: { '/graphql': 'http://127.0.0.1:4000' } },
});
