/**
 * The client's address. The socket's peer is the client unless it is one of the configured
 * TRUSTED_PROXIES: then X-Forwarded-For is read from the right, skipping every trusted hop,
 * and the first untrusted address is the client. A header that arrives from any other peer
 * is ignored (anyone can write one), so failure limits cannot be dodged by sending it.
 */
import { BlockList, isIP } from 'node:net';

/** Parses "10.0.0.1, 10.1.0.0/16, ::1" into a BlockList; throws naming the first bad entry. */
export function trustedProxyList(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = '', prefix, extra] = entry.split('/');
    const family = isIP(address);
    const bits = prefix === undefined ? undefined : Number(prefix);
    const maxBits = family === 6 ? 128 : 32;
    if (
      family === 0 ||
      extra !== undefined ||
      (bits !== undefined && !(Number.isInteger(bits) && bits >= 0 && bits <= maxBits && /^\d+$/.test(prefix ?? '')))
    ) {
      throw new RangeError(`"${entry}" is not an IP address or CIDR range`);
    }
    const type = family === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, bits, type);
  }
  return list;
}

/** `::ffff:10.0.0.1` (an IPv4 peer on a dual-stack socket) is 10.0.0.1. */
const plain = (address: string) => address.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');

function isTrusted(trusted: BlockList, address: string): boolean {
  const family = isIP(address);
  return family !== 0 && trusted.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

export function clientAddressOf(
  socketAddress: string | undefined,
  forwardedFor: string | undefined,
  trusted: BlockList | undefined,
): string {
  const peer = plain(socketAddress ?? '') || 'unknown';
  if (!trusted || !forwardedFor || !isTrusted(trusted, peer)) return peer;
  let client = peer;
  const hops = forwardedFor.split(',').map(plain);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    if (isIP(hop) === 0) return client; // a malformed hop: believe no further
    client = hop;
    if (!isTrusted(trusted, hop)) return client;
  }
  return client;
}
