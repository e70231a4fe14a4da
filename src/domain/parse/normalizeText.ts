// First step of every reply parser: one canonical spelling of what the woman typed.
// - full-width ASCII (０-９, Ａ-Ｚ, ，？！：；（） …) becomes half-width;
// - CJK punctuation without a full-width ASCII twin (。、【】「」“” — …) becomes its ASCII look-alike;
// - whitespace (including the ideographic space) collapses to one space, ends are trimmed;
// - Latin letters are lowercased (Chinese text is unaffected).

const CJK_PUNCTUATION: Record<string, string> = {
  '。': '.',
  '、': ',',
  '｡': '.',
  '､': ',',
  '【': '[',
  '】': ']',
  '「': '"',
  '」': '"',
  '『': '"',
  '』': '"',
  '“': '"',
  '”': '"',
  '‘': "'",
  '’': "'",
  '〈': '<',
  '〉': '>',
  '《': '<',
  '》': '>',
  '—': '-',
  '–': '-',
  '‐': '-',
  '‑': '-',
  '‒': '-',
  '―': '-',
  '−': '-',
  '〜': '~',
  '·': '.',
  '・': '.',
  '…': '...',
};

export function normalizeText(text: string): string {
  let out = '';
  for (const ch of String(text ?? '')) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0xff01 && code <= 0xff5e) {
      // full-width ASCII block maps 1:1 onto '!'..'~'
      out += String.fromCodePoint(code - 0xfee0);
    } else if (code === 0x3000) {
      out += ' ';
    } else {
      out += CJK_PUNCTUATION[ch] ?? ch;
    }
  }
  return out
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/[A-Z]/g, (c) => c.toLowerCase());
}
