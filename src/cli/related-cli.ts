import { randomBytes } from "node:crypto";
import readline from "node:readline";
import { RelatedFixture, RELATED_LINE, scratchCommunity } from "../app/related-eval";
import { relatedFromFiles } from "../app/data-files";
import { RelatedService } from "../core/related/related-service";
import { systemClock } from "../core/shared/clock";
import { openDatabase } from "../db/open-database";
import { prismaStore } from "../db/prisma-store";
import { runCli } from "./run-cli";
import { jsonLogger } from "../app/json-logger";

/**
 * `npm run related -- --jsonl`: the related-answers evaluation door. Reads JSON lines on stdin
 * ({"op":"answered"|"resource"|"ask", ...}), stores the archive in a scratch community through the
 * real service and database code (the embedded database in memory, or DATABASE_URL, where the scratch
 * community is deleted afterwards), and for each ask prints {"id","related":[...]}: at most three ids,
 * best first, exactly what a member would be shown before the question goes out (empty unless the
 * model is confident), and "thread": what would be linked in its thread after it is posted.
 */
runCli(async () => {
  if (process.argv[2] !== "--jsonl") {
    process.stderr.write("Usage: npm run related -- --jsonl < lines.jsonl   (answered / resource / ask lines; see README)\n");
    return 2;
  }
  const url = process.env.DATABASE_URL || undefined;
  const db = await openDatabase(url ? { url, poolMax: 4 } : { dataDir: "memory://", migrate: true });
  const store = prismaStore(db.prisma);
  const related = new RelatedService({ repo: store.related!, ...relatedFromFiles, clock: systemClock, logger: jsonLogger("warn") });
  const name = `related-eval-${randomBytes(4).toString("hex")}`;
  const scratch = await scratchCommunity(store, name);
  const fixture = new RelatedFixture(store, related, scratch);
  try {
    let n = 0;
    const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
    // Each line is stored in order; time moves a second a line, as an archive grows.
    const start = Date.now() - 86_400_000;
    for await (const raw of rl) {
      n++;
      if (!raw.trim()) continue;
      let parsed;
      try {
        parsed = RELATED_LINE.safeParse(JSON.parse(raw));
      } catch {
        process.stderr.write(`line ${n}: not JSON, skipped\n`);
        continue;
      }
      if (!parsed.success) {
        process.stderr.write(`line ${n}: ${parsed.error.issues[0]?.path.join(".") || "line"}: ${parsed.error.issues[0]?.message}, skipped\n`);
        continue;
      }
      const answer = await fixture.apply(parsed.data, new Date(start + n * 1_000));
      if (answer) process.stdout.write(`${JSON.stringify(answer)}\n`);
    }
  } finally {
    await db.prisma.$executeRaw`DELETE FROM communities WHERE id = ${scratch.community.id}::uuid`.catch(() => undefined);
    await db.close();
  }
  return 0;
});
