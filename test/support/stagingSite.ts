import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A client's site on loopback that tests can make healthy or failing, for the stress test and monitoring. */
export interface StagingSite {
  url: string;
  /** Origin of the site, e.g. `http://127.0.0.1:40123`. */
  origin: string;
  healthy: boolean;
  requests: number;
  close(): Promise<void>;
}

export interface StagingSiteOptions {
  /** Loopback address to listen on; Linux routes all of 127.0.0.0/8 to the loopback interface. */
  host?: string;
  /** Answers instead of the healthy/failing page, e.g. a redirect elsewhere. */
  respond?: (req: IncomingMessage, res: ServerResponse) => void;
}

export async function startStagingSite(options: StagingSiteOptions = {}): Promise<StagingSite> {
  const host = options.host ?? '127.0.0.1';
  const site = { healthy: true, requests: 0 } as StagingSite;
  const server: Server = createServer((req, res) => {
    site.requests += 1;
    if (options.respond) options.respond(req, res);
    else if (site.healthy) res.writeHead(200, { 'content-type': 'text/html' }).end('<h1>Acme shop</h1>');
    else res.writeHead(503).end('down for maintenance');
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  site.origin = `http://${host}:${(server.address() as AddressInfo).port}`;
  site.url = `${site.origin}/`;
  site.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return site;
}
