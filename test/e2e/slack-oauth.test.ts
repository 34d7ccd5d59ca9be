import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, signedHeaders, startFakeSlack } from "../support/fake-slack";
import { startBot } from "../support/start-bot";

const SECRET = "oauth-signing-secret";
let slack: Awaited<ReturnType<typeof startFakeSlack>>;
let bot: Awaited<ReturnType<typeof startBot>>;

beforeAll(async () => {
  slack = await startFakeSlack();
  bot = await startBot({
    SLACK_CLIENT_ID: "111.222", SLACK_CLIENT_SECRET: "client-secret", SLACK_STATE_SECRET: "state-secret-long-enough",
    SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: `${slack.url}/api/`,
  });
}, 60_000);
afterAll(async () => {
  await bot?.stop();
  await slack?.close();
});

const command = async (team: string, text: string) => {
  const body = new URLSearchParams({
    team_id: team, team_domain: "second", channel_id: "CSEC", user_id: "UINSTALLER", user_name: "installer", command: "/share", text,
    response_url: `${slack.url}/respond/${team}-${text.length}`, trigger_id: "t", api_app_id: "A1",
  }).toString();
  return fetch(`${bot.base}/slack/events`, { method: "POST", body, headers: signedHeaders(SECRET, body, { contentType: "application/x-www-form-urlencoded" }) });
};

describe("Slack across workspaces (OAuth install)", () => {
  it("installs a workspace through /slack/install, keeps its installation in the database, and serves it with its own token", async () => {
    const install = await fetch(`${bot.base}/slack/install`, { redirect: "manual" });
    expect(install.status).toBe(302);
    const location = new URL(install.headers.get("location")!);
    expect(location.origin + location.pathname).toBe("https://slack.com/oauth/v2/authorize");
    expect(location.searchParams.get("scope")).toContain("chat:write");
    const state = location.searchParams.get("state")!;
    const cookie = install.headers.get("set-cookie")!.split(";")[0]!;

    const callback = await fetch(`${bot.base}/slack/oauth_redirect?code=abc&state=${encodeURIComponent(state)}`, { headers: { cookie } });
    expect(callback.status).toBe(200);
    expect(slack.of("oauth.v2.access")[0]!.args.code).toBe("abc");

    expect((await command("T-abc", "https://example.org/installed #ethics")).status).toBe(200);
    const card = await eventually(() => slack.of("chat.postMessage").find((c) => JSON.stringify(c.args).includes("example.org/installed")), 5_000, "card");
    expect(card.token).toBe("xoxb-installed-abc");
  });

  it("refuses a workspace that never installed the app, without falling over", async () => {
    // Without an installation there is no token to answer with: Bolt acks, logs, and nothing is posted.
    await command("T-unknown", "https://example.org/nope");
    await new Promise((r) => setTimeout(r, 300));
    expect((await fetch(`${bot.base}/healthz`)).status).toBe(200);
    expect(slack.of("chat.postMessage").some((c) => JSON.stringify(c.args).includes("example.org/nope"))).toBe(false);
  });
});
