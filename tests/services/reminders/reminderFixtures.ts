// Shared by the reminder and pregnancy tests: a fresh database with the demo county (Henan profile),
// the reminder parts wired as the app wires them (createReminders: planner, booking hook, turn hook,
// pregnancy service), a booking service whose changes reconcile her reminders, and rows written
// directly (contacts, pregnancies, bookings, eligibility answers).
import { openDb, type Db, type DbHandle } from '../../../src/db/client.js';
import type { County } from '../../../src/profiles/countySchema.js';
import type { Profile } from '../../../src/domain/profile/profileSchema.js';
import { seedCounty } from '../../../src/services/countySeeder.js';
import { createTestDatabase, type TestDatabase } from '../../support/testDb.js';
import { makeSlot } from '../booking/bookingFixtures.js';
import { demoCounty, MCH, sh, wireReminders } from './wireReminders.js';
import { pino } from 'pino';
import { createLogger } from '../../../src/support/logger.js';
import type { Channel } from '../../../src/channels/channel.js';
import { OutboxDispatcher, type OutboxDispatcherDeps } from '../../../src/services/outbox/OutboxDispatcher.js';
import { DEFAULT_OUTBOX_SETTINGS } from '../../../src/services/outbox/outboxSettings.js';

export { demoCounty, MCH, sh, wireReminders };

export interface ReminderFixture extends ReturnType<typeof wireReminders> {
  database: TestDatabase;
  h: DbHandle;
  db: Db;
  profile: Profile;
  county: County;
  close(): Promise<void>;
}

export async function openReminderFixture(): Promise<ReminderFixture> {
  const database = await createTestDatabase();
  const h = openDb(database.url);
  const { county, profile } = demoCounty();
  await seedCounty(h.db, county);
  return {
    ...wireReminders(h.db, profile, county),
    database,
    h,
    db: h.db,
    profile,
    county,
    async close() {
      await h.close();
      await database.drop();
    },
  };
}

/** Empties everything the tests write (regions and hospitals stay). */
export async function clearRows(db: Db): Promise<void> {
  await db.sendAccount.deleteMany();
  await db.outboxMessage.deleteMany();
  await db.waitlistEntry.deleteMany();
  await db.booking.deleteMany();
  await db.slotPool.deleteMany();
  await db.slot.deleteMany();
  await db.pregnancyScreening.deleteMany();
  await db.pregnancy.deleteMany();
  await db.eligibilityCheck.deleteMany();
  await db.fact.deleteMany();
  await db.conversation.deleteMany();
  await db.contact.deleteMany();
}

export async function woman(db: Db, id: string, o: { consent?: string; subscribed?: boolean; account?: string } = {}): Promise<string> {
  await db.contact.create({
    data: {
      id,
      channel: 'simulator',
      externalId: `ext-${id}`,
      account: o.account ?? 'default',
      consent: o.consent ?? 'given',
      subscribed: o.subscribed ?? true,
    },
  });
  return id;
}

export interface PregnancyRow {
  dueDate: string;
  registeredOn?: string;
  status?: 'active' | 'born' | 'lost';
  twins?: boolean;
  ageOnDueDate?: number | null;
  referred?: boolean;
  birthDate?: string;
  endedOn?: string;
  guardianConsentAt?: Date;
  heelBloodDone?: boolean | null;
  hearingFirst?: string | null;
}

/** A pregnancy written directly; its id is `p-<contactId>` unless given. */
export async function pregnancy(db: Db, contactId: string, o: PregnancyRow, id = `p-${contactId}`): Promise<string> {
  const status = o.status ?? 'active';
  await db.pregnancy.create({
    data: {
      id,
      contactId,
      status,
      activeKey: status === 'active' ? contactId : null,
      dueDate: o.dueDate,
      datingFrom: 'dueDate',
      twins: o.twins ?? false,
      ageOnDueDate: o.ageOnDueDate === undefined ? 30 : o.ageOnDueDate,
      referred: o.referred ?? false,
      registeredOn: o.registeredOn ?? '2026-01-05',
      birthDate: o.birthDate ?? null,
      endedOn: o.endedOn ?? null,
      guardianConsentAt: o.guardianConsentAt ?? null,
      heelBloodDone: o.heelBloodDone ?? null,
      hearingFirst: o.hearingFirst ?? null,
      createdAt: sh('2026-01-05 09:00'),
    },
  });
  return id;
}

let seq = 0;

/**
 * A booking row written directly (no seat taken): for past visits, held offers and statuses the
 * booking service reaches by other paths. Returns its id.
 */
export async function bookingRow(
  db: Db,
  contactId: string,
  o: { serviceId: string; day: string; status: string; session?: 'am' | 'pm'; code?: string; hospitalId?: string; createdAt?: Date; id?: string },
): Promise<string> {
  const id = o.id ?? `b-${++seq}-${contactId}-${o.serviceId}`;
  const session = o.session ?? 'am';
  const hospitalId = o.hospitalId ?? MCH;
  const slot = await db.slot.upsert({
    where: { hospitalId_serviceId_day_session: { hospitalId, serviceId: o.serviceId, day: o.day, session } },
    create: { hospitalId, serviceId: o.serviceId, day: o.day, session, capacity: 100 },
    update: {},
  });
  const active = o.status === 'held' || o.status === 'confirmed';
  await db.booking.create({
    data: {
      id,
      code: o.code ?? `C${seq}X${contactId}`.toUpperCase(),
      contactId,
      slotId: slot.id,
      poolId: `${slot.id}-general`,
      hospitalId,
      serviceId: o.serviceId,
      day: o.day,
      session,
      status: o.status,
      activeKey: active ? `${contactId}:${o.serviceId}` : null,
      createdAt: o.createdAt ?? sh('2026-01-05 09:00'),
    },
  });
  return id;
}

/** A bookable slot at the county hospital with one general pool. */
export function openSlot(db: Db, serviceId: string, day: string, capacity = 10, session: 'am' | 'pm' = 'am') {
  return makeSlot(db, { hospitalId: MCH, serviceId, day, session, pools: [{ capacity }] });
}

/** The outbox as the tests compare it, by dedupe key. */
export async function outbox(db: Db, where: { contactId?: string } = {}) {
  const rows = await db.outboxMessage.findMany({
    where,
    select: { dedupeKey: true, contactId: true, externalId: true, account: true, text: true, status: true, lastError: true, notBefore: true, priority: true },
  });
  // byte order, the same on both databases
  return rows.sort((a, b) => (a.dedupeKey < b.dedupeKey ? -1 : 1));
}

/** Just key → status (and the reason a cancelled one was cancelled). */
export async function statuses(db: Db, where: { contactId?: string } = {}): Promise<Record<string, string>> {
  const rows = await outbox(db, where);
  return Object.fromEntries(rows.map((r) => [r.dedupeKey, r.status === 'cancelled' ? `cancelled:${r.lastError}` : r.status]));
}

/**
 * A dispatcher that asks the planner before each send (as the app wires it), and what its channel
 * sent; its log lines go to `logs` when given.
 */
export function dispatcherFor(f: ReminderFixture, logs?: string[], review?: OutboxDispatcherDeps['review']) {
  const sent: string[] = [];
  const channel: Channel = {
    name: 'simulator',
    start: async () => undefined,
    send: async (_to, text) => void sent.push(text),
    status: () => ({ name: 'simulator', state: 'online' }),
    stop: async () => undefined,
  };
  const dispatcher = new OutboxDispatcher({
    db: f.db,
    provider: f.h.provider,
    channels: new Map([['simulator', channel]]),
    logger: logs ? pino({ level: 'info' }, { write: (line: string) => void logs.push(line) }) : createLogger('silent'),
    processId: 'test',
    settings: { ...DEFAULT_OUTBOX_SETTINGS, minIntervalMs: 0, maxJitterMs: 0 },
    review: review ?? ((m, now) => f.planner.review(m, now)),
    failedForGood: (m) => f.planner.messageFailed(m.id),
  });
  return { dispatcher, sent, channel };
}
