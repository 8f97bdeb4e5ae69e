import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { performance } from 'node:perf_hooks';
import { isIpLiteral, refusalOf, type OutboundPolicy } from './outboundPolicy.js';

/**
 * Why an outbound request got no usable answer. A code, never the error's own text, so
 * nothing about the network inside (addresses, ports, resolver messages) reaches a caller.
 */
export const OUTBOUND_FAILURES = [
  'DESTINATION_REFUSED',
  'TOO_MANY_REDIRECTS',
  'BAD_REDIRECT',
  'DNS_FAILED',
  'CONNECTION_REFUSED',
  'CONNECTION_FAILED',
  'TLS_FAILED',
  'TIMEOUT',
  'CANCELLED',
  'BODY_TOO_LARGE',
] as const;
export type OutboundFailure = (typeof OUTBOUND_FAILURES)[number];

/** What came back: the final status and how long it took; the body only when asked for. */
export type OutboundResult =
  | { status: number; latencyMs: number; failure: null; body?: Buffer }
  | { status: null; latencyMs: number; failure: OutboundFailure };

export interface OutboundRequest {
  method?: 'GET' | 'HEAD' | 'POST';
  headers?: Record<string, string>;
  /** Sent again only on a 307 or 308 redirect; 301, 302 and 303 turn the request into a GET, as browsers do. */
  body?: string;
  /** Stops the request at once, e.g. when the activity sending it is cancelled. */
  signal?: AbortSignal;
  /**
   * Read the final response's body, up to this many bytes (more fails with
   * BODY_TOO_LARGE). Only for documents the platform itself needs from a configured
   * URL (a JWKS); a probe never reads a client site's body.
   */
  maxBodyBytes?: number;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Carries a failure code out of a Node error path. */
class OutboundError extends Error {
  constructor(readonly failure: OutboundFailure) {
    super(failure);
  }
}

/**
 * Resolves a name and hands the connection only addresses the policy allows, so what is
 * checked is what is connected to: a name that resolves to a refused address (or to
 * several, one of them refused) is refused, and a second lookup cannot swap it.
 */
function guardedLookup(policy: OutboundPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { all: true, family: options.family, hints: options.hints }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      if (addresses.length === 0 || addresses.some(({ address }) => refusalOf(address, policy) !== null)) {
        return callback(new OutboundError('DESTINATION_REFUSED'), '', 0);
      }
      if (options.all) return (callback as unknown as (e: null, all: LookupAddress[]) => void)(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

function failureOf(error: unknown, signal: AbortSignal | undefined): OutboundFailure {
  if (error instanceof OutboundError) return error.failure;
  if (signal?.aborted) return 'CANCELLED';
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? '';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_FAIL') return 'DNS_FAILED';
  if (code === 'ECONNREFUSED') return 'CONNECTION_REFUSED';
  if (code.startsWith('ERR_TLS') || code.startsWith('ERR_SSL') || code.includes('CERT')) return 'TLS_FAILED';
  return 'CONNECTION_FAILED';
}

/** One hop: connects (through the guarded lookup), sends, and resolves on the response's headers. */
function sendOnce(
  url: URL,
  policy: OutboundPolicy,
  request: OutboundRequest,
  signal: AbortSignal | undefined,
): Promise<{ status: number; location: string | undefined; body?: Buffer }> {
  return new Promise((resolve, reject) => {
    const transport = url.protocol === 'https:' ? https : http;
    const outgoing = transport.request(url, {
      method: request.method ?? 'GET',
      headers: { 'user-agent': 'delivery-sop-probe', ...request.headers },
      lookup: guardedLookup(policy),
      agent: false,
      signal,
    });
    const timer = setTimeout(() => outgoing.destroy(new OutboundError('TIMEOUT')), policy.timeoutMs);
    outgoing.once('response', (response) => {
      const status = response.statusCode ?? 0;
      const location = response.headers.location;
      const limit = request.maxBodyBytes;
      if (limit === undefined || REDIRECTS.has(status)) {
        clearTimeout(timer);
        // The body is not read or kept: close the connection as soon as the status is known.
        response.destroy();
        return resolve({ status, location });
      }
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > limit) return outgoing.destroy(new OutboundError('BODY_TOO_LARGE'));
        chunks.push(chunk);
      });
      response.once('end', () => {
        clearTimeout(timer);
        resolve({ status, location, body: Buffer.concat(chunks) });
      });
      response.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
    outgoing.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    outgoing.end(request.body);
  });
}

/** The URL of a hop if it may be requested at all: it parses, and it is http(s). */
function checkedHop(target: string | URL, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(target, base);
  } catch {
    throw new OutboundError('BAD_REDIRECT');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new OutboundError(base ? 'BAD_REDIRECT' : 'DESTINATION_REFUSED');
  return url;
}

/**
 * The request a redirect asks for: 307 and 308 repeat it as it was; 301, 302 and 303
 * turn it into a GET without a body (HEAD stays HEAD). Headers the caller set (a
 * webhook's signature or token) go only to the origin they were meant for.
 */
function redirected(request: OutboundRequest, status: number, from: URL, to: URL): OutboundRequest {
  const sameOrigin = from.origin === to.origin;
  const next: OutboundRequest = { ...request, headers: sameOrigin ? request.headers : undefined };
  if (status === 307 || status === 308) return next;
  return { ...next, method: request.method === 'HEAD' ? 'HEAD' : 'GET', body: undefined };
}

/**
 * Sends a request out of the platform under `policy`: http(s) only, every hop's address
 * checked after DNS resolution, at most `maxRedirects` redirects, each hop bounded by the
 * policy's timeout. The one way the server reaches outside; site probes use it, and so
 * must anything that sends webhooks or calls a client's systems.
 */
export async function sendOutbound(target: string, policy: OutboundPolicy, request: OutboundRequest = {}): Promise<OutboundResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let hopRequest = request;
  try {
    let url: URL;
    try {
      url = checkedHop(target);
    } catch {
      throw new OutboundError('DESTINATION_REFUSED');
    }
    for (let hop = 0; ; hop++) {
      // Node connects to an address literal without a lookup, so the policy is applied to it here.
      if (isIpLiteral(url.hostname) && refusalOf(url.hostname, policy) !== null) throw new OutboundError('DESTINATION_REFUSED');
      const { status, location, body } = await sendOnce(url, policy, hopRequest, request.signal);
      if (!REDIRECTS.has(status) || location === undefined) return { status, latencyMs: elapsed(), failure: null, ...(body ? { body } : {}) };
      if (hop >= policy.maxRedirects) throw new OutboundError('TOO_MANY_REDIRECTS');
      const next = checkedHop(location, url);
      hopRequest = redirected(hopRequest, status, url, next);
      url = next;
    }
  } catch (error) {
    return { status: null, latencyMs: elapsed(), failure: failureOf(error, request.signal) };
  }
}

/**
 * A `fetch`-shaped GET under the policy, for libraries that fetch a document the platform
 * needs from a configured URL (jose's remote JWKS). Reads at most `maxBodyBytes`.
 */
export function outboundFetch(policy: OutboundPolicy, maxBodyBytes = 256 * 1024) {
  return async (url: string, options: { headers?: Headers; signal?: AbortSignal }): Promise<Response> => {
    const headers = options.headers ? Object.fromEntries(options.headers.entries()) : undefined;
    const result = await sendOutbound(url, policy, { headers, signal: options.signal, maxBodyBytes });
    if (result.failure) throw new Error(`Outbound request refused or failed: ${result.failure}`);
    return new Response(result.body ? new Uint8Array(result.body) : null, { status: result.status });
  };
}
