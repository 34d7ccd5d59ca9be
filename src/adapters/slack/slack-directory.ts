import type { webApi } from "@slack/bolt";

type WebClient = webApi.WebClient;

interface Person {
  name: string;
  isAdmin: boolean;
  at: number;
}

const TTL = 10 * 60_000;
const MAX = 5_000;

/**
 * Names and admin flags of Slack users and workspaces, cached for ten minutes (bounded), so a
 * busy channel does not call users.info for every message.
 */
export class SlackDirectory {
  private readonly people = new Map<string, Person>();
  private readonly teams = new Map<string, string>();

  async person(client: WebClient, userId: string, fallback?: string): Promise<{ name: string; isAdmin: boolean }> {
    const hit = this.people.get(userId);
    if (hit && Date.now() - hit.at < TTL) return hit;
    let person: Person = { name: fallback || userId, isAdmin: false, at: Date.now() };
    try {
      const { user } = await client.users.info({ user: userId });
      if (user) {
        person = {
          name: user.profile?.display_name || user.real_name || user.name || person.name,
          isAdmin: Boolean(user.is_admin || user.is_owner || user.is_primary_owner),
          at: Date.now(),
        };
      }
    } catch {
      // Missing users:read or a hiccup: act with what the payload said, retry on the next call.
      person.at = 0;
    }
    if (this.people.size >= MAX) this.people.delete(this.people.keys().next().value!);
    this.people.set(userId, person);
    return person;
  }

  async teamName(client: WebClient, teamId: string, fallback?: string): Promise<string> {
    if (fallback) this.teams.set(teamId, fallback);
    const hit = this.teams.get(teamId);
    if (hit) return hit;
    try {
      const { team } = await client.team.info({ team: teamId });
      const name = team?.name || teamId;
      this.teams.set(teamId, name);
      return name;
    } catch {
      return teamId;
    }
  }
}
