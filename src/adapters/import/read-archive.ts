import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { unzipSync } from "fflate";

/** Bounds on what an archive may unpack to: a zip bomb is refused, not unpacked. */
const MAX_FILE = 100 * 1024 * 1024;
const MAX_TOTAL = 1024 * 1024 * 1024;

export class ArchiveError extends Error {}

/** The JSON files of a zip (a Slack export), a directory (an unpacked one) or a single file, by relative path. */
export const readJsonFiles = async (source: string): Promise<Map<string, string>> => {
  const info = await stat(source).catch(() => null);
  if (!info) throw new ArchiveError(`${source} does not exist.`);
  const files = new Map<string, string>();
  if (info.isDirectory()) {
    let total = 0;
    for (const entry of await readdir(source, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith(".json")) continue;
      const full = path.join(entry.parentPath, entry.name);
      total += (await stat(full)).size;
      if (total > MAX_TOTAL) throw new ArchiveError(`${source} holds more than 1 GB of JSON; import it a part at a time.`);
      files.set(path.relative(source, full).split(path.sep).join("/"), await readFile(full, "utf8"));
    }
    return files;
  }
  const bytes = await readFile(source);
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    let total = 0;
    let unpacked: Record<string, Uint8Array>;
    try {
      unpacked = unzipSync(bytes, {
        filter: (f) => {
          if (!f.name.endsWith(".json")) return false;
          total += f.originalSize;
          if (f.originalSize > MAX_FILE || total > MAX_TOTAL) throw new ArchiveError(`${source} unpacks to more than the import allows (100 MB a file, 1 GB in all).`);
          return true;
        },
      });
    } catch (e) {
      if (e instanceof ArchiveError) throw e;
      throw new ArchiveError(`${source} is not a readable zip file (${e instanceof Error ? e.message : String(e)}).`);
    }
    const decoder = new TextDecoder("utf-8");
    for (const [name, data] of Object.entries(unpacked)) files.set(name.replace(/^\/+/, ""), decoder.decode(data));
    return files;
  }
  files.set(path.basename(source), bytes.toString("utf8"));
  return files;
};
