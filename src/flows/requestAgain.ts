// Her request said again at a question of the flow it started (俺11周3天 想去人民医院做NT, then 中 那给俺约NT
// 去人民医院 at the list of days): nothing in it the words that started the flow did not say already. It is
// heard, and the question asked again; never an answer to the question, and never a new request (还是约唐筛吧
// at the days of NT names what the first words did not).
import { normalizeText } from '../domain/parse/normalizeText.js';

/** What carries no content of a request: who, particles, asking and booking words, a bare yes. */
const FILLER = /[我俺你您恁的了是在有也都就还呢啊吧呀哦嘛这那个里给帮想要去约预一下中行好嗯对哩嘞咯哒撒做查搞弄能可以那就再给说]/u;
/** A change of mind or of what she asks for: never taken as the same request. */
const CHANGED = /[不没别]|换|改|取消|退|算了|还是/u;

/**
 * Whether `text` only says again what `started` (the words that started the flow) said: each of its
 * content characters and Latin words (NT) is in them, and at least two content characters are.
 */
export function requestSaidAgain(started: string | undefined, text: string): boolean {
  if (!started) return false;
  const said = normalizeText(text);
  if (CHANGED.test(said)) return false;
  const before = normalizeText(started).toLowerCase();
  const latin = said.toLowerCase().match(/[a-z]+/gu) ?? [];
  const han = [...said].filter((c) => /\p{Script=Han}/u.test(c) && !FILLER.test(c));
  if (han.length + latin.join('').length < 2) return false;
  return latin.every((w) => before.includes(w)) && han.every((c) => before.includes(c)) && !/\d/u.test(said.replace(/[a-z]+/giu, ''));
}
