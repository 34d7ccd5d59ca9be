import { bundledLexicon } from "../core/guard/data/bundled-lexicon";
import readline from "node:readline";
import { createGuard } from "../core/guard/create-guard";
import { suggestRewrite } from "../core/guard/suggest-rewrite";
import { runCli } from "./run-cli";

/**
 * `npm run guard -- --jsonl`: JSONL {"id","text"} in, {"id","flagged","findings"} out, one line each.
 * `npm run guard -- "some text"`: the findings for one message, for admins to try.
 */
runCli(async () => {
  const args = process.argv.slice(2);
  const guard = createGuard(bundledLexicon);
  if (args[0] === "--jsonl") {
    const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
    let line = 0;
    for await (const raw of rl) {
      line++;
      if (!raw.trim()) continue;
      let msg: { id?: unknown; text?: unknown };
      try {
        msg = JSON.parse(raw);
      } catch {
        process.stderr.write(`line ${line}: not JSON, skipped\n`);
        continue;
      }
      const findings = typeof msg.text === "string" ? guard.inspect(msg.text).map(({ type, text }) => ({ type, text })) : [];
      process.stdout.write(`${JSON.stringify({ id: msg.id, flagged: findings.length > 0, findings })}\n`);
    }
    return 0;
  }
  const text = args.join(" ").trim();
  if (!text) {
    process.stderr.write('Usage: npm run guard -- "message text"   or   npm run guard -- --jsonl < messages.jsonl\n');
    return 2;
  }
  const findings = guard.inspect(text);
  if (findings.length === 0) process.stdout.write("No client-identifying details found.\n");
  for (const f of findings) process.stdout.write(`${f.type.padEnd(17)} ${JSON.stringify(f.text)}  at ${f.start}-${f.end}  → try ${suggestRewrite(f)}\n`);
  return findings.length ? 1 : 0;
});
