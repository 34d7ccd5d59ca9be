import type { Message } from "../../core/shared/message";
import { escapeHtml, safeHref } from "../web/html";

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

/**
 * A neutral message as a multipart email: plain text, and simple HTML with inline styles (what common
 * clients render), every piece of member text escaped, no images and no tracking.
 */
export const renderEmail = (m: Message, footer: { communityName: string; unsubscribeUrl?: string }): RenderedEmail => {
  const subject = (m.title ?? m.text).replace(/\s+/g, " ").slice(0, 150);
  const lines: string[] = [];
  if (m.title) lines.push(m.title, "");
  lines.push(m.text);
  if (m.quote) lines.push("", ...m.quote.split("\n").map((l) => `> ${l}`));
  for (const f of m.fields ?? []) lines.push(`${f.label}: ${f.value}`);
  if (m.items?.length) lines.push("", ...m.items.map((i) => `- ${i.title}${i.url ? ` <${i.url}>` : ""}${i.detail ? ` (${i.detail})` : ""}`));
  for (const l of m.links ?? []) lines.push("", `${l.label}: ${l.url}`);
  lines.push("", "--", `You get this from Peerloop for ${footer.communityName}.`);
  if (footer.unsubscribeUrl) lines.push(`Unsubscribe: ${footer.unsubscribeUrl}`);

  const link = (url: string, label: string) => {
    const href = safeHref(url);
    return href ? `<a href="${escapeHtml(href)}" style="color:#0b57a4">${escapeHtml(label)}</a>` : escapeHtml(label);
  };
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:0;background:#f3f5f8">
<div style="max-width:600px;margin:0 auto;padding:24px 16px;font:16px/1.55 -apple-system,'Segoe UI',Roboto,Arial,sans-serif;color:#1b1f24">
<div style="background:#ffffff;border:1px solid #c9d1db;border-radius:8px;padding:20px 24px">
${m.title ? `<h1 style="font-size:20px;line-height:1.3;margin:0 0 12px">${escapeHtml(m.title)}</h1>` : ""}
<p style="margin:0 0 12px">${escapeHtml(m.text)}</p>
${m.quote ? `<blockquote style="margin:0 0 12px;padding:2px 0 2px 12px;border-left:3px solid #c9d1db;white-space:pre-wrap">${escapeHtml(m.quote)}</blockquote>` : ""}
${(m.fields ?? []).map((f) => `<p style="margin:0 0 8px"><strong>${escapeHtml(f.label)}:</strong> <span style="font-size:${f.label === "Your code" ? "22px;letter-spacing:3px" : "16px"}">${escapeHtml(f.value)}</span></p>`).join("\n")}
${m.items?.length ? `<ul style="padding-left:20px;margin:0 0 12px">${m.items.map((i) => `<li style="margin:0 0 6px">${i.url ? link(i.url, i.title) : escapeHtml(i.title)}${i.detail ? `<br><span style="color:#4a5360;font-size:14px">${escapeHtml(i.detail)}</span>` : ""}</li>`).join("")}</ul>` : ""}
${(m.links ?? []).map((l) => `<p style="margin:16px 0 0">${link(l.url, l.label)}</p>`).join("\n")}
</div>
<p style="color:#4a5360;font-size:13px;margin:16px 4px">You get this from Peerloop for ${escapeHtml(footer.communityName)}.${footer.unsubscribeUrl ? ` ${link(footer.unsubscribeUrl, "Unsubscribe")}.` : ""}</p>
</div></body></html>`;
  return { subject, text: lines.join("\n"), html };
};
