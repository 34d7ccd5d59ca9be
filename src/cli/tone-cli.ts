import { toneFromFiles } from "../app/data-files";
import { createToneCheck } from "../core/tone/create-tone-check";
import { toneNudge } from "../core/tone/tone-nudge";
import { answerJsonLines } from "./jsonl-filter";
import { runCli } from "./run-cli";

/**
 * `npm run tone -- --jsonl`: JSONL {"id","text"} in, {"id","flagged","category","spans"} out, one line each.
 * `npm run tone -- "some text"`: what reads as disparaging in one message, and the nudge a member would get.
 */
runCli(async () => {
  const args = process.argv.slice(2);
  const check = createToneCheck(toneFromFiles);
  check.warm?.();
  if (args[0] === "--jsonl") {
    return answerJsonLines((_id, text) => {
      const r = text ? check.inspect(text) : { flagged: false, category: null, spans: [] };
      return { flagged: r.flagged, category: r.category, spans: r.spans.map((s) => s.text) };
    });
  }
  const text = args.join(" ").trim();
  if (!text) {
    process.stderr.write('Usage: npm run tone -- "message text"   or   npm run tone -- --jsonl < messages.jsonl\n');
    return 2;
  }
  const r = check.inspect(text);
  if (!r.flagged) {
    process.stdout.write("Nothing reads as disparaging.\n");
    return 0;
  }
  const nudge = toneNudge(r, "post");
  process.stdout.write(`${r.category}\n`);
  for (const s of r.spans) process.stdout.write(`  ${JSON.stringify(s.text)} at ${s.start}-${s.end} (${s.rule})\n`);
  process.stdout.write(`\n${nudge.text}\n`);
  return 1;
});
