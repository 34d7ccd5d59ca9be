import { createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { finished } from "node:stream/promises";
import { parseArgs } from "node:util";
import { streamWriter } from "../app/web-routes";
import { exportCommunity } from "../core/data/export-community";
import { EXPORT_FORMATS, type ExportFormat } from "../core/web/site-types";
import { findCommunity, withContainer } from "./community-arg";
import { runCli } from "./run-cli";

const USAGE = "Usage: npm run export -- --community <id or platform:id> [--format json|csv|md] [--out file]";

/** `npm run export`: a community's data, streamed to a file (written whole or not at all) or to stdout. */
runCli(async () => {
  let values: { community?: string; format?: string; out?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ options: { community: { type: "string" }, format: { type: "string" }, out: { type: "string" }, help: { type: "boolean" } }, strict: true }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) return void process.stdout.write(`${USAGE}\n`);
  const format = (values.format ?? "json").toLowerCase();
  if (!values.community || !(EXPORT_FORMATS as readonly string[]).includes(format)) {
    process.stderr.write(`${!values.community ? "--community is required." : `--format takes ${EXPORT_FORMATS.join(", ")}.`}\n${USAGE}\n`);
    return 2;
  }
  return withContainer(async (container) => {
    const community = await findCommunity(container.store, values.community!);
    if (!values.out) {
      await exportCommunity(container.data, community.id, format as ExportFormat, streamWriter(process.stdout), container.clock.now());
      return 0;
    }
    // Into a temporary file first: an interrupted export never leaves a file that looks complete.
    const partial = `${values.out}.partial`;
    const file = createWriteStream(partial);
    try {
      await exportCommunity(container.data, community.id, format as ExportFormat, streamWriter(file), container.clock.now());
      file.end();
      await finished(file);
      await rename(partial, values.out);
    } catch (error) {
      file.destroy();
      await rm(partial, { force: true });
      throw error;
    }
    process.stderr.write(`Exported ${community.name} (${community.platform}) as ${format} to ${values.out}\n`);
    return 0;
  });
});
