// Vite's `?raw` imports: the text of a GraphQL document (web/api/operations.graphql).
declare module '*.graphql?raw' {
  const text: string;
  export default text;
}
