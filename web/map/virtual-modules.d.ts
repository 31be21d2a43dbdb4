// Made at build time by scripts/zhejiang-boundaries.ts (a vite plugin); nothing is fetched at run time.
declare module 'virtual:zhejiang-boundaries' {
  const boundaries: import('./boundaries-data.ts').ZhejiangBoundaries;
  export default boundaries;
}
