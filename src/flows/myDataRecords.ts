// 我的信息 shows, after her answers, the records kept about her: her visits and her pregnancies
// with the state of each screening, and the days her next reminders come on.
import type { Clock } from '../support/clock.js';
import { asBirthDateFact } from '../domain/parse/birthDateFact.js';
import type { BookingPort } from './booking/bookingPort.js';
import type { BookingTexts } from './booking/bookingTexts.js';
import type { PregnancyPort } from './pregnancy/pregnancyPort.js';
import type { PregnancyTexts } from './pregnancy/pregnancyTexts.js';
import type { NextReminders } from './nextReminders.js';

export interface RecordSources {
  bookings: BookingPort;
  bookingTexts: BookingTexts;
  pregnancies: PregnancyPort;
  pregnancyTexts: PregnancyTexts;
  clock: Clock;
  nextReminders: NextReminders;
}

/**
 * The lines 我的信息 adds for her bookings and pregnancies (her age on a due date from her birth date
 * fact), and her next reminder days when she receives them.
 */
export async function myDataRecordLines(s: RecordSources, contactId: string, facts: Record<string, unknown> = {}, subscribed = false): Promise<string[]> {
  const visits = s.bookingTexts.visits(await s.bookings.active(contactId)).map((v) => s.bookingTexts.line(v));
  const pregnancies = await Promise.all(
    (await s.pregnancies.all(contactId)).map(async (p) => ({ pregnancy: p, screenings: await s.pregnancies.screenings(p, s.clock.now()) })),
  );
  const reminders = await s.nextReminders.myDataLines(contactId, s.clock.now(), subscribed);
  return [...visits, ...s.pregnancyTexts.myData(pregnancies, asBirthDateFact(facts.birthDate)), ...reminders];
}
