// The conversation engine: the flows' actions bridged to the services through their ports, and the
// router that hands it one contact's messages at a time.
import type { DataFiles } from '../config/loadDataFiles.js';
import { InboundRouter } from '../channels/inboundRouter.js';
import { renderTemplate } from '../domain/template.js';
import { createActions } from '../flows/actions.js';
import { createAnswerAgain } from '../flows/answerAgainActions.js';
import { createBookingFlow } from '../flows/booking/bookingActions.js';
import { servicesBookingPort } from '../flows/booking/servicesBookingPort.js';
import { sideQuestionsPort } from '../flows/booking/sideQuestionsPort.js';
import { ConversationEngine } from '../flows/engine.js';
import type { COUNTY_VARS } from '../flows/flowVars.js';
import { myDataRecordLines } from '../flows/myDataRecords.js';
import { createMyResults } from '../flows/myResults.js';
import { createReferralBooking } from '../flows/referralBooking.js';
import { createHandoffActions } from '../flows/handoff/handoffActions.js';
import { servicesHandoffPort } from './handoffWiring.js';
import { bookableReferrals } from '../services/results/bookableReferrals.js';
import { bookingMenu } from '../profiles/bookable.js';
import { NextReminders } from '../flows/nextReminders.js';
import { createPregnancyFlow } from '../flows/pregnancy/pregnancyActions.js';
import { twinsSaidBy } from '../flows/pregnancy/twinsSaid.js';
import { createUndoEndActions } from '../flows/pregnancy/undoEndActions.js';
import { knownVocabulary } from '../flows/vocabulary.js';
import { wordSpans } from '../support/wordSpans.js';
import { matchTrigger } from '../flows/matchWords.js';
import { homePlaces } from '../profiles/homePlaces.js';
import { situationFromRecords } from '../flows/warningSignAnswer.js';
import { warningHospital } from '../profiles/warningHospital.js';
import { shanghaiDay } from '../domain/calendarDay.js';
import { PregnancyTexts } from '../flows/pregnancy/pregnancyTexts.js';
import { servicesPregnancyPort } from '../flows/pregnancy/servicesPregnancyPort.js';
import { createProgrammePort } from '../profiles/profileProgrammes.js';
import { lastEligibilityCheck } from '../services/eligibilityChecks.js';
import { remindedScreenings } from '../services/reminders/remindedScreenings.js';
import { factsKnownFromRecords } from '../services/pregnancy/knownFacts.js';
import type { Logger } from '../support/logger.js';
import type { Services } from './buildServices.js';

/** The county's values for every text (exactly the names start-up checks the texts against). */
function countyTemplateVars(county: DataFiles['county']): Record<(typeof COUNTY_VARS)[number], string> {
  return {
    countyName: county.name,
    operator: county.operator.name,
    servicePhone: county.servicePhone,
    serviceHours: county.serviceHours ?? '',
    retention: county.dataRetention,
  };
}

export function buildEngine(
  files: DataFiles,
  s: Services,
  o: { logger: Logger; idleMinutes: number; onContactDeleted: (m: { channel: string; externalId: string }) => void },
) {
  const { county, profile, flowSet } = files;
  const countyVars = countyTemplateVars(county);
  const programmes = createProgrammePort(profile, county, () => flowSet.messages);
  const bookingPort = servicesBookingPort(s.booking, s.capacity, profile.booking);
  const pregnancyPort = servicesPregnancyPort({
    pregnancy: s.pregnancy,
    settings: {
      askCycleLength: profile.reminders.askCycleLength,
      reminderTime: s.reminders.config.time,
      newborn: s.reminders.config.newborn,
      screeningWords: Object.fromEntries(profile.programmes.prenatal.bookable.filter((b) => b.services.length === 1).map((b) => [b.services[0], b.words])),
    },
  });
  // the further tests she may book (约阴道镜: booked, not checked): her results call for them, or her
  // pregnancy qualifies by the programme's rule (产前诊断 at 35)
  const referred = bookableReferrals({
    byResults: (contactId) => s.results?.referredServices(contactId) ?? Promise.resolve([]),
    activePregnancy: (contactId) => s.pregnancy.active(contactId),
    prenatalScreenings: profile.programmes.prenatal.screenings,
  });
  const hasPregnancy = async (contactId: string) => (await pregnancyPort.active(contactId)) !== undefined;
  const bookingFlow = createBookingFlow({
    hasPregnancy,
    port: bookingPort,
    texts: s.bookingTexts,
    profile,
    lastCheck: (contactId, programme) => lastEligibilityCheck(s.db, contactId, programme),
    reminded: (contactId, now) => remindedScreenings(s.db, contactId, now),
    referred,
  });
  const pregnancyTexts = new PregnancyTexts(() => flowSet.messages);
  const planFlows = [...flowSet.flows.values()].filter((f) => f.id === 'next_reminder');
  const pregnancyFlow = createPregnancyFlow({ port: pregnancyPort, texts: pregnancyTexts, twinsSaid: twinsSaidBy(flowSet) });
  const rc = s.reminders.config;
  const nextReminders = new NextReminders({
    pregnancies: pregnancyPort,
    pregnancyTexts,
    bookings: bookingPort,
    bookingTexts: s.bookingTexts,
    checks: async (contactId) => (await s.myData.collect(contactId))?.checks ?? [],
    messages: () => flowSet.messages,
    settings: { time: rc.time, appointmentTime: rc.appointmentTime, rescreenProgramme: rc.rescreen.programme, rescreenName: rc.rescreen.programmeName },
  });
  const handoff = profile.handoff
    ? servicesHandoffPort(s.db, { countyId: county.id, stuckAfter: profile.handoff.stuckAfter, hours: profile.handoff, calendar: files.workdays })
    : undefined;
  const answerAgain = createAnswerAgain({ myData: s.myData, programmes, messages: () => flowSet.messages, programmeIds: county.programmes });
  const records = { bookings: bookingPort, bookingTexts: s.bookingTexts, pregnancies: pregnancyPort, pregnancyTexts, clock: s.clock, nextReminders };
  const actions = new Map([
    ...createActions({
      countyId: county.id,
      myData: s.myData,
      programmes,
      messages: () => flowSet.messages,
      // her bookings and pregnancies are part of what is stored about her
      extraLines: (contactId, facts, subscribed) => myDataRecordLines(records, contactId, facts, subscribed),
    }),
    ...bookingFlow.actions,
    ...pregnancyFlow.actions,
    ...createUndoEndActions({ pregnancy: pregnancyPort, booking: bookingPort }),
    ...nextReminders.actions(),
    ...answerAgain.actions,
    // 我的结果: her results told in the chat (none where the profile has no results section)
    ...createMyResults({
      results: (contactId, take) => s.results?.listForHer(contactId, take) ?? Promise.resolve({ shown: [], more: 0 }),
      messages: () => flowSet.messages,
    }),
    // 约阴道镜: booked when a result told to her calls for it
    // 人工: her request for staff (the phone before consent, or without the profile's handoff section)
    ...createHandoffActions({ port: handoff, messages: () => flowSet.messages, countyVars }),
    ...createReferralBooking({
      referred,
      ruled: new Set(profile.programmes.prenatal.screenings.filter((x) => x.referral && x.onlyIf).map((x) => x.id)),
      hasPregnancy,
      bookable: new Set(
        bookingMenu(profile, county)
          .filter((l) => l.referral)
          .map((l) => l.value),
      ),
    }),
  ]);
  const engine = new ConversationEngine({
    flowSet,
    programmes,
    actions,
    choiceSources: new Map([...bookingFlow.sources, ...pregnancyFlow.sources, ...answerAgain.sources]),
    contacts: s.contacts,
    store: s.store,
    clock: s.clock,
    logger: o.logger,
    countyVars,
    idleMinutes: o.idleMinutes,
    onContactDeleted: o.onContactDeleted,
    knownFacts: (contactId) => factsKnownFromRecords(s.pregnancy, contactId),
    warningSigns: profile.warningSigns && {
      signs: profile.warningSigns,
      hospital: (group, township) => warningHospital(county, group, township),
      situation: (contactId, now) => situationFromRecords(s.pregnancy, contactId, shanghaiDay(now)),
    },
    // (接下来要做什么检查: her plan, asked in a side question's words)
    sideQuestions: { ...sideQuestionsPort(profile, bookingPort, s.bookingTexts), asksPlan: (clause) => matchTrigger(clause, planFlows) !== undefined },
    vocabulary: knownVocabulary(flowSet, profile, county),
    wordSpans,
    home: homePlaces(county),
    handoff,
  });
  const router = new InboundRouter(
    (m) => engine.handle(m),
    o.logger,
    () => renderTemplate(flowSet.messages.systemError, countyVars),
    () => renderTemplate(flowSet.messages.tooLong, countyVars),
  );
  return { engine, router, countyVars };
}
