// A WeChat reply that quotes an earlier message arrives, with the default puppet, as one text:
//   「name：the quoted words」
//   - - - - - - - - - - - - - - -
//   her reply
// Only her reply is hers to read: the quoted words (often the bot's own question) would be read as
// her answer (quoting the privacy notice and writing 同意 once led to the deletion question).
const QUOTED = /^「[\s\S]*?」[ \t]*\r?\n[ \t]*(?:-[ \t]*){6,}\r?\n([\s\S]*)$/;

/** Her words in a message that may quote another: the reply after the quote, or the text as it is. */
export function replyOfQuote(text: string): string {
  const m = QUOTED.exec(text);
  return m ? m[1].trim() : text;
}
