import { ModalBuilder } from "discord.js";
import { describe, expect, it } from "vitest";
import { resolveModal } from "../../src/adapters/discord/discord-handlers";
import { saveModal } from "../../src/adapters/discord/discord-message-actions";

const tags = Array.from({ length: 40 }, (_, i) => `tag-${i}-${"x".repeat(120)}`);

/**
 * discord.js's builders check a modal against Discord's limits as they serialise it (a title of 45
 * characters, labels of 45, descriptions of 100, custom ids of 100, 25 options, values within bounds).
 */
describe("the forms Peerloop shows on Discord fit Discord's limits (issue 27)", () => {
  it.each([
    ["Resolve", resolveModal("0b6c1c9e-6f1e-4d51-9f0e-1f6a2f0d6c11")],
    ["Save to library, no tags yet", saveModal("k".repeat(12), [], "")],
    ["Save to library, many long tags and a long note", saveModal("k".repeat(12), tags, "n".repeat(3000))],
  ])("%s", (_name, modal) => {
    const json = new ModalBuilder(modal as never).toJSON() as unknown as { components: { type: number; component: { options?: unknown[]; value?: string } }[] };
    expect(json.components.every((c) => c.type === 18)).toBe(true);
    for (const c of json.components) {
      expect((c.component.options ?? []).length).toBeLessThanOrEqual(25);
      expect((c.component.value ?? "").length).toBeLessThanOrEqual(1000);
    }
  });
});
