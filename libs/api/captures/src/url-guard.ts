import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';

/**
 * Which addresses server-side URL capture may connect to. Public unicast addresses are fine;
 * everything else (loopback, private, link-local, unspecified, multicast, reserved, documentation,
 * translation prefixes) is refused unless the operator allows it with CAPTURE_ALLOW_HOSTS
 * (host names, addresses or CIDR blocks) or, for private ranges only, CAPTURE_ALLOW_PRIVATE.
 */

type RangeKind = 'private' | 'local' | 'special';
interface SpecialRange {
  cidr: string;
  label: string;
  kind: RangeKind;
}

const RANGES: SpecialRange[] = [
  { cidr: '0.0.0.0/8', label: 'an unspecified ("this network") address', kind: 'special' },
  { cidr: '10.0.0.0/8', label: 'a private (RFC 1918) address', kind: 'private' },
  { cidr: '100.64.0.0/10', label: 'a shared (carrier-grade NAT) address', kind: 'private' },
  { cidr: '127.0.0.0/8', label: 'a loopback address', kind: 'local' },
  { cidr: '169.254.0.0/16', label: 'a link-local address', kind: 'local' },
  { cidr: '172.16.0.0/12', label: 'a private (RFC 1918) address', kind: 'private' },
  { cidr: '192.0.0.0/24', label: 'a reserved (IETF protocol) address', kind: 'special' },
  { cidr: '192.0.2.0/24', label: 'a documentation address', kind: 'special' },
  { cidr: '192.88.99.0/24', label: 'a reserved (6to4 relay) address', kind: 'special' },
  { cidr: '192.168.0.0/16', label: 'a private (RFC 1918) address', kind: 'private' },
  { cidr: '198.18.0.0/15', label: 'a benchmarking address', kind: 'special' },
  { cidr: '198.51.100.0/24', label: 'a documentation address', kind: 'special' },
  { cidr: '203.0.113.0/24', label: 'a documentation address', kind: 'special' },
  { cidr: '224.0.0.0/4', label: 'a multicast address', kind: 'special' },
  { cidr: '240.0.0.0/4', label: 'a reserved (or broadcast) address', kind: 'special' },
  { cidr: '::/128', label: 'the unspecified address', kind: 'special' },
  { cidr: '::1/128', label: 'a loopback address', kind: 'local' },
  { cidr: '::/96', label: 'an IPv4-compatible (deprecated) address', kind: 'special' },
  { cidr: '64:ff9b::/96', label: 'an IPv4/IPv6 translation address', kind: 'special' },
  { cidr: '64:ff9b:1::/48', label: 'an IPv4/IPv6 translation address', kind: 'special' },
  { cidr: '100::/64', label: 'a discard-only address', kind: 'special' },
  { cidr: '2001::/23', label: 'a reserved (IETF protocol) address', kind: 'special' },
  { cidr: '2001:db8::/32', label: 'a documentation address', kind: 'special' },
  { cidr: '2002::/16', label: 'a 6to4 address', kind: 'special' },
  { cidr: 'fc00::/7', label: 'a private (unique local) address', kind: 'private' },
  { cidr: 'fe80::/10', label: 'a link-local address', kind: 'local' },
  { cidr: 'fec0::/10', label: 'a site-local address', kind: 'private' },
  { cidr: 'ff00::/8', label: 'a multicast address', kind: 'special' },
];

function familyOf(ip: string): 'ipv4' | 'ipv6' {
  return isIP(ip) === 6 ? 'ipv6' : 'ipv4';
}

function addCidr(list: BlockList, cidr: string): void {
  const [ip, bits] = cidr.split('/');
  if (bits === undefined) list.addAddress(ip, familyOf(ip));
  else list.addSubnet(ip, Number(bits), familyOf(ip));
}

const compiled = RANGES.map((range) => {
  const list = new BlockList();
  addCidr(list, range.cidr);
  return { ...range, list };
});

/** `::ffff:127.0.0.1` (an IPv4-mapped IPv6 address) → `127.0.0.1`; `[::1]` → `::1`. */
export function normaliseAddress(address: string): string {
  const bare = address.replace(/^\[|\]$/g, '').toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(bare);
  if (mapped) return mapped[1];
  const hexMapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(bare);
  if (hexMapped) {
    const hi = parseInt(hexMapped[1], 16);
    const lo = parseInt(hexMapped[2], 16);
    return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  }
  return bare;
}

/** The special range an address falls in, or null for a public address. */
export function classifyAddress(address: string): SpecialRange | null {
  const ip = normaliseAddress(address);
  const family = familyOf(ip);
  return (
    compiled.find((r) => familyOf(r.cidr.split('/')[0]) === family && r.list.check(ip, family)) ??
    null
  );
}

export interface AddressPolicyOptions {
  allowHosts: readonly string[];
  allowPrivate: boolean;
}

/** Thrown when a URL's host is not one capture may connect to; the message says why. */
export class BlockedAddressError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BlockedAddressError';
  }
}

const REFUSAL = 'URL capture refuses private and local addresses unless an operator allows them';

export class AddressPolicy {
  private readonly allowedNames = new Set<string>();
  private readonly allowedAddresses = new BlockList();

  constructor(private readonly options: AddressPolicyOptions) {
    for (const entry of options.allowHosts) {
      const ip = entry.split('/')[0];
      if (isIP(ip))
        addCidr(this.allowedAddresses, entry.includes('/') ? entry : normaliseAddress(entry));
      else this.allowedNames.add(entry.toLowerCase().replace(/\.$/, ''));
    }
  }

  /** Whether the operator allows this host name whatever it resolves to. */
  allowsName(hostname: string): boolean {
    return this.allowedNames.has(hostname.toLowerCase().replace(/\.$/, ''));
  }

  /**
   * Null when `address` may be connected to (for `hostname`), else why not. `hostname` is the name
   * as written in the URL (or the address itself).
   */
  problem(hostname: string, address: string): string | null {
    if (this.allowsName(hostname)) return null;
    const ip = normaliseAddress(address);
    const range = classifyAddress(ip);
    if (!range) return null;
    if (this.allowedAddresses.check(ip, familyOf(ip))) return null;
    if (range.kind === 'private' && this.options.allowPrivate) return null;
    const bareHost = hostname.replace(/^\[|\]$/g, '');
    const subject =
      normaliseAddress(bareHost) === ip ? `${ip} is` : `${bareHost} resolves to ${ip},`;
    return `${subject} ${range.label}; ${REFUSAL}.`;
  }

  /**
   * A `lookup` for http.request/net.connect that resolves the host and refuses the connection
   * when any of its addresses is not allowed, so the address checked is the address connected
   * to (no DNS-rebinding window). Handles both the single-address and the `all: true` forms.
   */
  lookup(): (
    hostname: string,
    options: { all?: boolean; family?: number | string },
    callback: (...args: unknown[]) => void,
  ) => void {
    return (hostname, options, callback) => {
      dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses: LookupAddress[]) => {
        if (error) return callback(error);
        if (addresses.length === 0) {
          return callback(new BlockedAddressError(`${hostname} does not resolve to any address.`));
        }
        for (const { address } of addresses) {
          const problem = this.problem(hostname, address);
          if (problem) return callback(new BlockedAddressError(problem));
        }
        if (options.all) return callback(null, addresses);
        const first = addresses[0];
        return callback(null, first.address, first.family);
      });
    };
  }
}
