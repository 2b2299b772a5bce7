/** Static assets from our own origin: htmx (pinned 2.0.x, from node_modules), our CSS and JS. */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { createHash } from 'node:crypto';

const require = createRequire(import.meta.url);
const publicDir = fileURLToPath(new URL('../../public/', import.meta.url));

interface Asset {
  body: string;
  type: string;
  etag: string;
}

function asset(body: string, type: string): Asset {
  return { body, type, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 16)}"` };
}
const load = (path: string, type: string) => asset(readFileSync(path, 'utf8'), type);

/** One stylesheet: the base, then each area's own file in public/css/ (alphabetical). */
function stylesheet(): Asset {
  const areas = readdirSync(`${publicDir}css`)
    .filter((f) => f.endsWith('.css'))
    .sort();
  const body = [
    readFileSync(`${publicDir}app.css`, 'utf8'),
    ...areas.map((f) => readFileSync(`${publicDir}css/${f}`, 'utf8')),
  ].join('\n');
  return asset(body, 'text/css; charset=utf-8');
}

export function assetRoutes() {
  const assets: Record<string, Asset> = {
    'htmx.min.js': load(require.resolve('htmx.org/dist/htmx.min.js'), 'text/javascript; charset=utf-8'),
    'app.css': stylesheet(),
    'print.css': load(`${publicDir}print.css`, 'text/css; charset=utf-8'),
    'app.js': load(`${publicDir}app.js`, 'text/javascript; charset=utf-8'),
    'favicon.svg': load(`${publicDir}favicon.svg`, 'image/svg+xml'),
  };
  const app = new Hono();
  app.get('/:name', (c) => {
    const asset = assets[c.req.param('name')];
    if (!asset) return c.notFound();
    c.header('Cache-Control', 'public, max-age=3600');
    c.header('ETag', asset.etag);
    if (c.req.header('If-None-Match') === asset.etag) return c.body(null, 304);
    c.header('Content-Type', asset.type);
    return c.body(asset.body);
  });
  return app;
}
