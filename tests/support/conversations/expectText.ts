// The checks of a turn's expectations (tests/conversations/README.md): on the text of her replies or
// of what she received (joined by "\n", or message by message), and on a staff answer's JSON.
import { isDeepStrictEqual } from 'node:util';
import type { TextExpectation } from './caseSchema.js';

export interface Said {
  text: string;
  /** When it was sent (ISO). */
  at: string;
}

const MINUTE = 60_000;
const sameMinute = (a: string, b: string) => Math.floor(Date.parse(a) / MINUTE) === Math.floor(Date.parse(b) / MINUTE);

/** Readable failures of `e` on `got` (none when it holds); `fill` puts her booking code into expected text. */
export function textFailures(what: string, got: Said[], e: TextExpectation | undefined, fill: (s: string) => string): string[] {
  if (!e) return [];
  const failures: string[] = [];
  const text = got.map((m) => m.text).join('\n');
  const lacks = (t: string, label: string, x: { contains?: string[]; notContains?: string[]; matches?: string[]; notMatches?: string[]; equals?: string }) => {
    for (const w of (x.contains ?? []).map(fill)) if (!t.includes(w)) failures.push(`${label} lacks "${w}"; got:\n${t}`);
    for (const w of (x.notContains ?? []).map(fill)) if (t.includes(w)) failures.push(`${label} has "${w}"; got:\n${t}`);
    for (const r of (x.matches ?? []).map(fill)) if (!new RegExp(r).test(t)) failures.push(`${label} does not match /${r}/; got:\n${t}`);
    for (const r of (x.notMatches ?? []).map(fill)) if (new RegExp(r).test(t)) failures.push(`${label} matches /${r}/; got:\n${t}`);
    if (x.equals !== undefined && t !== fill(x.equals)) failures.push(`${label} is not as expected; got:\n${t}\n--- expected:\n${fill(x.equals)}`);
  };
  lacks(text, what, e);
  if (e.messages) {
    if (got.length !== e.messages.length)
      failures.push(`${what}: ${got.length} messages, not ${e.messages.length}; got:\n${got.map((m) => `[${m.at}] ${m.text}`).join('\n---\n')}`);
    else {
      for (const [i, m] of e.messages.entries()) {
        lacks(got[i].text, `${what}, message ${i + 1}`, m);
        if (m.at && !sameMinute(got[i].at, m.at)) failures.push(`${what}, message ${i + 1}: sent at ${got[i].at}, not ${m.at}`);
      }
    }
  }
  return failures;
}

/** `got` holds `want`: objects as subsets (recursively), arrays element by element and of the same length. */
export function jsonContains(got: unknown, want: unknown): boolean {
  if (Array.isArray(want)) return Array.isArray(got) && got.length === want.length && want.every((w, i) => jsonContains(got[i], w));
  if (want && typeof want === 'object') {
    if (!got || typeof got !== 'object' || Array.isArray(got)) return false;
    return Object.entries(want).every(([k, w]) => jsonContains((got as Record<string, unknown>)[k], w));
  }
  return isDeepStrictEqual(got, want);
}
