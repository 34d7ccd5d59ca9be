/** The http(s) links in a message's text, in order, once each (trailing punctuation left out). */
export const linksIn = (text: string): string[] => [...new Set([...text.matchAll(/https?:\/\/[^\s<>|"]+[^\s<>|".,;:!?)\]]/gi)].map((m) => m[0]))];
