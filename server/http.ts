// The HTTP layer around yoga: the web app's static files, request bounds, security headers, and
// the promise that no request can stop the process (a malformed URL is a 400, anything thrown a 500).
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer as createNodeServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json; charset=utf-8',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** The web app may load only its own files; text from the graph can never become script. */
const APP_SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
    "worker-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

export type Handler = (request: IncomingMessage, response: ServerResponse) => void | Promise<void>;

function plain(response: ServerResponse, status: number, message: string): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' }).end(message);
}

/** Serves the built web app: any unknown path gets index.html (the app routes itself). */
export function staticFiles(webDir: string): Handler {
  const webRoot = resolve(webDir);
  return (request, response) => {
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    } catch {
      plain(response, 400, 'Bad request: the URL is not valid (malformed percent-encoding)');
      return;
    }
    let file = normalize(join(webRoot, pathname));
    // Anything outside the web folder, or any unknown path, gets the app's index page.
    if (pathname.includes('\0') || !file.startsWith(webRoot + sep) || !existsSync(file) || statSync(file).isDirectory())
      file = join(webRoot, 'index.html');
    if (!existsSync(file)) {
      plain(response, 503, 'The web app is not built: run npm run build.');
      return;
    }
    response.writeHead(200, {
      'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      // Hashed asset names never change; the page itself is always revalidated.
      'cache-control': file.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
      ...APP_SECURITY_HEADERS,
    });
    if (request.method === 'HEAD') response.end();
    else
      createReadStream(file)
        .on('error', () => response.destroy())
        .pipe(response);
  };
}

/**
 * Routes /graphql to `graphql` and GET/HEAD of anything else to `files`. Bodies over
 * `maxBodyBytes`, or POSTs without a length, are refused before yoga reads them.
 */
export function route(graphql: Handler, files: Handler, maxBodyBytes: number): Handler {
  return async (request, response) => {
    try {
      const url = request.url ?? '/';
      if (url === '/graphql' || url.startsWith('/graphql?') || url.startsWith('/graphql/')) {
        if (request.method === 'POST') {
          const length = Number(request.headers['content-length']);
          if (request.headers['content-length'] === undefined) return plain(response, 411, 'A request body needs a Content-Length header');
          if (!Number.isFinite(length) || length > maxBodyBytes) {
            return plain(response, 413, `The request body is larger than the limit of ${maxBodyBytes} bytes (MAX_BODY_BYTES)`);
          }
        }
        await graphql(request, response);
      } else if (request.method === 'GET' || request.method === 'HEAD') {
        await files(request, response);
      } else {
        plain(response, 405, 'Method not allowed');
      }
    } catch (error) {
      console.error('request failed:', error);
      plain(response, 500, 'Internal server error');
    }
  };
}

/** A Node HTTP server with bounds on slow clients: headers within 10 s, a whole request within 60 s. */
export function createHttpServer(handler: Handler): Server {
  const server = createNodeServer({ requestTimeout: 60_000, headersTimeout: 10_000, maxHeaderSize: 16 * 1024 }, (request, response) => {
    void Promise.resolve(handler(request, response)).catch((error: unknown) => {
      console.error('request failed:', error);
      plain(response, 500, 'Internal server error');
    });
  });
  server.keepAliveTimeout = 5_000;
  // A client that breaks the protocol gets a 400 and is disconnected; the server goes on.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return socket.destroy();
    const status =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? '431 Request Header Fields Too Large'
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? '408 Request Timeout'
          : '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  });
  return server;
}
