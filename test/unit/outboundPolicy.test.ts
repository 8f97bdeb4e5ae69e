import { describe, expect, it } from 'vitest';
import { DEFAULT_OUTBOUND_POLICY, isIpLiteral, parseNetwork, refusalOf, urlRefusal } from '../../src/platform/outbound/outboundPolicy.js';
import { ConfigError, loadConfig, outboundPolicyOf } from '../../src/platform/runtime/config.js';

const publicOnly = { allowedNetworks: [] };

describe('refusalOf', () => {
  // Every address a server-side request must not reach by default, with the range it is refused as.
  it.each([
    ['127.0.0.1', 'loopback'],
    ['::7f00:1', 'ipv4Compatible'],
    ['::a00:1', 'ipv4Compatible'],
    ['127.255.255.254', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['192.168.1.1', 'private'],
    // AWS and GCP instance metadata, credentials included.
    ['169.254.169.254', 'linkLocal'],
    // Alibaba Cloud metadata sits in carrier-grade NAT space.
    ['100.100.100.200', 'carrierGradeNat'],
    // Connecting to 0.0.0.0 reaches the local host on Linux.
    ['0.0.0.0', 'unspecified'],
    ['255.255.255.255', 'broadcast'],
    ['224.0.0.1', 'multicast'],
    ['240.0.0.1', 'reserved'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'linkLocal'],
    // AWS instance metadata over IPv6.
    ['fd00:ec2::254', 'uniqueLocal'],
    // IPv4-mapped addresses are routed as the IPv4 address inside them.
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
    // NAT64 and 6to4 addresses embed an IPv4 address a gateway would reach for us.
    ['64:ff9b::a00:1', 'rfc6052'],
    ['2002:a00:1::', '6to4'],
    // As a URL's hostname spells an IPv6 address.
    ['[::1]', 'loopback'],
  ])('refuses %s as %s', (address, range) => {
    expect(refusalOf(address, publicOnly)).toBe(range);
  });

  it.each(['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111', '::ffff:8.8.8.8', '[2606:4700:4700::1111]'])('allows the public address %s', (address) => {
    expect(refusalOf(address, publicOnly)).toBeNull();
  });

  it.each(['example.com', '', 'localhost', '300.1.1.1', '[example.com]'])('refuses %j as not an address', (text) => {
    expect(refusalOf(text, publicOnly)).toBe('notAnAddress');
  });

  it('lets an allowed IPv4 network through, in its IPv4-mapped form too', () => {
    const policy = { allowedNetworks: ['127.0.0.0/8'] };
    expect(refusalOf('127.0.0.1', policy)).toBeNull();
    expect(refusalOf('127.255.255.254', policy)).toBeNull();
    expect(refusalOf('::ffff:127.0.0.1', policy)).toBeNull();
    // Only that network: other private ranges and IPv6 loopback stay refused.
    expect(refusalOf('10.0.0.1', policy)).toBe('private');
    expect(refusalOf('::1', policy)).toBe('loopback');
  });

  it('lets a single allowed address through and not its neighbours', () => {
    const policy = { allowedNetworks: ['127.0.0.2'] };
    expect(refusalOf('127.0.0.2', policy)).toBeNull();
    expect(refusalOf('127.0.0.1', policy)).toBe('loopback');
    expect(refusalOf('127.0.0.3', policy)).toBe('loopback');
  });

  it('lets an allowed IPv6 network through', () => {
    const policy = { allowedNetworks: ['fd00::/8'] };
    expect(refusalOf('fd00:ec2::254', policy)).toBeNull();
    expect(refusalOf('[fd12:3456::1]', policy)).toBeNull();
    // fc00::/8 is the other half of unique-local space, outside the allowed /8.
    expect(refusalOf('fc00::1', policy)).toBe('uniqueLocal');
    expect(refusalOf('::1', policy)).toBe('loopback');
  });

  it('checks every entry of the allow-list and ignores ones that do not parse', () => {
    const policy = { allowedNetworks: ['garbage', '10.0.0.0/8', '192.168.0.0/16'] };
    expect(refusalOf('192.168.1.1', policy)).toBeNull();
    expect(refusalOf('10.1.2.3', policy)).toBeNull();
    expect(refusalOf('172.16.0.1', policy)).toBe('private');
  });
});

describe('parseNetwork', () => {
  it('reads a CIDR network', () => {
    const network = parseNetwork('10.0.0.0/8');
    expect(network?.[0].toString()).toBe('10.0.0.0');
    expect(network?.[1]).toBe(8);
    expect(parseNetwork('fd00::/8')?.[1]).toBe(8);
  });

  it('reads a single address as a network of one', () => {
    const v4 = parseNetwork(' 127.0.0.2 ');
    expect(v4?.[0].toString()).toBe('127.0.0.2');
    expect(v4?.[1]).toBe(32);
    expect(parseNetwork('::1')?.[1]).toBe(128);
  });

  it.each(['', 'garbage', '10.0.0.0/33', 'fd00::/129', 'example.com', '10.0.0.0/8/8', '10.0.0.0-10.0.0.9', '127.1', '2130706433', '0x7f.0.0.1/8'])('gives null for %j', (entry) => {
    expect(parseNetwork(entry)).toBeNull();
  });
});

describe('isIpLiteral', () => {
  it('knows address literals, bracketed or not, from names', () => {
    for (const host of ['127.0.0.1', '::1', '[::1]', '[fd00:ec2::254]']) expect(isIpLiteral(host), host).toBe(true);
    for (const host of ['localhost', 'example.com', '', '[]']) expect(isIpLiteral(host), host).toBe(false);
  });
});

describe('urlRefusal', () => {
  it.each([
    ['file:///etc/passwd', 'notHttp'],
    ['javascript:alert(1)', 'notHttp'],
    ['data:text/html,<script>alert(1)</script>', 'notHttp'],
    ['ftp://example.com/', 'notHttp'],
    ['not a url', 'notAUrl'],
    ['', 'notAUrl'],
    ['http://169.254.169.254/latest', 'linkLocal'],
    ['http://[::1]:80/', 'loopback'],
    ['https://10.0.0.1/admin', 'private'],
    // WHATWG URL parsing turns these spellings of 127.0.0.1 into the dotted form before the check.
    ['http://0x7f.1/', 'loopback'],
    ['http://2130706433/', 'loopback'],
    ['http://127.1/', 'loopback'],
    ['http://[::ffff:127.0.0.1]/', 'loopback'],
  ])('refuses %s (%s)', (url, reason) => {
    expect(urlRefusal(url, publicOnly)).toBe(reason);
  });

  it('leaves names alone: they are resolved and checked on every request', () => {
    expect(urlRefusal('http://example.com/', publicOnly)).toBeNull();
    expect(urlRefusal('https://localhost:8443/', publicOnly)).toBeNull();
  });

  it('accepts public address literals', () => {
    expect(urlRefusal('https://93.184.216.34/', publicOnly)).toBeNull();
    expect(urlRefusal('http://[2606:4700:4700::1111]/', publicOnly)).toBeNull();
  });

  it('accepts a loopback URL when the allow-list has loopback', () => {
    expect(urlRefusal('http://127.0.0.1/', { allowedNetworks: ['127.0.0.0/8'] })).toBeNull();
    expect(urlRefusal('http://127.0.0.1:3000/shop', { allowedNetworks: ['127.0.0.0/8'] })).toBeNull();
  });
});

describe('outbound configuration', () => {
  /** The variables loadConfig complains about for an environment. */
  function problemsOf(env: Record<string, string>) {
    try {
      loadConfig(env);
      return [];
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return (error as ConfigError).problems;
    }
  }
  const badVariables = (env: Record<string, string>) => problemsOf(env).map((p) => p.variable);

  it('defaults to public addresses only, three redirects and ten seconds', () => {
    expect(loadConfig({})).toMatchObject({ OUTBOUND_ALLOWED_NETWORKS: [], OUTBOUND_MAX_REDIRECTS: 3, OUTBOUND_TIMEOUT_MS: 10_000 });
    expect(outboundPolicyOf(loadConfig({}))).toEqual(DEFAULT_OUTBOUND_POLICY);
  });

  it('reads OUTBOUND_ALLOWED_NETWORKS as a comma list, trimming spaces and skipping empty entries', () => {
    const config = loadConfig({ OUTBOUND_ALLOWED_NETWORKS: ' 127.0.0.0/8 , 10.0.0.5,fd00::/8 ,' });
    expect(config.OUTBOUND_ALLOWED_NETWORKS).toEqual(['127.0.0.0/8', '10.0.0.5', 'fd00::/8']);
    expect(loadConfig({ OUTBOUND_ALLOWED_NETWORKS: ' , ' }).OUTBOUND_ALLOWED_NETWORKS).toEqual([]);
  });

  it('refuses a bad network entry, naming the variable and the entry', () => {
    const problems = problemsOf({ OUTBOUND_ALLOWED_NETWORKS: '127.0.0.0/8, intranet, 10.0.0.0/40' });
    expect(problems.map((p) => p.variable)).toEqual(['OUTBOUND_ALLOWED_NETWORKS', 'OUTBOUND_ALLOWED_NETWORKS']);
    expect(problems[0]?.message).toContain('intranet');
    expect(problems[1]?.message).toContain('10.0.0.0/40');
    expect(() => loadConfig({ OUTBOUND_ALLOWED_NETWORKS: 'intranet' })).toThrow(/OUTBOUND_ALLOWED_NETWORKS/);
  });

  it('takes OUTBOUND_MAX_REDIRECTS as a whole number from 0 to 10', () => {
    expect(loadConfig({ OUTBOUND_MAX_REDIRECTS: '0' }).OUTBOUND_MAX_REDIRECTS).toBe(0);
    expect(loadConfig({ OUTBOUND_MAX_REDIRECTS: ' 10 ' }).OUTBOUND_MAX_REDIRECTS).toBe(10);
    for (const bad of ['-1', '11', '1.5', 'many']) expect(badVariables({ OUTBOUND_MAX_REDIRECTS: bad }), bad).toEqual(['OUTBOUND_MAX_REDIRECTS']);
  });

  it('takes OUTBOUND_TIMEOUT_MS as whole milliseconds from 100 to 60000', () => {
    expect(loadConfig({ OUTBOUND_TIMEOUT_MS: '100' }).OUTBOUND_TIMEOUT_MS).toBe(100);
    expect(loadConfig({ OUTBOUND_TIMEOUT_MS: '60000' }).OUTBOUND_TIMEOUT_MS).toBe(60_000);
    for (const bad of ['99', '60001', '0', '250.5', 'slow']) expect(badVariables({ OUTBOUND_TIMEOUT_MS: bad }), bad).toEqual(['OUTBOUND_TIMEOUT_MS']);
  });

  it('turns the configuration into the policy requests are sent under', () => {
    const policy = outboundPolicyOf(
      loadConfig({ OUTBOUND_ALLOWED_NETWORKS: '127.0.0.0/8,fd00::/8', OUTBOUND_MAX_REDIRECTS: '5', OUTBOUND_TIMEOUT_MS: '2500' }),
    );
    expect(policy).toEqual({ allowedNetworks: ['127.0.0.0/8', 'fd00::/8'], maxRedirects: 5, timeoutMs: 2500 });
    // The configured list is what refusalOf consults.
    expect(refusalOf('127.0.0.1', policy)).toBeNull();
    expect(refusalOf('10.0.0.1', policy)).toBe('private');
  });
});
