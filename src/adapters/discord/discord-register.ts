import { Routes, type REST } from "discord.js";
import { COMMANDS } from "../../../commands/index";
import { discordCommands, sameDefinitions } from "./discord-commands";

/**
 * Registers every command of commands/ with one bulk overwrite, globally or to one server, and
 * skips the write when Discord already has the same definitions (a restart changes nothing).
 */
export const registerCommands = async (rest: REST, applicationId: string, guildId?: string): Promise<"registered" | "unchanged"> => {
  const route = guildId ? Routes.applicationGuildCommands(applicationId, guildId) : Routes.applicationCommands(applicationId);
  const wanted = discordCommands(COMMANDS);
  const existing = (await rest.get(route)) as Record<string, unknown>[];
  if (sameDefinitions(existing, wanted)) return "unchanged";
  await rest.put(route, { body: wanted });
  return "registered";
};

/** The standalone deploy: looks up the application the token belongs to, then registers. */
export const deployCommands = async (rest: REST, guildId?: string) => {
  const app = (await rest.get(Routes.currentApplication())) as { id: string };
  return registerCommands(rest, app.id, guildId);
};
