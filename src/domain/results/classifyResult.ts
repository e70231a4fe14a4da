// Grades a screening result (pure): the hospital's fields of one test → the grade of its category
// (domain.md §4) that the profile's `results` section gives a meaning, a next step and a release
// rule. Never a guess: every field the grade depends on is required by the input's type.
import type { ResultsSettings } from '../profile/resultsSchema.js';

/** A result as the hospital reports it, per category. Risks are "1 in N" (N = 270 for 1/270). */
export type ResultFields =
  | { category: 'hpv'; hpv16: boolean; hpv18: boolean; otherHighRisk: boolean }
  | { category: 'cytology'; tbs: 'NILM' | 'ASC-US' | 'ASC-H' | 'LSIL' | 'HSIL' | 'AGC' | 'AIS' | 'SCC' | 'ADENOCARCINOMA'; hpvPositive?: boolean }
  | { category: 'histology'; finding: 'normal' | 'CIN1' | 'CIN2' | 'CIN3' | 'cancer' }
  | { category: 'breast'; birads: '0' | '1' | '2' | '3' | '4A' | '4B' | '4C' | '5' | '6' }
  | { category: 'serum'; t21OneIn: number; t18OneIn: number; ntdHighRisk?: boolean }
  | { category: 'nt'; mm: number }
  | { category: 'nipt'; highRisk: boolean }
  | { category: 'heelBlood'; finding: 'normal' | 'suspicious' | 'confirmed' }
  | { category: 'hearing'; passed: boolean; rescreen: boolean };

export function classifyResult(r: ResultFields, s: Pick<ResultsSettings, 'serumCutoffs' | 'ntThickMm'>): string {
  switch (r.category) {
    case 'hpv':
      return r.hpv16 || r.hpv18 ? 'hpv16or18' : r.otherHighRisk ? 'otherHighRisk' : 'negative';
    case 'cytology':
      switch (r.tbs) {
        case 'NILM':
          return 'nilm';
        // unclear minor change: colposcopy with high-risk HPV, else a repeat in 6–12 months
        case 'ASC-US':
          return r.hpvPositive ? 'ascusHpvPositive' : 'ascus';
        case 'ASC-H':
          return 'asch';
        case 'LSIL':
          return 'lsil';
        case 'HSIL':
          return 'hsil';
        case 'AGC':
        case 'AIS':
          return 'glandular';
        default:
          return 'cancer';
      }
    case 'histology':
      return r.finding === 'normal' ? 'normal' : r.finding === 'CIN1' ? 'cin1' : r.finding === 'cancer' ? 'cancer' : 'cin2plus';
    case 'breast':
      if (r.birads === '0') return 'incomplete';
      if (r.birads === '1' || r.birads === '2') return 'normal';
      if (r.birads === '3') return 'probablyBenign';
      return r.birads === '6' ? 'cancer' : 'suspicious';
    case 'serum': {
      const c = s.serumCutoffs;
      if (r.t21OneIn <= c.t21High || r.t18OneIn <= c.t18High || r.ntdHighRisk) return 'high';
      return r.t21OneIn <= c.t21Low ? 'intermediate' : 'low';
    }
    case 'nt':
      return r.mm >= s.ntThickMm ? 'thick' : 'normal';
    case 'nipt':
      return r.highRisk ? 'high' : 'low';
    case 'heelBlood':
      return r.finding;
    case 'hearing':
      return r.passed ? 'pass' : r.rescreen ? 'referAtRescreen' : 'refer';
  }
}
