// The {placeholders} each text of flows/messages.yaml may use: what the code that fills it in gives
// it. Checked at start (loadFlows), so a text naming a value it is not given stops start-up with the
// file and the path. The shape follows messages.yaml, so a text added there without saying what it
// is given does not compile.
import { templatePlaceholders } from '../domain/template.js';
import type { Messages } from './flowSchema.js';
import { COUNTY_VARS } from './flowVars.js';

/** For each text, the names it is given (a list of texts: the same names for each). */
type VarsOf<T> = T extends string ? readonly string[] : T extends readonly unknown[] ? readonly string[] : { readonly [K in keyof T]: VarsOf<T[K]> };

/** Texts said as they are (no values filled in). */
const NONE: readonly string[] = [];
/** Texts the engine renders with the county's values (a text said at any step names nothing of a flow). */
const COUNTY = COUNTY_VARS;
/** What is said about one visit (BookingTexts.visitTextVars): lines, details, the appointment reminder. */
const VISIT = ['code', 'services', 'date', 'weekday', 'session', 'hospital', 'address', 'directions', 'phone', 'preparation'];
/** What every booking notice gets (src/services/booking/notices.ts); the offer also the hold time. */
const NOTICE = ['hospital', 'address', 'phone', 'date', 'day', 'weekday', 'session', 'services', 'code', 'hours', 'minutes'];
const HOLD = ['until', 'untilTime', 'untilDate'];
const WINDOW = ['services', 'opens', 'closes', 'from', 'to'];
/** A pregnancy in 我的信息 (PregnancyTexts.myData). */
const PREGNANCY_LINE = ['registeredOn', 'dueDate', 'parts', 'birthDate', 'endedOn'];
const ITEM = ['screening', 'from', 'to'];

export const MESSAGE_VARS: VarsOf<Messages> = {
  // said as they are (the engine adds the question and the example after them)
  reprompt: {
    empty: NONE,
    unrecognised: NONE,
    out_of_range: NONE,
    in_future: NONE,
    too_old: NONE,
    checksum: NONE,
    bad_length: NONE,
    bad_birth_date: NONE,
    ambiguous: NONE,
    incomplete: NONE,
    months: NONE,
    // what she said and its month (src/domain/parse/monthWithoutDay.ts)
    part_of_month: ['said', 'month'],
    too_young: NONE,
  },
  example: ['example'],
  tooManyFailures: COUNTY,
  notUnderstood: COUNTY,
  tooLong: COUNTY,
  anotherWoman: [...COUNTY, 'programme', 'min', 'max', 'who'],
  // the short list of options follows it
  choiceWhich: NONE,
  // the question asked again follows it
  keptForLater: NONE,
  keptAlready: NONE,
  notAsked: NONE,
  fullYears: ['age'],
  monthsHeard: NONE,
  idleReset: COUNTY,
  eligibilityUnavailable: COUNTY,
  // src/flows/actions.ts describeMyData
  myData: {
    header: NONE,
    beforeConsent: NONE,
    declined: NONE,
    consentGiven: ['date'],
    healthConsentGiven: ['date'],
    subscribed: NONE,
    unsubscribed: NONE,
    county: COUNTY,
    noFacts: NONE,
    idNumberKept: NONE,
    factLine: ['label', 'value'],
    ageGiven: ['age', 'date'],
    checkLine: ['date', 'programme', 'result'],
    // a normal result told to her set the day she may join again
    checkFromResult: ['date', 'programme', 'nextDate'],
    resultEligible: NONE,
    resultEligibleFrom: ['date'],
    resultNotEligible: NONE,
    footer: NONE,
    factLabels: {},
  },
  // src/flows/nextReminders.ts
  reminders: {
    pregnancy: ['ga', 'dueDate', 'time'],
    pregnancyNoAlerts: ['ga', 'dueDate', 'time'],
    pregnancyOff: ['ga', 'dueDate', 'time'],
    alertDay: ['date', 'alerts'],
    alertSoon: ITEM,
    alertOpen: ITEM,
    alertClosing: ITEM,
    planHeader: NONE,
    newborn: ['time'],
    newbornAlert: ITEM,
    visitsHeader: NONE,
    visit: [...VISIT, 'remindOn', 'time'],
    eligibleAgain: ['date', 'programme', 'time'],
    eligibleFrom: ['date', 'programme', 'time'],
    myDataHeader: NONE,
  },
  // src/flows/myResults.ts: a result's notice again, with the day it was sent; how many more there are
  myResults: { item: ['date', 'notice'], more: ['count'] },
  // src/flows/handoff/handoffTexts.ts (her request for staff); the staff service sends staffReply and closed
  handoff: {
    opened: COUNTY,
    already: COUNTY,
    stuck: COUNTY,
    waiting: COUNTY,
    outOfHours: ['when'],
    when: { today: ['time'], tomorrow: ['time'], later: ['date', 'weekday', 'time'] },
    staffReply: ['text'],
    closed: NONE,
  },
  confirmGuess: ['label'],
  systemError: COUNTY,
  // src/flows/answerAgain.ts, src/flows/answerAgainActions.ts
  correction: { topics: {}, wrongWords: NONE, notWords: NONE, again: NONE, changed: NONE, forgotten: ['label'], option: ['label', 'value'] },
  // src/flows/answerAgain.ts: a voice message or a photo
  media: { voice: COUNTY, image: COUNTY },
  // src/flows/strayWords.ts: a message that answers nothing, at a question
  stray: { thanks: NONE, ok: NONE, agreed: NONE, reply: NONE, agreedReply: NONE },
  // src/profiles/profileProgrammes.ts: the hospitals after an eligibility answer
  hospitalsHeader: NONE,
  hospitalLine: ['name', 'address', 'phone'],
  booking: {
    sessions: { am: NONE, pm: NONE },
    weekdays: NONE,
    listSeparator: NONE,
    dayOption: ['date', 'weekday', 'left'],
    // src/flows/readShownChoice.ts
    dayWhich: ['position', 'positionDate', 'positionWeekday', 'number', 'date', 'weekday'],
    dayNotOffered: ['date', 'weekday'],
    dayBeyond: ['date', 'weekday', 'lastDate', 'lastWeekday'],
    dayWeekdayMismatch: ['date', 'weekday', 'named'],
    sessionOption: ['session', 'left'],
    bookingLine: VISIT,
    heldLine: [...VISIT, 'until'],
    waitingLine: ['services', 'hospital'],
    preview: ['services', 'date', 'weekday', 'session', 'hospital', 'address'],
    details: VISIT,
    appointmentReminder: VISIT,
    appointmentReminderToday: VISIT,
    windowNotYet: WINDOW,
    windowPast: WINDOW,
    windowMissed: WINDOW,
    fallbackNote: WINDOW,
    fallbackCall: ['services', 'hospital', 'phone'],
    otherHospital: ['hospital', 'days'],
    waitHere: { label: ['hospital'], words: NONE },
    noneOfThem: { label: NONE, words: NONE },
    beforeDelete: ['lines'],
    noticeWaitlistOffer: [...NOTICE, ...HOLD],
    noticeOfferExpired: [...NOTICE, ...HOLD],
    noticeNoShow: NOTICE,
    noticeClosed: NOTICE,
    noticeWaitlistEnded: NOTICE,
  },
  // src/flows/pregnancy/pregnancyTexts.ts
  pregnancy: {
    planOpen: ['screening', 'to'],
    planAhead: ['screening', 'from'],
    planNone: NONE,
    lastPeriodNote: ['said', 'day'],
    cycleNote: ['cycleDays', 'days'],
    twinsNote: NONE,
    redateFarNote: ['oldDueDate', 'oldGa', 'weeks'],
    dueDatePast: ['dueDate'],
    dueDateTooFar: ['dueDate'],
    birthNotDay: NONE,
    birthTooOld: ['birthDate', 'dueDate'],
    birthTooEarly: ['birthDate', 'dueDate'],
    newbornLine: ['screening', 'from', 'to'],
    newbornAnyBaby: ['screening', 'fromDay', 'toDay'],
    itemOpen: ITEM,
    itemAhead: ITEM,
    itemPast: ITEM,
    itemNewborn: ['screening'],
    // src/flows/datingWhich.ts
    datingWhich: ['lastPeriod', 'lmpDueDate', 'dueDate'],
    myData: {
      active: PREGNANCY_LINE,
      born: PREGNANCY_LINE,
      bornOnly: PREGNANCY_LINE,
      lost: PREGNANCY_LINE,
      cycle: ['cycleDays'],
      twins: NONE,
      age: ['age'],
      ageAbout: ['min', 'max'],
      done: ['screenings'],
      missed: ['screenings'],
      newborn: ['heel', 'hearing'],
      heel: { done: NONE, notDone: NONE, unknown: NONE },
      hearing: { passed: NONE, failed: NONE, notDone: NONE, unknown: NONE },
    },
  },
  // src/app/buildChannels.ts: the channel's own replies
  groupMention: COUNTY,
  textOnly: COUNTY,
  // how a yes/no or "never" answer is shown in 我的信息
  yes: NONE,
  no: NONE,
  never: NONE,
};

/** Every placeholder of a messages.yaml text that its code does not give: [path, message]. */
export function checkMessageVars(messages: Messages): [string, string][] {
  const issues: [string, string][] = [];
  const check = (path: string, text: string, allowed: readonly string[]) => {
    for (const name of templatePlaceholders(text)) {
      if (!allowed.includes(name)) {
        issues.push([path, `placeholder {${name}} is not provided here (available: ${allowed.map((v) => `{${v}}`).join(', ') || 'none'})`]);
      }
    }
  };
  const walk = (value: unknown, allowed: unknown, path: string) => {
    if (typeof value === 'string') return check(path, value, Array.isArray(allowed) ? (allowed as string[]) : NONE);
    if (Array.isArray(value)) return value.forEach((v, i) => walk(v, allowed, `${path}[${i}]`));
    if (value && typeof value === 'object') {
      const spec = (allowed ?? {}) as Record<string, unknown>;
      for (const [k, v] of Object.entries(value)) walk(v, spec[k], path ? `${path}.${k}` : k);
    }
  };
  walk(messages, MESSAGE_VARS, '');
  return issues;
}
