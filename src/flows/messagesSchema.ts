// The texts the engine itself says (flows/messages.yaml), defined once.
import { z } from 'zod';

/** Every text the engine itself says (re-prompts, idle note, not understood, …): flows/messages.yaml. */
export const messagesSchema = z.object({
  reprompt: z.object({
    empty: z.string(),
    unrecognised: z.string(),
    out_of_range: z.string(),
    in_future: z.string(),
    too_old: z.string(),
    checksum: z.string(),
    bad_length: z.string(),
    bad_birth_date: z.string(),
    ambiguous: z.string(),
    incomplete: z.string(),
    months: z.string(),
    part_of_month: z.string(),
    too_young: z.string(),
  }),
  example: z.string(),
  tooManyFailures: z.string(),
  notUnderstood: z.string(),
  /** To a message longer than the bot reads (src/channels/inboundRouter.ts): a line or two, please. */
  tooLong: z.string().min(1),
  /** To a woman who asks for another woman (her mother, sister): who may take part, nothing stored (src/flows/forAnotherWoman.ts). */
  anotherWoman: z.string().min(1),
  /** Before the short list of the options a plain 不是 still fits (src/flows/choiceAnswer.ts). */
  choiceWhich: z.string().min(1),
  /** Before the question asked again, when her words answered another question of the interview (src/flows/otherAnswer.ts). */
  keptForLater: z.string().min(1),
  keptAlready: z.string().min(1),
  notAsked: z.string().min(1),
  /** Her age said without how she counted it, read in full years, to confirm ({age}). */
  fullYears: z.string().min(1),
  /** Before the dating question asked the first time, when the words that started the flow gave months (怀孕四个月了). */
  monthsHeard: z.string().min(1),
  idleReset: z.string(),
  eligibilityUnavailable: z.string(),
  myData: z.object({
    header: z.string(),
    beforeConsent: z.string(),
    declined: z.string(),
    consentGiven: z.string(),
    healthConsentGiven: z.string(),
    subscribed: z.string(),
    unsubscribed: z.string(),
    county: z.string(),
    noFacts: z.string(),
    idNumberKept: z.string().min(1),
    factLine: z.string(),
    // a birth date she gave as her age ({age}, {date}: the day she said it)
    ageGiven: z.string().min(1),
    checkLine: z.string(),
    checkFromResult: z.string(),
    resultEligible: z.string(),
    resultEligibleFrom: z.string(),
    resultNotEligible: z.string(),
    footer: z.string(),
    factLabels: z.record(z.string(), z.string()),
  }),
  systemError: z.string(),
  /**
   * 重新回答 / 户口写错了 (src/flows/answerAgain.ts): `topics`, the words that name an answer of hers, by the
   * fact (or flow variable) that holds it; `wrongWords`, the words that say it is wrong beside a topic.
   */
  correction: z.object({
    topics: z.record(z.string(), z.array(z.string().min(1)).min(1)),
    wrongWords: z.array(z.string().min(1)).min(1),
    // not a correction beside these (别写错了, 写错了怎么办, 会不会弄错)
    notWords: z.array(z.string().min(1)).default([]),
    // before the question asked again
    again: z.string().min(1),
    // instead of it, when her right answer was beside the correction
    changed: z.string().min(1),
    // at rest, an answer no screening asks: forgotten ({label}: its name in 我的信息)
    forgotten: z.string().min(1),
    // an option of the list of her answers ({label}, {value})
    option: z.string().min(1),
  }),
  /** A voice message or a photo: the bot reads only text ({servicePhone}); then the question she was on again. */
  media: z.object({ voice: z.string().min(1), image: z.string().min(1) }),
  stray: z.object({
    thanks: z.array(z.string().min(1)),
    ok: z.array(z.string().min(1)),
    agreed: z.array(z.string().min(1)),
    reply: z.string().min(1),
    agreedReply: z.string().min(1),
  }),
  hospitalsHeader: z.string(),
  hospitalLine: z.string(),
  booking: z.object({
    sessions: z.object({ am: z.string(), pm: z.string() }),
    weekdays: z.array(z.string()).length(7),
    // between service names in a list (宫颈癌筛查、乳腺癌筛查)
    listSeparator: z.string().min(1),
    dayOption: z.string(),
    // she named a number that is a position and a day of the month; a day not in the list
    dayWhich: z.string().min(1),
    dayNotOffered: z.string().min(1),
    // a day after the last she may book; a date and a weekday that are not the same day
    dayBeyond: z.string().min(1),
    dayWeekdayMismatch: z.string().min(1),
    sessionOption: z.string(),
    bookingLine: z.string(),
    heldLine: z.string(),
    waitingLine: z.string(),
    preview: z.string(),
    details: z.string(),
    // the day before a visit, at the profile's reminders.appointmentTime
    appointmentReminder: z.string().min(1),
    appointmentReminderToday: z.string().min(1),
    windowNotYet: z.string(),
    windowPast: z.string(),
    // a window closed that a free fallback covers (profile onlyIf.missed): the closed one, then the fallback
    windowMissed: z.string().min(1),
    fallbackNote: z.string().min(1),
    // the fallback is not booked in the chat here: whom to call
    fallbackCall: z.string().min(1),
    // every day full at her hospital: the other hospitals with free days, and the waitlist
    otherHospital: z.string().min(1),
    waitHere: z.object({ label: z.string().min(1), words: z.array(z.string().min(1)) }),
    noneOfThem: z.object({ label: z.string().min(1), words: z.array(z.string().min(1)) }),
    // 删除我的信息: her bookings, said before she confirms
    beforeDelete: z.string().min(1),
    noticeWaitlistOffer: z.string(),
    noticeOfferExpired: z.string(),
    noticeNoShow: z.string(),
    noticeClosed: z.string(),
    noticeWaitlistEnded: z.string(),
  }),
  pregnancy: z.object({
    planOpen: z.string(),
    planAhead: z.string(),
    planNone: z.string(),
    lastPeriodNote: z.string(),
    cycleNote: z.string(),
    twinsNote: z.string(),
    redateFarNote: z.string(),
    dueDatePast: z.string(),
    dueDateTooFar: z.string(),
    birthNotDay: z.string(),
    birthTooOld: z.string(),
    birthTooEarly: z.string(),
    newbornLine: z.string(),
    newbornAnyBaby: z.string(),
    itemOpen: z.string(),
    itemAhead: z.string(),
    itemPast: z.string(),
    itemNewborn: z.string(),
    // a date she wrote alone that reads as her last period and as a due date (src/flows/datingWhich.ts)
    datingWhich: z.string().min(1),
    myData: z.object({
      active: z.string(),
      born: z.string(),
      bornOnly: z.string(),
      lost: z.string(),
      cycle: z.string(),
      twins: z.string(),
      age: z.string(),
      // her birth date given as a year, a month or an age: the ages she can be on the due date
      ageAbout: z.string(),
      done: z.string(),
      missed: z.string(),
      newborn: z.string(),
      heel: z.object({ done: z.string(), notDone: z.string(), unknown: z.string() }),
      hearing: z.object({ passed: z.string(), failed: z.string(), notDone: z.string(), unknown: z.string() }),
    }),
  }),
  /** 下回啥时候提醒我 and 我的信息: the days her reminders come on (src/flows/nextReminders.ts). */
  reminders: z.object({
    pregnancy: z.string().min(1),
    pregnancyNoAlerts: z.string().min(1),
    pregnancyOff: z.string().min(1),
    alertDay: z.string().min(1),
    alertSoon: z.string().min(1),
    alertOpen: z.string().min(1),
    alertClosing: z.string().min(1),
    planHeader: z.string().min(1),
    newborn: z.string().min(1),
    newbornAlert: z.string().min(1),
    visitsHeader: z.string().min(1),
    visit: z.string().min(1),
    eligibleAgain: z.string().min(1),
    eligibleFrom: z.string().min(1),
    myDataHeader: z.string().min(1),
  }),
  /** 我的结果: her results told in the chat, shown again (src/flows/myResults.ts). */
  myResults: z.object({
    item: z.string().min(1),
    more: z.string().min(1),
  }),
  /** 人工 after consent and three answers not read: her request for staff (src/flows/handoff/). */
  handoff: z.object({
    opened: z.string().min(1),
    already: z.string().min(1),
    stuck: z.string().min(1),
    waiting: z.string().min(1),
    outOfHours: z.string().min(1),
    when: z.object({ today: z.string().min(1), tomorrow: z.string().min(1), later: z.string().min(1) }),
    staffReply: z.string().min(1),
    closed: z.string().min(1),
  }),
  /** Before acting on a guessed answer that refuses her: {label} is the answer as she would say it. */
  confirmGuess: z.string(),
  groupMention: z.string(),
  textOnly: z.string(),
  yes: z.string(),
  no: z.string(),
  never: z.string(),
});
export type Messages = z.infer<typeof messagesSchema>;
