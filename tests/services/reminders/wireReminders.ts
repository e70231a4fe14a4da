// The reminder parts on an open database, wired as src/app/reminderWiring.ts wires them, for the
// tests and for the planning worker process (so nothing here may import vitest).
import path from 'node:path';
import type { Db } from '../../../src/db/client.js';
import { createReminders } from '../../../src/app/reminderWiring.js';
import { BookingTexts as VisitTexts } from '../../../src/flows/booking/bookingTexts.js';
import { messagesSchema, type Messages } from '../../../src/flows/flowSchema.js';
import { readYamlFile } from '../../../src/support/readYaml.js';
import type { County } from '../../../src/profiles/countySchema.js';
import { loadAllProfiles } from '../../../src/profiles/loadProfiles.js';
import { bookingSettingsSchema, type Profile } from '../../../src/domain/profile/profileSchema.js';
import { BookingService } from '../../../src/services/booking/BookingService.js';
import type { BookingTexts } from '../../../src/services/booking/bookingTypes.js';
import { ReminderPlanner } from '../../../src/services/reminders/ReminderPlanner.js';

/** 项城市妇幼保健院 (profiles/counties/xiangcheng.yaml). */
export const MCH = 'xc-mch';
/** 'YYYY-MM-DD HH:mm' Asia/Shanghai → instant. */
export const sh = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);

export function demoCounty(): { county: County; profile: Profile; profiles: Map<string, Profile> } {
  const { profiles, counties } = loadAllProfiles(path.resolve('profiles'));
  const county = counties.get('xiangcheng')!;
  return { county, profile: profiles.get(county.profile)!, profiles };
}

/** The booking texts of flows/messages.yaml (the appointment reminder is one of them), without loading the flows. */
const visitMessages: Messages = readYamlFile(path.resolve('flows/messages.yaml'), messagesSchema);

/** Notices of the booking service (not what these tests look at). */
const noticeTexts: BookingTexts = {
  waitlistOffer: 'OFFER {services} {date} {code}',
  offerExpired: 'EXPIRED {services}',
  noShow: 'NOSHOW {services} {code}',
  closed: 'CLOSED {services} {date}',
  waitlistEnded: 'ENDED {services} {date}',
  sessions: { am: 'AM', pm: 'PM' },
  weekdays: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
};

/** A repeatable random source for booking codes. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Planner, hooks, pregnancy service and a booking service whose changes reconcile her reminders. */
export function wireReminders(db: Db, profile: Profile, county: County, pageSize?: number) {
  const reminders = createReminders(db, profile, new VisitTexts(() => visitMessages, county, profile));
  const booking = new BookingService({
    db,
    texts: noticeTexts,
    settings: bookingSettingsSchema.parse({}),
    random: seeded(99),
    bookingsChanged: reminders.bookingsChanged,
  });
  const planner = pageSize ? new ReminderPlanner(db, () => reminders.config, pageSize) : reminders.planner;
  return { ...reminders, planner, booking, pregnancy: reminders.pregnancyService(booking) };
}
