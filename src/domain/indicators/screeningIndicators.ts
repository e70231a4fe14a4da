// The programme indicators of one region and period (domain.md §5, issue 13 point 7), counted from
// plain rows: every stored result whose day falls in the period (the service chooses the rows: the
// region's hospitals, the result's testDate between from and to inclusive), each with its follow-up
// case if it has one, whoever the woman is (results of women who never used the bot, unmatched
// results and results whose link to her was deleted all count). Pure: the rows are added one by one
// (the service streams them in pages), then `figures` gives the counts and the rates.
//
// Definitions, as used below:
// - **One woman.** A woman screened twice in the period counts once. She is recognised by her result's
//   ID-number hash (idHash, or the one the woman it is matched to gave in the chat: so a result matched
//   by her visit code and one sent with her ID number are one woman), else the woman the result is
//   linked to (contactId), else the hospital's
//   visit code (per hospital), else the result stands alone (its id). The first key present is used,
//   never a mix: two results of one woman that carry different keys (one with her ID number, one with
//   only a visit code) count as two women. (Joining keys transitively would merge two women through
//   one result whose visit code and ID number name different women, which matching refuses to guess.)
// - **Screened (两癌).** Women with at least one *primary screen* of the organ in the period: for the
//   cervix an HPV test or a cytology (TBS) result, for the breast the breast exam (BI-RADS). Histology
//   and colposcopy results are the follow-up of a screen, not a screen, and are not counted at all
//   (their cases neither: the outcome of the follow-up is recorded on the case of the screen).
// - **Abnormal / 异常率.** Screened women with at least one of those results abnormal (the profile's
//   `abnormal` flag of the grade, stored on the result: e.g. HPV other high-risk, ASC-US, BI-RADS 0 and 3
//   are abnormal in the national profile) ÷ screened women.
// - **Followed up / 随访率.** Abnormal women for whom at least one case of an abnormal primary screen of
//   the period is closed with a diagnostic outcome: any outcome of the fixed list not in
//   NOT_FOLLOWED_UP (so normal, CIN1, CIN2+, cancer, benign breast …) ÷ abnormal women.
// - **失访 / 失访率.** Abnormal women not followed up, with nothing still open (every abnormal screen has
//   a closed case), and a case closed `lostToFollowUp` ÷ abnormal women. Closed `refused` or `movedAway`
//   are not 失访: they are reported as `refused` and `movedAway` (they are in no rate's numerator,
//   only in the denominators). A woman still in follow-up (a case not closed, or an abnormal result with
//   no case, or a case closed without an outcome) is `open`. Each abnormal woman is in exactly one of
//   followedUp, open, lost, refused, movedAway (in that order of precedence), so they add up to abnormal.
// - **早诊率.** Cervix: women whose most severe lesion found (on the closed cases of their abnormal
//   screens of the period) is CIN2+ or a cervical cancer of stage 0 or I ÷ women with a CIN2+ or a
//   cervical cancer of any stage (CIN1 is not a precancer here, after the 2021 national plan: low grade).
//   Breast: women with a breast cancer of stage 0 or I ÷ women with a breast cancer (the outcome list has
//   no breast precancer; benign breast is not a lesion here). A cancer closed without a stage counts as a
//   lesion found but not as early.
// - **Registered (prenatal).** Pregnancies registered (registeredOn) in the period by women of the
//   region: counted by the service, given to `figures`.
// - **Screened per test (prenatal).** Women with at least one serum screen, NT or NIPT result in the
//   period, per test (and `any`: women with any of the three).
// - **High risk.** Women with at least one high-risk prenatal result in the period: serum `high`, NT
//   `thick`, NIPT `high` (the serum `intermediate` grade is abnormal but not high risk: its next step is
//   NIPT). Per test and in all.
// - **Diagnosed / 干预率.** High-risk women for whom a case of a high-risk result of the period is closed
//   with a prenatal diagnosis: chromosomalConfirmed or chromosomalExcluded (`confirmed` when any is
//   confirmed) ÷ high-risk women.
import { NOT_FOLLOWED_UP, type CaseOutcome } from '../followUp/caseStatus.js';
import { rate, type Rate } from './rate.js';

/** One stored result as the indicators read it, and its follow-up case if any. */
export interface IndicatorRow {
  /** Who she is: womanKey of the result. */
  woman: string;
  category: string;
  grade: string;
  abnormal: boolean;
  followUp: { closed: boolean; outcome: string | null; stage: string | null } | null;
}

export type Organ = 'cervical' | 'breast';
/** The primary screens of each organ (histology and colposcopy are follow-up, not screens). */
export const PRIMARY_SCREENS: Readonly<Record<string, Organ>> = { hpv: 'cervical', cytology: 'cervical', breast: 'breast' };

export const PRENATAL_TESTS = ['serum', 'nt', 'nipt'] as const;
export type PrenatalTest = (typeof PRENATAL_TESTS)[number];
/** The grade of each prenatal test that is high risk (classifyResult.ts). */
export const HIGH_RISK_GRADES: Readonly<Record<PrenatalTest, string>> = { serum: 'high', nt: 'thick', nipt: 'high' };
/** Closed with one of these, a high-risk case had its prenatal diagnosis. */
export const PRENATAL_DIAGNOSES: readonly CaseOutcome[] = ['chromosomalConfirmed', 'chromosomalExcluded'];

/** The lesion outcomes of each organ: its precancer (counted early) and its staged cancer. */
const LESIONS: Record<Organ, { precancer: CaseOutcome | null; cancer: CaseOutcome }> = {
  cervical: { precancer: 'cin2plus', cancer: 'cervicalCancer' },
  breast: { precancer: null, cancer: 'breastCancer' },
};
/** Severity of a lesion: the precancer 1, cancers by stage 2 (0) … 6 (IV), a cancer without a stage 7. */
const STAGE_SEVERITY: Record<string, number> = { '0': 2, I: 3, II: 4, III: 5, IV: 6 };
const UNSTAGED = 7;
/** Early: the precancer or a cancer of stage 0 or I. */
const EARLY_UP_TO = STAGE_SEVERITY.I;

export interface ScreeningFigures {
  screened: number;
  abnormal: number;
  /** 异常率: abnormal ÷ screened. */
  abnormalRate: Rate;
  followedUp: number;
  /** 随访率: followed up ÷ abnormal. */
  followUpRate: Rate;
  /** 失访: closed lost to follow-up. */
  lost: number;
  /** 失访率: lost ÷ abnormal. */
  lostRate: Rate;
  refused: number;
  movedAway: number;
  /** Still in follow-up (no case yet, or a case not closed). */
  open: number;
  /** Women with a lesion found (cervix: CIN2+ or cancer; breast: cancer). */
  lesions: number;
  /** Of them, the precancer or a cancer of stage 0 or I. */
  earlyLesions: number;
  /** 早诊率: early lesions ÷ lesions. */
  earlyDiagnosisRate: Rate;
}

export interface PrenatalFigures {
  registered: number;
  screened: Record<PrenatalTest | 'any', number>;
  highRisk: Record<PrenatalTest | 'any', number>;
  /** High-risk women with a prenatal diagnosis (confirmed + excluded). */
  diagnosed: number;
  confirmed: number;
  excluded: number;
  /** 干预率: diagnosed ÷ high risk (any test). */
  interventionRate: Rate;
}

export interface Indicators {
  cervical: ScreeningFigures;
  breast: ScreeningFigures;
  prenatal: PrenatalFigures;
}

/** What identifies the woman of a stored result. */
export interface ResultKeys {
  id: string;
  hospitalId: string;
  idHash: string | null;
  contactId: string | null;
  /** The ID hash her contact gave in the chat (ContactIdentity), when matched: one woman however her results came. */
  contactIdHash?: string | null;
  visitCode: string | null;
}

/**
 * Who a result belongs to, for counting women (see "One woman" above). The service computes the same
 * key in its SQL (IndicatorService: one column read instead of five).
 */
export function womanKey(r: ResultKeys): string {
  const idHash = r.idHash ?? r.contactIdHash;
  if (idHash) return `id:${idHash}`;
  if (r.contactId) return `contact:${r.contactId}`;
  if (r.visitCode) return `visit:${r.hospitalId}:${r.visitCode}`;
  return `result:${r.id}`;
}

type FollowUpState = 'followedUp' | 'open' | 'lostToFollowUp' | 'refused' | 'movedAway';
/** Precedence of a woman's states when her cases differ (lower wins). */
const PRECEDENCE: Record<FollowUpState, number> = { followedUp: 0, open: 1, lostToFollowUp: 2, refused: 3, movedAway: 4 };

interface ScreenedWoman {
  abnormal: boolean;
  /** Her follow-up state so far (abnormal women only). */
  state: FollowUpState | null;
  /** The most severe lesion found (0: none). */
  lesion: number;
}

/** A set of prenatal tests as bits (1 << index in PRENATAL_TESTS). */
type TestBits = number;

interface PrenatalWoman {
  tests: TestBits;
  highRisk: TestBits;
  diagnosis: 'chromosomalConfirmed' | 'chromosomalExcluded' | null;
}

/** The state one abnormal result's case gives its woman. */
function followUpState(c: IndicatorRow['followUp']): FollowUpState {
  if (!c || !c.closed || !c.outcome) return 'open';
  if (c.outcome === 'lostToFollowUp' || c.outcome === 'refused' || c.outcome === 'movedAway') return c.outcome;
  return NOT_FOLLOWED_UP.includes(c.outcome as CaseOutcome) ? 'open' : 'followedUp';
}

function lesionSeverity(organ: Organ, c: IndicatorRow['followUp']): number {
  if (!c || !c.closed || !c.outcome) return 0;
  const l = LESIONS[organ];
  if (c.outcome === l.precancer) return 1;
  if (c.outcome === l.cancer) return (c.stage !== null ? STAGE_SEVERITY[c.stage] : undefined) ?? UNSTAGED;
  return 0;
}

export class IndicatorTally {
  private readonly screens: Record<Organ, Map<string, ScreenedWoman>> = { cervical: new Map(), breast: new Map() };
  private readonly prenatal = new Map<string, PrenatalWoman>();

  add(r: IndicatorRow): void {
    const organ = PRIMARY_SCREENS[r.category];
    if (organ) return this.addScreen(organ, r);
    const test = PRENATAL_TESTS.indexOf(r.category as PrenatalTest);
    if (test >= 0) this.addPrenatal(test, r);
    // other categories (histology, newborn screens) are in none of these indicators
  }

  private addScreen(organ: Organ, r: IndicatorRow): void {
    let w = this.screens[organ].get(r.woman);
    if (!w) this.screens[organ].set(r.woman, (w = { abnormal: false, state: null, lesion: 0 }));
    // a case left on a result that is not abnormal (a corrected result) is not an abnormal case
    if (!r.abnormal) return;
    w.abnormal = true;
    const state = followUpState(r.followUp);
    if (w.state === null || PRECEDENCE[state] < PRECEDENCE[w.state]) w.state = state;
    w.lesion = Math.max(w.lesion, lesionSeverity(organ, r.followUp));
  }

  private addPrenatal(test: number, r: IndicatorRow): void {
    let w = this.prenatal.get(r.woman);
    if (!w) this.prenatal.set(r.woman, (w = { tests: 0, highRisk: 0, diagnosis: null }));
    w.tests |= 1 << test;
    if (r.grade !== HIGH_RISK_GRADES[PRENATAL_TESTS[test]]) return;
    w.highRisk |= 1 << test;
    const c = r.followUp;
    if (!c?.closed || !PRENATAL_DIAGNOSES.includes(c.outcome as CaseOutcome)) return;
    if (w.diagnosis !== 'chromosomalConfirmed') w.diagnosis = c.outcome as PrenatalWoman['diagnosis'];
  }

  /** The figures of the rows added so far; `registered`: the pregnancies registered in the period. */
  figures(registered: number): Indicators {
    return { cervical: this.screening('cervical'), breast: this.screening('breast'), prenatal: this.prenatalFigures(registered) };
  }

  private screening(organ: Organ): ScreeningFigures {
    const n = { screened: 0, abnormal: 0, followedUp: 0, open: 0, lostToFollowUp: 0, refused: 0, movedAway: 0, lesions: 0, early: 0 };
    for (const w of this.screens[organ].values()) {
      n.screened++;
      if (!w.abnormal || !w.state) continue;
      n.abnormal++;
      n[w.state]++;
      if (w.lesion > 0) n.lesions++;
      if (w.lesion > 0 && w.lesion <= EARLY_UP_TO) n.early++;
    }
    return {
      screened: n.screened,
      abnormal: n.abnormal,
      abnormalRate: rate(n.abnormal, n.screened),
      followedUp: n.followedUp,
      followUpRate: rate(n.followedUp, n.abnormal),
      lost: n.lostToFollowUp,
      lostRate: rate(n.lostToFollowUp, n.abnormal),
      refused: n.refused,
      movedAway: n.movedAway,
      open: n.open,
      lesions: n.lesions,
      earlyLesions: n.early,
      earlyDiagnosisRate: rate(n.early, n.lesions),
    };
  }

  private prenatalFigures(registered: number): PrenatalFigures {
    const zero = () => ({ any: 0, serum: 0, nt: 0, nipt: 0 });
    const screened = zero();
    const highRisk = zero();
    let confirmed = 0;
    let excluded = 0;
    for (const w of this.prenatal.values()) {
      screened.any++;
      PRENATAL_TESTS.forEach((t, i) => (screened[t] += (w.tests >> i) & 1));
      if (w.highRisk === 0) continue;
      highRisk.any++;
      PRENATAL_TESTS.forEach((t, i) => (highRisk[t] += (w.highRisk >> i) & 1));
      if (w.diagnosis === 'chromosomalConfirmed') confirmed++;
      else if (w.diagnosis === 'chromosomalExcluded') excluded++;
    }
    return {
      registered,
      screened,
      highRisk,
      diagnosed: confirmed + excluded,
      confirmed,
      excluded,
      interventionRate: rate(confirmed + excluded, highRisk.any),
    };
  }
}

/** The indicators of a set of rows at once (tests, small sets); the service streams into a tally. */
export function computeIndicators(rows: Iterable<IndicatorRow>, registered: number): Indicators {
  const t = new IndicatorTally();
  for (const r of rows) t.add(r);
  return t.figures(registered);
}
