import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Delivery {
  /** `X-Sop-Delivery`: unique per ticket, clock run and threshold, the same on every retry. */
  deliveryId: string;
  body: string;
  ticketId: string;
  kind: string;
}

/** A notification webhook on 127.0.0.1 that keeps every POST it receives, answering 200. */
export async function startWebhookReceiver(): Promise<{ url: string; received: Delivery[]; close(): Promise<void> }> {
  const received: Delivery[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const parsed = JSON.parse(body) as { ticketId?: string; kind?: string };
      received.push({ deliveryId: String(req.headers['x-sop-delivery']), body, ticketId: parsed.ticketId ?? '', kind: parsed.kind ?? '' });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/sla`,
    received,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
