// Grading results (domain.md §4): each hospital finding to the grade the profile gives words to,
// with the programme's serum and NT cut-offs.
import { describe, expect, it } from 'vitest';
import { classifyResult, type ResultFields } from '../../../src/domain/results/classifyResult.js';

const cut = { serumCutoffs: { t21High: 270, t18High: 350, t21Low: 1000 }, ntThickMm: 3.0 };
const grade = (r: ResultFields) => classifyResult(r, cut);

describe('classifyResult', () => {
  it('HPV: 16 or 18 first, then other high-risk types, else negative', () => {
    expect(grade({ category: 'hpv', hpv16: false, hpv18: true, otherHighRisk: true })).toBe('hpv16or18');
    expect(grade({ category: 'hpv', hpv16: false, hpv18: false, otherHighRisk: true })).toBe('otherHighRisk');
    expect(grade({ category: 'hpv', hpv16: false, hpv18: false, otherHighRisk: false })).toBe('negative');
  });

  it('cytology (TBS): ASC-US depends on HPV; AGC and AIS are glandular; SCC and adenocarcinoma cancer', () => {
    const tbs = (t: Extract<ResultFields, { category: 'cytology' }>['tbs'], hpvPositive?: boolean) => grade({ category: 'cytology', tbs: t, hpvPositive });
    expect([tbs('NILM'), tbs('ASC-US'), tbs('ASC-US', false), tbs('ASC-US', true), tbs('ASC-H'), tbs('LSIL'), tbs('HSIL')]).toEqual([
      'nilm',
      'ascus',
      'ascus',
      'ascusHpvPositive',
      'asch',
      'lsil',
      'hsil',
    ]);
    expect([tbs('AGC'), tbs('AIS'), tbs('SCC'), tbs('ADENOCARCINOMA')]).toEqual(['glandular', 'glandular', 'cancer', 'cancer']);
  });

  it('histology and BI-RADS', () => {
    const h = (finding: Extract<ResultFields, { category: 'histology' }>['finding']) => grade({ category: 'histology', finding });
    expect([h('normal'), h('CIN1'), h('CIN2'), h('CIN3'), h('cancer')]).toEqual(['normal', 'cin1', 'cin2plus', 'cin2plus', 'cancer']);
    const b = (birads: Extract<ResultFields, { category: 'breast' }>['birads']) => grade({ category: 'breast', birads });
    expect((['0', '1', '2', '3', '4A', '4B', '4C', '5', '6'] as const).map(b)).toEqual([
      'incomplete',
      'normal',
      'normal',
      'probablyBenign',
      'suspicious',
      'suspicious',
      'suspicious',
      'suspicious',
      'cancer',
    ]);
  });

  it('serum screen: 1/270 or likelier (T21), 1/350 (T18) or a high NTD risk is high; down to 1/1000 intermediate', () => {
    const serum = (t21OneIn: number, t18OneIn = 100_000, ntdHighRisk = false) => grade({ category: 'serum', t21OneIn, t18OneIn, ntdHighRisk });
    expect([serum(150), serum(270), serum(271), serum(1000), serum(1001), serum(5000, 350), serum(5000, 351), serum(5000, 351, true)]).toEqual([
      'high',
      'high',
      'intermediate',
      'intermediate',
      'low',
      'high',
      'low',
      'high',
    ]);
  });

  it('NT, NIPT, heel blood and hearing', () => {
    expect([grade({ category: 'nt', mm: 2.9 }), grade({ category: 'nt', mm: 3.0 })]).toEqual(['normal', 'thick']);
    expect(classifyResult({ category: 'nt', mm: 2.6 }, { ...cut, ntThickMm: 2.5 })).toBe('thick');
    expect([grade({ category: 'nipt', highRisk: false }), grade({ category: 'nipt', highRisk: true })]).toEqual(['low', 'high']);
    expect(grade({ category: 'heelBlood', finding: 'suspicious' })).toBe('suspicious');
    expect([
      grade({ category: 'hearing', passed: true, rescreen: false }),
      grade({ category: 'hearing', passed: false, rescreen: false }),
      grade({ category: 'hearing', passed: false, rescreen: true }),
    ]).toEqual(['pass', 'refer', 'referAtRescreen']);
  });
});
