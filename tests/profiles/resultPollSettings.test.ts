// The result poll's data files, checked at start: a mistake in a mapping file or in a hospital's
// resultPoll stops start-up naming the file, the path inside it and the reason; a connector whose
// credentials variable is not set is off (not an error).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDataFiles } from '../../src/config/loadDataFiles.js';
import { loadResultMappings } from '../../src/profiles/resultMappings.js';
import { pollConnectors } from '../../src/services/results/poll/pollConnectors.js';
import { pollHealth } from '../../src/services/results/poll/pollHealth.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'result-poll-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
let n = 0;

/** A copy of the shipped profiles with one file edited. */
function profilesWith(file: string, edit: (text: string) => string): string {
  const dir = path.join(tmp, `profiles-${++n}`);
  fs.cpSync('profiles', dir, { recursive: true });
  const target = path.join(dir, file);
  const before = fs.readFileSync(target, 'utf8');
  const after = edit(before);
  if (after === before) throw new Error(`the edit changed nothing in ${file}`);
  fs.writeFileSync(target, after);
  return dir;
}
const load = (dir: string) => () => loadDataFiles({ PROFILES_DIR: dir, FLOWS_DIR: 'flows', COUNTY_ID: 'xiangcheng' });
const FHIR = 'result-mappings/fhir-r4.yaml';
const COUNTY = 'counties/xiangcheng.yaml';

describe('result mapping files', () => {
  it('the shipped ones load', () => {
    expect([...loadResultMappings(path.resolve('profiles/result-mappings')).keys()]).toEqual(['fhir-r4', 'lis-json']);
  });

  it.each([
    [
      'a path that is not one',
      (t: string) => t.replace('items: entry.resource[resourceType=DiagnosticReport]', 'items: entry..resource'),
      /fhir-r4\.yaml: page\.items: not a path: a property name is missing at character 7 of "entry\.\.resource"/,
    ],
    [
      'a field the category does not have',
      (t: string) => t.replace('  nt:\n', '  nt:\n    cm: number\n'),
      /fhir-r4\.yaml: results\.nt\.cm: not a field of nt \(mm\)/,
    ],
    [
      'a table that is not there',
      (t: string) => t.replace('table: reportCode', 'table: reportCodes'),
      /fhir-r4\.yaml: record\.category\.table: no table "reportCodes" in tables \(posNeg, highRisk, reportCode\)/,
    ],
    [
      'a category the table gives that is not mapped',
      (t: string) => t.replace('NIPT: nipt }', 'NIPT: nipt, HEEL: heelBlood }'),
      /fhir-r4\.yaml: record\.category\.table\.HEEL: "heelBlood" is not a category of results/,
    ],
    ['an unknown conversion', (t: string) => t.replace('as: oneIn', 'as: ratio'), /fhir-r4\.yaml: results\.serum\.t21OneIn\.as: Invalid enum value/],
    [
      'an id other than the file name',
      (t: string) => t.replace('id: fhir-r4', 'id: fhir'),
      /fhir-r4\.yaml: id: must equal the file name 'fhir-r4', got 'fhir'/,
    ],
    [
      'a token cursor without its parameter',
      (t: string) => t.replace('cursor: link', 'cursor: token'),
      /fhir-r4\.yaml: request\.cursorParam: cursor: token needs cursorParam/,
    ],
  ])('%s stops start-up naming the file, the path and the reason', (_what, edit, message) => {
    expect(load(profilesWith(FHIR, edit))).toThrow(message);
  });
});

describe("a hospital's resultPoll in the county file", () => {
  it.each([
    [
      'a mapping that is not there',
      (t: string) => t.replace('mapping: fhir-r4', 'mapping: fhir-r5'),
      /xiangcheng\.yaml: hospitals\.1\.resultPoll\.mapping: no mapping 'fhir-r5' in profiles\/result-mappings \(fhir-r4, lis-json\)/,
    ],
    [
      'plain http to another machine',
      (t: string) => t.replace('url: https://fhir.', 'url: http://fhir.'),
      /xiangcheng\.yaml: hospitals\.1\.resultPoll\.url: must be an https:\/\/ address/,
    ],
    [
      'the token itself instead of its variable',
      (t: string) => t.replace('bearer: XC_FIRST_LIS_TOKEN', 'bearer: 9f8e7d6c5b4a'),
      /xiangcheng\.yaml: hospitals\.1\.resultPoll\.auth\.bearer: the name of an environment variable/,
    ],
    [
      'both bearer and basic',
      (t: string) => t.replace('bearer: XC_FIRST_LIS_TOKEN', 'bearer: XC_FIRST_LIS_TOKEN, basic: XC_FIRST_LIS_LOGIN'),
      /xiangcheng\.yaml: hospitals\.1\.resultPoll\.auth: either bearer or basic/,
    ],
    [
      'a page size out of range',
      (t: string) => t.replace('pageSize: 50', 'pageSize: 5000'),
      /xiangcheng\.yaml: hospitals\.1\.resultPoll\.pageSize: Number must be less than or equal to 1000/,
    ],
    [
      'an unknown setting',
      (t: string) => t.replace('pageSize: 50', 'pageSize: 50\n      token: abc'),
      /xiangcheng\.yaml: hospitals\.1\.resultPoll: Unrecognized key\(s\) in object: 'token'/,
    ],
  ])('%s stops start-up naming the file, the path and the reason', (_what, edit, message) => {
    expect(load(profilesWith(COUNTY, edit))).toThrow(message);
  });
});

describe('connectors', () => {
  const files = loadDataFiles({ PROFILES_DIR: 'profiles', FLOWS_DIR: 'flows', COUNTY_ID: 'xiangcheng' });

  it('without its credentials variable a connector is off, and shown so', () => {
    const [c] = pollConnectors(files.county, files.resultMappings, () => undefined);
    expect(c).toMatchObject({ hospitalId: 'xc-first', off: { reason: 'no_credentials', variable: 'XC_FIRST_LIS_TOKEN' } });
    expect(c.authorization).toBeUndefined();
    const now = new Date('2026-03-20T02:00:00Z');
    expect(pollHealth([c], [], now, now)).toEqual([{ hospitalId: 'xc-first', state: 'off', variable: 'XC_FIRST_LIS_TOKEN' }]);
  });

  it('with it: a bearer header; basic takes user:password only', () => {
    const [bearer] = pollConnectors(files.county, files.resultMappings, (v) => (v === 'XC_FIRST_LIS_TOKEN' ? 'abc' : undefined));
    expect(bearer.authorization).toBe('Bearer abc');
    const basicCounty = {
      ...files.county,
      hospitals: files.county.hospitals.map((h) => (h.resultPoll ? { ...h, resultPoll: { ...h.resultPoll, auth: { basic: 'LIS_LOGIN' } } } : h)),
    };
    expect(pollConnectors(basicCounty, files.resultMappings, () => 'bot:pa:ss')[0].authorization).toBe(`Basic ${Buffer.from('bot:pa:ss').toString('base64')}`);
    expect(pollConnectors(basicCounty, files.resultMappings, () => 'no-colon')[0].off).toEqual({ reason: 'no_credentials', variable: 'LIS_LOGIN' });
  });

  it('health: waiting before the first poll, stale when nothing succeeded for three intervals', () => {
    const [c] = pollConnectors(files.county, files.resultMappings, () => 'abc');
    const since = new Date('2026-03-20T02:00:00Z');
    expect(pollHealth([c], [], new Date('2026-03-20T02:44:00Z'), since)).toEqual([{ hospitalId: 'xc-first', state: 'waiting' }]);
    expect(pollHealth([c], [], new Date('2026-03-20T02:46:00Z'), since)).toEqual([{ hospitalId: 'xc-first', state: 'stale' }]);
    const row = { hospitalId: 'xc-first', failures: 0, lastError: null, lastOkAt: new Date('2026-03-20T02:30:00Z') };
    expect(pollHealth([c], [row], new Date('2026-03-20T03:00:00Z'), since)).toEqual([
      { hospitalId: 'xc-first', state: 'ok', lastOkAt: '2026-03-20T02:30:00.000Z' },
    ]);
    expect(pollHealth([c], [{ ...row, failures: 4, lastError: 'http_503' }], new Date('2026-03-20T03:00:00Z'), since)).toEqual([
      { hospitalId: 'xc-first', state: 'failing', failures: 4, lastError: 'http_503', lastOkAt: '2026-03-20T02:30:00.000Z' },
    ]);
  });
});
