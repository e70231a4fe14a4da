// The indicators on a small fixed data set, counted by hand (below each expectation): two counties of a
// city and a county outside it, results of women who use the bot, unmatched and unlinked ones, cases in
// every state, pregnancies in and out of the period, and the period's edges (its first and last day in,
// the day before and after out). Rows are written directly (results, cases, pregnancies).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type DbHandle } from '../../../src/db/client.js';
import { computeIndicators, womanKey } from '../../../src/domain/indicators/screeningIndicators.js';
import { IndicatorService } from '../../../src/services/indicators/IndicatorService.js';
import { createTestDatabase, dbUnavailable, type TestDatabase } from '../../support/testDb.js';

const FROM = '2026-01-01';
const TO = '2026-06-30';
const AT = new Date('2026-07-02T09:00:00+08:00');
const COUNTY_OF: Record<string, string> = { 'h-xc1': 'xc', 'h-xc2': 'xc', 'h-sc': 'sc', 'h-other': 'other' };

interface Keys {
  idHash?: string;
  contactId?: string;
  visitCode?: string;
}
type Case = 'open' | { outcome: string; stage?: string; aid?: { state: string; fen?: number } };

describe.skipIf(dbUnavailable)('IndicatorService', () => {
  let database: TestDatabase;
  let h: DbHandle;
  let service: IndicatorService;
  let n = 0;

  async function result(hospitalId: string, category: string, grade: string, abnormal: boolean, testDate: string, keys: Keys, c?: Case) {
    const id = `res-${++n}`;
    await h.db.screeningResult.create({
      data: {
        id,
        hospitalId,
        hospitalResultId: `LIS-${n}`,
        category,
        grade,
        abnormal,
        testDate,
        fieldsJson: '{}',
        matchState: keys.contactId ? 'matched' : 'unmatched',
        status: 'auto',
        receivedAt: AT,
        updatedAt: AT,
        ...keys,
      },
    });
    if (!c) return;
    const done =
      c === 'open' ? {} : { closedAt: AT, outcome: c.outcome, outcomeStage: c.stage ?? null, aidState: c.aid?.state ?? null, aidAmountFen: c.aid?.fen ?? null };
    await h.db.followUpCase.create({
      data: {
        resultId: id,
        contactId: keys.contactId ?? null,
        hospitalId,
        regionId: COUNTY_OF[hospitalId],
        category,
        grade,
        nextStep: 'next',
        openedOn: testDate,
        dueOn: '2026-08-01',
        createdAt: AT,
        updatedAt: AT,
        ...done,
      },
    });
  }

  async function pregnancy(contactId: string, registeredOn: string) {
    await h.db.pregnancy.create({
      data: { contactId, status: 'active', dueDate: '2026-12-01', datingFrom: 'weeks', registeredOn, createdAt: AT },
    });
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    h = openDb(database.url);
    service = new IndicatorService(h.db);
    const db = h.db;
    for (const r of [
      { id: 'zk', name: '周口市', level: 'city', parentId: null },
      { id: 'empty-city', name: '空市', level: 'city', parentId: null },
      { id: 'xc', name: '项城市', level: 'county', parentId: 'zk' },
      { id: 'sc', name: '沈丘县', level: 'county', parentId: 'zk' },
      { id: 'xc-t1', name: '花园街道', level: 'township', parentId: 'xc' },
      { id: 'other', name: '别的县', level: 'county', parentId: null },
    ]) {
      await db.region.create({ data: r });
    }
    for (const [id, regionId] of Object.entries(COUNTY_OF)) {
      await db.hospital.create({ data: { id, regionId, name: id, address: '-', phone: '-', directions: '-' } });
    }
    const contacts: Record<string, string> = { c1: 'xc', c4: 'xc', c9: 'xc', c12: 'xc', c21: 'xc', c23: 'xc', c26: 'xc', cx: 'xc', cs2: 'sc', co: 'other' };
    for (const [id, regionId] of Object.entries(contacts)) {
      await db.contact.create({ data: { id, channel: 'simulator', externalId: id, regionId, consent: 'given' } });
    }

    // ---- county xc: cervical screens (10 screens of 9 women) --------------------------------------
    await result('h-xc1', 'hpv', 'negative', false, '2026-01-01', { contactId: 'c1' }); // W1, on the first day
    await result('h-xc1', 'cytology', 'nilm', false, '2026-03-01', { contactId: 'c1' }); // W1 again: once
    await result('h-xc1', 'hpv', 'hpv16or18', true, '2026-02-10', { idHash: 'H2' }, { outcome: 'cin2plus', aid: { state: 'granted', fen: 500_000 } }); // W2, aid granted ¥5,000
    await result('h-xc1', 'cytology', 'cancer', true, '2026-02-11', { idHash: 'H3' }, { outcome: 'cervicalCancer', stage: 'I', aid: { state: 'submitted' } }); // W3, aid submitted
    await result('h-xc1', 'cytology', 'hsil', true, '2026-02-12', { contactId: 'c4' }, { outcome: 'lostToFollowUp' }); // W4
    await result('h-xc2', 'cytology', 'asch', true, '2026-04-01', { visitCode: 'V5' }, 'open'); // W5, unmatched
    await result('h-xc2', 'hpv', 'negative', false, '2026-04-02', { visitCode: 'V6' }); // W6, unmatched
    await result('h-xc2', 'cytology', 'nilm', false, '2026-04-03', {}); // W7: unlinked (her data deleted), no key
    await result('h-xc2', 'hpv', 'negative', false, '2026-06-30', { idHash: 'H8' }); // W8, on the last day
    await result('h-xc2', 'cytology', 'nilm', false, '2026-05-05', { contactId: 'c9' }); // W9
    // not screens, or out of the period
    await result('h-xc1', 'histology', 'cancer', true, '2026-03-01', { idHash: 'H3' }, { outcome: 'cervicalCancer', stage: 'I' });
    await result('h-xc1', 'hpv', 'hpv16or18', true, '2025-12-31', { idHash: 'H10' }, { outcome: 'cin2plus', aid: { state: 'granted', fen: 300_000 } }); // the day before
    await result('h-xc1', 'cytology', 'hsil', true, '2026-07-01', { idHash: 'H11' }, 'open'); // the day after

    // ---- county xc: breast screens --------------------------------------------------------------
    await result('h-xc1', 'breast', 'normal', false, '2026-02-10', { idHash: 'H2' }); // BI-RADS 1
    await result('h-xc1', 'breast', 'suspicious', true, '2026-02-11', { idHash: 'H3' }, { outcome: 'breastCancer', stage: 'II', aid: { state: 'toPrepare' } }); // 4A, aid to prepare
    await result('h-xc1', 'breast', 'probablyBenign', true, '2026-03-03', { contactId: 'c12' }, { outcome: 'benignBreast' }); // 3
    await result('h-xc2', 'breast', 'normal', false, '2026-03-04', {}); // BI-RADS 2, unlinked

    // ---- county xc: prenatal --------------------------------------------------------------------
    await result('h-xc1', 'serum', 'low', false, '2026-02-01', { contactId: 'c21' }); // P1
    await result('h-xc1', 'nt', 'normal', false, '2026-02-01', { contactId: 'c21' }); // P1
    await result('h-xc1', 'serum', 'high', true, '2026-02-02', { idHash: 'HP2' }, { outcome: 'chromosomalConfirmed' }); // P2
    await result('h-xc1', 'nt', 'thick', true, '2026-02-02', { idHash: 'HP2' }, { outcome: 'chromosomalExcluded' }); // P2
    await result('h-xc1', 'nipt', 'high', true, '2026-03-02', { contactId: 'c23' }, { outcome: 'chromosomalExcluded' }); // P3
    await result('h-xc2', 'nt', 'thick', true, '2026-03-03', { visitCode: 'VP4' }, 'open'); // P4, unmatched
    await result('h-xc2', 'serum', 'intermediate', true, '2026-03-04', { idHash: 'HP5' }, { outcome: 'chromosomalExcluded' }); // P5
    await result('h-xc2', 'nipt', 'low', false, '2026-03-05', { contactId: 'c26' }); // P6
    await result('h-xc2', 'nipt', 'high', true, '2026-07-01', { contactId: 'c26' }, 'open'); // the day after
    await result('h-xc2', 'heelBlood', 'confirmed', true, '2026-03-05', { contactId: 'c26' }, 'open'); // no indicator here

    // ---- county sc ------------------------------------------------------------------------------
    await result('h-sc', 'hpv', 'otherHighRisk', true, '2026-05-01', { idHash: 'S1' }, { outcome: 'refused' }); // S1
    await result('h-sc', 'cytology', 'nilm', false, '2026-05-02', { contactId: 'cs2' }); // S2
    await result('h-sc', 'hpv', 'negative', false, '2026-05-03', { idHash: 'H8' }); // W8 of xc, screened here too
    await result('h-sc', 'breast', 'suspicious', true, '2026-05-02', { contactId: 'cs2' }, { outcome: 'breastCancer', stage: 'I', aid: { state: 'refused' } }); // 4B, aid refused
    await result('h-sc', 'nipt', 'high', true, '2026-05-04', { idHash: 'HS3' }, { outcome: 'chromosomalExcluded' }); // S3

    // ---- a county outside the city --------------------------------------------------------------
    await result('h-other', 'hpv', 'hpv16or18', true, '2026-03-01', { idHash: 'O1' }, { outcome: 'cin2plus' });

    // ---- pregnancies (by the day registered, in her county) --------------------------------------
    await pregnancy('c21', '2026-01-01'); // in (first day)
    await pregnancy('c23', '2026-06-30'); // in (last day)
    await pregnancy('cx', '2026-03-15'); // in
    await pregnancy('c26', '2025-12-31'); // out (the day before)
    await pregnancy('c9', '2026-07-01'); // out (the day after)
    await pregnancy('cs2', '2026-04-01'); // sc
    await pregnancy('co', '2026-04-01'); // outside the city
  });

  afterAll(async () => {
    await h?.close();
    await database?.drop();
  });

  const compute = async (regionId: string, s = service) => {
    const out = await s.compute({ regionId, from: FROM, to: TO });
    if (!out.ok) throw new Error(out.error);
    return out.report;
  };

  it('a county: 两癌 and prenatal, counted by hand', async () => {
    const r = await compute('xc');
    expect(r.region).toEqual({ id: 'xc', name: '项城市', level: 'county', counties: ['xc'] });
    // cervical: W1 (twice) … W9 = 9 women from 10 screens (histology and the days before/after out);
    // abnormal W2 W3 W4 W5 = 4 → 4/9 = 44.44 %; followed up W2 (CIN2+) W3 (cancer I) = 2 → 2/4 = 50 %;
    // lost W4 = 1 → 25 %; open W5; lesions W2 W3 = 2, both early (CIN2+, stage I) → 100 %
    expect(r.cervical).toEqual({
      screened: 9,
      abnormal: 4,
      abnormalRate: { numerator: 4, denominator: 9, percent: 44.44 },
      followedUp: 2,
      followUpRate: { numerator: 2, denominator: 4, percent: 50 },
      lost: 1,
      lostRate: { numerator: 1, denominator: 4, percent: 25 },
      refused: 0,
      movedAway: 0,
      open: 1,
      lesions: 2,
      earlyLesions: 2,
      earlyDiagnosisRate: { numerator: 2, denominator: 2, percent: 100 },
    });
    // breast: H2 (1), H3 (4A), c12 (3), unlinked (2) = 4; abnormal H3 c12 = 2 → 50 %; both closed with
    // a diagnosis → 100 %; lesions: H3's cancer stage II = 1, not early → 0/1 = 0 %
    expect(r.breast).toEqual({
      screened: 4,
      abnormal: 2,
      abnormalRate: { numerator: 2, denominator: 4, percent: 50 },
      followedUp: 2,
      followUpRate: { numerator: 2, denominator: 2, percent: 100 },
      lost: 0,
      lostRate: { numerator: 0, denominator: 2, percent: 0 },
      refused: 0,
      movedAway: 0,
      open: 0,
      lesions: 1,
      earlyLesions: 0,
      earlyDiagnosisRate: { numerator: 0, denominator: 1, percent: 0 },
    });
    // prenatal: registered c21 (first day) c23 (last day) cx = 3; serum P1 P2 P5 = 3, NT P1 P2 P4 = 3,
    // NIPT P3 P6 = 2, any P1…P6 = 6; high risk P2 (serum, NT) P3 (NIPT) P4 (NT) = 3 (P5's intermediate
    // is not); diagnosed P2 (confirmed) P3 (excluded) = 2 → 2/3 = 66.67 %
    expect(r.prenatal).toEqual({
      registered: 3,
      screened: { any: 6, serum: 3, nt: 3, nipt: 2 },
      highRisk: { any: 3, serum: 1, nt: 2, nipt: 1 },
      diagnosed: 2,
      confirmed: 1,
      excluded: 1,
      interventionRate: { numerator: 2, denominator: 3, percent: 66.67 },
    });
    // aid: W2 granted ¥5,000, W3's cervical cancer submitted, W3's breast cancer to prepare = 3 offered
    // (H10's grant is of a result the day before the period: not counted)
    expect(r.aid).toEqual({ offered: 3, toPrepare: 1, submitted: 1, granted: 1, refused: 0, grantedAmountFen: 500_000 });
  });

  it('the second county', async () => {
    const r = await compute('sc');
    // cervical: S1 S2 H8 = 3; abnormal S1 = 1 → 33.33 %; S1 refused: not followed up, not lost; no lesion
    expect(r.cervical).toMatchObject({
      screened: 3,
      abnormal: 1,
      abnormalRate: { percent: 33.33 },
      followedUp: 0,
      followUpRate: { numerator: 0, denominator: 1, percent: 0 },
      lost: 0,
      refused: 1,
      open: 0,
      lesions: 0,
      earlyDiagnosisRate: { numerator: 0, denominator: 0, percent: null },
    });
    // breast: cs2 4B, breast cancer stage I: 1 screened, 1 abnormal, followed up, early 1/1
    expect(r.breast).toMatchObject({ screened: 1, abnormal: 1, followedUp: 1, lesions: 1, earlyLesions: 1, earlyDiagnosisRate: { percent: 100 } });
    expect(r.prenatal).toMatchObject({ registered: 1, screened: { any: 1, nipt: 1 }, highRisk: { any: 1, nipt: 1 }, diagnosed: 1 });
  });

  it('a city: its counties together, each woman once (W8 screened in both counties), not the county outside', async () => {
    const r = await compute('zk');
    expect(r.region).toEqual({ id: 'zk', name: '周口市', level: 'city', counties: ['sc', 'xc'] });
    // cervical: 9 + 3 − W8 = 11; abnormal 4 + 1 = 5 → 45.45 %; followed up 2 → 40 %; lost 1 → 20 %;
    // refused 1; open 1; lesions 2, early 2 (the other county's CIN2+ is not in the city)
    expect(r.cervical).toEqual({
      screened: 11,
      abnormal: 5,
      abnormalRate: { numerator: 5, denominator: 11, percent: 45.45 },
      followedUp: 2,
      followUpRate: { numerator: 2, denominator: 5, percent: 40 },
      lost: 1,
      lostRate: { numerator: 1, denominator: 5, percent: 20 },
      refused: 1,
      movedAway: 0,
      open: 1,
      lesions: 2,
      earlyLesions: 2,
      earlyDiagnosisRate: { numerator: 2, denominator: 2, percent: 100 },
    });
    // breast: 4 + 1 = 5; abnormal 3 → 60 %; followed up 3 → 100 %; cancers H3 (II) cs2 (I) → 1/2 = 50 %
    expect(r.breast).toMatchObject({
      screened: 5,
      abnormal: 3,
      abnormalRate: { percent: 60 },
      followedUp: 3,
      followUpRate: { percent: 100 },
      lesions: 2,
      earlyLesions: 1,
      earlyDiagnosisRate: { numerator: 1, denominator: 2, percent: 50 },
    });
    // prenatal: registered 3 + 1 = 4; NIPT P3 P6 S3 = 3; high risk 3 + 1 = 4; diagnosed 2 + 1 = 3 → 75 %
    expect(r.prenatal).toEqual({
      registered: 4,
      screened: { any: 7, serum: 3, nt: 3, nipt: 3 },
      highRisk: { any: 4, serum: 1, nt: 2, nipt: 2 },
      diagnosed: 3,
      confirmed: 1,
      excluded: 2,
      interventionRate: { numerator: 3, denominator: 4, percent: 75 },
    });
    // aid: the county's 3, and the other county's refused one = 4
    expect(r.aid).toEqual({ offered: 4, toPrepare: 1, submitted: 1, granted: 1, refused: 1, grantedAmountFen: 500_000 });
  });

  it('reads in pages: the same figures a few rows at a time', async () => {
    expect(await compute('zk', new IndicatorService(h.db, 2))).toEqual(await compute('zk'));
    expect(await compute('xc', new IndicatorService(h.db, 1))).toEqual(await compute('xc'));
  });

  it('the SQL reads each woman as womanKey does: the same figures as the pure tally over every row read with Prisma', async () => {
    const hospitals = ['h-xc1', 'h-xc2', 'h-sc'];
    const rows = await h.db.screeningResult.findMany({
      where: { hospitalId: { in: hospitals }, testDate: { gte: FROM, lte: TO } },
      include: { followUp: true },
    });
    const expected = computeIndicators(
      rows.map((r) => ({
        woman: womanKey(r),
        category: r.category,
        grade: r.grade,
        abnormal: r.abnormal,
        followUp: r.followUp ? { closed: r.followUp.closedAt !== null, outcome: r.followUp.outcome, stage: r.followUp.outcomeStage } : null,
      })),
      4,
    );
    const { region: _region, from: _from, to: _to, aid: _aid, ...figures } = await compute('zk');
    expect(figures).toEqual(expected);
  });

  it('a one-day period: only that day’s results', async () => {
    const out = await service.compute({ regionId: 'xc', from: '2026-06-30', to: '2026-06-30' });
    // W8's HPV on 30 June; c23's pregnancy registered that day
    expect(out.ok && [out.report.cervical.screened, out.report.breast.screened, out.report.prenatal.registered]).toEqual([1, 0, 1]);
  });

  it('one woman however her results came: matched by her visit code (she gave her ID number in the chat) and sent with her ID number only', async () => {
    await h.db.contact.create({ data: { id: 'cid', channel: 'simulator', externalId: 'cid', regionId: 'xc', consent: 'given' } });
    await h.db.contactIdentity.create({ data: { contactId: 'cid', idHash: 'HID', idSealed: 'sealed', createdAt: AT, updatedAt: AT } });
    await result('h-xc1', 'hpv', 'negative', false, '2027-01-05', { contactId: 'cid', visitCode: 'VID' });
    await result('h-xc2', 'cytology', 'nilm', false, '2027-01-06', { idHash: 'HID' });
    const out = await service.compute({ regionId: 'xc', from: '2027-01-01', to: '2027-01-31' });
    expect(out.ok && out.report.cervical.screened).toBe(1);
  });

  it('an unknown region, a township, and a city with no county', async () => {
    expect(await service.compute({ regionId: 'nowhere', from: FROM, to: TO })).toEqual({ ok: false, error: 'not_found' });
    expect(await service.compute({ regionId: 'xc-t1', from: FROM, to: TO })).toEqual({ ok: false, error: 'not_county_or_above' });
    const empty = await compute('empty-city');
    expect(empty.region.counties).toEqual([]);
    expect(empty.cervical).toMatchObject({ screened: 0, abnormalRate: { percent: null } });
    expect(empty.prenatal).toMatchObject({ registered: 0, interventionRate: { percent: null } });
  });
});
