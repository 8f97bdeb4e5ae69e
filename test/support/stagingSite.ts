import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A client's site on 127.0.0.1 that tests can make healthy or failing, for the stress test and monitoring. */
export interface StagingSite {
  url: string;
  healthy: boolean;
  requests: number;
  close(): Promise<void>;
}

export async function startStagingSite(): Promise<StagingSite> {
  const site = { healthy: true, requests: 0 } as StagingSite;
  const server: Server = createServer((_req, res) => {
    site.requests += 1;
    if (site.healthy) {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<h1>Acme shop</h1>');
    } else {
      res.writeHead(503).end('down for maintenance');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  site.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  site.close = () => new Promise((resolve) => server.close(() => resolve()));
  return site;
}
