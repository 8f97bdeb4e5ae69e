import { describe, expect, it } from 'vitest';
import { isIpLiteral, parseNetwork, refusalOf, urlRefusal } from '../../src/platform/outbound/outboundPolicy.js';

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
