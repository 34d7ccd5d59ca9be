import { Rng } from "./seeded-random";

export { Rng };

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
