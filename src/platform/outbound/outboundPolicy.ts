import ipaddr from 'ipaddr.js';

/**
 * Where the server may send requests of its own (site probes today, webhooks later).
 * Only public unicast addresses by default: loopback, private, link-local (where cloud
 * metadata services live), carrier-grade NAT, unique-local, multicast, reserved and the
 * IPv6 forms that embed an IPv4 address are refused unless a network of
 * `allowedNetworks` contains the address. Read from config (OUTBOUND_*).
 */
export interface OutboundPolicy {
  /** CIDR networks let through even though they are not public, e.g. `127.0.0.0/8` for a local staging site. */
  allowedNetworks: readonly string[];
  /** Redirects followed per request; each hop is checked again. */
  maxRedirects: number;
  /** Time allowed for one hop, from connecting to the response's headers. */
  timeoutMs: number;
}

/** The safe default: public addresses only, three redirects, ten seconds a hop. */
export const DEFAULT_OUTBOUND_POLICY: OutboundPolicy = { allowedNetworks: [], maxRedirects: 3, timeoutMs: 10_000 };

type Network = [ipaddr.IPv4 | ipaddr.IPv6, number];

const IPV4_COMPATIBLE = ipaddr.parseCIDR('::/96');

/** Parses one allow-list entry (a CIDR, or a single address as its own /32 or /128); null when it is not one. */
export function parseNetwork(entry: string): Network | null {
  const text = entry.trim();
  const [address = '', bits, ...rest] = text.split('/');
  // Only the plain spellings (no `127.1` or `2130706433`), so a config reads as it is meant.
  const plain = ipaddr.IPv4.isValidFourPartDecimal(address) || ipaddr.IPv6.isValid(address);
  if (!plain || rest.length > 0) return null;
  if (bits === undefined) {
    const ip = ipaddr.parse(address);
    return [ip, ip.kind() === 'ipv4' ? 32 : 128];
  }
  return ipaddr.isValidCIDR(text) ? ipaddr.parseCIDR(text) : null;
}

/** The address as it is routed: an IPv4-mapped IPv6 address (`::ffff:10.0.0.1`) is its IPv4 address. */
function routed(address: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  return ipaddr.isValid(bare) ? ipaddr.process(bare) : null;
}

/** True when `host` is an IP address literal (as a URL's hostname spells it, brackets and all). */
export function isIpLiteral(host: string): boolean {
  return routed(host) !== null;
}

/**
 * Why the policy refuses to send to `address` — its range's name, e.g. `loopback`,
 * `private`, `linkLocal` — or null when it may be reached.
 */
export function refusalOf(address: string, policy: Pick<OutboundPolicy, 'allowedNetworks'>): string | null {
  const ip = routed(address);
  if (!ip) return 'notAnAddress';
  for (const entry of policy.allowedNetworks) {
    const network = parseNetwork(entry);
    if (network && network[0].kind() === ip.kind() && ip.match(network)) return null;
  }
  const range = ip.range();
  if (range !== 'unicast') return range;
  // The deprecated IPv4-compatible form (`::7f00:1`) embeds an IPv4 address too.
  return ip.kind() === 'ipv6' && ip.match(IPV4_COMPATIBLE) ? 'ipv4Compatible' : null;
}

/**
 * Why a URL the server will request later is refused as it enters: it is not http(s), or
 * its host is an address literal the policy refuses (`http://169.254.169.254/`). Names
 * are resolved, and checked again, on every request.
 */
export function urlRefusal(value: string, policy: Pick<OutboundPolicy, 'allowedNetworks'>): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'notAUrl';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'notHttp';
  return isIpLiteral(url.hostname) ? refusalOf(url.hostname, policy) : null;
}
