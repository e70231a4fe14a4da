import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadFlows } from '../../src/flows/loadFlows.js';
import { varsBeforeSteps } from '../../src/flows/flowVars.js';
import { ALL_ACTIONS, ALL_CHOICE_SOURCES } from '../../src/flows/registry.js';

const flowsDir = path.resolve('flows');
let dirs: string[] = [];

function copyFlows(edit: (dir: string) => void): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flows-'));
  dirs.push(dir);
  for (const f of fs.readdirSync(flowsDir)) fs.copyFileSync(path.join(flowsDir, f), path.join(dir, f));
  edit(dir);
  return dir;
}

function replaceIn(dir: string, file: string, from: string, to: string) {
  const p = path.join(dir, file);
  const s = fs.readFileSync(p, 'utf8');
  if (!s.includes(from)) throw new Error(`test setup: "${from}" not in ${file}`);
  fs.writeFileSync(p, s.replace(from, to));
}

afterEach(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  dirs = [];
});

describe('loadFlows', () => {
  it('loads the shipped flows, commands and messages', () => {
    const set = loadFlows(flowsDir, ALL_ACTIONS, ALL_CHOICE_SOURCES);
    expect([...set.flows.keys()].sort()).toEqual(
      [
        'book_later',
        'booking',
        'cancel',
        'cancel_booking',
        'change_booking',
        'confirm_offer',
        'offer_reply',
        'others_news',
        'consent',
        'correct_answers',
        'decline_offer',
        'delete_data',
        'my_bookings',
        'newborn_info',
        'eligibility',
        'health_consent',
        'human',
        'menu',
        'my_data',
        'my_results',
        'referral_ask',
        'next_reminder',
        'subscribe',
        'thanks',
        'unchanged',
        'unsubscribe',
        'pregnancy',
        'pregnancy_redate',
        'pregnancy_twins',
        'pregnancy_undo',
        'birth',
        'newborn',
        'pregnancy_loss',
        'pregnancy_loss_confirm',
        'pregnancy_worry',
        'screening_done',
      ].sort(),
    );
    expect(set.commands.commands.map((c) => c.id)).toEqual([
      'menu',
      'cancel',
      'cancel_with_reason',
      'human',
      'human_own_words',
      'human_call',
      'human_talk',
      'human_phone',
      'unsubscribe',
      'subscribe',
      'my_data',
      'my_data_look',
      'my_data_kept',
      'my_data_answered',
      'my_data_answered_look',
      'menu_show',
      'menu_shown',
      'book',
      'my_bookings',
      'my_results',
      'change_booking',
      'cancel_booking',
      'confirm_offer',
      'decline_offer',
      'correct',
      'delete_data',
      'delete_data_own_words',
      'delete_data_first',
      'pregnancy_loss',
      'pregnancy_worry',
      'unchanged',
      'unchanged_after_all',
      'cancel_not_saying',
    ]);
  });

  const broken: [string, (dir: string) => void, RegExp][] = [
    [
      'a target naming a missing step',
      (d) => replaceIn(d, 'consent.yaml', 'next: thanks', 'next: thank_you'),
      /consent\.yaml: steps\[1\] \(id "agree"\)\.next: unknown step "thank_you"/,
    ],
    [
      'an unknown action',
      (d) => replaceIn(d, 'consent.yaml', 'action: consent.give', 'action: consent.grant'),
      /consent\.yaml: steps\[1\] \(id "agree"\)\.action: unknown action "consent\.grant"/,
    ],
    ['a wrong step kind', (d) => replaceIn(d, 'human.yaml', 'kind: say', 'kind: shout'), /human\.yaml: steps\[1\]\.kind: Invalid discriminator value/],
    ['a missing example', (d) => replaceIn(d, 'menu.yaml', '    example: "1"\n', ''), /menu\.yaml: steps\[0\]\.example: Required/],
    [
      'a branch that is not a choice value',
      (d) => replaceIn(d, 'menu.yaml', 'human: flow:human', 'humans: flow:human'),
      /menu\.yaml: steps\[0\] \(id "choose"\)\.on\.humans: not one of the choice values/,
    ],
    [
      'a yes/no branch on a word',
      (d) => replaceIn(d, 'delete_data.yaml', '"false": kept', 'nope: kept'),
      /delete_data\.yaml: steps\[1\] \(id "confirm"\)\.on\.nope: a yes\/no answer branches on "true" or "false"/,
    ],
    [
      'a command to a missing flow',
      (d) => replaceIn(d, 'commands.yaml', 'target: flow:human', 'target: flow:humans'),
      /commands\.yaml: commands\[3\] \(id "human"\)\.target: unknown flow "humans"/,
    ],
    ['broken YAML', (d) => fs.writeFileSync(path.join(d, 'human.yaml'), 'id: human\nsteps: [\n'), /human\.yaml: line \d+, column \d+: not valid YAML/],
    ['a missing required flow', (d) => fs.rmSync(path.join(d, 'consent.yaml')), /the flow "consent" is required/],
    ['a missing messages text', (d) => replaceIn(d, 'messages.yaml', 'idleReset:', 'idleResetX:'), /messages\.yaml: idleReset: Required/],
    [
      'a missing appointment reminder',
      (d) => replaceIn(d, 'messages.yaml', '  appointmentReminder: |-', '  appointmentReminderX: |-'),
      /messages\.yaml: booking\.appointmentReminder: Required/,
    ],
    [
      'an appointment reminder naming a value it is not given',
      (d) => replaceIn(d, 'messages.yaml', '要带：身份证，报预约号 {code}。', '要带：身份证，报预约号 {code}，孕{ga}。'),
      /messages\.yaml: booking\.appointmentReminder: placeholder \{ga\} is not provided here/,
    ],
    [
      'a booking notice naming a value it is not given',
      (d) => replaceIn(d, 'messages.yaml', '医院没有记到您去。', '医院没有记到您去（{until}）。'),
      /messages\.yaml: booking\.noticeNoShow: placeholder \{until\} is not provided here/,
    ],
    [
      'a re-prompt for an unknown reason',
      (d) => replaceIn(d, 'pregnancy.yaml', '      in_future: 末次月经', '      in_futur: 末次月经'),
      /pregnancy\.yaml: steps\[4\]\.reprompt\.in_futur: .*Invalid enum value/,
    ],
    [
      'a step text naming a value no path before it sets (the booking preview, before the booking is previewed)',
      (d) => replaceIn(d, 'booking.yaml', 'text: 预约前，先帮您看看您能不能参加这个项目。', 'text: 预约前，先帮您看看您能不能参加这个项目。{bookingPreview}'),
      /booking\.yaml: steps\[4\] \(id "check_first"\)\.text: placeholder \{bookingPreview\} is not provided here \(available: .*\{services\}/,
    ],
    [
      'a mistyped county value',
      (d) => replaceIn(d, 'consent.yaml', '也可以打电话 {servicePhone} 问工作人员', '也可以打电话 {servicePhon} 问工作人员'),
      /consent\.yaml: steps\[4\] \(id "declined"\)\.text: placeholder \{servicePhon\} is not provided here/,
    ],
    [
      'a side answer naming an answer not given yet',
      (d) => replaceIn(d, 'consent.yaml', '可以打电话 {servicePhone} 问工作人员。\n', '可以打电话 {servicePhone} 问工作人员（{birthDate}）。\n'),
      /consent\.yaml: steps\[0\] \(id "notice"\)\.sideAnswers\[4\]\.text: placeholder \{birthDate\} is not provided here/,
    ],
    [
      'a re-prompt naming a value only another flow sets',
      (d) =>
        replaceIn(
          d,
          'pregnancy.yaml',
          '      incomplete: 请告诉我是哪一天，要有几月几号。\n      # the reason cannot name',
          '      incomplete: 请告诉我是哪一天（{newbornPlan}）。\n      # the reason cannot name',
        ),
      /pregnancy\.yaml: steps\[4\] \(id "dating"\)\.reprompt\.incomplete: placeholder \{newbornPlan\} is not provided here/,
    ],
    [
      'an engine text naming a value of one flow',
      (d) => replaceIn(d, 'messages.yaml', 'tooManyFailures: "没关系，', 'tooManyFailures: "{ga}没关系，'),
      /messages\.yaml: tooManyFailures: placeholder \{ga\} is not provided here/,
    ],
    [
      'a 我的信息 line naming a value it is not given',
      (d) => replaceIn(d, 'messages.yaml', 'factLine: "· {label}：{value}"', 'factLine: "· {label}：{value}（{date}）"'),
      /messages\.yaml: myData\.factLine: placeholder \{date\} is not provided here/,
    ],
    [
      'a call of a missing flow',
      (d) => replaceIn(d, 'booking.yaml', 'flow: eligibility', 'flow: eligible'),
      /booking\.yaml: steps\[5\] \(id "check"\)\.flow: unknown flow "eligible"/,
    ],
    [
      'a guess to confirm on a value the question does not have',
      (d) => replaceIn(d, 'my_bookings.yaml', 'confirmIfGuessed: [cancel]', 'confirmIfGuessed: [cancelled]'),
      /my_bookings\.yaml: steps\[3\] \(id "what"\)\.confirmIfGuessed: "cancelled" is not one of the answer values \(change, cancel, nothing\)/,
    ],
    [
      'an unknown choice source',
      (d) => replaceIn(d, 'screening_done.yaml', 'source: pregnancy.openItems', 'source: pregnancy.items'),
      /screening_done\.yaml: steps\[0\] \(id "choose"\)\.input\.source: unknown choice source "pregnancy\.items"/,
    ],
    [
      'a yes/no-shaped choice naming an option it does not have',
      (d) => replaceIn(d, 'newborn.yaml', 'no: notDone', 'no: notYet'),
      /newborn\.yaml: steps\[6\]\.input\.no: "notYet" is not one of the option values \(done, notDone, unknown\)/,
    ],
    [
      'a yes/no-shaped choice whose yes is also a no',
      (d) => replaceIn(d, 'my_bookings.yaml', 'no: nothing', 'no: [nothing, cancel]'),
      /my_bookings\.yaml: steps\[\d\]\.input\.no\[1\]: "cancel" is both the yes and a no option/,
    ],
    [
      'a trigger with both words and a plain yes',
      (d) => replaceIn(d, 'offer_reply.yaml', '  - answer: yes', '  - answer: yes\n    words: [好]'),
      /offer_reply\.yaml: triggers\[0\]: give words, or answer: yes \(not both\)/,
    ],
    [
      'a spoken form written in 繁体',
      (d) => replaceIn(d, 'spoken.yaml', '  木有: 没有', '  沒有: 没有'),
      /spoken\.yaml: anywhere\.沒有: write it in Simplified characters/,
    ],
    [
      'a spoken form whose word is a form again',
      (d) => replaceIn(d, 'spoken.yaml', '  咋: 怎么', '  咋: 俺怎么'),
      /spoken\.yaml: anywhere\.咋: its word "俺怎么" contains the form "俺"/,
    ],
    ['a missing spoken-form table', (d) => fs.rmSync(path.join(d, 'spoken.yaml')), /spoken\.yaml: file is missing/],
  ];
  it('gives each step the values a path before it sets, across the flows it comes from', () => {
    const set = loadFlows(flowsDir, ALL_ACTIONS, ALL_CHOICE_SOURCES);
    const before = varsBeforeSteps(set.flows, ALL_ACTIONS);
    // the menu's answer (save: programme) and a trigger's vars reach eligibility; booking's call returns with `eligible`
    expect([...before.get('eligibility.check')!]).toEqual(expect.arrayContaining(['programme']));
    expect([...before.get('booking.after_check')!]).toEqual(expect.arrayContaining(['eligible', 'services']));
    // an answer with parts gives its parts
    expect([...before.get('pregnancy.cycle_check')!]).toEqual(expect.arrayContaining(['dating', 'dating.dueDate', 'dating.from']));
    expect(before.get('booking.check_first')!.has('bookingPreview')).toBe(false);
  });

  it.each(broken)('stops on %s, naming the file, the step and the reason', (_name, edit, message) => {
    const dir = copyFlows(edit);
    expect(() => loadFlows(dir, ALL_ACTIONS, ALL_CHOICE_SOURCES)).toThrow(message);
  });
});
