import { parseArgs } from "node:util";
import { CommunityArgError, findCommunity, withContainer } from "./community-arg";
import { runCli } from "./run-cli";

const USAGE = `Usage: npm run web -- link --community <id or platform:id> [--member <platform user id>]
       npm run web -- communities`;

/** The operator's side of the web pages: a signed link for an admin, the communities and their addresses. */
runCli(async () => {
  let parsed: { values: { community?: string; member?: string; help?: boolean }; positionals: string[] };
  try {
    parsed = parseArgs({ options: { community: { type: "string" }, member: { type: "string" }, help: { type: "boolean" } }, allowPositionals: true, strict: true });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const [verb, ...extra] = parsed.positionals;
  if (parsed.values.help || !verb) return void process.stdout.write(`${USAGE}\n`);
  if (!["link", "communities"].includes(verb) || extra.length || (verb === "link" && !parsed.values.community)) {
    process.stderr.write(`${verb === "link" ? "--community is required." : `Unknown "${[verb, ...extra].join(" ")}".`}\n${USAGE}\n`);
    return 2;
  }
  return withContainer(async (container) => {
    if (verb === "communities") {
      const all = await container.store.communities.list();
      if (!all.length) process.stdout.write("No communities yet: they appear when Peerloop is first used in a workspace, server or the shell.\n");
      for (const c of all) process.stdout.write(`${c.id}  ${c.platform}:${c.externalId}  ${c.name}  web-access ${c.webAccess}  ${container.links.communityUrl(c.id)}\n`);
      return 0;
    }
    const community = await findCommunity(container.store, parsed.values.community!);
    if (community.webAccess === "off") process.stderr.write(`Note: ${community.name} has web-access off, so the link shows nothing until an admin turns it on (/peerloop settings web-access members).\n`);
    let member = parsed.values.member ? await container.store.members.findByExternalId(community.id, parsed.values.member) : null;
    if (parsed.values.member && !member) throw new CommunityArgError(`${community.name} has no member ${parsed.values.member}.`);
    // Without --member: the community's first admin, or an admin identity for the command line.
    member ??= await container.data.firstAdmin(community.id) ?? await container.store.members.upsert(community.id, "cli:admin", "Peerloop admin (command line)", true);
    const { url, expiresAt } = await container.links.memberLink(community.id, member.id);
    process.stdout.write(`${url}\n`);
    process.stderr.write(`A sign-in link for ${member.displayName} to ${community.name}'s library, valid until ${expiresAt.toISOString()}. Keep it private.\n`);
    return 0;
  });
});
