/**
 * Which addresses a webhook may reach: only public ones, unless WEBHOOK_ALLOW_LOCAL=1.
 * Checked on the addresses DNS gives at connection time (the lookup of the request itself),
 * so a name cannot pass the check and then resolve elsewhere (DNS rebinding).
 */
import { BlockList, isIP } from 'node:net';
import { lookup } from 'node:dns/promises';

const NOT_PUBLIC = new BlockList();
for (const [prefix, bits] of [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // CGNAT (shared address space)
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local (cloud metadata at 169.254.169.254)
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const)
  NOT_PUBLIC.addSubnet(prefix, bits, 'ipv4');
for (const [prefix, bits] of [
  ['::', 96], // unspecified, loopback and the deprecated IPv4-compatible ::a.b.c.d
  ['2001::', 23], // IETF protocol assignments (Teredo among them)
  ['2002::', 16], // 6to4: an IPv4 address inside
  ['64:ff9b:1::', 48], // local-use NAT64
  ['100::', 64], // discard
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique-local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
] as const)
  NOT_PUBLIC.addSubnet(prefix, bits, 'ipv6');

/** An IPv4 address carried inside IPv6 (mapped `::ffff:a.b.c.d`, NAT64 `64:ff9b::a.b.c.d`), or undefined. */
function embeddedIpv4(address: string): string | undefined {
  const m = /^(?:::ffff:|64:ff9b::)(?:0:)?(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (m) return m[1];
  const hex = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (!hex) return undefined;
  const [hi, lo] = [Number.parseInt(hex[1] ?? '0', 16), Number.parseInt(hex[2] ?? '0', 16)];
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
}

/** True for a public unicast address; false for private, loopback, link-local, unique-local, CGNAT and the like. */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return !NOT_PUBLIC.check(address, 'ipv4');
  if (family !== 6) return false;
  const v4 = embeddedIpv4(address);
  if (v4 !== undefined) return isPublicAddress(v4);
  return !NOT_PUBLIC.check(address, 'ipv6');
}

export class WebhookTargetError extends Error {
  override name = 'WebhookTargetError';
}

/** Why a webhook URL may not be used, before any lookup (scheme, credentials); undefined when it may. */
export function urlProblem(url: string, allowLocal: boolean): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'must be a URL such as https://crm.example.com/hooks/cpi';
  }
  if (parsed.protocol !== 'https:' && !(allowLocal && parsed.protocol === 'http:')) return 'must start with https://';
  if (parsed.username || parsed.password) return 'must not contain a user name or password';
  if (parsed.hash) return 'must not contain a #fragment';
  return undefined;
}

/**
 * Resolves a host name and refuses it when any of its addresses is not public (one private
 * answer among public ones is enough to refuse: a rebinding resolver can pick either).
 * Returns the addresses to connect to.
 */
export async function resolvePublic(host: string, allowLocal: boolean): Promise<{ address: string; family: number }[]> {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  const found = isIP(bare)
    ? [{ address: bare, family: isIP(bare) }]
    : await lookup(bare, { all: true, verbatim: true });
  if (found.length === 0) throw new WebhookTargetError(`${host} does not resolve`);
  if (!allowLocal) {
    const refused = found.find((a) => !isPublicAddress(a.address));
    if (refused) throw new WebhookTargetError(`${host} resolves to ${refused.address}, which is not a public address`);
  }
  return found;
}
