import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, startRuntime } from "../../src/bench/processes";

const dockerfile = readFileSync(path.join(ROOT, "Dockerfile"), "utf8");

describe("the bot's runtime settings are defined once (npm start) and repeated where it starts otherwise", () => {
  it("reads npm start's malloc settings and node flags, each default overridable by its variable", () => {
    const defaults = startRuntime({});
    expect(defaults.env).toEqual({ MALLOC_ARENA_MAX: "2", MALLOC_TRIM_THRESHOLD_: "2097152", MALLOC_MMAP_THRESHOLD_: "1048576" });
    expect(defaults.nodeArgs).toEqual(["--max-old-space-size=192", "--max-semi-space-size=4"]);
    expect(startRuntime({ PEERLOOP_HEAP_MB: "256", MALLOC_ARENA_MAX: "4" })).toMatchObject({ env: { MALLOC_ARENA_MAX: "4" }, nodeArgs: ["--max-old-space-size=256", "--max-semi-space-size=4"] });
  });

  it("the Dockerfile runs the bot with the same flags and malloc settings as npm start", () => {
    const { env, nodeArgs } = startRuntime({});
    const envLine = /^ENV (.+)$/m.exec(dockerfile)![1]!;
    for (const [name, value] of Object.entries(env)) expect(envLine).toContain(`${name}=${value}`);
    const cmd = JSON.parse(/^CMD (\[.+\])$/m.exec(dockerfile)![1]!) as string[];
    for (const flag of nodeArgs) expect(cmd).toContain(flag);
  });
});
