import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/** Loopback, private, link-local, carrier-grade NAT and unspecified ranges: never a webhook receiver by default. */
const PRIVATE = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
] as const)
  PRIVATE.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
] as const)
  PRIVATE.addSubnet(net, bits, 'ipv6');

/** True for an address in a private range (IPv4-mapped IPv6 addresses are checked as IPv4). */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return PRIVATE.check(mapped, 'ipv4');
  return PRIVATE.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');
}

/** Receivers on private networks are allowed only with LINLI_WEBHOOK_ALLOW_PRIVATE=1 (a local integration, tests). */
export const privateReceiversAllowed = () => process.env.LINLI_WEBHOOK_ALLOW_PRIVATE === '1';

/**
 * Why a delivery to `url` must not go out, or null. Resolves the host and refuses any private address, so a
 * webhook cannot reach the server's own network (the database, metadata services). Redirects are not followed.
 */
export async function refusedTarget(url: string): Promise<string | null> {
  if (privateReceiversAllowed()) return null;
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) ? [host] : (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
  const bad = addresses.find(isPrivateAddress);
  return bad ? `refused: ${host} is a private address (${bad}); set LINLI_WEBHOOK_ALLOW_PRIVATE=1 to allow` : null;
}
