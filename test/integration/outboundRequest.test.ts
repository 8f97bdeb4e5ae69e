import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { OutboundPolicy } from '../../src/platform/outbound/outboundPolicy.js';
import { sendOutbound } from '../../src/platform/outbound/outboundRequest.js';

/**
 * sendOutbound against real servers. Linux routes all of 127.0.0.0/8 to the loopback
 * interface, so servers on 127.0.0.2 (the allowed "client site"), 127.0.0.3 and 127.0.0.1
 * (the "internal" hosts, 127.0.0.1 being what `localhost` resolves to) are distinct hosts
 * as far as the policy is concerned.
 */

interface Received {
  method: string;
  url: string;
  body: string;
  headers: IncomingMessage['headers'];
}

interface TestServer {
  host: string;
  port: number;
  origin: string;
  received: Received[];
  /** TCP connections accepted: a refused destination must not even be connected to. */
  connections: number;
  close(): Promise<void>;
}

async function startServer(host: string, handle: (req: Received, res: ServerResponse) => void = (_req, res) => res.writeHead(200).end('ok')): Promise<TestServer> {
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const received = { method: req.method ?? '', url: req.url ?? '', body, headers: req.headers };
      self.received.push(received);
      handle(received, res);
    });
  });
  server.on('connection', () => (self.connections += 1));
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  const self: TestServer = {
    host,
    port,
    origin: `http://${host}:${port}`,
    received: [],
    connections: 0,
    close: () =>
      new Promise((resolve) => {
        // The hanging routes never answer: drop their sockets so close() can finish.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return self;
}

const SECRET = 'body-secret-7f3a9c';

let site: TestServer;
let internal: TestServer;
let local: TestServer;
let closedPort: number;
/** Called when a request reaches /hang, so a test can act while the request is in flight. */
let onHang: (() => void) | undefined;

const policy: OutboundPolicy = { allowedNetworks: ['127.0.0.2/32'], maxRedirects: 3, timeoutMs: 2000 };

beforeAll(async () => {
  internal = await startServer('127.0.0.3');
  local = await startServer('127.0.0.1');
  site = await startServer('127.0.0.2', (req, res) => {
    const path = new URL(req.url, 'http://site').pathname;
    const chain = /^\/chain\/(\d+)$/.exec(path);
    if (chain) {
      const left = Number(chain[1]);
      if (left === 0) return res.writeHead(200).end('end of chain');
      return res.writeHead(302, { location: `/chain/${left - 1}` }).end();
    }
    switch (path) {
      case '/':
        return res.writeHead(200, { 'content-type': 'text/html' }).end('<h1>Acme shop</h1>');
      case '/down':
        return res.writeHead(503).end('down for maintenance');
      case '/secret':
        return res.writeHead(200, { 'x-secret': SECRET, 'content-type': 'text/plain' }).end(`the secret is ${SECRET}`);
      case '/to-internal':
        return res.writeHead(302, { location: `${internal.origin}/` }).end();
      case '/to-localhost':
        return res.writeHead(302, { location: `http://localhost:${local.port}` }).end();
      case '/to-relative':
        return res.writeHead(301, { location: '/landing' }).end();
      case '/landing':
        return res.writeHead(200).end('landed');
      case '/to-file':
        return res.writeHead(302, { location: 'file:///etc/passwd' }).end();
      case '/to-garbage':
        return res.writeHead(302, { location: 'http://[::1' }).end();
      case '/no-location':
        return res.writeHead(302).end();
      case '/submit':
        return res.writeHead(303, { location: '/thanks' }).end();
      case '/temporary':
        return res.writeHead(307, { location: '/thanks' }).end();
      case '/to-other-origin':
        return res.writeHead(302, { location: `${internal.origin}/hook` }).end();
      case '/thanks':
        return res.writeHead(200).end('thanks');
      case '/hang':
        // Never answers: the request waits for its timeout or its signal.
        onHang?.();
        return;
      default:
        return res.writeHead(404).end();
    }
  });
  // A port nothing listens on: bind one, then let it go.
  const gone = await startServer('127.0.0.2');
  closedPort = gone.port;
  await gone.close();
});

afterAll(async () => {
  await Promise.all([site, internal, local].filter(Boolean).map((server) => server.close()));
});

beforeEach(() => {
  for (const server of [site, internal, local]) {
    server.received = [];
    server.connections = 0;
  }
  onHang = undefined;
});

const paths = (server: TestServer) => server.received.map((r) => `${r.method} ${r.url}`);

describe('sendOutbound to an allowed site', () => {
  it('reports the status and latency of a 200', async () => {
    const result = await sendOutbound(`${site.origin}/`, policy);
    expect(result).toEqual({ status: 200, latencyMs: expect.any(Number), failure: null });
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
    expect(paths(site)).toEqual(['GET /']);
    // The connection counter the refusal cases rely on does count.
    expect(site.connections).toBe(1);
  });

  it('reports a 503 as a status, not a failure: the site answered', async () => {
    expect(await sendOutbound(`${site.origin}/down`, policy)).toMatchObject({ status: 503, failure: null });
  });

  it('reports a redirect without a Location as its status', async () => {
    expect(await sendOutbound(`${site.origin}/no-location`, policy)).toMatchObject({ status: 302, failure: null });
  });

  it('never returns the body or the headers of the answer', async () => {
    const result = await sendOutbound(`${site.origin}/secret`, policy);
    expect(result.status).toBe(200);
    expect(Object.keys(result).sort()).toEqual(['failure', 'latencyMs', 'status']);
    expect(JSON.stringify(result)).not.toContain(SECRET);
  });

  it('sends a POST body on the first hop, and turns a 303 into a GET without it', async () => {
    const result = await sendOutbound(`${site.origin}/submit`, policy, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"order":42}',
    });
    expect(result).toMatchObject({ status: 200, failure: null });
    expect(paths(site)).toEqual(['POST /submit', 'GET /thanks']);
    expect(site.received[0]?.body).toBe('{"order":42}');
    expect(site.received[1]?.body).toBe('');
  });
});

describe('sendOutbound across redirects', () => {
  it('repeats method and body on a 307', async () => {
    const result = await sendOutbound(`${site.origin}/temporary`, policy, { method: 'POST', body: '{"order":42}' });
    expect(result).toMatchObject({ status: 200, failure: null });
    expect(paths(site)).toEqual(['POST /temporary', 'POST /thanks']);
    expect(site.received[1]?.body).toBe('{"order":42}');
  });

  it('keeps HEAD a HEAD', async () => {
    await sendOutbound(`${site.origin}/to-relative`, policy, { method: 'HEAD' });
    expect(paths(site)).toEqual(['HEAD /to-relative', 'HEAD /landing']);
  });

  it("sends the caller's headers only to the origin they were meant for", async () => {
    const both = { ...policy, allowedNetworks: ['127.0.0.2/32', '127.0.0.3/32'] };
    await sendOutbound(`${site.origin}/to-relative`, both, { headers: { authorization: 'Bearer same-origin' } });
    expect(site.received.map((r) => r.headers.authorization)).toEqual(['Bearer same-origin', 'Bearer same-origin']);
    await sendOutbound(`${site.origin}/to-other-origin`, both, { headers: { authorization: 'Bearer secret' } });
    expect(internal.received).toHaveLength(1);
    expect(internal.received[0]?.headers.authorization).toBeUndefined();
  });

  it('refuses a start URL that does not parse', async () => {
    expect(await sendOutbound('not a url', policy)).toMatchObject({ status: null, failure: 'DESTINATION_REFUSED' });
  });
});

describe('sendOutbound to a refused destination', () => {
  it('refuses a loopback address outside the allow-list without connecting', async () => {
    expect(await sendOutbound(`${internal.origin}/`, policy)).toMatchObject({ status: null, failure: 'DESTINATION_REFUSED' });
    expect(internal.connections).toBe(0);
    expect(internal.received).toEqual([]);
  });

  it('resolves a name and refuses what it resolves to', async () => {
    // localhost is a name, not a literal: this is the DNS path, and it lands on 127.0.0.1.
    expect(await sendOutbound(`http://localhost:${local.port}/`, policy)).toMatchObject({ status: null, failure: 'DESTINATION_REFUSED' });
    expect(local.connections).toBe(0);
    expect(local.received).toEqual([]);
  });

  it('connects to a name whose addresses are all allowed', async () => {
    // The counterpart of the case above: the name itself is fine once its addresses are.
    const loopback = { ...policy, allowedNetworks: ['127.0.0.0/8', '::1/128'] };
    expect(await sendOutbound(`http://localhost:${local.port}/`, loopback)).toMatchObject({ status: 200, failure: null });
    expect(paths(local)).toEqual(['GET /']);
  });

  it('refuses what is not http(s)', async () => {
    expect(await sendOutbound('file:///etc/passwd', policy)).toMatchObject({ status: null, failure: 'DESTINATION_REFUSED' });
  });
});

describe('sendOutbound following redirects', () => {
  it('refuses a redirect to an internal address, and never connects to it', async () => {
    expect(await sendOutbound(`${site.origin}/to-internal`, policy)).toMatchObject({ status: null, failure: 'DESTINATION_REFUSED' });
    expect(paths(site)).toEqual(['GET /to-internal']);
    expect(internal.connections).toBe(0);
  });

  it('refuses a redirect to a name that resolves to an internal address', async () => {
    expect(await sendOutbound(`${site.origin}/to-localhost`, policy)).toMatchObject({ status: null, failure: 'DESTINATION_REFUSED' });
    expect(local.connections).toBe(0);
  });

  it('follows a relative redirect on the allowed host', async () => {
    expect(await sendOutbound(`${site.origin}/to-relative`, policy)).toMatchObject({ status: 200, failure: null });
    expect(paths(site)).toEqual(['GET /to-relative', 'GET /landing']);
  });

  it('follows as many redirects as the policy allows', async () => {
    expect(await sendOutbound(`${site.origin}/chain/3`, policy)).toMatchObject({ status: 200, failure: null });
    expect(site.received).toHaveLength(4);
  });

  it('gives up after one redirect too many, without requesting it', async () => {
    expect(await sendOutbound(`${site.origin}/chain/4`, policy)).toMatchObject({ status: null, failure: 'TOO_MANY_REDIRECTS' });
    expect(paths(site)).toEqual(['GET /chain/4', 'GET /chain/3', 'GET /chain/2', 'GET /chain/1']);
  });

  it('follows no redirect at all when the policy allows none', async () => {
    expect(await sendOutbound(`${site.origin}/to-relative`, { ...policy, maxRedirects: 0 })).toMatchObject({ failure: 'TOO_MANY_REDIRECTS' });
    expect(site.received).toHaveLength(1);
  });

  it('refuses a redirect to a file: URL or to something that is not a URL', async () => {
    expect(await sendOutbound(`${site.origin}/to-file`, policy)).toMatchObject({ status: null, failure: 'BAD_REDIRECT' });
    expect(await sendOutbound(`${site.origin}/to-garbage`, policy)).toMatchObject({ status: null, failure: 'BAD_REDIRECT' });
  });
});

describe('sendOutbound when the site does not answer', () => {
  it('times out a site that never answers', async () => {
    const result = await sendOutbound(`${site.origin}/hang`, { ...policy, timeoutMs: 300 });
    expect(result).toMatchObject({ status: null, failure: 'TIMEOUT' });
    // Loose bounds: it waited for the timeout, and not for much longer.
    expect(result.latencyMs).toBeGreaterThanOrEqual(250);
    expect(result.latencyMs).toBeLessThan(5000);
  });

  it('stops at once when its signal is aborted mid-request', async () => {
    const controller = new AbortController();
    onHang = () => controller.abort();
    expect(await sendOutbound(`${site.origin}/hang`, policy, { signal: controller.signal })).toMatchObject({ status: null, failure: 'CANCELLED' });
    expect(paths(site)).toEqual(['GET /hang']);
  });

  it('does not start when its signal is already aborted', async () => {
    expect(await sendOutbound(`${site.origin}/`, policy, { signal: AbortSignal.abort() })).toMatchObject({ status: null, failure: 'CANCELLED' });
    expect(site.received).toEqual([]);
  });

  it('reports a closed port as CONNECTION_REFUSED', async () => {
    expect(await sendOutbound(`http://127.0.0.2:${closedPort}/`, policy)).toMatchObject({ status: null, failure: 'CONNECTION_REFUSED' });
  });
});
