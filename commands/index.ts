import { ask } from "./ask";
import type { CommandDef } from "./define";
import { feedback } from "./feedback";
import { follow, unfollow } from "./follow";
import { notify } from "./notify";
import { peerloop } from "./peerloop";
import { resources } from "./resources";
import { roundup } from "./roundup";
import { share } from "./share";
import { source } from "./source";

/** Every command, in the order help lists them. Slack's manifest and Discord's registration come from here. */
export const COMMANDS: readonly CommandDef[] = [share, resources, ask, feedback, follow, unfollow, source, notify, roundup, peerloop];

export const commandByName = (name: string): CommandDef | undefined => COMMANDS.find((c) => c.name === name.toLowerCase());
