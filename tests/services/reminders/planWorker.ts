// A separate OS process planning one day against a shared database, for the two-process test
// (PostgreSQL). Usage:
//   node --import tsx tests/services/reminders/planWorker.ts <databaseUrl> <day> <nowIso> <pageSize>
// Prints "ready", waits for "go" on stdin, runs planDay once, prints one JSON line {planned, queued}.
import readline from 'node:readline';
import { openDb } from '../../../src/db/client.js';
import { demoCounty, wireReminders } from './wireReminders.js';

const [url, day, nowIso, pageSize] = process.argv.slice(2);
const h = openDb(url);
const { county, profile } = demoCounty();
const { planner } = wireReminders(h.db, profile, county, Number(pageSize));

await h.db.$queryRaw`SELECT 1`;
process.stdout.write('ready\n');
const rl = readline.createInterface({ input: process.stdin });
await new Promise<void>((resolve) => rl.on('line', (line) => line.trim() === 'go' && resolve()));
rl.close();

const report = await planner.planDay(day, new Date(nowIso));
process.stdout.write(`${JSON.stringify(report)}\n`);
await h.close();
process.exit(0);
