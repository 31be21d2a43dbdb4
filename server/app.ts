// The app factory: GraphQL at /graphql and the built web app at every other path. It opens no
// port and reads no environment, so tests can call `app.yoga.fetch(...)` directly.
import { readFileSync } from 'node:fs';
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { createYoga } from 'graphql-yoga';
import type { Store } from '../graph/index.ts';
import type { ServerConfig } from './config.ts';
import { resolvers, type Context } from './resolvers.ts';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json; charset=utf-8',
  '.ico': 'image/x-icon',
};

export function createServer({ graph, config }: { graph: Store; config: Pick<ServerConfig, 'webDir'> }) {
  const typeDefs = readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8');
  const schema = makeExecutableSchema<Context>({ typeDefs, resolvers });
  const yoga = createYoga<Record<string, never>, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    context: () => ({ store: graph }),
    // Unexpected errors reach the client as "Unexpected error."; expected ones carry extensions.code.
    maskedErrors: true,
    // GraphiQL bundled with the server: the default page loads it from a CDN, which an offline
    // machine cannot reach.
    renderGraphiQL,
    logging: 'warn',
  });

  const webRoot = resolve(config.webDir);

  function serveStatic(request: IncomingMessage, response: ServerResponse): void {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    let file = normalize(join(webRoot, pathname));
    // Anything outside the web folder, or any unknown path, gets the app's index page.
    if (!file.startsWith(webRoot + sep) || !existsSync(file) || statSync(file).isDirectory()) file = join(webRoot, 'index.html');
    if (!existsSync(file)) {
      response.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('The web app is not built: run npm run build.');
      return;
    }
    response.writeHead(200, {
      'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'x-content-type-options': 'nosniff',
    });
    createReadStream(file).pipe(response);
  }

  function handle(request: IncomingMessage, response: ServerResponse): void {
    const url = request.url ?? '/';
    if (url === '/graphql' || url.startsWith('/graphql?') || url.startsWith('/graphql/')) {
      void yoga(request, response);
    } else if (request.method === 'GET' || request.method === 'HEAD') {
      serveStatic(request, response);
    } else {
      response.writeHead(405, { 'content-type': 'text/plain; charset=utf-8' }).end('Method not allowed');
    }
  }

  return { yoga, handle };
}
