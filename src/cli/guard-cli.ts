import { guardFromFiles } from "../app/data-files";
import { createGuard } from "../core/guard/create-guard";
import { suggestRewrite } from "../core/guard/suggest-rewrite";
import { answerJsonLines } from "./jsonl-filter";
import { runCli } from "./run-cli";

/**
 * `npm run guard -- --jsonl`: JSONL {"id","text"} in, {"id","flagged","findings"} out, one line each.
 * `npm run guard -- "some text"`: the findings for one message, for admins to try.
 */
runCli(async () => {
  const args = process.argv.slice(2);
  const guard = createGuard(guardFromFiles);
  guard.warm?.();
  if (args[0] === "--jsonl") {
    return answerJsonLines((_id, text) => {
      const findings = text ? guard.inspect(text).map(({ type, text: found }) => ({ type, text: found })) : [];
      return { flagged: findings.length > 0, findings };
    });
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
