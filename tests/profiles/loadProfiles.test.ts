import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { deepMerge, loadAllProfiles, loadCounties, loadProfiles, ProfileError } from '../../src/profiles/loadProfiles.js';
import { createProgrammePort } from '../../src/profiles/profileProgrammes.js';
import { parseInput } from '../../src/flows/parseInput.js';
import type { Messages } from '../../src/flows/flowSchema.js';

const PROFILES_DIR = path.resolve(__dirname, '../../profiles');
const NATIONAL = readFileSync(path.join(PROFILES_DIR, 'national.yaml'), 'utf8');
const COUNTY = readFileSync(path.join(PROFILES_DIR, 'counties/xiangcheng.yaml'), 'utf8');

describe('shipped profiles', () => {
  const { profiles, counties } = loadAllProfiles(PROFILES_DIR);

  it('loads national, henan and hunan', () => {
    expect([...profiles.keys()].sort()).toEqual(['henan', 'hunan', 'national']);
  });

  it('merges extends: regional rules replace, questions and texts are inherited', () => {
    const henan = profiles.get('henan')!.programmes;
    expect(henan.twoCancer.rules.find((r) => r.type === 'interval')).toMatchObject({ years: 5 });
    expect(henan.twoCancer.rules.find((r) => r.type === 'group')).toMatchObject({ accept: ['rural', 'urbanLowIncome'] });
    expect(henan.twoCancer.questions.birthDate.example).toBeTruthy();
    expect(henan.twoCancer.texts.age_below).toBe(profiles.get('national')!.programmes.twoCancer.texts.age_below);
    expect(henan.twoCancer.texts.group).toContain('河南');
    expect(henan.prenatal.questions.residenceHenan.text).toContain('河南');
    expect(henan.prenatal.questions.residence).toBeUndefined();
    const hunan = profiles.get('hunan')!.programmes.twoCancer;
    expect(hunan.rules.find((r) => r.type === 'interval')).toMatchObject({ years: 3 });
  });

  it('marks health questions sensitive and gives every question an example', () => {
    for (const profile of profiles.values()) {
      for (const programme of Object.values(profile.programmes)) {
        for (const [fact, q] of Object.entries(programme.questions)) {
          expect(q.example.length, fact).toBeGreaterThan(0);
          const health = ['pregnant', 'lastScreening', 'hysterectomy', 'breastCancer', 'sexualHistory'].includes(fact);
          expect(q.sensitive, `${profile.id} ${fact}`).toBe(health);
        }
      }
    }
  });

  it('loads the Xiangcheng county', () => {
    const xc = counties.get('xiangcheng')!;
    expect(xc.profile).toBe('henan');
    expect(xc.operator.name).toBe('项城市卫生健康委员会');
    expect(xc.townships.length).toBeGreaterThanOrEqual(5);
    expect(xc.hospitals.map((h) => h.id)).toEqual(['xc-mch', 'xc-first']);
    expect(xc.townships.find((t) => t.id === 'xiangcheng-dingji')?.name).toBe('丁集镇');
  });

  it('reads her 户口 in a township or village of the county as local ({place}), one she lives in or elsewhere not', () => {
    const xc = counties.get('xiangcheng')!;
    const port = createProgrammePort(profiles.get('henan')!, xc, () => ({}) as Messages);
    const read = (programme: string, fact: string, text: string) => parseInput(port.question(programme, fact)!.input, text, '2026-06-01');
    // (with the county's name before it: 户口就在咱项城李寨镇, 咱 read as 我)
    for (const text of ['户口在丁集镇', '户口在丁集', '户口就在秣陵 没迁过', '在李寨村', '我户口就在南顿', '户口就在我项城李寨镇', '项城市南顿镇的']) {
      expect(read('twoCancer', 'residence', text), text).toEqual({ ok: true, value: 'hukou' });
      expect(read('prenatal', 'residenceHenan', text), text).toEqual({ ok: true, value: 'hukou' });
    }
    expect(read('twoCancer', 'residence', '户口在安徽')).not.toMatchObject({ value: 'hukou' });
    expect(read('twoCancer', 'residence', '我在丁集住了好几年 户口在安徽')).not.toMatchObject({ value: 'hukou' });
    expect(read('twoCancer', 'residence', '住在项城丁集 户口在安徽')).not.toMatchObject({ value: 'hukou' });
  });
});

describe('broken profiles', () => {
  let dir = '';
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  function setup(files: Record<string, string>): string {
    dir = mkdtempSync(path.join(os.tmpdir(), 'profiles-test-'));
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), text);
    }
    return dir;
  }

  function loadError(files: Record<string, string>): ProfileError {
    const d = setup({ 'national.yaml': NATIONAL, ...files });
    try {
      loadAllProfiles(d);
    } catch (err) {
      expect(err).toBeInstanceOf(ProfileError);
      return err as ProfileError;
    }
    throw new Error('expected a ProfileError');
  }

  const henan = (body: string) => `id: henan\nname: 河南省\nextends: national\n${body}`;

  type BrokenCase = { name: string; files: Record<string, string>; want: string[] };
  it.each<BrokenCase>([
    {
      name: 'wrong type',
      files: { 'henan.yaml': henan('programmes:\n  twoCancer:\n    rules:\n      - { type: age, min: "35", max: 64 }\n') },
      want: ['henan.yaml: programmes.twoCancer.rules.0.min: Expected number, received string'],
    },
    {
      name: 'a result grade left out',
      files: { 'henan.yaml': henan('results:\n  categories:\n    hpv:\n      grades:\n        negative: null\n') },
      want: ["henan.yaml: results.categories.hpv.grades.negative: grade 'negative' is missing"],
    },
    {
      name: 'a result grade the classifier never gives',
      files: {
        'henan.yaml': henan(
          'results:\n  categories:\n    nt:\n      grades:\n        borderline: { abnormal: true, release: hold, meaning: nt_thick, next: prenatal_diagnosis }\n',
        ),
      },
      want: ['henan.yaml: results.categories.nt.grades.borderline: unknown grade (known: normal, thick)'],
    },
    {
      name: 'a result text naming {by} with no due date, and one missing',
      files: {
        'henan.yaml': henan(
          'results:\n  categories:\n    nt:\n      grades:\n        thick: { abnormal: true, release: hold, meaning: nt_thik, next: prenatal_diagnosis, dueDays: null }\n',
        ),
      },
      want: [
        "henan.yaml: results.categories.nt.grades.thick.meaning: text 'nt_thik' is missing from results.texts",
        'henan.yaml: results.categories.nt.grades.thick.dueDays: its texts name {by}: give dueDays',
      ],
    },
    {
      name: 'grades held for a person with no deadline',
      files: { 'henan.yaml': henan('results:\n  holdDeadline: null\n') },
      want: ['henan.yaml: results.holdDeadline: some grades are held for a person: give holdDeadline { workingDays } (escalated to the county after it)'],
    },
    {
      name: 'a next step booking an unknown service, and a service booked without its offer line',
      files: {
        'henan.yaml': henan(
          ['results:', '  bookNext:', '    services: { colposcopy: colposcopie }', '    offers: { colposcopy: 回复“约阴道镜”。, mammography: null }', ''].join(
            '\n',
          ),
        ),
      },
      want: [
        "henan.yaml: results.bookNext.services.colposcopy: unknown service 'colposcopie': not a referral screening with its own bookable line (known: colposcopy, mammography, prenatal-diagnosis, hearing-diagnosis)",
        "henan.yaml: results.bookNext.offers.mammography: the offer line of 'mammography' is missing",
      ],
    },
    {
      name: 'matching by ID number: an unknown screening, and both a service and a birth',
      files: {
        'henan.yaml': henan(
          [
            'results:',
            '  categories:',
            '    hpv: { matchById: { services: [cervix] } }',
            '    hearing: { matchById: { services: [nt], afterBirthDays: 90 } }',
            '',
          ].join('\n'),
        ),
      },
      want: ['henan.yaml: results.categories.hearing.matchById: give either services or afterBirthDays'],
    },
    {
      name: 'matching by ID number names a screening the profile does not have',
      files: { 'henan.yaml': henan('results:\n  categories:\n    hpv: { matchById: { services: [cervix] } }\n') },
      want: ["henan.yaml: results.categories.hpv.matchById.services.0: 'cervix' is no screening of this profile"],
    },
    {
      name: 'a deadline of no working days',
      files: { 'henan.yaml': henan('results:\n  holdDeadline: { workingDays: 0 }\n') },
      want: ['henan.yaml: results.holdDeadline.workingDays: Number must be greater than or equal to 1'],
    },
    {
      name: 'follow-up: a limit naming an unknown grade and window, a step name missing, an unknown group, a wrong placeholder',
      files: {
        'henan.yaml': henan(
          [
            'followUp:',
            '  limits: [{ grades: [serum.veryHigh], beforeWindowCloses: amnio }]',
            '  reminders:',
            '    texts: { before: "请在{by}前做{test}" }',
            '    steps: { colposcopy: null }',
            '  aid: { priorityGroups: [poor] }',
            '',
          ].join('\n'),
        ),
      },
      want: [
        "henan.yaml: followUp.limits.0.grades.0: unknown grade 'serum.veryHigh'",
        "henan.yaml: followUp.limits.0.beforeWindowCloses: no prenatal screening 'amnio' with a window",
        "henan.yaml: followUp.reminders.steps.colposcopy: the step name of 'colposcopy' is missing",
        'henan.yaml: followUp.reminders.texts.before: placeholder {test} is not provided',
        'henan.yaml: followUp.aid.priorityGroups.0: unknown group (known: rural, urbanLowIncome, urban)',
      ],
    },
    {
      name: 'unknown rule type',
      files: { 'henan.yaml': henan('programmes:\n  twoCancer:\n    rules:\n      - { type: age, min: 35, max: 64 }\n      - { type: weight, max: 80 }\n') },
      want: ['henan.yaml: programmes.twoCancer.rules.1.type: Invalid discriminator value'],
    },
    {
      name: 'unknown key (typo)',
      files: { 'henan.yaml': henan('programmes:\n  twoCancer:\n    rules:\n      - { type: age, mni: 35, min: 35, max: 64 }\n') },
      want: ["henan.yaml: programmes.twoCancer.rules.0: Unrecognized key(s) in object: 'mni'"],
    },
    {
      name: 'missing question for a rule fact',
      files: {
        'henan.yaml': henan('programmes:\n  twoCancer:\n    rules:\n      - { type: exclusion, fact: smoker, text: exclusion_hysterectomy }\n'),
      },
      want: ["henan.yaml: programmes.twoCancer.rules.0.fact: rule 'exclusion' needs fact 'smoker' but no question for it"],
    },
    {
      name: 'question of the wrong input type',
      files: { 'henan.yaml': henan('programmes:\n  twoCancer:\n    questions:\n      pregnant: { text: 怀孕了吗, example: 是, input: { type: text } }\n') },
      want: ["henan.yaml: programmes.twoCancer.questions.pregnant.input.type: rule 'notPregnant' needs input type yesno"],
    },
    {
      name: 'accepted value that is not an option',
      files: {
        'henan.yaml': henan(
          'programmes:\n  twoCancer:\n    rules:\n      - { type: residence, accept: [hukou, spouseHukou] }\n    questions:\n      residence:\n        text: 户口在本地吗\n        example: "1"\n        input: { type: choice, options: [{ value: hukou, label: 是 }, { value: none, label: 不是 }] }\n',
        ),
      },
      want: ["henan.yaml: programmes.twoCancer.rules.0.accept.1: 'spouseHukou' is not an option of question 'residence'"],
    },
    {
      name: 'a yes/no-shaped choice naming an option it does not have',
      files: {
        'henan.yaml': henan(
          'programmes:\n  twoCancer:\n    questions:\n      residence:\n        text: 户口在本地吗\n        example: "1"\n        input: { type: choice, options: [{ value: hukou, label: 是 }, { value: none, label: 不是 }], yes: local, no: none }\n',
        ),
      },
      want: ['henan.yaml: programmes.twoCancer.questions.residence.input.yes: "local" is not one of the option values (hukou, none)'],
    },
    {
      name: 'bad extends',
      files: { 'henan.yaml': 'id: henan\nname: 河南省\nextends: nowhere\n' },
      want: ["henan.yaml: extends: unknown profile 'nowhere'"],
    },
    {
      name: 'extends cycle',
      files: { 'henan.yaml': 'id: henan\nname: 河南\nextends: hunan\n', 'hunan.yaml': 'id: hunan\nname: 湖南\nextends: henan\n' },
      want: ['extends: extends cycle'],
    },
    {
      name: 'placeholder the outcome does not provide',
      files: { 'henan.yaml': henan('programmes:\n  twoCancer:\n    texts:\n      age_above: 您已经{age}岁，{name}不在范围里。\n') },
      want: ['henan.yaml: programmes.twoCancer.texts.age_above: placeholder {name} is not provided'],
    },
    {
      name: 'text a rule needs is missing',
      files: { 'henan.yaml': henan('programmes:\n  twoCancer:\n    texts:\n      interval: null\n') },
      want: ["henan.yaml: programmes.twoCancer.texts.interval: text 'interval' is missing (needed by rules.5)"],
    },
    {
      name: 'an age question without askMore (asked when a year or an age leaves the rule undecided)',
      files: {
        'henan.yaml': henan(
          'programmes:\n  twoCancer:\n    questions:\n      birthDate: { text: 出生日期, example: 1980年5月6日, input: { type: birthDate }, askMore: null }\n',
        ),
      },
      want: ['henan.yaml: programmes.twoCancer.questions.birthDate.askMore: an age rule needs askMore'],
    },
    {
      name: 'askMore with a placeholder it is not given',
      files: {
        'henan.yaml': henan(
          'programmes:\n  twoCancer:\n    questions:\n      birthDate:\n        text: 出生日期\n        example: 1980年5月6日\n        input: { type: birthDate }\n        askMore: { year: "您是{known}几月{day}出生的？", month: 几号？, age: 哪天？ }\n',
        ),
      },
      want: ['henan.yaml: programmes.twoCancer.questions.birthDate.askMore.year: placeholder {day} is not provided'],
    },
    {
      name: 'exclusion removing an unknown screening',
      files: {
        'henan.yaml': henan(
          'programmes:\n  twoCancer:\n    rules:\n      - { type: exclusion, fact: hysterectomy, removes: [uterus], text: exclusion_hysterectomy }\n',
        ),
      },
      want: ["henan.yaml: programmes.twoCancer.rules.0.removes.0: unknown screening id 'uterus'"],
    },
    {
      name: 'id not matching the file name',
      files: { 'henan.yaml': 'id: honan\nname: 河南省\nextends: national\n' },
      want: ["henan.yaml: id: must equal the file name 'henan'"],
    },
    {
      name: 'YAML syntax error',
      files: { 'henan.yaml': 'id: henan\nname: [河南\n' },
      want: ['henan.yaml: (yaml):'],
    },
    {
      name: 'an error in the parent is reported against the parent',
      files: { 'national.yaml': NATIONAL.replace('{ type: age, min: 35, max: 64 }', '{ type: age, min: 35, max: "64" }'), 'henan.yaml': henan('') },
      want: ['national.yaml: programmes.twoCancer.rules.0.max: Expected number, received string'],
    },
    {
      name: 'a warning-sign group the bot does not know',
      files: { 'henan.yaml': henan('warningSigns:\n  groups:\n    elderly: { text: 去医院, signs: [{ id: fall, words: [摔倒] }] }\n') },
      want: ["henan.yaml: warningSigns.groups: Unrecognized key(s) in object: 'elderly'"],
    },
    {
      name: 'a warning-sign answer with a placeholder it is not given',
      files: { 'henan.yaml': henan('warningSigns:\n  groups:\n    twoCancer:\n      text: 请去{hospitalAddress}\n') },
      want: ['henan.yaml: warningSigns.groups.twoCancer.text: placeholder {hospitalAddress} is not provided here'],
    },
    {
      name: 'a warning sign named by no words',
      files: { 'henan.yaml': henan('warningSigns:\n  groups:\n    newborn:\n      signs: [{ id: quiet }]\n') },
      want: ['henan.yaml: warningSigns.groups.newborn.signs.0: give words or parts that name the sign'],
    },
    {
      name: 'a side question answered for a screening the profile does not have',
      files: { 'henan.yaml': henan('sideQuestions:\n  fasting:\n    services:\n      nt-scan: 不用空腹\n') },
      want: ["henan.yaml: sideQuestions.fasting.services.nt-scan: 'nt-scan' is not a screening or programme of the profile"],
    },
    {
      name: 'a side question with a placeholder it is not given',
      files: { 'henan.yaml': henan('sideQuestions:\n  hours:\n    noHours: 请在{hours}前去\n') },
      want: ['henan.yaml: sideQuestions.hours.noHours: placeholder {hours} is not provided here'],
    },
    {
      name: 'a side question without words',
      files: { 'henan.yaml': henan('sideQuestions:\n  parking:\n    text: 医院门口能停车\n') },
      want: ['henan.yaml: sideQuestions.parking.words: Required'],
    },
    {
      name: 'county naming an unknown MCH hospital',
      files: { 'counties/xiangcheng.yaml': COUNTY.replace('mchHospital: xc-mch', 'mchHospital: xc-nowhere') },
      want: ["counties/xiangcheng.yaml: mchHospital: unknown hospital 'xc-nowhere'"],
    },
    {
      name: 'county naming an unknown profile',
      files: { 'counties/xiangcheng.yaml': COUNTY.replace('profile: henan', 'profile: shandong') },
      want: ["counties/xiangcheng.yaml: profile: unknown profile 'shandong'"],
    },
    {
      name: 'county hospital serving an unknown township',
      files: { 'counties/xiangcheng.yaml': COUNTY.replace('      - xiangcheng-sandian\n', '      - xiangcheng-atlantis\n') },
      want: ["counties/xiangcheng.yaml: hospitals.1.servesFirst.10: unknown township 'xiangcheng-atlantis'"],
    },
    {
      name: 'county field of the wrong type',
      files: { 'counties/xiangcheng.yaml': COUNTY.replace('servicePhone: 0394-4326120', 'servicePhone: 12') },
      want: ['counties/xiangcheng.yaml: servicePhone: Expected string, received number'],
    },
  ])('$name', ({ files, want }) => {
    const err = loadError(files);
    for (const part of want) expect(err.message).toContain(part);
    expect(err.message.startsWith(dir)).toBe(true);
  });

  it('a county is only loaded when its profile is loaded', () => {
    const d = setup({ 'counties/xiangcheng.yaml': COUNTY });
    expect(() => loadCounties(path.join(d, 'counties'), new Map())).toThrow(/unknown profile 'henan'/);
  });

  it('a subfolder of profiles is not read as profiles', () => {
    const d = setup({ 'national.yaml': NATIONAL, 'drafts/broken.yaml': 'not: valid' });
    expect([...loadProfiles(d).keys()]).toEqual(['national']);
  });
});

describe('deepMerge', () => {
  it('merges objects key by key, replaces arrays and scalars, and removes keys set to null', () => {
    const base = { a: { b: 1, c: [1, 2], d: 'x' }, e: 1, f: { g: 1 } };
    const over = { a: { c: [3], d: 'y' }, f: null, h: true };
    expect(deepMerge(base, over)).toEqual({ a: { b: 1, c: [3], d: 'y' }, e: 1, h: true });
    expect(base.a.c).toEqual([1, 2]);
  });

  it("replaces a question's input whole: its options go with the ones a yes or a no means", () => {
    const base = { q: { text: 'a', input: { type: 'choice', options: [1, 2, 3], yes: 'x', no: ['y', 'z'] } } };
    const over = { q: { input: { type: 'choice', options: [1, 2] } } };
    expect(deepMerge(base, over)).toEqual({ q: { text: 'a', input: { type: 'choice', options: [1, 2] } } });
  });
});
