/** Words of a message with where they sit, what shape they have and whether they open a sentence. */
export interface Token {
  text: string;
  start: number;
  end: number;
  /** First letter upper case, the rest not all upper case: "Maria", "O'Neil", "McKay", "Jae-won". */
  capitalised: boolean;
  /** All lower case: "brianna". */
  lower: boolean;
  /** Opens a sentence, a line, a list item or a quote, where capitals say nothing about a name. */
  initial: boolean;
  /** Inside a link, an e-mail address or a handle: never a name in the running text. */
  inLink: boolean;
}

const WORD = /[\p{L}][\p{L}\p{M}]*(?:['’-][\p{L}][\p{L}\p{M}]*)*/gu;
const LINKISH = /\b(?:https?:\/\/|www\.)\S+|\b[\w.-]+\.(?:com|org|net|gov|edu|io|co|us|uk|ca|me|app|ai|tv|ly|ee|link|page|site|info)(?:\/\S*)?|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|[@#$][\p{L}\d_.]+/giu;
const OPENER = /(?:^|[.!?:;|•\n\r"“(\[]|\s-|—|–)\s*$/;

let memo: { text: string; tokens: Token[] } = { text: "", tokens: [] };

/** Where links, e-mail addresses and handles sit in a text. */
export const linkSpans = (text: string): [number, number][] => [...text.matchAll(LINKISH)].map((m) => [m.index!, m.index! + m[0].length]);

export const tokenize = (text: string): Token[] => {
  if (memo.text === text) return memo.tokens;
  const links = linkSpans(text);
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const word = m[0], start = m.index!, end = start + word.length;
    const first = word[0]!;
    const rest = word.slice(1);
    // A capital, then at least one lower-case letter: "Maria", "McKay", "Jae-won"; not "PT", "LGBTQ".
    const capitalised = first !== first.toLowerCase() && /\p{Ll}/u.test(rest);
    tokens.push({
      text: word, start, end, capitalised,
      lower: word === word.toLowerCase(),
      initial: OPENER.test(text.slice(Math.max(0, start - 4), start)) || start === 0,
      inLink: links.some(([a, b]) => start >= a && end <= b) || /[\w.]@$|[/.@]$/.test(text.slice(Math.max(0, start - 1), start)),
    });
  }
  memo = { text, tokens };
  return tokens;
};
