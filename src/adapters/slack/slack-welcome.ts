import type { webApi } from "@slack/bolt";
import { afterAck, identify, type SlackDeps } from "./slack-handlers";
import { deliverOutcome, type Respond } from "./slack-deliver";

type WebClient = webApi.WebClient;
type Ack = (response?: unknown) => Promise<void>;

interface SlackUser {
  id: string;
  is_bot?: boolean;
  is_app_user?: boolean;
  deleted?: boolean;
  name?: string;
  real_name?: string;
  profile?: { display_name?: string };
}

interface EventArgs<E> {
  event: E;
  client: WebClient;
  body: { team_id?: string };
  context: { botUserId?: string; teamId?: string };
}

const nameOf = (u: SlackUser) => u.profile?.display_name || u.real_name || u.name || u.id;
// Slackbot is a person-shaped user that is no person.
const isBot = (u: SlackUser) => Boolean(u.is_bot || u.is_app_user || u.id === "USLACKBOT");

/** Welcomes a member who joined (by direct message), once: the core decides whether they get one. */
const welcome = async (deps: SlackDeps, client: WebClient, teamId: string, user: SlackUser) => {
  const actor = await identify(deps, client, { teamId, userId: user.id, userName: nameOf(user) });
  const outcome = await deps.app.memberJoined(actor, { isBot: isBot(user) });
  await deliverOutcome(client, deps.app, outcome, { communityId: actor.communityId, channelId: user.id, userId: user.id }, deps.logger);
};

/** team_join: someone joined a workspace Peerloop is installed in (the event carries the whole user). */
export const handleTeamJoin = (deps: SlackDeps) => async ({ event, client, body, context }: EventArgs<{ user: SlackUser }>) => {
  const teamId = body.team_id ?? context.teamId;
  if (!teamId || !event.user?.id || isBot(event.user) || event.user.deleted) return;
  await afterAck(deps, "team-join", undefined, () => welcome(deps, client, teamId, event.user));
};

/** member_joined_channel: someone joined a channel the bot is in (the community's). Bots and apps are looked up and left out. */
export const handleMemberJoinedChannel = (deps: SlackDeps) => async ({ event, client, body, context }: EventArgs<{ user: string; channel: string }>) => {
  const teamId = body.team_id ?? context.teamId;
  if (!teamId || !event.user || event.user === context.botUserId) return;
  await afterAck(deps, "member-joined-channel", undefined, async () => {
    const info = await client.users.info({ user: event.user }).catch(() => null);
    const user: SlackUser = (info?.user as SlackUser | undefined) ?? { id: event.user };
    if (isBot(user)) return;
    await welcome(deps, client, teamId, { ...user, id: event.user });
  });
};

interface WelcomeActionArgs {
  ack: Ack;
  respond: Respond;
  client: WebClient;
  body: {
    user: { id: string; username?: string }; team?: { id: string; domain?: string } | null; channel?: { id: string };
    actions: { action_id: string; block_id?: string; value?: string; selected_options?: { value: string }[] }[];
  };
}

/** A welcome step's button ("welcome", its value says the choice) or list ("welcome-pick", its block says the step). */
export const handleWelcomeAction = (deps: SlackDeps) => async ({ ack, respond, client, body }: WelcomeActionArgs) => {
  await ack();
  const action = body.actions[0];
  if (!action || !body.team?.id) return;
  await afterAck(deps, "welcome", respond, async () => {
    const actor = await identify(deps, client, { teamId: body.team!.id, userId: body.user.id, userName: body.user.username, teamName: body.team!.domain });
    const outcome = action.action_id === "welcome-pick"
      ? await deps.app.welcomeAnswer(actor, (action.block_id ?? "").replace(/^welcome:/, ""), (action.selected_options ?? []).map((o) => o.value))
      : await deps.app.welcomeAnswer(actor, action.value ?? "");
    await deliverOutcome(client, deps.app, outcome, { communityId: actor.communityId, channelId: body.channel?.id ?? body.user.id, userId: body.user.id, respond }, deps.logger);
  });
};
