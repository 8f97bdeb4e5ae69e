import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { DEFAULT_HEADERS_HINT, START_SCRIPT, graphiqlPage, loadExampleOperations } from '../../src/platform/http/graphiql.js';

/** Runs the page's start script against stand-ins for the browser, React and GraphiQL; answers what GraphiQL was given. */
function startPage(html: string, href = 'http://127.0.0.1:4000/graphiql') {
  const settingsJson = /<script id="graphiql-settings" type="application\/json">([^<]*)<\/script>/.exec(html)![1]!;
  const rendered: { props?: Record<string, any> } = {};
  const fetcherOptions: Record<string, any>[] = [];
  const sent: { params: unknown; opts: Record<string, any> }[] = [];
  const GraphiQL = Object.assign(function GraphiQL() {}, {
    createFetcher(options: Record<string, any>) {
      fetcherOptions.push(options);
      return async (params: unknown, opts: Record<string, any>) => {
        sent.push({ params, opts });
        return {};
      };
    },
  });
  runInNewContext(START_SCRIPT, {
    URL,
    window: { location: { href } },
    document: { getElementById: (id: string) => (id === 'graphiql-settings' ? { textContent: settingsJson } : {}) },
    GraphiQL,
    React: { createElement: (_type: unknown, props: Record<string, any>) => props },
    ReactDOM: { createRoot: () => ({ render: (props: Record<string, any>) => (rendered.props = props) }) },
  });
  return { props: rendered.props!, fetcherOptions, sent };
}

describe('the GraphiQL page', () => {
  it('opens every example operation as a tab, with its variables, and the headers pane with the token hint', async () => {
    const examples = await loadExampleOperations();
    expect(examples.map((example) => example.name)).toEqual(expect.arrayContaining(['catalog', 'project', 'createClient', 'createProject', 'recordCost']));
    const tabs = examples.map(({ query, variables }) => ({ query, ...(variables ? { variables } : {}) }));
    const { props, fetcherOptions } = startPage(graphiqlPage({ endpoint: '/graphql', tabs, defaultHeaders: DEFAULT_HEADERS_HINT }));
    expect(props.defaultTabs).toEqual(tabs);
    expect(props.defaultHeaders).toBe('{"Authorization": "Bearer <npm run token -- lin.pm>"}');
    expect(props).toMatchObject({ defaultEditorToolsVisibility: 'headers', isHeadersEditorEnabled: true, shouldPersistHeaders: false });
    expect(fetcherOptions).toEqual([{ url: 'http://127.0.0.1:4000/graphql', subscriptionUrl: 'ws://127.0.0.1:4000/graphql' }]);
  });

  it('never sends the hint, and sends a pasted token (header names in lower case, for the WebSocket too)', async () => {
    const { props, sent } = startPage(graphiqlPage({ endpoint: '/graphql', tabs: [], defaultHeaders: DEFAULT_HEADERS_HINT }), 'https://sop.example/graphiql');
    await props.fetcher({ query: '{ __typename }' }, { headers: JSON.parse(DEFAULT_HEADERS_HINT) });
    await props.fetcher({ query: '{ __typename }' }, { headers: { Authorization: 'Bearer eyJ.x.y', 'X-Request-Id': 'mine' } });
    expect(sent.map((request) => request.opts.headers)).toEqual([{}, { authorization: 'Bearer eyJ.x.y', 'x-request-id': 'mine' }]);
  });

  it('uses wss: beside https:, and keeps the settings from closing their script element', () => {
    const html = graphiqlPage({ endpoint: '/graphql', tabs: [{ query: '# </script><script>alert(1)</script>\n{ a }' }], defaultHeaders: '{}' });
    expect(html.match(/<\/script>/g)).toHaveLength(5);
    const { props, fetcherOptions } = startPage(html, 'https://sop.example/graphiql');
    expect(props.defaultTabs[0].query).toBe('# </script><script>alert(1)</script>\n{ a }');
    expect(fetcherOptions[0]).toEqual({ url: 'https://sop.example/graphql', subscriptionUrl: 'wss://sop.example/graphql' });
  });
});
