import { lookup } from "node:dns";
import { isIP, type LookupFunction } from "node:net";
import ipaddr from "ipaddr.js";

/**
 * Which addresses the fetcher may connect to: public unicast only. Loopback, private, link-local
 * (the 169.254.169.254 metadata service), carrier-grade NAT (another cloud's metadata), multicast,
 * unique-local (fd00:ec2::254), reserved and IPv4 hidden in IPv6 forms are refused, unless the host
 * or the address is listed in PEERLOOP_FETCH_ALLOW.
 */
export class AddressPolicy {
  private readonly allowed: Set<string>;

  /** `publicAllowed` false: only listed hosts and addresses, nothing on the internet. */
  constructor(allow: readonly string[] = [], private readonly publicAllowed = true) {
    this.allowed = new Set(allow.map((h) => bare(h)));
  }

  static fromList(list: string | undefined, publicAllowed = true): AddressPolicy {
    return new AddressPolicy((list ?? "").split(",").map((s) => s.trim()).filter(Boolean), publicAllowed);
  }

  hostAllowed(host: string): boolean {
    return this.allowed.has(bare(host));
  }

  /** A resolved (or literal) address this policy lets the fetcher reach. */
  addressAllowed(address: string, host?: string): boolean {
    if (host && this.hostAllowed(host)) return true;
    if (this.allowed.has(bare(address))) return true;
    return this.publicAllowed && isPublicUnicast(address);
  }

  /**
   * A DNS lookup for net.connect that refuses a host if any of its addresses is not allowed: the
   * check runs on the address actually connected to, so DNS rebinding between check and connect
   * cannot slip through.
   */
  lookup(): LookupFunction {
    return ((hostname: string, options: { all?: boolean; family?: number }, callback: (...args: unknown[]) => void) => {
      lookup(hostname, { all: true, family: options?.family ?? 0 }, (error, addresses) => {
        if (error) return callback(error);
        const refused = addresses.find((a) => !this.addressAllowed(a.address, hostname));
        if (refused || addresses.length === 0) {
          const e = Object.assign(new Error(`refused: ${hostname} resolves to a private or reserved address (${refused?.address ?? "none"})`), { code: "PEERLOOP_BLOCKED" });
          return callback(e);
        }
        if (options?.all) return callback(null, addresses);
        return callback(null, addresses[0]!.address, addresses[0]!.family);
      });
    }) as unknown as LookupFunction;
  }
}

const bare = (host: string) => host.trim().toLowerCase().replace(/^\[|\]$/g, "");

export const isPublicUnicast = (address: string): boolean => {
  const a = bare(address);
  if (!isIP(a)) return false;
  let parsed = ipaddr.parse(a);
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  return parsed.range() === "unicast";
};
