// GET /docs: Swagger UI over /openapi.json, served entirely from node_modules (docs/api.md: no internet).
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Hono } from 'hono';

const swaggerUiDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

// A whitelist rather than a static folder: nothing else in node_modules is reachable from the web.
const assets: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'swagger-ui-standalone-preset.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
  'favicon-16x16.png': 'image/png',
};

// Served as a file, not inline, so the Content-Security-Policy can stay `script-src 'self'`.
const initScript = `window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: '/openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    persistAuthorization: true,
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    layout: 'StandaloneLayout',
  });
});
`;

const page = `<!doctype html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>社会保险管理信息系统 API</title>
  <link rel="stylesheet" href="/docs/assets/swagger-ui.css">
  <link rel="icon" type="image/png" href="/docs/assets/favicon-32x32.png" sizes="32x32">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/docs/assets/swagger-ui-bundle.js"></script>
  <script src="/docs/assets/swagger-ui-standalone-preset.js"></script>
  <script src="/docs/assets/docs-init.js"></script>
</body>
</html>
`;

const cache = new Map<string, Promise<Buffer>>();
const loadAsset = (file: string): Promise<Buffer> => {
  let content = cache.get(file);
  if (content === undefined) {
    content = readFile(join(swaggerUiDir, file));
    cache.set(file, content);
  }
  return content;
};

/** Mount at `/docs`. Not part of the OpenAPI document: it is the document's reader, not an API. */
export const docsRoutes = () =>
  new Hono()
    .get('/', (c) => c.html(page))
    .get('/assets/docs-init.js', (c) => c.body(initScript, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }))
    .get('/assets/:file', async (c) => {
      const file = c.req.param('file');
      const type = Object.hasOwn(assets, file) ? assets[file] : undefined;
      if (type === undefined) return c.notFound();
      const content = await loadAsset(file);
      return c.body(new Uint8Array(content), 200, {
        'Content-Type': type,
        'Cache-Control': 'public, max-age=86400',
      });
    });
