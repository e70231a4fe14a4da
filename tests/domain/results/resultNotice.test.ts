// The notice of a result, word for word from the national profile: one per category (and every
// grade of every category renders, with no placeholder left and no Latin letters unexplained).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAllProfiles } from '../../../src/profiles/loadProfiles.js';
import { RESULT_CATEGORIES, RESULT_GRADES } from '../../../src/domain/profile/resultsSchema.js';
import { resultNotice } from '../../../src/domain/results/resultNotice.js';

const results = loadAllProfiles(path.resolve('profiles')).profiles.get('henan')!.results!;
const at = { date: '2026-03-10', sentOn: '2026-03-10', hospital: '项城市妇幼保健院', where: '项城市妇幼保健院', phone: '0394-4316120' };
const notice = (category: (typeof RESULT_CATEGORIES)[number], grade: string) => resultNotice(results, { category, grade, ...at });

describe('result notices (national profile, as Henan inherits it)', () => {
  it.each([
    [
      'hpv',
      'hpv16or18',
      [
        '您2026年3月10日在项城市妇幼保健院做的HPV检查（查一种常见的病毒），结果出来了。',
        '查到了16型或18型HPV病毒。这两种要多注意，但不等于得了癌症。',
        '要做阴道镜检查（用放大镜看宫颈）。请在2026年4月7日前去项城市妇幼保健院做。',
        // (a next step booked in the chat: how to book it)
        '回复“约阴道镜”，帮您约时间。',
        '负责跟进的工作人员会打电话联系您。有问题可以打0394-4316120。',
        '这条消息请留着，看病时给医生看。',
      ],
    ],
    [
      'cytology',
      'nilm',
      [
        '您2026年3月10日在项城市妇幼保健院做的宫颈细胞检查，结果出来了。',
        '宫颈细胞正常，没有发现异常细胞。',
        '按时参加下一轮免费检查就行。',
        '这条消息请留着，看病时给医生看。',
      ],
    ],
    [
      'histology',
      'cin2plus',
      [
        '您2026年3月10日在项城市妇幼保健院做的宫颈活检（取一点组织化验），结果出来了。',
        '活检是癌前病变，还不是癌。治疗以后一般能好。',
        '请在2026年4月7日前去项城市妇幼保健院，医生会安排治疗（一般是个小手术）。',
        '负责跟进的工作人员会打电话联系您。有问题可以打0394-4316120。',
        '这条消息请留着，看病时给医生看。',
      ],
    ],
    [
      'breast',
      'incomplete',
      [
        '您2026年3月10日在项城市妇幼保健院做的乳腺检查，结果出来了。',
        '乳腺检查还没看清楚，要再做一项检查才能下结论。这不代表有问题。',
        '请在2026年4月7日前去项城市妇幼保健院做乳腺钼靶检查（一种拍片检查）。',
        '回复“约钼靶”，帮您约时间。',
        '负责跟进的工作人员会打电话联系您。有问题可以打0394-4316120。',
        '这条消息请留着，看病时给医生看。',
      ],
    ],
    [
      'breast',
      'probablyBenign',
      [
        '您2026年3月10日在项城市妇幼保健院做的乳腺检查，结果出来了。',
        '乳腺有个小地方，很可能不是癌，是癌的可能不到百分之二。',
        '请在2026年9月6日前去项城市妇幼保健院复查一次。',
        '负责跟进的工作人员会打电话联系您。有问题可以打0394-4316120。',
        '这条消息请留着，看病时给医生看。',
      ],
    ],
    [
      'serum',
      'high',
      [
        '您2026年3月10日在项城市妇幼保健院做的唐氏筛查（抽血查宝宝的风险），结果出来了。',
        '筛查结果是高风险。这只是筛查，不是确诊，大多数高风险的宝宝最后是正常的。',
        '请在2026年3月24日前去项城市妇幼保健院做产前诊断，把情况弄清楚。',
        '回复“约产前诊断”，帮您约时间。',
        '负责跟进的工作人员会打电话联系您。有问题可以打0394-4316120。',
        '这条消息请留着，看病时给医生看。',
      ],
    ],
    [
      'nt',
      'normal',
      [
        '您2026年3月10日在项城市妇幼保健院做的NT超声检查（看宝宝脖子后面的厚度），结果出来了。',
        '宝宝脖子后面的厚度正常。',
        '按时做其他产检就行。',
        '这条消息请留着，看病时给医生看。',
      ],
    ],
    [
      'nipt',
      'high',
      [
        '您2026年3月10日在项城市妇幼保健院做的无创产前检测（抽妈妈的血查宝宝的染色体），结果出来了。',
        '结果是高风险。这还不是确诊，要做羊水穿刺才能确定。',
        '请在2026年3月24日前去项城市妇幼保健院做产前诊断（羊水穿刺）。',
        '回复“约产前诊断”，帮您约时间。',
        '负责跟进的工作人员会打电话联系您。有问题可以打0394-4316120。',
        '这条消息请留着，看病时给医生看。',
      ],
    ],
    [
      'heelBlood',
      'suspicious',
      [
        '您2026年3月10日在项城市妇幼保健院做的宝宝的足跟血筛查，结果出来了。',
        '宝宝的足跟血筛查有一项可疑，要再抽一次血复查。多数复查是正常的。',
        '请在2026年3月17日前带宝宝去项城市妇幼保健院复查。',
        '负责跟进的工作人员会打电话联系您。有问题可以打0394-4316120。',
        '这条消息请留着，看病时给医生看。',
      ],
    ],
    [
      'hearing',
      'refer',
      [
        '您2026年3月10日在项城市妇幼保健院做的宝宝的听力筛查，结果出来了。',
        '宝宝这次听力筛查没通过。这很常见，不等于耳聋，多数宝宝复查能通过。',
        '请在2026年4月21日前带宝宝去项城市妇幼保健院复查。',
        '负责跟进的工作人员会打电话联系您。有问题可以打0394-4316120。',
        '这条消息请留着，看病时给医生看。',
      ],
    ],
    [
      'hearing',
      'referAtRescreen',
      [
        '您2026年3月10日在项城市妇幼保健院做的宝宝的听力筛查，结果出来了。',
        '宝宝的听力复查还是没通过，要做进一步的听力诊断。',
        '请在2026年5月9日前带宝宝去项城市妇幼保健院做听力诊断。',
        '回复“约听力诊断”，帮您约时间。',
        '负责跟进的工作人员会打电话联系您。有问题可以打0394-4316120。',
        '这条消息请留着，看病时给医生看。',
      ],
    ],
  ] as const)('%s %s', (category, grade, lines) => {
    expect(notice(category, grade).split('\n')).toEqual(lines);
  });

  it('every grade renders whole: no placeholder left, Latin letters only in names it explains, a date when it names one', () => {
    for (const category of RESULT_CATEGORIES) {
      for (const grade of RESULT_GRADES[category]) {
        const text = notice(category, grade);
        expect(text, `${category}.${grade}`).not.toMatch(/[{}]|前前|最晚。/);
        // HPV, NT and X线 are explained in the test's name or said with their Chinese name
        expect(text.replace(/HPV|NT|X线/g, ''), `${category}.${grade}`).not.toMatch(/[A-Za-z]/);
        const g = results.categories[category].grades[grade];
        expect(text.includes('请在') || text.includes('最晚'), `${category}.${grade}`).toBe(g.dueDays !== undefined);
        expect(text.includes('工作人员会打电话'), `${category}.${grade}`).toBe(g.abnormal);
      }
    }
  });

  it('counts the next step from the day she is told: a result that took weeks does not name a day gone by', () => {
    const late = resultNotice(results, { category: 'heelBlood', grade: 'suspicious', ...at, sentOn: '2026-03-28' });
    expect(late.split('\n')[2]).toBe('请在2026年4月4日前带宝宝去项城市妇幼保健院复查。');
  });

  it('holds for a staff member the results that suggest cancer or a serious fetal or newborn condition', () => {
    const held = RESULT_CATEGORIES.flatMap((c) => RESULT_GRADES[c].filter((g) => results.categories[c].grades[g].release === 'hold').map((g) => `${c}.${g}`));
    expect(held).toEqual([
      'hpv.hpv16or18',
      'cytology.asch',
      'cytology.hsil',
      'cytology.glandular',
      'cytology.cancer',
      'histology.cin2plus',
      'histology.cancer',
      'breast.suspicious',
      'breast.cancer',
      'serum.high',
      'nt.thick',
      'nipt.high',
      'heelBlood.suspicious',
      'heelBlood.confirmed',
      'hearing.referAtRescreen',
    ]);
  });
});
