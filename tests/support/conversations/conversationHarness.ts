// Runs conversation cases against the real engine, services and database, without Wechaty or
// HTTP: one app per county (its own database), a clock set per case, each woman of a case a new
// contact of the simulator channel. Her contact and her seats are cleared after her case, so cases
// do not take each other's seats.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp, type App } from '../../../src/app/createApp.js';
import { loadConfig } from '../../../src/config/config.js';
import { loadDataFiles, type DataFiles } from '../../../src/config/loadDataFiles.js';
import { FixedClock } from '../../../src/support/clock.js';
import { createLogger } from '../../../src/support/logger.js';
import type { ConversationCase } from './caseSchema.js';
import { type GoalCheck } from './checkGoal.js';
import { CaseRunner } from './caseRunner.js';
import { askedAgainMarker, repromptMarkers } from './reprompt.js';

const STAFF_TOKEN = 'conversation-cases-staff-token';
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export interface TurnRun {
  /** Her message; empty for a turn where only time passed or staff acted. */
  she: string;
  /** Which woman of the case (`women`) wrote; undefined for her. */
  woman?: string;
  replies: string[];
  /** What the bot sent her on its own before this turn (reminders, waitlist offers…). */
  received: string[];
  reprompt: boolean;
  /** A reply kept her answer to another question and asked the question she is on again (keptForLater). */
  askedAgain: boolean;
  /** This message was her retry after a re-prompt (the turn's `ifReprompted`). */
  retry: boolean;
}

export interface CaseRun {
  turns: TurnRun[];
  /** Her messages (retries included) until the goal first held; undefined if it never did (or was not measured). */
  turnsToGoal?: number;
  goal: GoalCheck;
  reprompts: number;
  /** Her messages answered by keeping them for another question and asking the one she is on again. */
  askedAgain: number;
  /** Per-turn expectations (`replies`, `received`, `state`, staff answers) that failed, as readable lines. */
  expectationFailures: string[];
  understoodFirstTime: boolean;
}

export interface HarnessOptions {
  /** Checks the goal after each of her messages to count the turns to it (the bench); default true. */
  turnsToGoal?: boolean;
  /** With turnsToGoal: she stops writing once the goal holds and the bot asks nothing more; default true. */
  stopAtGoal?: boolean;
}

/** The shipped profiles with a test fixture county added (tests/fixtures/counties), when the county is one. */
function profilesDirFor(county: string, made: Map<string, string>): string {
  if (existsSync(path.join(ROOT, 'profiles', 'counties', `${county}.yaml`))) return path.join(ROOT, 'profiles');
  const done = made.get(county);
  if (done) return done;
  const fixture = path.join(ROOT, 'tests', 'fixtures', 'counties', `${county}.yaml`);
  if (!existsSync(fixture)) throw new Error(`county "${county}" is neither in profiles/counties nor in tests/fixtures/counties`);
  const dir = mkdtempSync(path.join(os.tmpdir(), `county-${county}-`));
  made.set(county, dir);
  for (const f of readdirSync(path.join(ROOT, 'profiles')).filter((n) => n.endsWith('.yaml'))) copyFileSync(path.join(ROOT, 'profiles', f), path.join(dir, f));
  mkdirSync(path.join(dir, 'counties'));
  copyFileSync(fixture, path.join(dir, 'counties', `${county}.yaml`));
  return dir;
}

export interface HarnessDatabase {
  url: string;
  drop(): Promise<void>;
}

export interface CountyApp {
  app: App;
  port: number;
  clock: FixedClock;
  database: HarnessDatabase;
  markers: string[];
  /** The fixed part of keptForLater (reprompt.ts askedAgainMarker). */
  askedAgainMarker: string;
  staffToken: string;
}

export class ConversationHarness {
  private readonly apps = new Map<string, Promise<CountyApp>>();
  /** Profile folders made for fixture counties, by county. */
  private readonly tempDirs = new Map<string, string>();
  /** The data files by county and folders: read once, shared by the apps opened for cases of their own. */
  private readonly files = new Map<string, DataFiles>();
  private serial = 0;

  /** `newDatabase` gives a fresh, migrated database (one per county). */
  constructor(
    private readonly newDatabase: () => Promise<HarnessDatabase>,
    private readonly options: HarnessOptions = {},
  ) {}

  private countyApp(county: string): Promise<CountyApp> {
    let app = this.apps.get(county);
    if (!app) {
      app = this.openCounty(county);
      this.apps.set(county, app);
    }
    return app;
  }

  private async openCounty(county: string, env: Record<string, string> = {}): Promise<CountyApp> {
    const database = await this.newDatabase();
    const clock = new FixedClock(new Date('2026-03-02T09:00:00+08:00'));
    const config = loadConfig({
      DATABASE_URL: database.url,
      PORT: '0',
      WECHAT_ENABLED: 'false',
      SIMULATOR_ENABLED: 'true',
      LOG_LEVEL: 'silent',
      ADMIN_TOKEN: STAFF_TOKEN,
      COUNTY_ID: county,
      PROFILES_DIR: profilesDirFor(county, this.tempDirs),
      FLOWS_DIR: path.join(ROOT, 'flows'),
      ...env,
    });
    const key = `${config.COUNTY_ID}|${config.PROFILES_DIR}|${config.FLOWS_DIR}`;
    if (!this.files.has(key)) this.files.set(key, loadDataFiles(config));
    const files = this.files.get(key);
    const app = await createApp({ config, clock, logger: createLogger('silent'), migrate: false, realTimeSending: false, files });
    const port = await app.start();
    return { app, port, clock, database, markers: repromptMarkers(app.flowSet), askedAgainMarker: askedAgainMarker(app.flowSet), staffToken: STAFF_TOKEN };
  }

  async run(c: ConversationCase): Promise<CaseRun> {
    // a case whose clock moves runs its jobs: it gets a database of its own, so that no job run of
    // another case (at another time) stands in its way; so does a case with settings of its own
    const ownApp = c.env !== undefined || c.turns.some((t) => 'wait' in t || 'staff' in t || ('at' in t && t.at));
    const county = ownApp ? await this.openCounty(c.county, c.env) : await this.countyApp(c.county);
    try {
      const runner = new CaseRunner(county, c, `case-${++this.serial}`, this.options.turnsToGoal ?? true, this.options.stopAtGoal ?? true);
      try {
        return await runner.run();
      } finally {
        if (!ownApp) await runner.clear();
      }
    } finally {
      if (ownApp) await this.closeCounty(county);
    }
  }

  private async closeCounty({ app, database }: CountyApp): Promise<void> {
    await app.stop();
    await database.drop();
  }

  async close(): Promise<void> {
    for (const pending of this.apps.values()) await this.closeCounty(await pending);
    this.apps.clear();
    for (const d of this.tempDirs.values()) rmSync(d, { recursive: true, force: true });
  }
}
