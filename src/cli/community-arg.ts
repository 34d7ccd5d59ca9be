import { createContainer, type Container } from "../app/container";
import { jsonLogger } from "../app/json-logger";
import { loadConfig } from "../config";
import type { Community } from "../core/members/member-types";
import type { Platform } from "../core/shared/context";
import { UUID } from "../core/shared/clean-text";
import type { Store } from "../core/store";

const PLATFORMS: Platform[] = ["slack", "discord", "shell"];

export class CommunityArgError extends Error {}

/**
 * `--community` as an operator knows it: Peerloop's id (a UUID), a platform id with its platform
 * ("slack:T0123", "discord:81234…", "shell:local"), or a bare platform id when only one platform has it.
 * With `create`, a "platform:id" that is not there yet is created (an import into a new community).
 */
export const findCommunity = async (store: Store, spec: string, opts: { create?: { name?: string } } = {}): Promise<Community> => {
  const value = spec.trim();
  if (!value) throw new CommunityArgError("--community needs a community id.");
  if (UUID.test(value)) {
    const c = await store.communities.get(value.toLowerCase());
    if (c) return c;
    throw new CommunityArgError(`There's no community with id ${value}. List them with: npm run web -- communities`);
  }
  const [prefix, ...rest] = value.split(":");
  if (rest.length && PLATFORMS.includes(prefix as Platform)) {
    const platform = prefix as Platform;
    const externalId = rest.join(":");
    const found = await store.communities.findByExternalId(platform, externalId);
    if (found) return found;
    if (opts.create) return store.communities.upsert(platform, externalId, opts.create.name ?? externalId);
    throw new CommunityArgError(`There's no ${platform} community ${externalId}. List them with: npm run web -- communities`);
  }
  const matches = (await Promise.all(PLATFORMS.map((p) => store.communities.findByExternalId(p, value)))).filter((c): c is Community => c !== null);
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) throw new CommunityArgError(`${value} is a community on ${matches.map((m) => m.platform).join(" and ")}: say which, e.g. --community ${matches[0]!.platform}:${value}`);
  // Last, the community's name as people say it ("Rural Social Work Network"), when only one has it.
  const named = (await store.communities.list()).filter((c) => c.name.toLowerCase() === value.toLowerCase());
  if (named.length === 1) return named[0]!;
  if (named.length > 1) throw new CommunityArgError(`${named.length} communities are called "${value}": use an id instead (${named.map((c) => c.id).join(", ")}).`);
  throw new CommunityArgError(`There's no community ${value}. Use its name, Peerloop's id or platform:id (e.g. slack:T0123). List them with: npm run web -- communities`);
};

/**
 * Runs a data CLI's work with the app's container: a `--community` the operator got wrong is one
 * line and exit code 2, and the database is closed whatever happens.
 */
export const withContainer = async (work: (container: Container) => Promise<number | void>): Promise<number> => {
  const config = loadConfig();
  const container = await createContainer(config, jsonLogger(config.LOG_LEVEL ?? "warn"));
  try {
    return (await work(container)) ?? 0;
  } catch (error) {
    if (error instanceof CommunityArgError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  } finally {
    await container.close();
  }
};
