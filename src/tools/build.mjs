// `npm run build` (also run by `npm install`): compiles the production entry points to JavaScript in
// dist/ with esbuild, so `npm start`, the jobs and the other CLIs run plain `node`: no TypeScript loader
// (faster start, less memory), and signals reach the bot itself (tsx's relay SIGKILLs a child that is
// slow to confirm a SIGTERM, which loses a graceful drain on a busy machine). Packages stay external
// (node_modules); our code is bundled per entry with shared chunks, and dynamic imports stay lazy (a
// door's SDK loads only when configured). Plain JavaScript on purpose: it runs before anything is compiled.
import { copyFileSync, existsSync, rmSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

export const ROOT = path.resolve(import.meta.dirname, "../..");

/** Production entry points: dist name → source. Tests run these same files. */
export const ENTRIES = {
  main: "src/main.ts",
  "cli/jobs": "src/cli/jobs-cli.ts",
  "cli/guard": "src/cli/guard-cli.ts",
  "cli/slack-manifest": "src/cli/slack-manifest-cli.ts",
  "cli/discord-deploy": "src/cli/discord-deploy-cli.ts",
  "cli/export": "src/cli/export-cli.ts",
  "cli/import": "src/cli/import-cli.ts",
  "cli/web": "src/cli/web-cli.ts",
  "cli/tone": "src/cli/tone-cli.ts",
  "cli/related": "src/cli/related-cli.ts",
  "cli/health": "src/cli/health-cli.ts",
};

/** Data files the detectors read at start, copied beside the built entry points. */
export const DATA_FILES = [
  "src/core/guard/data/guard-lexicon.json", "src/core/guard/data/guard-model.json", "src/core/text-model/data/word-clusters.json", "src/core/text-model/data/word-vectors.json",
  "src/core/tone/data/tone-model.json", "src/core/related/data/related-model.json",
];

/** The built file for a source entry ("src/cli/jobs-cli.ts" → ".../dist/cli/jobs.js"). */
export const distFor = (source) => {
  const name = Object.entries(ENTRIES).find(([, src]) => src === source)?.[0];
  if (!name) throw new Error(`${source} is not a production entry point (see src/tools/build.mjs)`);
  return path.join(ROOT, "dist", `${name}.js`);
};

export const buildDist = async () => {
  let esbuild;
  try {
    esbuild = await import("esbuild");
  } catch {
    // A production install without devDependencies: use the dist/ that was shipped with it.
    if (existsSync(path.join(ROOT, "dist/main.js"))) return false;
    throw new Error("esbuild is missing and there is no dist/; run `npm install` with devDependencies.");
  }
  rmSync(path.join(ROOT, "dist"), { recursive: true, force: true });
  await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: ENTRIES,
    outdir: "dist",
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    sourcemap: true,
    chunkNames: "chunks/[name]-[hash]",
    logLevel: "warning",
  });
  // The detectors' data files, read by the bot and the CLIs at start (not bundled: the jobs never need them).
  for (const file of DATA_FILES) if (existsSync(path.join(ROOT, file))) copyFileSync(path.join(ROOT, file), path.join(ROOT, "dist", path.basename(file)));
  return true;
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const started = Date.now();
  try {
    const built = await buildDist();
    console.log(built ? `peerloop build: dist/ in ${Date.now() - started} ms` : "peerloop build: kept the shipped dist/ (no esbuild here)");
  } catch (error) {
    console.error(`peerloop build: ${error.message}`);
    process.exit(1);
  }
}
