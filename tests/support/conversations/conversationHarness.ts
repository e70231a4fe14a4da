// Runs conversation cases against the real engine, services and database, without Wechaty or
// HTTP: one app per county (its own database), a clock set per case, each case a new contact of
// the simulator channel. The contact and her seats are cleared after her case, so cases do not
// take each other's seats.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp, type App } from '../../../src/app/createApp.js';
import { loadConfig } from '../../../src/config/config.js';
import { CapacityService } from '../../../src/services/capacity/CapacityService.js';
import { FixedClock } from '../../../src/support/clock.js';
import { createLogger } from '../../../src/support/logger.js';
import type { ConversationCase, TextExpectation } from './caseSchema.js';
import { checkGoal, type GoalCheck } from './checkGoal.js';
import { repromptMarkers, isReprompt } from './reprompt.js';

const STAFF_TOKEN = 'conversation-cases-staff-token';
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export interface TurnRun {
  /** Her message; empty for a turn where only time passed. */
  she: string;
  replies: string[];
  /** What the bot sent her on its own before this turn (reminders, waitlist offers…). */
  received: string[];
  reprompt: boolean;
  /** This message was her retry after a re-prompt (the turn's `ifReprompted`). */
  retry: boolean;
}

export interface CaseRun {
  turns: TurnRun[];
  /** Her messages (retries included) until the goal first held; undefined if it never did. */
  turnsToGoal?: number;
  goal: GoalCheck;
  reprompts: number;
  /** Per-turn expectations (`replies`) that failed, as readable lines. */
  expectationFailures: string[];
  understoodFirstTime: boolean;
}

/** The shipped profiles with a test fixture county added (tests/fixtures/counties), when the county is one. */
function profilesDirFor(county: string, made: string[]): string {
  if (existsSync(path.join(ROOT, 'profiles', 'counties', `${county}.yaml`))) return path.join(ROOT, 'profiles');
  const fixture = path.join(ROOT, 'tests', 'fixtures', 'counties', `${county}.yaml`);
  if (!existsSync(fixture)) throw new Error(`county "${county}" is neither in profiles/counties nor in tests/fixtures/counties`);
  const dir = mkdtempSync(path.join(os.tmpdir(), `county-${county}-`));
  made.push(dir);
  for (const f of readdirSync(path.join(ROOT, 'profiles')).filter((n) => n.endsWith('.yaml'))) copyFileSync(path.join(ROOT, 'profiles', f), path.join(dir, f));
  mkdirSync(path.join(dir, 'counties'));
  copyFileSync(fixture, path.join(dir, 'counties', `${county}.yaml`));
  return dir;
}

export interface HarnessDatabase {
  url: string;
  drop(): Promise<void>;
}

interface CountyApp {
  app: App;
  port: number;
  clock: FixedClock;
  database: HarnessDatabase;
  markers: string[];
}

export class ConversationHarness {
  private readonly apps = new Map<string, Promise<CountyApp>>();
  private readonly tempDirs: string[] = [];
  private serial = 0;

  /** `newDatabase` gives a fresh, migrated database (one per county). */
  constructor(private readonly newDatabase: () => Promise<HarnessDatabase>) {}

  private countyApp(county: string): Promise<CountyApp> {
    let app = this.apps.get(county);
    if (!app) {
      app = this.openCounty(county);
      this.apps.set(county, app);
    }
    return app;
  }

  private async openCounty(county: string): Promise<CountyApp> {
    const database = await this.newDatabase();
    const clock = new FixedClock(new Date('2026-03-02T09:00:00+08:00'));
    const config = loadConfig({
      DATABASE_URL: database.url,
      PORT: '0',
      WECHAT_ENABLED: 'false',
      LOG_LEVEL: 'silent',
      ADMIN_TOKEN: STAFF_TOKEN,
      COUNTY_ID: county,
      PROFILES_DIR: profilesDirFor(county, this.tempDirs),
      FLOWS_DIR: path.join(ROOT, 'flows'),
    });
    const app = await createApp({ config, clock, logger: createLogger('silent'), migrate: false, realTimeSending: false });
    const port = await app.start();
    return { app, port, clock, database, markers: repromptMarkers(app.flowSet) };
  }

  async run(c: ConversationCase): Promise<CaseRun> {
    // a case whose clock moves runs its jobs: it gets a database of its own, so that no job run of
    // another case (at another time) stands in its way
    const movesTime = c.turns.some((t) => 'wait' in t || 'staff' in t || t.at);
    const county = movesTime ? await this.openCounty(c.county) : await this.countyApp(c.county);
    try {
      return await this.runOn(county, c);
    } finally {
      if (movesTime) await this.closeCounty(county);
    }
  }

  private async runOn({ app, port, clock, markers }: CountyApp, c: ConversationCase): Promise<CaseRun> {
    const db = app.dbHandle.db;
    clock.set(new Date(c.now));
    const externalId = `case-${++this.serial}`;
    const contact = await db.contact.create({
      data: {
        channel: 'simulator',
        externalId,
        consent: c.given.consent,
        consentAt: c.given.consent === 'given' ? clock.now() : null,
        healthConsentAt: c.given.healthConsent ? clock.now() : null,
        regionId: c.given.consent === 'given' ? app.county.id : null,
      },
    });
    for (const [key, value] of Object.entries(c.given.facts)) {
      await db.fact.create({ data: { contactId: contact.id, key, valueJson: JSON.stringify(value), sensitive: false } });
    }
    if (c.given.booking) {
      const b = c.given.booking;
      const capacity = new CapacityService({ db, provider: app.dbHandle.provider });
      for (const service of b.service) await capacity.ensureSlots(b.hospital, service, b.day, b.day);
      const booked = await app.booking.book({
        contactId: contact.id,
        hospitalId: b.hospital,
        serviceIds: b.service,
        day: b.day,
        session: b.session,
        now: clock.now(),
        regionIds: [],
        priority: false,
      });
      if (!booked.ok) throw new Error(`given.booking: cannot book (${booked.reason})`);
      if (b.status === 'held') {
        const heldUntil = new Date(clock.now().getTime() + 2 * 3_600_000);
        await db.booking.updateMany({ where: { contactId: contact.id }, data: { status: 'held', heldUntil } });
      }
    }
    if (c.given.pregnancy) {
      const birthDate = typeof c.given.facts.birthDate === 'string' ? c.given.facts.birthDate : undefined;
      await app.pregnancy.register(contact.id, { dueDate: c.given.pregnancy.dueDate, datingFrom: 'dueDate', birthDate }, clock.now());
    }

    const run: CaseRun = { turns: [], goal: { reached: false, wrong: [], missing: [] }, reprompts: 0, expectationFailures: [], understoodFirstTime: false };
    const allReplies: string[] = [];
    let sent = 0;
    let seen = 0;
    /** Moves the clock to `at`, running what was due meanwhile; returns what the bot sent her on its own. */
    const moveTo = async (at: string): Promise<string[]> => {
      const from = clock.now();
      const to = new Date(at);
      if (to.getTime() < from.getTime()) throw new Error(`the clock cannot go back to ${at}`);
      clock.set(to);
      await app.catchUp(from, to);
      const bot = app.simulator!.transcript(externalId).filter((e) => e.from === 'bot');
      const received = bot.slice(seen).map((e) => e.text);
      seen = bot.length;
      return received;
    };
    const send = async (text: string, retry: boolean, received: string[] = []): Promise<TurnRun> => {
      const replies = await app.simulator!.receive(externalId, text);
      seen += replies.length;
      const turn: TurnRun = { she: text, replies, received, reprompt: replies.some((r) => isReprompt(r, markers)), retry };
      run.turns.push(turn);
      allReplies.push(...replies);
      sent += 1;
      if (turn.reprompt) run.reprompts += 1;
      if (run.turnsToGoal === undefined && (await checkGoal(db, contact.id, c, allReplies)).reached) run.turnsToGoal = sent;
      return turn;
    };
    const expect = (where: string, what: string, got: string[], e: TextExpectation | undefined) => {
      const text = got.join('\n');
      for (const w of e?.contains ?? []) if (!text.includes(w)) run.expectationFailures.push(`${where}: ${what} lacks "${w}"; got:\n${text}`);
      for (const w of e?.notContains ?? []) if (text.includes(w)) run.expectationFailures.push(`${where}: ${what} has "${w}"; got:\n${text}`);
      if (e?.equals !== undefined && text !== e.equals) run.expectationFailures.push(`${where}: ${what} is not as expected; got:\n${text}`);
    };
    for (const [i, t] of c.turns.entries()) {
      if ('staff' in t) {
        const latest = await db.booking.findFirst({ where: { contactId: contact.id }, orderBy: { createdAt: 'desc' } });
        const fill = (v: string) => v.replaceAll('{bookingCode}', latest?.code ?? '');
        const [method, urlPath] = t.staff.split(' ');
        const r = await fetch(`http://127.0.0.1:${port}${fill(urlPath)}`, {
          method,
          headers: { authorization: `Bearer ${STAFF_TOKEN}`, 'content-type': 'application/json' },
          body: t.body === undefined ? undefined : fill(JSON.stringify(t.body)),
        });
        const answer = await r.text();
        if (r.status !== t.status) run.expectationFailures.push(`turn ${i + 1} (${t.staff}): status ${r.status}, not ${t.status}: ${answer}`);
        const received = await moveTo(clock.now().toISOString());
        run.turns.push({ she: '', replies: [], received, reprompt: false, retry: false });
        expect(`turn ${i + 1} (${t.staff})`, 'what she received', received, t.received);
        continue;
      }
      if ('wait' in t) {
        const received = await moveTo(t.wait);
        run.turns.push({ she: '', replies: [], received, reprompt: false, retry: false });
        expect(`turn ${i + 1} (wait until ${t.wait})`, 'what she received', received, t.received);
        continue;
      }
      const received = t.at ? await moveTo(t.at) : [];
      const turn = await send(t.she, false, received);
      const where = `turn ${i + 1} (${t.she})`;
      expect(where, 'what she received', received, t.received);
      expect(where, 'the reply', turn.replies, t.replies);
      if (turn.reprompt && t.ifReprompted) await send(t.ifReprompted, true);
    }
    run.goal = await checkGoal(db, contact.id, c, allReplies);
    run.understoodFirstTime = run.goal.reached && run.goal.wrong.length === 0 && run.reprompts === 0;
    await this.clear(app, contact.id);
    return run;
  }

  /** Gives back her seats and deletes her (with everything about her). */
  private async clear(app: App, contactId: string): Promise<void> {
    const db = app.dbHandle.db;
    const held = await db.booking.findMany({ where: { contactId, status: { in: ['held', 'confirmed'] } } });
    for (const b of held) await db.slotPool.update({ where: { id: b.poolId }, data: { booked: { decrement: 1 } } });
    await db.contact.delete({ where: { id: contactId } });
  }

  private async closeCounty({ app, database }: CountyApp): Promise<void> {
    await app.stop();
    await database.drop();
  }

  async close(): Promise<void> {
    for (const pending of this.apps.values()) await this.closeCounty(await pending);
    this.apps.clear();
    for (const d of this.tempDirs) rmSync(d, { recursive: true, force: true });
  }
}
