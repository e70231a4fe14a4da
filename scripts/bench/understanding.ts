// npm run bench:understanding — how well the bot reads women's words: every conversation of the
// corpus (tests/conversations/corpus/{tuning,holdout}) run against the real engine on a temporary
// SQLite database. Prints, for the whole corpus and for the set-aside part (holdout): the share of
// cases understood the first time (goal reached, no re-prompt), the cases where the bot acted on a
// wrong reading (must be 0) and the median number of her messages to reach the goal; and, stricter, the
// share understood with no question asked again after her answer to another was kept (好的，记下了。).
// BENCH_VERBOSE=1 lists every tuning case not understood the first time with its transcript (never
// the set-aside ones: they are not read while tuning). BENCH_ONLY=c- runs only the tuning cases whose
// name starts so (and no set-aside case), to look at a new batch. A conversation ends once she has what
// she came for (the goal holds, the bot asks nothing more, only her own lines are left: they were
// written for a bot that asked more); BENCH_WHOLE_SCRIPT=1 plays every line of every case instead.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrateDatabase } from '../../src/db/migrate.js';
import { ConversationHarness, type CaseRun } from '../../tests/support/conversations/conversationHarness.js';
import { loadCases } from '../../tests/support/conversations/loadCases.js';
import { percentile } from './report.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CORPUS = path.join(ROOT, 'tests', 'conversations', 'corpus');
const VERBOSE = process.env.BENCH_VERBOSE === '1';
const ONLY = process.env.BENCH_ONLY;

interface Scored {
  part: 'tuning' | 'holdout';
  name: string;
  run: CaseRun;
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-understanding-'));
  let n = 0;
  const harness = new ConversationHarness(
    async () => {
      const url = `file:${path.join(dir, `corpus-${++n}.db`)}`;
      await migrateDatabase(url);
      return { url, drop: async () => undefined };
    },
    { stopAtGoal: process.env.BENCH_WHOLE_SCRIPT !== '1' },
  );
  const scored: Scored[] = [];
  const started = Date.now();
  try {
    for (const part of ONLY ? (['tuning'] as const) : (['tuning', 'holdout'] as const)) {
      for (const c of loadCases(path.join(CORPUS, part))) {
        if (ONLY && !c.name.startsWith(ONLY)) continue;
        scored.push({ part, name: c.name, run: await harness.run(c.conversation) });
      }
    }
  } finally {
    await harness.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const seconds = (Date.now() - started) / 1000;

  if (VERBOSE) {
    for (const s of scored.filter((x) => x.part === 'tuning' && !x.run.understoodFirstTime)) {
      console.log(
        `\n--- ${s.part}/${s.name}: ${s.run.goal.wrong.length ? `WRONG ${s.run.goal.wrong.join('; ')}` : s.run.goal.missing.join('; ') || `${s.run.reprompts} re-prompt(s)`}`,
      );
      for (const t of s.run.turns) console.log(`她：${t.she}\n${t.replies.map((r) => `  答：${r.replace(/\n/g, '\n      ')}`).join('\n')}`);
    }
  }
  const line = (label: string, rows: Scored[]) => {
    const understood = rows.filter((s) => s.run.understoodFirstTime).length;
    const wrong = rows.filter((s) => s.run.goal.wrong.length > 0);
    const turns = rows.flatMap((s) => (s.run.turnsToGoal !== undefined ? [s.run.turnsToGoal] : []));
    const reached = rows.filter((s) => s.run.goal.reached).length;
    const share = rows.length ? ((100 * understood) / rows.length).toFixed(1) : '–';
    // (understood, and no question of hers asked again after her answer to another was kept: the stricter share)
    const strict = rows.filter((s) => s.run.understoodFirstTime && s.run.askedAgain === 0).length;
    const strictShare = rows.length ? ((100 * strict) / rows.length).toFixed(1) : '–';
    console.log(
      `${label.padEnd(8)} ${String(rows.length).padStart(4)} cases · understood the first time ${understood} (${share}%) · ` +
        `wrong actions ${wrong.length} · goal reached ${reached} · median turns to goal ${turns.length ? percentile(turns, 50) : '–'} · ` +
        `without a question asked again after keeping her answer to another ${strict} (${strictShare}%)`,
    );
    for (const s of wrong) console.log(`         wrong: ${s.part}/${s.name}: ${s.run.goal.wrong.join('; ')}`);
  };
  console.log(`understanding bench: ${scored.length} conversations in ${seconds.toFixed(1)} s (SQLite)`);
  line('all', scored);
  line(
    'tuning',
    scored.filter((s) => s.part === 'tuning'),
  );
  line(
    'holdout',
    scored.filter((s) => s.part === 'holdout'),
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
