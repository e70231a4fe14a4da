// Recognising global commands and the words that start a flow, in the short, loose way women
// write ("菜单！", "我要人工", "请问我能免费做两癌筛查吗").
import type { Commands, Flow } from './flowSchema.js';

const FILLERS = /^(请问|请|我要|我想|帮我|麻烦|看看|看|你好)|(吧|呢|啊|呀|哦|了|一下)$/g;
const PUNCTUATION = /[\s,，。.!！?？、~～:：;；"'“”‘’()（）【】]/g;

export function stripForCommand(text: string): string {
  let s = text.replace(PUNCTUATION, '').toLowerCase();
  for (let i = 0; i < 3; i++) s = s.replace(FILLERS, '');
  return s;
}

/** The command a message is, if the whole message is one of its words (give or take fillers). */
export function matchCommand(text: string, commands: Commands): string | undefined {
  const s = stripForCommand(text);
  if (!s) return undefined;
  for (const c of commands.commands) {
    if (c.words.some((w) => stripForCommand(w) === s)) return c.target.slice('flow:'.length);
  }
  return undefined;
}

export interface TriggerMatch {
  flowId: string;
  vars: Record<string, string>;
}

/**
 * The flow her message asks for, by the words inside it. A trigger that also sets variables (a
 * specific programme) beats a general one; then the longer word wins.
 */
export function matchTrigger(text: string, flows: Iterable<Flow>): TriggerMatch | undefined {
  const s = text.replace(PUNCTUATION, '').toLowerCase();
  let best: { match: TriggerMatch; specific: number; length: number } | undefined;
  for (const flow of flows) {
    for (const t of flow.triggers) {
      for (const w of t.words) {
        if (!s.includes(w.toLowerCase())) continue;
        const specific = Object.keys(t.vars).length > 0 ? 1 : 0;
        if (!best || specific > best.specific || (specific === best.specific && w.length > best.length)) {
          best = { match: { flowId: flow.id, vars: t.vars }, specific, length: w.length };
        }
      }
    }
  }
  return best?.match;
}
