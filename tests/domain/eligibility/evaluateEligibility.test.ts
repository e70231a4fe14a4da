import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateEligibility, renderOutcome, type EligibilityOutcome } from '../../../src/domain/eligibility/evaluateEligibility.js';
import { loadProfiles } from '../../../src/profiles/loadProfiles.js';
import type { ProgrammeProfile } from '../../../src/domain/profile/profileSchema.js';

const profiles = loadProfiles(path.resolve(__dirname, '../../../profiles'));
const TODAY = '2026-03-05';
const twoCancer = (id: string): ProgrammeProfile => profiles.get(id)!.programmes.twoCancer;
const prenatal = (id: string): ProgrammeProfile => profiles.get(id)!.programmes.prenatal;

// Everything a qualifying rural woman would answer.
const OK: Record<string, unknown> = {
  birthDate: '1980-05-06',
  residence: 'hukou',
  group: 'rural',
  employerCheckup: false,
  pregnant: false,
  lastScreening: null,
  hysterectomy: false,
  sexualHistory: true,
  breastCancer: false,
};

// Interval years per profile (national 3, Henan 5, Hunan 3).
const PROFILES = [
  { id: 'national', years: 3 },
  { id: 'henan', years: 5 },
  { id: 'hunan', years: 3 },
];

type Expect = Partial<{ status: string; reason: string; textKey: string; nextEligibleOn: string | undefined; fact: string; screenings: string[] }>;

function check(outcome: EligibilityOutcome, want: Expect): void {
  expect(outcome.status).toBe(want.status);
  if (outcome.status === 'ineligible') {
    if (want.reason) expect(outcome.reason).toBe(want.reason);
    if (want.textKey) expect(outcome.textKey).toBe(want.textKey);
    if ('nextEligibleOn' in want) expect(outcome.nextEligibleOn).toBe(want.nextEligibleOn);
  }
  if (outcome.status === 'needs' && want.fact) expect(outcome.fact).toBe(want.fact);
  if (outcome.status === 'eligible' && want.screenings) expect(outcome.screenings).toEqual(want.screenings);
}

describe.each(PROFILES)('两癌 eligibility: $id', ({ id, years }) => {
  const p = twoCancer(id);
  const cases: { name: string; facts: Record<string, unknown>; want: Expect }[] = [
    { name: 'eligible', facts: {}, want: { status: 'eligible', screenings: ['cervical', 'breast'] } },
    { name: 'day before 35th birthday', facts: { birthDate: '1991-03-06' }, want: { status: 'ineligible', reason: 'age_below', nextEligibleOn: '2026-03-06' } },
    { name: 'on 35th birthday', facts: { birthDate: '1991-03-05' }, want: { status: 'eligible' } },
    { name: 'turns 35 next year', facts: { birthDate: '1992-01-10' }, want: { status: 'ineligible', reason: 'age_below', nextEligibleOn: '2027-01-10' } },
    {
      name: 'born 29 Feb turns 35 on 1 Mar',
      facts: { birthDate: '1992-02-29' },
      want: { status: 'ineligible', reason: 'age_below', nextEligibleOn: '2027-03-01' },
    },
    { name: 'day before 65th birthday (64)', facts: { birthDate: '1961-03-06' }, want: { status: 'eligible' } },
    { name: 'on 65th birthday', facts: { birthDate: '1961-03-05' }, want: { status: 'ineligible', reason: 'age_above', nextEligibleOn: undefined } },
    { name: 'residence none', facts: { residence: 'none' }, want: { status: 'ineligible', reason: 'residence', textKey: 'residence' } },
    { name: 'residence: only husband local', facts: { residence: 'spouseHukou' }, want: { status: 'ineligible', reason: 'residence' } },
    { name: 'residence: lived 6 months (stricter default)', facts: { residence: 'livedSixMonths' }, want: { status: 'ineligible', reason: 'residence' } },
    { name: 'urban 低保', facts: { group: 'urbanLowIncome' }, want: { status: 'eligible' } },
    { name: 'pregnant now', facts: { pregnant: true }, want: { status: 'ineligible', reason: 'pregnant', textKey: 'pregnant' } },
    {
      name: 'employer check-up',
      facts: { employerCheckup: true },
      want: { status: 'ineligible', reason: 'exclusion:employerCheckup', textKey: 'exclusion_employerCheckup' },
    },
    { name: 'hysterectomy: breast only', facts: { hysterectomy: true }, want: { status: 'eligible', screenings: ['breast'] } },
    { name: 'no sexual history: breast only', facts: { sexualHistory: false }, want: { status: 'eligible', screenings: ['breast'] } },
    { name: 'past breast cancer: cervical only', facts: { breastCancer: true }, want: { status: 'eligible', screenings: ['cervical'] } },
    {
      name: 'hysterectomy and breast cancer: nothing left',
      facts: { hysterectomy: true, breastCancer: true },
      want: { status: 'ineligible', reason: 'exclusion:breastCancer', textKey: 'excluded_all' },
    },
    // interval, day precision: next = last + years
    {
      name: 'screened a day inside the cycle',
      facts: { lastScreening: { date: `${2026 - years}-03-06`, precision: 'day' } },
      want: { status: 'ineligible', reason: 'interval', nextEligibleOn: '2026-03-06' },
    },
    { name: 'cycle ends today', facts: { lastScreening: { date: `${2026 - years}-03-05`, precision: 'day' } }, want: { status: 'eligible' } },
    {
      name: 'screened last year',
      facts: { lastScreening: { date: '2025-06-10', precision: 'day' } },
      want: { status: 'ineligible', reason: 'interval', nextEligibleOn: `${2025 + years}-06-10` },
    },
    // 29 Feb + 3 or 5 years has no 29 Feb: from 1 Mar, the day the re-screening reminder comes
    {
      name: 'screened on 29 Feb',
      facts: { lastScreening: { date: '2024-02-29', precision: 'day' } },
      want: { status: 'ineligible', reason: 'interval', nextEligibleOn: `${2024 + years}-03-01` },
    },
    // month precision: first day of the month after
    {
      name: 'month precision, same month',
      facts: { lastScreening: { date: `${2026 - years}-03-01`, precision: 'month' } },
      want: { status: 'ineligible', reason: 'interval', nextEligibleOn: '2026-04-01' },
    },
    { name: 'month precision, month before', facts: { lastScreening: { date: `${2026 - years}-02-01`, precision: 'month' } }, want: { status: 'eligible' } },
    {
      name: 'month precision, December',
      facts: { lastScreening: { date: '2024-12-01', precision: 'month' } },
      want: { status: 'ineligible', nextEligibleOn: `${2025 + years}-01-01` },
    },
    // year precision: 1 January of year + years
    { name: 'year precision, cycle over', facts: { lastScreening: { date: `${2026 - years}-01-01`, precision: 'year' } }, want: { status: 'eligible' } },
    {
      name: 'year precision, inside cycle',
      facts: { lastScreening: { date: `${2027 - years}-01-01`, precision: 'year' } },
      want: { status: 'ineligible', reason: 'interval', nextEligibleOn: '2027-01-01' },
    },
    { name: 'bad birth date is asked again', facts: { birthDate: '1980-02-30' }, want: { status: 'needs', fact: 'birthDate' } },
    { name: 'birth date in the future is asked again', facts: { birthDate: '2030-01-01' }, want: { status: 'needs', fact: 'birthDate' } },
    {
      name: 'bad lastScreening is asked again',
      facts: { lastScreening: { date: '2024-01-01', precision: 'week' } },
      want: { status: 'needs', fact: 'lastScreening' },
    },
  ];

  it.each(cases)('$name', ({ facts, want }) => {
    check(evaluateEligibility(p, { ...OK, ...facts }, TODAY), want);
  });

  it('asks facts in rule order, one at a time', () => {
    const order = ['birthDate', 'residence', 'group', 'employerCheckup', 'pregnant', 'lastScreening', 'hysterectomy', 'sexualHistory', 'breastCancer'];
    const known: Record<string, unknown> = {};
    for (const fact of order) {
      expect(evaluateEligibility(p, known, TODAY)).toEqual({ status: 'needs', fact });
      known[fact] = OK[fact];
    }
    expect(evaluateEligibility(p, known, TODAY).status).toBe('eligible');
  });

  it.each([
    { name: 'too young: answered at once', facts: { birthDate: '2000-01-01' }, reason: 'age_below' },
    { name: 'too old: answered at once', facts: { birthDate: '1950-01-01' }, reason: 'age_above' },
    { name: 'not local: group never asked', facts: { birthDate: '1980-01-01', residence: 'none' }, reason: 'residence' },
    {
      name: 'pregnant: history never asked',
      facts: { birthDate: '1980-01-01', residence: 'hukou', group: 'rural', employerCheckup: false, pregnant: true },
      reason: 'pregnant',
    },
  ])('a decisive answer stops the questions ($name)', ({ facts, reason }) => {
    const outcome = evaluateEligibility(p, facts, TODAY);
    expect(outcome).toMatchObject({ status: 'ineligible', reason });
  });

  it('skips an exclusion whose screening is already removed', () => {
    const facts = { ...OK, hysterectomy: true } as Record<string, unknown>;
    delete facts.sexualHistory;
    delete facts.breastCancer;
    expect(evaluateEligibility(p, facts, TODAY)).toEqual({ status: 'needs', fact: 'breastCancer' });
  });

  it('renders every outcome as finished Chinese text with a next step', () => {
    const samples: Record<string, unknown>[] = [
      {},
      { birthDate: '1991-03-06' },
      { birthDate: '1961-03-05' },
      { residence: 'none' },
      { pregnant: true },
      { employerCheckup: true },
      { hysterectomy: true },
      { hysterectomy: true, breastCancer: true },
      { lastScreening: { date: '2025-06-10', precision: 'day' } },
      { lastScreening: { date: '2025-06-01', precision: 'month' } },
    ];
    for (const facts of samples) {
      const outcome = evaluateEligibility(p, { ...OK, ...facts }, TODAY);
      const text = renderOutcome(p, outcome);
      expect(text).not.toMatch(/[{}]/);
      if (outcome.status === 'ineligible') expect(text).toContain(p.texts.alternatives.split('\n')[0]);
      if (outcome.status === 'eligible') expect(text).toContain('回复“预约”');
    }
    expect(renderOutcome(p, evaluateEligibility(p, { ...OK, birthDate: '1991-03-06' }, TODAY))).toContain('2026年3月6日满35岁');
    expect(renderOutcome(p, evaluateEligibility(p, { ...OK, lastScreening: { date: '2025-06-01', precision: 'month' } }, TODAY))).toMatch(
      new RegExp(`2025年6月做过.*${2025 + years}年7月1日`),
    );
    expect(renderOutcome(p, evaluateEligibility(p, {}, TODAY))).toBe(p.questions.birthDate.text);
  });
});

describe('两癌 group rule', () => {
  it.each([
    { id: 'henan', group: 'urban', status: 'ineligible' },
    { id: 'hunan', group: 'urban', status: 'ineligible' },
    { id: 'national', group: 'urban', status: 'eligible' },
  ])('$id: $group woman is $status', ({ id, group, status }) => {
    const outcome = evaluateEligibility(twoCancer(id), { ...OK, group }, TODAY);
    expect(outcome.status).toBe(status);
    if (outcome.status === 'ineligible') expect(outcome).toMatchObject({ reason: 'group', textKey: 'group' });
  });
});

describe('孕期 (prenatal) eligibility', () => {
  const cases = [
    { id: 'national', facts: { pregnant: true, residence: 'hukou' }, want: { status: 'eligible' } },
    { id: 'national', facts: { pregnant: true, residence: 'spouseHukou' }, want: { status: 'eligible' } },
    { id: 'national', facts: { pregnant: true, residence: 'livedSixMonths' }, want: { status: 'ineligible', reason: 'residence' } },
    { id: 'henan', facts: { pregnant: true, residenceHenan: 'spouseHukou' }, want: { status: 'eligible' } },
    { id: 'henan', facts: { pregnant: true, residenceHenan: 'livedSixMonths' }, want: { status: 'eligible' } },
    { id: 'henan', facts: { pregnant: true, residenceHenan: 'none' }, want: { status: 'ineligible', reason: 'residence', textKey: 'residence' } },
    { id: 'hunan', facts: { pregnant: true, residence: 'none' }, want: { status: 'ineligible', reason: 'residence' } },
    { id: 'henan', facts: { pregnant: false }, want: { status: 'ineligible', reason: 'notPregnant', textKey: 'notPregnant' } },
    { id: 'national', facts: {}, want: { status: 'needs', fact: 'pregnant' } },
    { id: 'henan', facts: { pregnant: true }, want: { status: 'needs', fact: 'residenceHenan' } },
  ];
  it.each(cases)('$id $facts', ({ id, facts, want }) => {
    const p = prenatal(id);
    const outcome = evaluateEligibility(p, facts, TODAY);
    check(outcome, want);
    const text = renderOutcome(p, outcome);
    expect(text).not.toMatch(/[{}]/);
  });

  it('Henan lists its free prenatal screenings and the next step', () => {
    const text = renderOutcome(prenatal('henan'), evaluateEligibility(prenatal('henan'), { pregnant: true, residenceHenan: 'hukou' }, TODAY));
    expect(text).toContain('NT');
    expect(text).toContain('唐氏筛查');
    expect(text).toContain('回复“预约”');
  });
});

describe('evaluateEligibility input checks', () => {
  it('rejects a malformed today', () => {
    expect(() => evaluateEligibility(twoCancer('national'), OK, '2026-3-5')).toThrow(/YYYY-MM-DD/);
  });
});

describe('两癌 eligibility with a birth date given as a month, a year or an age (today 2026-03-05)', () => {
  const p = twoCancer('henan');
  const year = (y: number) => ({ date: `${y}-01-01`, precision: 'year' });
  const month = (y: number, m: number) => ({ date: `${y}-${String(m).padStart(2, '0')}-01`, precision: 'month' });
  const cases: { name: string; birthDate: unknown; want: Expect }[] = [
    // decided when every day it can be gives the same answer
    { name: '1976年: 49 or 50', birthDate: year(1976), want: { status: 'eligible' } },
    { name: '83年10月: 42', birthDate: month(1983, 10), want: { status: 'eligible' } },
    { name: '52岁 (50 to 52)', birthDate: { age: 52, on: TODAY }, want: { status: 'eligible' } },
    { name: '五九年的: 66 or 67', birthDate: year(1959), want: { status: 'ineligible', reason: 'age_above', textKey: 'age_above_about' } },
    { name: '1961年2月: 65', birthDate: month(1961, 2), want: { status: 'ineligible', reason: 'age_above', textKey: 'age_above_about' } },
    { name: '70岁 (68 to 70)', birthDate: { age: 70, on: TODAY }, want: { status: 'ineligible', reason: 'age_above', textKey: 'age_above_about' } },
    // too young whichever day: eligible again from the day she surely is 35
    {
      name: '1995年: 30 or 31',
      birthDate: year(1995),
      want: { status: 'ineligible', reason: 'age_below', textKey: 'age_below_about', nextEligibleOn: '2030-12-31' },
    },
    {
      name: '1991年10月: 34',
      birthDate: month(1991, 10),
      want: { status: 'ineligible', reason: 'age_below', textKey: 'age_below_about', nextEligibleOn: '2026-10-31' },
    },
    // the year she turns 35 or 65: the day decides, ask for more
    { name: '1991年: 34 or 35', birthDate: year(1991), want: { status: 'needs', fact: 'birthDate' } },
    { name: '1961年: 64 or 65', birthDate: year(1961), want: { status: 'needs', fact: 'birthDate' } },
    { name: '1991年3月: born before or after the 5th', birthDate: month(1991, 3), want: { status: 'needs', fact: 'birthDate' } },
    { name: '1991年2月: 35', birthDate: month(1991, 2), want: { status: 'eligible' } },
    { name: '36岁: may be 34', birthDate: { age: 36, on: TODAY }, want: { status: 'needs', fact: 'birthDate' } },
    { name: '36周岁', birthDate: { age: 36, on: TODAY, counting: 'full' }, want: { status: 'eligible' } },
    // an age said two years ago is two years more now
    { name: '33周岁 two years ago', birthDate: { age: 33, on: '2024-03-05', counting: 'full' }, want: { status: 'eligible' } },
    // a year after this one is not an answer
    { name: 'a year to come', birthDate: year(2027), want: { status: 'needs', fact: 'birthDate' } },
  ];
  it.each(cases)('$name', ({ birthDate, want }) => {
    const outcome = evaluateEligibility(p, { ...OK, birthDate }, TODAY);
    check(outcome, want);
    if (outcome.status !== 'needs') expect(renderOutcome(p, outcome)).not.toMatch(/[{}]/);
  });

  it('says neither a day nor an age she did not give', () => {
    const below = renderOutcome(p, evaluateEligibility(p, { ...OK, birthDate: year(1995) }, TODAY));
    expect(below).toContain('按您说的，您现在还不到35岁。');
    expect(below).not.toMatch(/\d+年\d+月\d+日/);
    const above = renderOutcome(p, evaluateEligibility(p, { ...OK, birthDate: year(1959) }, TODAY));
    expect(above).toContain('您已经过了64岁');
  });
});
