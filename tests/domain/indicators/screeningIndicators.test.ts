// The indicator arithmetic on plain rows: who counts as one woman, which results are screens, the
// follow-up states and their precedence, 早诊率 by stage, the prenatal figures, and empty sets (rates
// null, never NaN).
import { describe, expect, it } from 'vitest';
import { computeIndicators, womanKey, type IndicatorRow, type ResultKeys } from '../../../src/domain/indicators/screeningIndicators.js';

let n = 0;
function row(category: string, grade: string, abnormal: boolean, o: Partial<ResultKeys & Pick<IndicatorRow, 'followUp'>> = {}): IndicatorRow {
  const keys: ResultKeys = { id: `r${++n}`, hospitalId: 'h1', idHash: null, contactId: null, visitCode: null, ...o };
  return { woman: womanKey(keys), category, grade, abnormal, followUp: o.followUp ?? null };
}
const closed = (outcome: string, stage: string | null = null) => ({ closed: true, outcome, stage });
const open = { closed: false, outcome: null, stage: null };

describe('womanKey', () => {
  it('her ID hash, else her contact, else the visit code at that hospital, else the result', () => {
    const base = { id: 'r1', hospitalId: 'h1', idHash: null, contactId: null, visitCode: null };
    expect(womanKey({ ...base, idHash: 'H', contactId: 'c', visitCode: 'V' })).toBe('id:H');
    expect(womanKey({ ...base, contactId: 'c', visitCode: 'V' })).toBe('contact:c');
    expect(womanKey({ ...base, visitCode: 'V' })).toBe('visit:h1:V');
    expect(womanKey(base)).toBe('result:r1');
  });
});

describe('computeIndicators', () => {
  it('nothing stored: zeros, and every rate null', () => {
    const f = computeIndicators([], 0);
    expect(f.cervical).toMatchObject({ screened: 0, abnormal: 0, abnormalRate: { numerator: 0, denominator: 0, percent: null } });
    expect(f.cervical.followUpRate.percent).toBeNull();
    expect(f.cervical.lostRate.percent).toBeNull();
    expect(f.breast.earlyDiagnosisRate.percent).toBeNull();
    expect(f.prenatal).toEqual({
      registered: 0,
      screened: { any: 0, serum: 0, nt: 0, nipt: 0 },
      highRisk: { any: 0, serum: 0, nt: 0, nipt: 0 },
      diagnosed: 0,
      confirmed: 0,
      excluded: 0,
      interventionRate: { numerator: 0, denominator: 0, percent: null },
    });
    expect(JSON.stringify(f)).not.toContain('NaN');
  });

  it('screened and normal only: 异常率 0 %, follow-up rates null (no abnormal)', () => {
    const f = computeIndicators([row('hpv', 'negative', false, { idHash: 'A' }), row('breast', 'normal', false, { idHash: 'A' })], 0);
    expect(f.cervical).toMatchObject({ screened: 1, abnormal: 0, abnormalRate: { percent: 0 }, followUpRate: { percent: null } });
    expect(f.breast.screened).toBe(1);
  });

  it('one woman per organ: her HPV and cytology (same ID hash) count once; histology is no screen', () => {
    const f = computeIndicators(
      [
        row('hpv', 'hpv16or18', true, { idHash: 'A', followUp: closed('cin2plus') }),
        row('cytology', 'hsil', true, { idHash: 'A', followUp: open }),
        row('histology', 'cin2plus', true, { idHash: 'B', followUp: closed('cervicalCancer', 'III') }),
        row('heelBlood', 'confirmed', true, { idHash: 'C' }),
      ],
      0,
    );
    // A: followed up (a diagnostic outcome wins over her other case still open); B's histology is not counted
    expect(f.cervical).toMatchObject({ screened: 1, abnormal: 1, followedUp: 1, open: 0, lesions: 1, earlyLesions: 1 });
  });

  it('different keys are different women (the first key present, never a mix)', () => {
    const f = computeIndicators(
      [
        row('cytology', 'nilm', false, { idHash: 'A', contactId: 'c1' }),
        row('cytology', 'nilm', false, { contactId: 'c1' }),
        row('cytology', 'nilm', false, { visitCode: 'V1' }),
        row('cytology', 'nilm', false, { visitCode: 'V1', hospitalId: 'h2' }),
        row('cytology', 'nilm', false),
        row('cytology', 'nilm', false),
      ],
      0,
    );
    expect(f.cervical.screened).toBe(6);
  });

  it('each abnormal woman is in one state: followed up, open, lost, refused, moved away (in that order)', () => {
    const f = computeIndicators(
      [
        row('cytology', 'lsil', true, { idHash: 'F', followUp: closed('cin1') }),
        row('cytology', 'lsil', true, { idHash: 'O1' }), // no case (yet)
        row('cytology', 'lsil', true, { idHash: 'O2', followUp: open }),
        row('cytology', 'lsil', true, { idHash: 'O3', followUp: { closed: true, outcome: null, stage: null } }),
        row('cytology', 'lsil', true, { idHash: 'L', followUp: closed('lostToFollowUp') }),
        row('hpv', 'hpv16or18', true, { idHash: 'L', followUp: closed('refused') }),
        row('cytology', 'lsil', true, { idHash: 'R', followUp: closed('refused') }),
        row('hpv', 'hpv16or18', true, { idHash: 'R', followUp: closed('movedAway') }),
        row('cytology', 'lsil', true, { idHash: 'M', followUp: closed('movedAway') }),
        // open wins over lost: one of her abnormal screens is still being followed
        row('cytology', 'lsil', true, { idHash: 'X', followUp: closed('lostToFollowUp') }),
        row('hpv', 'hpv16or18', true, { idHash: 'X', followUp: open }),
        // a case left on a result no longer abnormal (corrected) is not an abnormal case
        row('cytology', 'nilm', false, { idHash: 'N', followUp: closed('lostToFollowUp') }),
      ],
      0,
    );
    // 9 women screened (F O1 O2 O3 L R M X N), 8 abnormal (not N): F followed up; O1, O2, O3, X open;
    // L lost; R refused; M moved away (1 + 4 + 1 + 1 + 1 = 8)
    expect(f.cervical).toMatchObject({
      screened: 9,
      abnormal: 8,
      abnormalRate: { numerator: 8, denominator: 9, percent: 88.89 },
      followedUp: 1,
      followUpRate: { numerator: 1, denominator: 8, percent: 12.5 },
      open: 4,
      lost: 1,
      lostRate: { numerator: 1, denominator: 8, percent: 12.5 },
      refused: 1,
      movedAway: 1,
      lesions: 0,
      earlyDiagnosisRate: { percent: null },
    });
  });

  it('早诊率: cervix CIN2+ and cancer 0/I over CIN2+ and all cancers; breast cancer 0/I over breast cancers', () => {
    const f = computeIndicators(
      [
        row('cytology', 'hsil', true, { idHash: 'a', followUp: closed('cin2plus') }),
        row('cytology', 'cancer', true, { idHash: 'b', followUp: closed('cervicalCancer', '0') }),
        row('cytology', 'cancer', true, { idHash: 'c', followUp: closed('cervicalCancer', 'I') }),
        row('cytology', 'cancer', true, { idHash: 'd', followUp: closed('cervicalCancer', 'II') }),
        row('cytology', 'cancer', true, { idHash: 'e', followUp: closed('cervicalCancer') }), // no stage: not early
        row('cytology', 'lsil', true, { idHash: 'f', followUp: closed('cin1') }), // not a lesion here
        // her worst lesion decides: CIN2+ on one screen, cancer IV on the other → not early
        row('hpv', 'hpv16or18', true, { idHash: 'g', followUp: closed('cin2plus') }),
        row('cytology', 'cancer', true, { idHash: 'g', followUp: closed('cervicalCancer', 'IV') }),
        row('breast', 'suspicious', true, { idHash: 'a', followUp: closed('breastCancer', '0') }),
        row('breast', 'suspicious', true, { idHash: 'b', followUp: closed('breastCancer', 'I') }),
        row('breast', 'suspicious', true, { idHash: 'c', followUp: closed('breastCancer', 'II') }),
        row('breast', 'suspicious', true, { idHash: 'd', followUp: closed('benignBreast') }),
        // a cervical outcome on a breast case is no breast lesion
        row('breast', 'suspicious', true, { idHash: 'e', followUp: closed('cin2plus') }),
      ],
      0,
    );
    // cervix: lesions a b c d e g = 6, early a b c = 3 → 50 %; all 7 abnormal women followed up
    expect(f.cervical).toMatchObject({
      abnormal: 7,
      followedUp: 7,
      lesions: 6,
      earlyLesions: 3,
      earlyDiagnosisRate: { numerator: 3, denominator: 6, percent: 50 },
    });
    // breast: cancers a b c = 3, early a b = 2 → 66.67 %
    expect(f.breast).toMatchObject({
      abnormal: 5,
      followedUp: 5,
      lesions: 3,
      earlyLesions: 2,
      earlyDiagnosisRate: { numerator: 2, denominator: 3, percent: 66.67 },
    });
  });

  it('prenatal: women per test, high risk (serum intermediate is not), diagnosed confirmed or excluded', () => {
    const f = computeIndicators(
      [
        row('serum', 'low', false, { idHash: 'p1' }),
        row('nt', 'normal', false, { idHash: 'p1' }),
        row('serum', 'low', false, { idHash: 'p1' }), // screened twice: once
        row('serum', 'intermediate', true, { idHash: 'p2', followUp: closed('chromosomalExcluded') }),
        row('serum', 'high', true, { idHash: 'p3', followUp: closed('chromosomalConfirmed') }),
        row('nt', 'thick', true, { idHash: 'p3', followUp: closed('chromosomalExcluded') }), // confirmed wins
        row('nipt', 'high', true, { idHash: 'p4', followUp: closed('chromosomalExcluded') }),
        row('nt', 'thick', true, { idHash: 'p5', followUp: open }),
        row('nipt', 'high', true, { idHash: 'p6', followUp: closed('refused') }),
        row('nipt', 'low', false, { idHash: 'p7' }),
      ],
      12,
    );
    expect(f.prenatal).toEqual({
      registered: 12,
      // serum p1 p2 p3; nt p1 p3 p5; nipt p4 p6 p7; any p1…p7
      screened: { any: 7, serum: 3, nt: 3, nipt: 3 },
      // high: p3 (serum, nt), p4 (nipt), p5 (nt), p6 (nipt)
      highRisk: { any: 4, serum: 1, nt: 2, nipt: 2 },
      diagnosed: 2,
      confirmed: 1,
      excluded: 1,
      interventionRate: { numerator: 2, denominator: 4, percent: 50 },
    });
  });
});
