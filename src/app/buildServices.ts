// Database and services: opens (and migrates) the database, writes the county, and builds the use
// cases with the texts the flows give them.
import type { Config } from '../config/config.js';
import type { DataFiles } from '../config/loadDataFiles.js';
import { openDb } from '../db/client.js';
import { migrateDatabase } from '../db/migrate.js';
import { BookingTexts } from '../flows/booking/bookingTexts.js';
import { BookingService } from '../services/booking/BookingService.js';
import { CapacityService } from '../services/capacity/CapacityService.js';
import { ContactService } from '../services/contactService.js';
import { ConversationStore } from '../services/conversationStore.js';
import { seedCounty } from '../services/countySeeder.js';
import { MyDataService } from '../services/myDataService.js';
import { simulatorClockStart } from '../services/simulatorClockStore.js';
import { AdjustableClock, systemClock, type Clock } from '../support/clock.js';
import { createReminders } from './reminderWiring.js';
import { ResultService } from '../services/results/ResultService.js';
import { IndicatorService } from '../services/indicators/IndicatorService.js';
import { rescreenAfterResult } from '../services/results/rescreenAfterResult.js';
import { identityKeys } from '../support/identityKeys.js';
import { parseDataKeys, secretBox } from '../support/secretBox.js';
import { followUpParts } from './followUpWiring.js';
import { referralBooked } from '../services/followUp/referralBooked.js';
import { StaffHandoffs } from '../services/handoff/staffHandoffs.js';

export async function buildServices(config: Config, files: DataFiles, o: { clock?: Clock; migrate?: boolean }) {
  const { county, profile, flowSet, workdays } = files;
  if (o.migrate !== false) await migrateDatabase(config.DATABASE_URL);
  const dbHandle = openDb(config.DATABASE_URL);
  const db = dbHandle.db;
  await seedCounty(db, county);
  // the simulator's clock can be moved; it starts where it was left
  const clock = o.clock ?? (config.SIMULATOR_ENABLED ? new AdjustableClock(await simulatorClockStart(db, config.CLOCK_START, new Date())) : systemClock);
  const capacity = new CapacityService({ db, provider: dbHandle.provider });
  await capacity.seedFromCounty(county, clock.now());

  const contacts = new ContactService(db, config.BOT_ACCOUNT);
  const bookingTexts = new BookingTexts(() => flowSet.messages, county, profile);
  const reminders = createReminders(db, profile, bookingTexts);
  // secrets and ID numbers: sealed when DATA_ENCRYPTION_KEYS is set, ID numbers kept only with ID_HASH_KEY too
  const box = config.DATA_ENCRYPTION_KEYS ? secretBox(parseDataKeys(config.DATA_ENCRYPTION_KEYS)) : undefined;
  const identity = box && config.ID_HASH_KEY ? identityKeys(config.ID_HASH_KEY, box) : undefined;
  const store = new ConversationStore(db, reminders.turnSaved, identity);
  const markReferralBooked = profile.results && profile.followUp ? referralBooked(profile.results) : undefined;
  const booking = new BookingService({
    db,
    provider: dbHandle.provider,
    settings: profile.booking,
    quietHours: { quietStartHour: profile.messaging.quietStartHour, quietEndHour: profile.messaging.quietEndHour },
    serviceName: (id) => bookingTexts.service(id).name,
    serviceRank: (id) => bookingTexts.rank(id),
    texts: () => ({
      waitlistOffer: flowSet.messages.booking.noticeWaitlistOffer,
      offerExpired: flowSet.messages.booking.noticeOfferExpired,
      noShow: flowSet.messages.booking.noticeNoShow,
      closed: flowSet.messages.booking.noticeClosed,
      waitlistEnded: flowSet.messages.booking.noticeWaitlistEnded,
      sessions: flowSet.messages.booking.sessions,
      weekdays: flowSet.messages.booking.weekdays,
      listSeparator: flowSet.messages.booking.listSeparator,
    }),
    // her reminders; a further test her result called for, booked: its follow-up case marked booked
    bookingsChanged: async (tx, contactId, serviceIds, now) => {
      await reminders.bookingsChanged(tx, contactId, serviceIds, now);
      if (markReferralBooked) await markReferralBooked(tx, contactId, serviceIds, now);
    },
  });
  // deleting her data releases her seats in the same transaction
  const myData = new MyDataService(db, (tx, contactId, now) => booking.releaseAllFor(tx, contactId, now).then(() => undefined));
  const pregnancy = reminders.pregnancyService(booking);
  // results: the profile's meanings, the county's hospitals
  // (a held result's deadline: the profile's working days, counted with the holiday and 调休 calendar)
  const holdDeadline = profile.results?.holdDeadline ? { workingDays: profile.results.holdDeadline.workingDays, calendar: workdays } : undefined;
  const resultHospitals = new Map(county.hospitals.map((h) => [h.id, { name: h.name, phone: h.phone }]));
  // follow-up cases of abnormal results: opened by the result service's effect, worked by staff and the daily job
  const followUp = followUpParts(db, profile, resultHospitals);
  const results = profile.results
    ? new ResultService(db, profile.results, resultHospitals, {
        identity,
        holdDeadline,
        // follow-up cases of abnormal results; a normal 两癌 result told to her sets her next re-screening reminder
        effects: [
          ...(followUp ? [followUp.cases] : []),
          rescreenAfterResult({ programme: reminders.config.rescreen.programme, years: reminders.config.rescreen.years }),
        ],
      })
    : undefined;
  // the programme indicators (every stored result counts, with or without a results section)
  const indicators = new IndicatorService(db);
  // the hand-off inbox: staff who answer her in the chat (the profile's handoff section)
  const handoffs = profile.handoff
    ? new StaffHandoffs(db, () => ({ staffReply: flowSet.messages.handoff.staffReply, closed: flowSet.messages.handoff.closed }))
    : undefined;
  return {
    dbHandle,
    db,
    clock,
    capacity,
    contacts,
    bookingTexts,
    reminders,
    planner: reminders.planner,
    store,
    booking,
    myData,
    pregnancy,
    box,
    identity,
    results,
    holdDeadline,
    indicators,
    followUp,
    handoffs,
  };
}

export type Services = Awaited<ReturnType<typeof buildServices>>;
