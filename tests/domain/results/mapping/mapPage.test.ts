// The shipped result mappings on realistic pages: a FHIR R4 searchset Bundle (DiagnosticReports with
// included and contained Observations: HPV as three Observations, cytology, BI-RADS as a code, NT as
// a quantity in mm, serum risks as a Ratio and a string) and the simple LIS JSON, each producing the
// exact records; a record the mapping cannot complete stays invalid (never guessed); and the path
// language itself.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mapPage } from '../../../../src/domain/results/mapping/mapPage.js';
import { parsePath, valuesAt } from '../../../../src/domain/results/mapping/valuePath.js';
import { loadResultMappings } from '../../../../src/profiles/resultMappings.js';
import { resultRecordSchema } from '../../../../src/services/results/resultRecord.js';

const mappings = loadResultMappings(path.resolve('profiles/result-mappings'));
const VISIT = 'urn:screening-assistant:visit-code';
const RESIDENT_ID = 'urn:oid:2.16.156.10011.1.3';
const LOCAL = 'http://lis.xc-first.example.cn/codes';
const coded = (code: string, system = LOCAL) => ({ coding: [{ system, code }] });
const observation = (id: string, code: string, value: Record<string, unknown>) => ({
  resourceType: 'Observation',
  id,
  status: 'final',
  code: coded(code),
  ...value,
});
const report = (id: string, code: string, more: Record<string, unknown>) => ({
  fullUrl: `https://fhir.xc-first.example.cn/fhir/DiagnosticReport/${id}`,
  resource: { resourceType: 'DiagnosticReport', id, status: 'final', code: coded(code), ...more },
  search: { mode: 'match' },
});
const included = (resource: Record<string, unknown>) => ({
  fullUrl: `https://fhir.xc-first.example.cn/fhir/${resource.resourceType as string}/${resource.id as string}`,
  resource,
  search: { mode: 'include' },
});

/** One page of a FHIR server's DiagnosticReport search, _include=DiagnosticReport:result. */
const bundle = {
  resourceType: 'Bundle',
  type: 'searchset',
  link: [
    { relation: 'self', url: 'https://fhir.xc-first.example.cn/fhir/DiagnosticReport?_count=50' },
    { relation: 'next', url: 'https://fhir.xc-first.example.cn/fhir/DiagnosticReport?_count=50&_lastUpdated=gt2026-03-11T08:00:00%2B08:00' },
  ],
  entry: [
    // HPV genotyping: three Observations (16 negative by a LOINC answer, 18 positive by its
    // interpretation only, the 12 other types not detected by a SNOMED CT answer); the patient included
    report('dr-hpv-1', 'HPV-GENO', {
      subject: { reference: 'Patient/p1' },
      effectiveDateTime: '2026-03-10T09:30:00+08:00',
      result: [{ reference: 'Observation/o-hpv16' }, { reference: 'Observation/o-hpv18' }, { reference: 'Observation/o-hpvhr' }],
    }),
    included(observation('o-hpv16', 'HPV16', { valueCodeableConcept: coded('LA6577-6', 'http://loinc.org') })),
    included(
      observation('o-hpv18', 'HPV18', {
        interpretation: [coded('POS', 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation')],
      }),
    ),
    included(observation('o-hpvhr', 'HPV-HR12', { valueCodeableConcept: coded('260415000', 'http://snomed.info/sct') })),
    included({
      resourceType: 'Patient',
      id: 'p1',
      identifier: [
        { system: VISIT, value: 'K7Q2M9' },
        { system: RESIDENT_ID, value: '411681198803150024' },
      ],
    }),
    // cytology, amended (a correction), its Observations contained; the patient a logical reference;
    // taken before midnight UTC, her day in Shanghai is the next one
    report('dr-tct-1', 'TCT', {
      status: 'amended',
      subject: { identifier: { system: VISIT, value: 'p3r8t5' } },
      effectiveDateTime: '2026-03-09T23:30:00Z',
      contained: [
        observation('tbs', 'TBS', { valueCodeableConcept: coded('ASC-US') }),
        observation('hr', 'HPV-HR', { valueCodeableConcept: coded('LA6576-8', 'http://loinc.org') }),
      ],
      result: [{ reference: '#tbs' }, { reference: '#hr' }],
    }),
    // breast ultrasound: BI-RADS as the report's conclusion code
    report('dr-breast-1', 'BREAST-US', {
      subject: { identifier: { system: RESIDENT_ID, value: '411681199001010040' } },
      effectivePeriod: { start: '2026-03-11' },
      conclusionCode: [coded('BI-RADS-4A', 'http://lis.xc-first.example.cn/birads')],
    }),
    // NT: a quantity in millimetres (UCUM)
    report('dr-nt-1', 'NT-US', {
      subject: { identifier: { system: VISIT, value: 'H4J6N2' } },
      effectiveDateTime: '2026-03-11T10:00:00+08:00',
      result: [{ reference: 'https://fhir.xc-first.example.cn/fhir/Observation/o-nt' }],
    }),
    included(observation('o-nt', 'NT', { valueQuantity: { value: 3.4, unit: 'mm', system: 'http://unitsofmeasure.org', code: 'mm' } })),
    // serum screening: T21 a Ratio, T18 a string, NTD low by its interpretation
    report('dr-serum-1', 'MSS2', {
      subject: { identifier: { system: VISIT, value: 'M5N6P7' } },
      effectiveDateTime: '2026-03-11T11:00:00+08:00',
      result: [{ reference: 'Observation/o-t21' }, { reference: 'Observation/o-t18' }, { reference: 'Observation/o-ntd' }],
    }),
    included(observation('o-t21', 'T21-RISK', { valueRatio: { numerator: { value: 1 }, denominator: { value: 270 } } })),
    included(observation('o-t18', 'T18-RISK', { valueString: '1:12000' })),
    included(observation('o-ntd', 'NTD-RISK', { interpretation: [coded('N')] })),
    // NT in centimetres: not read as millimetres, so no valid record
    report('dr-nt-2', 'NT-US', {
      subject: { identifier: { system: VISIT, value: 'Q8R9S2' } },
      effectiveDateTime: '2026-03-11T10:30:00+08:00',
      result: [{ reference: 'Observation/o-nt2' }],
    }),
    included(observation('o-nt2', 'NT', { valueQuantity: { value: 0.3, unit: 'cm', system: 'http://unitsofmeasure.org', code: 'cm' } })),
    { resource: { resourceType: 'OperationOutcome', issue: [{ severity: 'information', code: 'informational' }] }, search: { mode: 'outcome' } },
  ],
};

describe('the FHIR R4 mapping (profiles/result-mappings/fhir-r4.yaml)', () => {
  const page = mapPage(mappings.get('fhir-r4')!, bundle, 'xc-first');
  if (!page.ok) throw new Error('the Bundle did not map');

  it('makes the exact records of a realistic Bundle (HPV, cytology, BI-RADS, NT, serum)', () => {
    expect(page.items.map((i) => i.peerId)).toEqual(['dr-hpv-1', 'dr-tct-1', 'dr-breast-1', 'dr-nt-1', 'dr-serum-1', 'dr-nt-2']);
    const records = page.items.slice(0, 5).map((i) => resultRecordSchema.parse(i.candidate));
    expect(records).toEqual([
      {
        hospitalId: 'xc-first',
        hospitalResultId: 'dr-hpv-1',
        visitCode: 'K7Q2M9',
        idNumber: '411681198803150024',
        date: '2026-03-10',
        corrected: false,
        result: { category: 'hpv', hpv16: false, hpv18: true, otherHighRisk: false },
      },
      {
        hospitalId: 'xc-first',
        hospitalResultId: 'dr-tct-1',
        visitCode: 'P3R8T5',
        date: '2026-03-10',
        corrected: true,
        result: { category: 'cytology', tbs: 'ASC-US', hpvPositive: true },
      },
      {
        hospitalId: 'xc-first',
        hospitalResultId: 'dr-breast-1',
        idNumber: '411681199001010040',
        date: '2026-03-11',
        corrected: false,
        result: { category: 'breast', birads: '4A' },
      },
      { hospitalId: 'xc-first', hospitalResultId: 'dr-nt-1', visitCode: 'H4J6N2', date: '2026-03-11', corrected: false, result: { category: 'nt', mm: 3.4 } },
      {
        hospitalId: 'xc-first',
        hospitalResultId: 'dr-serum-1',
        visitCode: 'M5N6P7',
        date: '2026-03-11',
        corrected: false,
        result: { category: 'serum', t21OneIn: 270, t18OneIn: 12000, ntdHighRisk: false },
      },
    ]);
  });

  it('a value in another unit is not read as one in mm: the record stays invalid, never guessed', () => {
    const nt2 = page.items[5];
    expect(nt2.candidate.result).toEqual({ category: 'nt' });
    const parsed = resultRecordSchema.safeParse(nt2.candidate);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0].path).toEqual(['result', 'mm']);
  });

  it('the next page is the link with relation "next"; none on the last page', () => {
    expect(page.next).toBe('https://fhir.xc-first.example.cn/fhir/DiagnosticReport?_count=50&_lastUpdated=gt2026-03-11T08:00:00%2B08:00');
    const last = mapPage(mappings.get('fhir-r4')!, { resourceType: 'Bundle', type: 'searchset', link: [{ relation: 'self', url: 'x' }] }, 'xc-first');
    expect(last).toEqual({ ok: true, items: [] });
  });

  it('an answer that is not a Bundle is an unexpected shape, not an empty page', () => {
    expect(mapPage(mappings.get('fhir-r4')!, { resourceType: 'OperationOutcome', issue: [] }, 'xc-first')).toEqual({ ok: false, reason: 'unexpected_shape' });
    expect(mapPage(mappings.get('fhir-r4')!, [bundle], 'xc-first')).toEqual({ ok: false, reason: 'unexpected_shape' });
  });
});

describe('the simple LIS mapping (profiles/result-mappings/lis-json.yaml)', () => {
  it('maps its items through the value tables', () => {
    const page = mapPage(
      mappings.get('lis-json')!,
      {
        code: 0,
        data: {
          items: [
            {
              reportNo: 'R1',
              barcode: 'K7Q2M9',
              sampleTime: '2026-03-10 09:12:00',
              itemCode: 'HPV',
              status: '更正',
              values: { HPV16: '阳性', HPV18: 'neg', HR_OTHER: '-' },
            },
            { reportNo: 'R2', idCard: '411681198803150024', sampleTime: '20260311', itemCode: 'TS', status: '正常', values: { T21: '1/350', T18: '1:5000' } },
            { reportNo: 'R3', barcode: 'H4J6N2', sampleTime: '2026-03-12', itemCode: 'TL', values: { RESULT: '未通过', ROUND: '复筛' } },
          ],
          nextCursor: 'c7',
        },
      },
      'xc-mch',
    );
    if (!page.ok) throw new Error('did not map');
    expect(page.next).toBe('c7');
    expect(page.items.map((i) => resultRecordSchema.parse(i.candidate))).toEqual([
      {
        hospitalId: 'xc-mch',
        hospitalResultId: 'R1',
        visitCode: 'K7Q2M9',
        date: '2026-03-10',
        corrected: true,
        result: { category: 'hpv', hpv16: true, hpv18: false, otherHighRisk: false },
      },
      {
        hospitalId: 'xc-mch',
        hospitalResultId: 'R2',
        idNumber: '411681198803150024',
        date: '2026-03-11',
        corrected: false,
        result: { category: 'serum', t21OneIn: 350, t18OneIn: 5000 },
      },
      {
        hospitalId: 'xc-mch',
        hospitalResultId: 'R3',
        visitCode: 'H4J6N2',
        date: '2026-03-12',
        corrected: false,
        result: { category: 'hearing', passed: false, rescreen: true },
      },
    ]);
  });

  it('an item of a test the table does not know has no category: invalid', () => {
    const page = mapPage(
      mappings.get('lis-json')!,
      { data: { items: [{ reportNo: 'R9', barcode: 'K7Q2M9', sampleTime: '2026-03-10', itemCode: 'GLU' }] } },
      'xc-mch',
    );
    if (!page.ok) throw new Error('did not map');
    expect(page.items[0]).toEqual({
      peerId: 'R9',
      candidate: { hospitalId: 'xc-mch', hospitalResultId: 'R9', visitCode: 'K7Q2M9', date: '2026-03-10', corrected: false, result: {} },
    });
    expect(resultRecordSchema.safeParse(page.items[0].candidate).success).toBe(false);
  });
});

describe('paths', () => {
  it('walk arrays, filter on a property path, and resolve references in contained and the page', () => {
    const doc = {
      link: [
        { relation: 'self', url: 'a' },
        { relation: 'next', url: 'b.c/d=e' },
      ],
      n: [[1], [2, null]],
    };
    expect(valuesAt(doc, parsePath('link[relation=next].url'))).toEqual(['b.c/d=e']);
    expect(valuesAt(doc, parsePath('n'))).toEqual([1, 2]);
    expect(valuesAt(doc, parsePath('missing.x'))).toEqual([]);
    const item = { contained: [{ id: 'a', v: 1 }], result: [{ reference: '#a' }, { reference: 'Observation/b' }, { reference: 'Observation/zz' }] };
    const resources = new Map([['Observation/b', { v: 2 }]]);
    expect(valuesAt(item, parsePath('result.$resolve.v'), { item, resources })).toEqual([1, 2]);
  });

  it('say what is wrong with a path', () => {
    expect(() => parsePath('a..b')).toThrow('a property name is missing at character 3 of "a..b"');
    expect(() => parsePath('a[b]')).toThrow('a filter is written [property=text], got [b]');
    expect(() => parsePath('a[b=c')).toThrow('"[" without "]" in "a[b=c"');
    expect(() => parsePath('$parent.x')).toThrow('unknown step "$parent" (the only one is $resolve)');
    expect(() => parsePath('a.')).toThrow('"a." ends with "."');
  });
});
