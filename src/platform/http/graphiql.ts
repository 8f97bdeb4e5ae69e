import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Router } from 'express';

/** The saved operations the IDE opens with, one tab each (`examples/operations/*.graphql`). */
export const EXAMPLE_OPERATIONS_DIR = fileURLToPath(new URL('../../../examples/operations/', import.meta.url));

/** What a new tab's header editor shows: where a token comes from. Sent only once a real token replaces the hint. */
export const DEFAULT_HEADERS_HINT = '{"Authorization": "Bearer <npm run token -- lin.pm>"}';

const require = createRequire(import.meta.url);
const packageDir = (name: string) => path.dirname(require.resolve(`${name}/package.json`));

/**
 * Every file the page loads, served from node_modules (React 18's and GraphiQL 3's UMD
 * builds): nothing comes from a CDN, so the IDE works without the internet.
 */
const ASSETS: Record<string, { file: string; type: string }> = {
  'react.production.min.js': { file: path.join(packageDir('react'), 'umd/react.production.min.js'), type: 'text/javascript; charset=utf-8' },
  'react-dom.production.min.js': { file: path.join(packageDir('react-dom'), 'umd/react-dom.production.min.js'), type: 'text/javascript; charset=utf-8' },
  'graphiql.min.js': { file: path.join(packageDir('graphiql'), 'graphiql.min.js'), type: 'text/javascript; charset=utf-8' },
  'graphiql.min.css': { file: path.join(packageDir('graphiql'), 'graphiql.min.css'), type: 'text/css; charset=utf-8' },
};

/**
 * Starts GraphiQL with the settings the page carries as JSON: the endpoint, the saved
 * operations as tabs, the headers pane open with a hint where the token goes. The hint
 * itself is never sent: until a token replaces it, requests go out anonymous (the public
 * catalog works, and so does loading the schema where introspection is on). Header names
 * go out in lower case, so the same headers sign in a subscription's WebSocket too
 * (graphql-ws `connectionParams.authorization`, on the same path).
 */
export const START_SCRIPT = `'use strict';
(function () {
  var settings = JSON.parse(document.getElementById('graphiql-settings').textContent);
  var endpoint = new URL(settings.endpoint, window.location.href);
  var socket = new URL(endpoint.toString());
  socket.protocol = endpoint.protocol === 'https:' ? 'wss:' : 'ws:';
  var fetchGraphQL = GraphiQL.createFetcher({ url: endpoint.toString(), subscriptionUrl: socket.toString() });
  function withoutHint(headers) {
    var kept = {};
    Object.keys(headers || {}).forEach(function (name) {
      var value = headers[name];
      if (!(typeof value === 'string' && value.indexOf('<') !== -1)) kept[name.toLowerCase()] = value;
    });
    return kept;
  }
  function fetcher(params, options) {
    var opts = Object.assign({}, options || {});
    opts.headers = withoutHint(opts.headers);
    return fetchGraphQL(params, opts);
  }
  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultTabs: settings.tabs,
      defaultHeaders: settings.defaultHeaders,
      defaultEditorToolsVisibility: 'headers',
      isHeadersEditorEnabled: true,
      shouldPersistHeaders: false,
    }),
  );
})();
`;

const PAGE_CSS = 'html, body, #graphiql { height: 100%; margin: 0; }\n';

export interface ExampleOperation {
  /** File name without `.graphql`. */
  name: string;
  query: string;
  /** `<name>.variables.json` beside it, if there is one. */
  variables?: string;
}

/** The saved operations, sorted by file name; none when the folder is missing (an image without examples). */
export async function loadExampleOperations(dir = EXAMPLE_OPERATIONS_DIR): Promise<ExampleOperation[]> {
  if (!existsSync(dir)) return [];
  const files = (await readdir(dir)).filter((file) => file.endsWith('.graphql')).sort();
  return Promise.all(
    files.map(async (file) => {
      const name = file.slice(0, -'.graphql'.length);
      const variablesFile = path.join(dir, `${name}.variables.json`);
      return {
        name,
        query: await readFile(path.join(dir, file), 'utf8'),
        ...(existsSync(variablesFile) ? { variables: await readFile(variablesFile, 'utf8') } : {}),
      };
    }),
  );
}

/** JSON that can sit inside a `<script>` element: nothing in it can close the element. */
const scriptSafeJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');

export function graphiqlPage(settings: { endpoint: string; tabs: { query: string; variables?: string; headers?: string }[]; defaultHeaders: string }): string {
  const asset = (name: string) => `/graphiql/assets/${name}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Delivery SOP GraphQL IDE</title>
<link rel="stylesheet" href="${asset('graphiql.min.css')}">
<link rel="stylesheet" href="${asset('page.css')}">
</head>
<body>
<div id="graphiql">Loading the GraphQL IDE...</div>
<script id="graphiql-settings" type="application/json">${scriptSafeJson(settings)}</script>
<script src="${asset('react.production.min.js')}"></script>
<script src="${asset('react-dom.production.min.js')}"></script>
<script src="${asset('graphiql.min.js')}"></script>
<script src="${asset('start.js')}"></script>
</body>
</html>
`;
}

/** Only this origin's scripts and styles; the page talks to this origin's GraphQL endpoint only. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // GraphiQL and its editors set inline styles.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * `GET /graphiql`: GraphiQL 3 from local assets (`/graphiql/assets/...`), with the
 * example operations preloaded as tabs and the headers pane open for a bearer token.
 */
export async function graphiqlRouter(options: { endpoint?: string; examplesDir?: string } = {}): Promise<Router> {
  const examples = await loadExampleOperations(options.examplesDir);
  const tabs = examples.length > 0 ? examples.map(({ query, variables }) => ({ query, ...(variables ? { variables } : {}) })) : [{ query: '{\n  servicePackages {\n    code\n    name\n  }\n}\n' }];
  const page = graphiqlPage({ endpoint: options.endpoint ?? '/graphql', tabs, defaultHeaders: DEFAULT_HEADERS_HINT });

  const router = express.Router();
  router.get('/graphiql', (_req, res) => {
    res.set({ 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CONTENT_SECURITY_POLICY, 'x-content-type-options': 'nosniff', 'cache-control': 'no-cache' });
    res.send(page);
  });
  router.get('/graphiql/assets/start.js', (_req, res) => {
    res.set({ 'content-type': 'text/javascript; charset=utf-8', 'x-content-type-options': 'nosniff' }).send(START_SCRIPT);
  });
  router.get('/graphiql/assets/page.css', (_req, res) => {
    res.set({ 'content-type': 'text/css; charset=utf-8', 'x-content-type-options': 'nosniff' }).send(PAGE_CSS);
  });
  router.get('/graphiql/assets/:name', (req, res, next) => {
    const asset = Object.hasOwn(ASSETS, req.params.name) ? ASSETS[req.params.name] : undefined;
    if (!asset) return next();
    res.sendFile(asset.file, { headers: { 'content-type': asset.type, 'x-content-type-options': 'nosniff', 'cache-control': 'public, max-age=86400' } });
  });
  return router;
}
