import { MessageFlags, PermissionFlagsBits, type ButtonInteraction, type ChatInputCommandInteraction, type GuildMember, type PartialGuildMember, type StringSelectMenuInteraction } from "discord.js";
import type { Actor } from "../../core/shared/context";
import type { DiscordPlace } from "./discord-deliver";
import { deliver, identify, type DiscordDeps } from "./discord-handlers";

/** guildMemberAdd (needs the Server Members intent): the new member's welcome, by direct message; bots get nothing. */
export const handleMemberAdd = (deps: DiscordDeps) => async (member: GuildMember) => {
  if (member.user.bot) return;
  try {
    await deps.limit(async () => {
      const actor = await identify(deps, { guildId: member.guild.id, guildName: member.guild.name, userId: member.id, name: member.displayName, isAdmin: false });
      const outcome = await deps.app.memberJoined(actor, { isBot: member.user.bot });
      await deliver(deps, outcome, { communityId: actor.communityId, guildId: member.guild.id, channelId: "", userId: member.id });
    });
  } catch (error) {
    deps.logger.error("discord welcome failed", { guildId: member.guild.id, error: error instanceof Error ? error.message : String(error) });
  }
};

/** guildMemberRemove: remembered, so a return within 30 days is not welcomed again. */
export const handleMemberRemove = (deps: DiscordDeps) => async (member: GuildMember | PartialGuildMember) => {
  if (member.user?.bot) return;
  await deps.app.memberLeftIn("discord", member.guild.id, member.id);
};

/**
 * Without the Server Members intent Discord never says who joined: a member who joined the server
 * lately is welcomed at their first command instead, after its answer.
 */
export const firstCommandWelcome = async (deps: DiscordDeps, actor: Actor, i: ChatInputCommandInteraction, place: DiscordPlace): Promise<void> => {
  if (deps.serverMembers) return;
  const m = i.member;
  const joined = !m ? null : "joinedAt" in m ? m.joinedAt : m.joined_at ? new Date(m.joined_at) : null;
  const welcome = await deps.app.welcomeAtFirstCommand(actor, joined && !Number.isNaN(joined.getTime()) ? joined : null, { isBot: i.user.bot });
  if (welcome.messages.length) await deliver(deps, welcome, { ...place, answered: true });
};

/** True for a welcome's button or list, wherever it was pressed (its direct message names no server: the id does). */
export const isWelcomeControl = (i: { customId?: string }): boolean => /^welcome(-pick)?:\d{1,20}:/.test(i.customId ?? "");

/** A welcome step answered: `welcome:<guild>:<round:step:choice>` or `welcome-pick:<guild>:<round:step>` with the list's values. */
export const answerWelcome = async (deps: DiscordDeps, i: ButtonInteraction | StringSelectMenuInteraction) => {
  await i.deferReply({ flags: MessageFlags.Ephemeral });
  const [, guildId = "", ...rest] = i.customId.split(":");
  let value = rest.join(":");
  if (i.isButton() && value.startsWith("~")) value = (await deps.stash.take(value.slice(1))) ?? "";
  const guild = deps.client.guilds.cache.get(guildId);
  const member = guild ? await guild.members.fetch(i.user.id).catch(() => null) : null;
  if (!guild || !member) {
    await i.editReply({ content: "That welcome is for a server Peerloop is no longer in, or that you left." });
    return;
  }
  const actor = await identify(deps, {
    guildId, guildName: guild.name, userId: i.user.id, name: member.displayName, isAdmin: member.permissions.has(PermissionFlagsBits.ManageGuild),
  });
  const outcome = i.isStringSelectMenu() ? await deps.app.welcomeAnswer(actor, value, i.values) : await deps.app.welcomeAnswer(actor, value);
  await deliver(deps, outcome, { communityId: actor.communityId, guildId, channelId: i.channelId ?? "", userId: i.user.id, interaction: i });
};
