/** A seeded random source (mulberry32), so a failing fuzz run reproduces from its seed. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
}

/**
 * Fragments members (or attackers) can type: mentions typed as text and the platform's own markup,
 * group pings, control characters, bidi overrides, private-use characters, markup, SQL and tsquery
 * syntax, forged links, long runs and odd Unicode. `real` is the one user a message truly mentions.
 */
export const hostileText = (rng: Rng, real: string): string => {
  const fragments = [
    "&lt;@U0OWNER004&gt;", `<@${real}>`, `<@${real}|real>`, "&lt;!channel&gt;", "<!here>", "<!everyone>", "&lt;!subteam^S1&gt;",
    "\u0000", "\u0007", "\u001b[31m", "\u202Eevil", "\uE000@U0OWNER004\uE001", "\uD800", "&amp;lt;@U0OWNER004&amp;gt;",
    "'); DROP TABLE resources;--", "a & b | !c :* (d)", "<https://evil.example|click>", "&lt;https://evil.example|click&gt;",
    "*bold* _it_ ~s~ `code` ```block```", "#ethics", "#" + "t".repeat(60), "@here", "💥🧪", "Zalgơ̶̢", "\n\n", " ", "%00", "${jndi:ldap://x}",
    "x".repeat(rng.int(1, 3) * 1000), "https://example.org/" + "p".repeat(rng.int(0, 50)), "null", "undefined", "{}", "[]",
  ];
  let out = "";
  const n = rng.int(0, 8);
  for (let i = 0; i < n; i++) out += rng.pick(fragments) + (rng.next() < 0.5 ? " " : "");
  return out;
};
