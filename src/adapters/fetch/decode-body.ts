/**
 * Bytes to text by the document's own declaration: the Content-Type charset, else a <meta charset>
 * or XML declaration near the top, else UTF-8. An unknown or lying label never throws: unreadable
 * bytes become U+FFFD.
 */
export const decodeBody = (bytes: Buffer, contentType: string): string => {
  const label = charsetOf(contentType) ?? sniffCharset(bytes) ?? "utf-8";
  try {
    return new TextDecoder(label, { fatal: false }).decode(bytes);
  } catch {
    return new TextDecoder("utf-8", { fatal: false }).decode(bytes);
  }
};

const charsetOf = (contentType: string): string | null => /charset\s*=\s*"?([\w.:-]{1,40})/i.exec(contentType)?.[1] ?? null;

const sniffCharset = (bytes: Buffer): string | null => {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  const head = bytes.subarray(0, 1024).toString("latin1");
  return /<meta[^>]+charset\s*=\s*["']?([\w.:-]{1,40})/i.exec(head)?.[1] ?? /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]{1,40})/i.exec(head)?.[1] ?? null;
};
