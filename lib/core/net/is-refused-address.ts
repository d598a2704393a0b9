/**
 * Which IP addresses the link preview may connect to. Only globally routable unicast addresses
 * are fetched; everything a server could reach but the public could not (loopback, private and
 * link-local networks, cloud metadata at 169.254.169.254, CGNAT, multicast…) is refused unless an
 * administrator allow-lists it (LINK_PREVIEW_ALLOWED_HOSTS). Pure code, no DNS: see
 * fetch-link-preview.ts for resolution.
 */
export type AddressCategory =
  | "public"
  | "unspecified"
  | "this-network"
  | "loopback"
  | "private"
  | "shared"
  | "link-local"
  | "unique-local"
  | "site-local"
  | "multicast"
  | "broadcast"
  | "documentation"
  | "benchmark"
  | "reserved";

interface Network {
  bytes: Uint8Array;
  prefix: number;
}

export interface AllowList {
  hosts: ReadonlySet<string>;
  networks: readonly Network[];
}

export const EMPTY_ALLOW_LIST: AllowList = { hosts: new Set(), networks: [] };

/** 4 bytes for an IPv4 address, 16 for IPv6 (brackets and a %zone are ignored), else null. */
export function parseIp(text: string): Uint8Array | null {
  const ip = text.replace(/^\[(.*)\]$/, "$1").replace(/%.*$/, "");
  return ip.includes(":") ? parseIpv6(ip) : parseIpv4(ip);
}

function parseIpv4(ip: string): Uint8Array | null {
  const parts = ip.split(".");
  if (parts.length !== 4 || !parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255))
    return null;
  return Uint8Array.from(parts.map(Number));
}

function parseIpv6(ip: string): Uint8Array | null {
  const halves = ip.split("::");
  if (halves.length > 2) return null;
  const groups = (half: string | undefined): number[] | null => {
    if (!half) return [];
    const out: number[] = [];
    const parts = half.split(":");
    for (const [i, part] of parts.entries()) {
      if (i === parts.length - 1 && part.includes(".")) {
        const v4 = parseIpv4(part);
        if (!v4) return null;
        out.push((v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!);
      } else if (/^[0-9a-f]{1,4}$/i.test(part)) {
        out.push(parseInt(part, 16));
      } else {
        return null;
      }
    }
    return out;
  };
  const head = groups(halves[0]);
  const tail = halves.length === 2 ? groups(halves[1]) : [];
  if (!head || !tail) return null;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  const all = [...head, ...new Array<number>(missing).fill(0), ...tail];
  const bytes = new Uint8Array(16);
  all.forEach((group, i) => {
    bytes[i * 2] = group >> 8;
    bytes[i * 2 + 1] = group & 0xff;
  });
  return bytes;
}

function parseNetwork(text: string): Network | null {
  const [address = "", prefixText, extra] = text.split("/");
  if (extra !== undefined) return null;
  const bytes = parseIp(address);
  if (!bytes) return null;
  if (prefixText === undefined) return { bytes, prefix: bytes.length * 8 };
  if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > bytes.length * 8) return null;
  return { bytes, prefix: Number(prefixText) };
}

function inNetwork(bytes: Uint8Array, network: Network): boolean {
  if (bytes.length !== network.bytes.length) return false;
  for (let bit = 0; bit < network.prefix; bit += 8) {
    const bits = Math.min(8, network.prefix - bit);
    const mask = (0xff << (8 - bits)) & 0xff;
    if ((bytes[bit / 8]! & mask) !== (network.bytes[bit / 8]! & mask)) return false;
  }
  return true;
}

const table = (rows: [string, AddressCategory][]) =>
  rows.map(([cidr, category]) => ({ network: parseNetwork(cidr)!, category }));

// IANA special-purpose registries; the first matching row wins.
const IPV4_RANGES = table([
  ["0.0.0.0/32", "unspecified"],
  ["0.0.0.0/8", "this-network"],
  ["10.0.0.0/8", "private"],
  ["100.64.0.0/10", "shared"],
  ["127.0.0.0/8", "loopback"],
  ["169.254.0.0/16", "link-local"],
  ["172.16.0.0/12", "private"],
  ["192.0.0.0/24", "reserved"],
  ["192.0.2.0/24", "documentation"],
  ["192.88.99.0/24", "reserved"],
  ["192.168.0.0/16", "private"],
  ["198.18.0.0/15", "benchmark"],
  ["198.51.100.0/24", "documentation"],
  ["203.0.113.0/24", "documentation"],
  ["224.0.0.0/4", "multicast"],
  ["255.255.255.255/32", "broadcast"],
  ["240.0.0.0/4", "reserved"],
]);

const IPV6_RANGES = table([
  ["::/128", "unspecified"],
  ["::1/128", "loopback"],
  ["64:ff9b:1::/48", "reserved"],
  ["2001:db8::/32", "documentation"],
  ["2001::/23", "reserved"],
  ["3fff::/20", "documentation"],
  ["fc00::/7", "unique-local"],
  ["fe80::/10", "link-local"],
  ["fec0::/10", "site-local"],
  ["ff00::/8", "multicast"],
]);

const GLOBAL_UNICAST_V6 = parseNetwork("2000::/3")!;

/** IPv6 forms that carry an IPv4 address, which is what a connection really reaches. */
const IPV4_MAPPED = parseNetwork("::ffff:0:0/96")!;
const EMBEDDED_IPV4 = [
  { network: IPV4_MAPPED, offset: 12 },
  { network: parseNetwork("64:ff9b::/96")!, offset: 12 }, // NAT64
  { network: parseNetwork("2002::/16")!, offset: 2 }, // 6to4
];

function embeddedIpv4(bytes: Uint8Array): Uint8Array | null {
  if (bytes.length !== 16) return null;
  const form = EMBEDDED_IPV4.find((f) => inNetwork(bytes, f.network));
  return form ? bytes.slice(form.offset, form.offset + 4) : null;
}

function categoryOf(bytes: Uint8Array): AddressCategory {
  const v4 = bytes.length === 4 ? bytes : embeddedIpv4(bytes);
  if (v4) return IPV4_RANGES.find((r) => inNetwork(v4, r.network))?.category ?? "public";
  const special = IPV6_RANGES.find((r) => inNetwork(bytes, r.network));
  if (special) return special.category;
  return inNetwork(bytes, GLOBAL_UNICAST_V6) ? "public" : "reserved";
}

/** What kind of address this is, or null when it is not an IP address. */
export function addressCategory(ip: string): AddressCategory | null {
  const bytes = parseIp(ip);
  return bytes ? categoryOf(bytes) : null;
}

const HOSTNAME =
  /^(?=.{1,253}$)[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)*$/;

const normaliseHost = (host: string) => host.trim().toLowerCase().replace(/\.$/, "");

/** True for a hostname, an IP address or a CIDR network (`10.0.0.0/8`, `fd00::/8`). */
export function isValidAllowListEntry(entry: string): boolean {
  const value = normaliseHost(entry);
  return parseNetwork(value) !== null || HOSTNAME.test(value);
}

/** Allow-list entries (hostnames, IPs, CIDRs) as a matcher; throws on an invalid entry. */
export function parseAllowList(entries: readonly string[]): AllowList {
  const hosts = new Set<string>();
  const networks: Network[] = [];
  for (const entry of entries.map(normaliseHost).filter(Boolean)) {
    const network = parseNetwork(entry);
    if (network) networks.push(network);
    else if (HOSTNAME.test(entry)) hosts.add(entry);
    else throw new Error(`Invalid link preview allow-list entry: ${JSON.stringify(entry)}`);
  }
  return { hosts, networks };
}

export function isAllowedHost(hostname: string, allowList: AllowList): boolean {
  return allowList.hosts.has(normaliseHost(hostname));
}

/** An IPv4-mapped IPv6 address matches IPv4 entries too (`::ffff:10.0.0.1` is in 10.0.0.0/8). */
export function isAllowedAddress(ip: string, allowList: AllowList): boolean {
  const bytes = parseIp(ip);
  if (!bytes) return false;
  const mapped = inNetwork(bytes, IPV4_MAPPED) ? bytes.slice(12) : null;
  return allowList.networks.some((n) => inNetwork(bytes, n) || (mapped && inNetwork(mapped, n)));
}

/** True when Chorus must not connect to `ip`: not a public address, and not allow-listed. */
export function isRefusedAddress(ip: string, allowList: AllowList = EMPTY_ALLOW_LIST): boolean {
  const category = addressCategory(ip);
  if (category === null) return true;
  return category !== "public" && !isAllowedAddress(ip, allowList);
}
