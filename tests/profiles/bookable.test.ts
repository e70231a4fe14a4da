// What can be booked comes from the county's profile and hospitals (profiles/*.yaml
// programmes.*.bookable, county hospitals), loaded through the real loaders; the settings a county
// may change are written out in national.yaml; start-up rejects a menu line that hides a window or
// a cost.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { loadAllProfiles, loadCounties, loadProfiles, ProfileError } from '../../src/profiles/loadProfiles.js';
import { bookingMenu, screeningDisplayName } from '../../src/profiles/bookable.js';
import { bookingSettingsSchema, messagingSettingsSchema, remindersSettingsSchema } from '../../src/domain/profile/profileSchema.js';

const PROFILES_DIR = path.resolve(__dirname, '../../profiles');
const FIXTURES_DIR = path.resolve(__dirname, '../fixtures/counties');
const NATIONAL = readFileSync(path.join(PROFILES_DIR, 'national.yaml'), 'utf8');
const HUNAN_COUNTY = readFileSync(path.join(FIXTURES_DIR, 'xiangyuan.yaml'), 'utf8');

describe('the booking menu', () => {
  const { profiles, counties } = loadAllProfiles(PROFILES_DIR);
  const fixtures = loadCounties(FIXTURES_DIR, profiles);

  it('the Henan demo county offers what it offered before, NIPT and OGTT marked 自费', () => {
    const xc = counties.get('xiangcheng')!;
    expect(bookingMenu(profiles.get('henan')!, xc).map((l) => [l.value, l.label])).toEqual([
      ['cervical,breast', '两癌筛查（宫颈癌和乳腺癌一起查）'],
      ['cervical', '只查宫颈癌'],
      ['breast', '只查乳腺癌'],
      // (booked on a result's referral only: not in the menu she is shown)
      ['colposcopy', '阴道镜检查'],
      ['mammography', '乳腺钼靶检查（一种拍片检查）'],
      ['nt', 'NT超声检查（怀孕11到13周）'],
      ['serum-mid', '唐氏筛查（怀孕15到20周）'],
      ['nipt', '无创DNA（怀孕12到22周，自费）'],
      ['anomaly-us', '大排畸超声（怀孕20到24周）'],
      ['ogtt', '糖耐量检查（怀孕24到28周，自费）'],
      ['fallback-us', '补做超声（错过了NT的，怀孕16到19周）'],
      // (a referral line: listed for a woman whose result or pregnancy lets her book it)
      ['prenatal-diagnosis', '产前诊断（羊水穿刺等，怀孕16到22周）'],
      ['hearing-diagnosis', '宝宝听力诊断'],
    ]);
  });

  it('a Hunan county is offered neither the Henan fallback scan nor NIPT', () => {
    const xy = fixtures.get('xiangyuan')!;
    const menu = bookingMenu(profiles.get(xy.profile)!, xy);
    expect(menu.map((l) => l.label)).toEqual([
      '两癌筛查（宫颈癌和乳腺癌一起查）',
      '只查宫颈癌',
      '只查乳腺癌',
      '阴道镜检查',
      'NT超声检查（怀孕11到13周）',
      '唐氏筛查（怀孕15到20周）',
      '大排畸超声（怀孕20到24周）',
      '糖耐量检查（怀孕24到28周，自费）',
    ]);
    expect(menu.flatMap((l) => l.words)).not.toContain('补做');
    // the further tests are marked: booked only by a woman whose result calls for them
    expect(menu.filter((l) => l.referral).map((l) => l.value)).toEqual(['colposcopy']);
  });

  it('a line is offered only when one hospital of the county provides all its services', () => {
    const xy = fixtures.get('xiangyuan')!;
    const noBreast = { ...xy, hospitals: xy.hospitals.map((h) => ({ ...h, services: ['cervical', 'nt'] })) };
    expect(bookingMenu(profiles.get('hunan')!, noBreast).map((l) => l.value)).toEqual(['cervical', 'nt']);
    const onlyTwoCancer = { ...xy, programmes: ['twoCancer' as const] };
    expect(bookingMenu(profiles.get('hunan')!, onlyTwoCancer).map((l) => l.value)).toEqual(['cervical,breast', 'cervical', 'breast', 'colposcopy']);
  });

  it('names a screening the programme does not pay for with its cost', () => {
    const prenatal = profiles.get('henan')!.programmes.prenatal;
    const name = (id: string) =>
      screeningDisplayName(
        prenatal,
        prenatal.screenings.find((s) => s.id === id)!,
      );
    expect(name('nipt')).toBe('自费的无创DNA产前检测（NIPT）');
    expect(name('nt')).toBe('NT超声检查');
    // the national profile does not offer NIPT at all
    expect(profiles.get('national')!.programmes.prenatal.screenings.map((s) => s.id)).not.toContain('nipt');
  });
});

describe('settings a county may change', () => {
  const raw = parse(NATIONAL) as Record<string, Record<string, unknown>>;

  it.each([
    ['booking', bookingSettingsSchema],
    ['messaging', messagingSettingsSchema],
    ['reminders', remindersSettingsSchema],
  ] as const)('national.yaml writes out every %s setting', (section, schema) => {
    expect(Object.keys(raw[section] ?? {}).sort()).toEqual(Object.keys(schema.shape).sort());
  });

  it('the eligibility answer, the days listed and the priority groups are profile settings', () => {
    const national = loadProfiles(PROFILES_DIR).get('national')!;
    expect(national.booking).toMatchObject({ eligibilityValidDays: 30, daysListed: 7, priorityGroups: ['urbanLowIncome', 'rural'], offerHoldMinutes: 120 });
    expect(national.reminders.rescreenProgramme).toBe('twoCancer');
    expect(national.programmes.twoCancer).not.toHaveProperty('priorityGroups');
  });
});

describe('a menu that hides something stops start-up', () => {
  let dir = '';
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  function loadError(files: Record<string, string>): string {
    dir = mkdtempSync(path.join(os.tmpdir(), 'bookable-test-'));
    for (const [name, text] of Object.entries({ 'national.yaml': NATIONAL, 'hunan.yaml': 'id: hunan\nname: 湖南省\nextends: national\n', ...files })) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), text);
    }
    try {
      loadAllProfiles(dir);
    } catch (err) {
      expect(err).toBeInstanceOf(ProfileError);
      return (err as ProfileError).message;
    }
    throw new Error('expected a ProfileError');
  }

  const prenatalBookable = (line: string) => `id: hunan\nname: 湖南省\nextends: national\nprogrammes:\n  prenatal:\n    bookable:\n      - ${line}\n`;

  it.each<{ name: string; files: Record<string, string>; want: string }>([
    {
      name: 'a line for a screening that costs, not saying so',
      files: { 'hunan.yaml': prenatalBookable('{ services: [ogtt], label: "糖耐量检查（怀孕{opens}到{closes}周）" }') },
      want: 'hunan.yaml: programmes.prenatal.bookable.0.label: a screening of it is not free: say so with {cost}',
    },
    {
      name: 'a line hiding its window',
      files: { 'hunan.yaml': prenatalBookable('{ services: [nt], label: NT超声检查 }') },
      want: 'hunan.yaml: programmes.prenatal.bookable.0.label: must say its window: use {opens} and {closes}',
    },
    {
      name: 'a line for a screening the programme does not have',
      files: { 'hunan.yaml': prenatalBookable('{ services: [fallback-us], label: 补做超声 }') },
      want: "hunan.yaml: programmes.prenatal.bookable.0.services.0: 'fallback-us' is not a screening of this programme",
    },
    {
      name: 'a county hospital providing a service its profile does not have',
      files: {
        'counties/xiangyuan.yaml': HUNAN_COUNTY.replace(
          'programmes: [twoCancer, prenatal]\n    capacity',
          'programmes: [twoCancer, prenatal]\n    services: [cervical, breast, nt, serum-mid, anomaly-us, ogtt, fallback-us]\n    capacity',
        ),
      },
      want: "counties/xiangyuan.yaml: hospitals.0.services.6: 'fallback-us' is not a screening of profile 'hunan'",
    },
    {
      name: 'priority groups with no question asking her group',
      files: { 'hunan.yaml': 'id: hunan\nname: 湖南省\nextends: national\nprogrammes:\n  twoCancer:\n    rules:\n      - { type: age, min: 35, max: 64 }\n' },
      // reported where the list is written
      want: "national.yaml: booking.priorityGroups: priority groups need a programme with a 'group' rule",
    },
  ])('$name', ({ files, want }) => {
    expect(loadError(files)).toContain(want);
  });
});
