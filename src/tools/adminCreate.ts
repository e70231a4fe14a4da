// npm run admin:create -- --username <name> --role county --county <countyId> [--name 显示名] [--password-stdin]
// npm run admin:create -- --username <name> --role city
// Creates the first administrator of the staff console (there is no default password): a random
// one-time password is printed once (or, with --password-stdin, read from the first line of stdin);
// either way it must be changed at the first login. The database is migrated and, when the county is
// this configuration's (COUNTY_ID), loaded first, so this works before the first `npm start`.
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/config.js';
import { loadDataFiles } from '../config/loadDataFiles.js';
import { openDb } from '../db/client.js';
import { migrateDatabase } from '../db/migrate.js';
import { runTransaction } from '../db/transaction.js';
import { passwordProblem } from '../domain/staff/passwordRules.js';
import { audit } from '../services/audit/audit.js';
import { seedCounty } from '../services/countySeeder.js';
import { hashPassword, oneTimePassword } from '../services/staff/passwords.js';

const USAGE =
  'usage: npm run admin:create -- --username <name> --role county --county <countyId> [--name 显示名] [--password-stdin]\n   or: npm run admin:create -- --username <name> --role city';

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

async function firstLine(): Promise<string> {
  const rl = readline.createInterface({ input: process.stdin });
  for await (const line of rl) {
    rl.close();
    return line;
  }
  return '';
}

async function main(): Promise<void> {
  const options = {
    username: { type: 'string' },
    role: { type: 'string' },
    county: { type: 'string' },
    name: { type: 'string' },
    'password-stdin': { type: 'boolean' },
    help: { type: 'boolean' },
  } as const;
  let parsed: ReturnType<typeof parseArgs<{ options: typeof options }>>;
  try {
    parsed = parseArgs({ options });
  } catch (err) {
    fail(`${(err as Error).message}\n${USAGE}`);
  }
  const { values } = parsed;
  if (values.help) fail(USAGE);
  const username = values.username?.trim().toLowerCase();
  const role = values.role;
  if (!username || !/^[a-z0-9._-]{3,32}$/.test(username)) fail(`--username: 3 to 32 letters, digits, dots, hyphens or underscores\n${USAGE}`);
  if (role !== 'city' && role !== 'county') fail(`--role: city or county (the administrators; they create the other accounts in the console)\n${USAGE}`);
  if (role === 'county' && !values.county) fail(`--county: the county id (profiles/counties/<id>.yaml)\n${USAGE}`);
  if (role === 'city' && values.county) fail('--county: not for a city administrator (it sees every county of the database)');
  const config = loadConfig();
  await migrateDatabase(config.DATABASE_URL);
  const h = openDb(config.DATABASE_URL);
  try {
    const db = h.db;
    if (role === 'county' && !(await db.region.findFirst({ where: { id: values.county, level: 'county' } }))) {
      if (values.county !== config.COUNTY_ID) fail(`no county "${values.county}" in this database (start its service once, or set COUNTY_ID)`);
      await seedCounty(db, loadDataFiles(config).county);
    }
    if (await db.staffAccount.findUnique({ where: { username } })) fail(`the user name "${username}" is taken`);
    const password = values['password-stdin'] ? await firstLine() : oneTimePassword();
    const problem = passwordProblem(password, username);
    if (problem) fail(`the password is not taken (${problem}): at least 10 characters, not the user name, not a common or simple one`);
    const now = new Date();
    const passwordHash = await hashPassword(password);
    const account = await runTransaction(db, async (tx) => {
      const a = await tx.staffAccount.create({
        data: {
          username,
          displayName: values.name?.trim() || username,
          role,
          countyId: values.county ?? null,
          passwordHash,
          mustChangePassword: true,
          createdAt: now,
          updatedAt: now,
        },
      });
      await audit(
        tx,
        {
          by: 'system',
          action: 'account.create',
          objectType: 'account',
          objectId: a.id,
          countyId: a.countyId ?? undefined,
          detail: { role, tool: 'admin:create' },
        },
        now,
      );
      return a;
    });
    console.log(`${role === 'city' ? 'City' : `County (${values.county})`} administrator "${account.username}" created.`);
    if (!values['password-stdin']) {
      console.log(`  one-time password: ${password}`);
      console.log('  Shown this once. Log in at /console and choose a new password (asked at the first login).');
    } else console.log('  Log in at /console with the password given; a new one is asked at the first login.');
  } finally {
    await h.close();
  }
}

void main();
