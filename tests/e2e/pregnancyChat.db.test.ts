// The pregnancy conversations through the real WeChat bot: registering (weeks, due date, last period
// in either calendar, her cycle), correcting the due date, the birth and the newborn screens with her
// consent as guardian, a loss, worry that is not a loss, and 做过了. 项城市 (Henan profile); today is
// Monday 2026-03-02, 09:00; reminders go out at 10:00, appointment reminders at 18:00.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dbUnavailable } from '../support/testDb.js';
import type { MockWoman } from '../support/wechatHarness.js';
import { consentedWoman, contactOf, factsOf, joined, startE2EBot, type E2EBot } from '../support/e2eBot.js';

const DATING_QUESTION = '您怀孕多少周了？也可以告诉我预产期，或者末次月经第一天（农历也行）。';
const CYCLE_QUESTION = '您的月经平时多少天来一次？（从这次来的第一天，数到下次来的第一天）不规律或者不记得，就回复“不记得”。';
const TWINS_QUESTION = '怀的是一个宝宝，还是双胞胎？回复数字：\n1. 一个\n2. 双胞胎（或更多）\n3. 还不知道';
const BIRTH_DATE_QUESTION = '有的检查要看到预产期时您多大。请告诉我您的出生日期（阳历），也可以直接发身份证号。';
const REMINDER_FOOTER = '到了该做的时候，我会在那天10:00左右发消息提醒您。要约检查回复“预约”；不想收提醒回复“退订”。';
const CONSENT_QUESTION =
  '宝宝出生后要做免费的新生儿筛查（足跟血、听力），错过了就不好补。要我到时候提醒您吗？\n' +
  '这要用到宝宝的出生日期，并记下这些筛查做没做，只用来发提醒，不给别人看。您是宝宝的监护人，同意请回复“同意”，不要请回复“不要”。';
const LOSS_WITH_BOOKING =
  '很难过听到这个消息。请您好好休息，多保重身体。孕期的提醒都停了，约好的孕期检查也帮您取消了。出血多、发烧或者肚子一直疼，请马上去医院；想找人说说，回复“人工”。';
const LOSS = '很难过听到这个消息。请您好好休息，多保重身体。孕期的提醒都停了，不会再发。出血多、发烧或者肚子一直疼，请马上去医院；想找人说说，回复“人工”。';
const WORRY =
  '别太着急。如果出血、肚子疼得厉害、流水，或者胎动明显少了，请马上去医院（急的话打120），不要等。想找人问问，请回复“人工”，或打电话 0394-4326120。';

const at = (iso: string) => new Date(iso);

describe.skipIf(dbUnavailable)('pregnancy in the chat', () => {
  let bot: E2EBot;
  beforeEach(async () => {
    bot = await startE2EBot();
  });
  afterEach(async () => bot.stop());

  const idOf = async (w: MockWoman) => (await contactOf(bot.db(), w))!.id;
  const pregnancyOf = async (w: MockWoman) => bot.db().pregnancy.findFirstOrThrow({ where: { contactId: await idOf(w) }, orderBy: { createdAt: 'desc' } });
  const outboxOf = async (w: MockWoman, prefix = '') =>
    (
      await bot.db().outboxMessage.findMany({
        where: { contactId: await idOf(w), dedupeKey: { startsWith: prefix } },
        orderBy: [{ notBefore: 'asc' }, { dedupeKey: 'asc' }],
      })
    ).map((r) => ({ key: r.dedupeKey.replace(/^(preg|newborn):[^:]+:/, '$1:'), status: r.status, lastError: r.lastError, notBefore: r.notBefore }));

  /** 登记孕期 from the menu, by weeks (no cycle question), a single baby, born 1995-05-06; returns the confirmation. */
  async function registerByWeeks(w: MockWoman, weeks: string): Promise<string[]> {
    await w.say('登记孕期');
    await w.say('同意');
    expect(await w.say(weeks)).toEqual([TWINS_QUESTION]);
    expect(await w.say('1')).toEqual([BIRTH_DATE_QUESTION]);
    expect(joined(await w.say('1995年5月6日'))).toContain('对吗？');
    return w.say('是');
  }

  it('registers by a lunar last period: her 35-day cycle moves the due date 7 days; she confirms GA and due date and reads her screenings', async () => {
    const w = await consentedWoman(bot);
    expect(await w.say('登记孕期')).toEqual([
      '好的，帮您登记孕期。每项孕期检查都要在固定的周数里做，到时候我会提醒您。',
      '接下来要问您一些健康方面的情况（比如是否怀孕、以前做没做过筛查）。这些是敏感个人信息，只用来判断您能不能参加免费筛查、到时候提醒您做检查，不会给别人看。\n同意请回复“同意”，不同意请回复“不同意”。',
    ]);
    expect(await w.say('同意')).toEqual([DATING_QUESTION]);
    // 农历十一月初一 is 2025-12-20: due 2026-09-26 on a 28-day cycle
    expect(await w.say('末次月经农历十一月初一')).toEqual([CYCLE_QUESTION]);
    expect(await w.say('35天')).toEqual([TWINS_QUESTION]);
    expect(await w.say('1')).toEqual([BIRTH_DATE_QUESTION]);
    expect(await w.say('1995年5月6日')).toEqual([
      '按您说的，您今天怀孕9周2天，预产期是2026年10月3日（按月经35天来一次算，往后推了7天）。对吗？对请回复“是”，不对请回复“不对”。',
    ]);
    expect(await w.say('是')).toEqual([
      [
        '登记好了！您今天怀孕9周2天，预产期2026年10月3日。',
        '· 现在就可以做：第一次产检建档，最晚2026年4月3日',
        '· 2026年3月14日起：NT超声检查',
        '· 2026年3月21日起：自费的无创DNA产前检测（NIPT）',
        '· 2026年4月11日起：中孕期唐氏筛查',
        '· 2026年5月16日起：大排畸超声检查',
        '· 2026年6月13日起：自费的糖耐量检查（OGTT）',
        REMINDER_FOOTER,
      ].join('\n'),
    ]);

    const p = await pregnancyOf(w);
    expect(p).toMatchObject({
      status: 'active',
      activeKey: await idOf(w),
      dueDate: '2026-10-03',
      datingFrom: 'lastPeriod',
      cycleDays: 35,
      twins: false,
      ageOnDueDate: 31,
      registeredOn: '2026-03-02',
      birthDate: null,
    });
    expect(await factsOf(bot.db(), await idOf(w))).toMatchObject({ dueDate: '2026-10-03', birthDate: '1995-05-06' });
    const dueFact = await bot.db().fact.findUniqueOrThrow({ where: { contactId_key: { contactId: await idOf(w), key: 'dueDate' } } });
    expect(dueFact.sensitive).toBe(true);
    // 9w2d and 9w3d carry no alert: nothing is queued yet
    expect(await outboxOf(w, 'preg:')).toEqual([]);

    // 我的信息 shows the pregnancy
    const mine = joined(await w.say('我的信息'));
    expect(mine).toContain('· 预产期：2026年10月3日');
    expect(mine).toContain('· 孕期登记（2026年3月2日）：预产期2026年10月3日，月经35天一次，预产期时31岁，按时提醒检查');

    // registering again shows what is registered and offers the correction
    expect(await w.say('我怀孕了')).toEqual([
      '您已经登记过了：今天怀孕9周2天，预产期2026年10月3日。\n医生说的预产期不一样的话，可以改。要改请回复“是”，不用改请回复“否”。',
    ]);
    expect(await w.say('不用')).toEqual(['好的，到时候按这个预产期提醒您。']);
    expect(await bot.db().pregnancy.count()).toBe(1);
  });

  it('registers by due date (no cycle question); twins take 唐筛 off her list and bring prenatal diagnosis from 32', async () => {
    const w = await consentedWoman(bot);
    await w.say('登记孕期');
    await w.say('同意');
    expect(await w.say('预产期2026年10月12日')).toEqual([TWINS_QUESTION]);
    expect(await w.say('双胞胎')).toEqual([BIRTH_DATE_QUESTION]);
    expect(await w.say('1994年1月1日')).toEqual(['按您说的，您今天怀孕8周，预产期是2026年10月12日。对吗？对请回复“是”，不对请回复“不对”。']);
    expect(await w.say('对')).toEqual([
      [
        '登记好了！您今天怀孕8周，预产期2026年10月12日。',
        '· 现在就可以做：第一次产检建档，最晚2026年4月12日',
        '· 2026年3月23日起：NT超声检查',
        '· 2026年3月30日起：自费的无创DNA产前检测（NIPT）',
        '· 2026年4月27日起：产前诊断（羊水穿刺等）',
        '· 2026年5月25日起：大排畸超声检查',
        '· 2026年6月22日起：自费的糖耐量检查（OGTT）',
        REMINDER_FOOTER,
      ].join('\n'),
    ]);
    expect(await pregnancyOf(w)).toMatchObject({ dueDate: '2026-10-12', datingFrom: 'dueDate', cycleDays: null, twins: true, ageOnDueDate: 32 });
  });

  it('refuses implausible dates with the reason and asks again; 不对 asks again; registers by 孕X周X天', async () => {
    const w = await consentedWoman(bot);
    await w.say('登记孕期');
    await w.say('同意');
    const outOfRange =
      '这个算不上现在的怀孕：孕周要在2周到42周之间，预产期要在今后43周以内，末次月经要在最近42周以内。请再看一下。\n请这样回复，例如：孕8周，或 预产期10月12日，或 末次月经农历腊月初八';
    // more than 43 weeks ahead: the parser refuses it
    expect(await w.say('预产期2027年5月1日')).toEqual([outOfRange]);
    // a last period 43 weeks ago: its due date is past the two weeks plausibleDueDate allows, refused
    // at once by the same rule the service applies (not after three more questions)
    expect(await w.say('末次月经2025年5月1日')).toEqual([outOfRange]);
    expect(await w.say('孕12周3天')).toEqual([TWINS_QUESTION]);
    expect(await w.say('1')).toEqual([BIRTH_DATE_QUESTION]);
    expect(await w.say('1995年5月6日')).toEqual(['按您说的，您今天怀孕12周3天，预产期是2026年9月11日。对吗？对请回复“是”，不对请回复“不对”。']);
    expect(await w.say('不对')).toEqual(['没关系，我们再来一次。', DATING_QUESTION]);
    expect(await w.say('12周')).toEqual(['按您说的，您今天怀孕12周，预产期是2026年9月14日。对吗？对请回复“是”，不对请回复“不对”。']);
    expect(joined(await w.say('是'))).toContain('登记好了！您今天怀孕12周，预产期2026年9月14日。');
    expect(await pregnancyOf(w)).toMatchObject({ dueDate: '2026-09-14', datingFrom: 'weeks', cycleDays: null, twins: false, ageOnDueDate: 31 });
    expect(await factsOf(bot.db(), await idOf(w))).toMatchObject({ dueDate: '2026-09-14' });
  });

  it('我怀孕了 registers; 我怀孕了能做两癌吗 asks about 两癌; 我怀孕了，能做产前筛查吗 about the prenatal programme', async () => {
    const w = await consentedWoman(bot);
    await w.say('谢谢'); // at rest, not at the menu
    expect((await w.say('我怀孕了'))[0]).toBe('好的，帮您登记孕期。每项孕期检查都要在固定的周数里做，到时候我会提醒您。');
    await w.say('取消');
    await w.say('谢谢');
    expect(joined(await w.say('我怀孕了能做两癌吗'))).toContain('请告诉我您的出生日期');
    await w.say('取消');
    await w.say('谢谢');
    const prenatal = await w.say('我怀孕了，能做产前筛查吗');
    expect(joined(prenatal)).toContain('这些是敏感个人信息');
    expect(joined(await w.say('同意'))).toContain('您现在怀孕了吗');
    expect(joined(await w.say('是'))).toContain('户口在河南吗');
    // the prenatal answer invites her to register
    expect(joined(await w.say('1'))).toContain('每项检查都要在固定周数里做。回复“登记孕期”，到了该做的时候我都会提醒您。');
    expect(await bot.db().pregnancy.count()).toBe(0);
  });

  it('re-dating moves her queued reminders: the old alert is cancelled as replanned, the new one queued at its own time', async () => {
    const w = await consentedWoman(bot);
    // at 11w0d today the NT window opens: its alert is queued for 10:00
    expect(joined(await registerByWeeks(w, '孕11周'))).toContain('· 现在就可以做：NT超声检查，最晚2026年3月22日');
    expect(await outboxOf(w, 'preg:')).toEqual([
      { key: 'preg:2026-03-02:nt.open', status: 'queued', lastError: null, notBefore: at('2026-03-02T10:00:00+08:00') },
    ]);

    expect(await w.say('医生说预产期改了')).toEqual(['现在记的预产期是2026年9月21日。新的预产期是哪天？也可以告诉我B超说的孕周，比如 孕12周3天。']);
    expect(await w.say('孕10周3天')).toEqual(['改成：预产期2026年9月25日（今天怀孕10周3天）。对吗？对请回复“是”，不对请回复“不对”。']);
    expect(await w.say('是')).toEqual([
      [
        '改好了：预产期从2026年9月21日改成2026年9月25日，您今天怀孕10周3天。每一项检查的提醒都跟着改了。',
        '· 现在就可以做：第一次产检建档，最晚2026年3月26日',
        '· 2026年3月6日起：NT超声检查',
        '· 2026年3月13日起：自费的无创DNA产前检测（NIPT）',
        '· 2026年4月3日起：中孕期唐氏筛查',
        '· 2026年5月8日起：大排畸超声检查',
        '· 2026年6月5日起：自费的糖耐量检查（OGTT）',
      ].join('\n'),
    ]);
    expect(await pregnancyOf(w)).toMatchObject({ status: 'active', dueDate: '2026-09-25', datingFrom: 'corrected', ageOnDueDate: 31 });
    expect(await factsOf(bot.db(), await idOf(w))).toMatchObject({ dueDate: '2026-09-25' });
    // NT opens in 3 days from tomorrow (10w4d): the "soon" alert, tomorrow at 10:00
    expect(await outboxOf(w, 'preg:')).toEqual([
      { key: 'preg:2026-03-02:nt.open', status: 'cancelled', lastError: 'replanned', notBefore: at('2026-03-02T10:00:00+08:00') },
      { key: 'preg:2026-03-03:nt.soon', status: 'queued', lastError: null, notBefore: at('2026-03-03T10:00:00+08:00') },
    ]);

    // the same date again changes nothing
    await w.say('改预产期');
    expect(await w.say('预产期2026年9月25日')).toEqual(['这和现在记的预产期（2026年9月25日）一样，不用改。']);

    await bot.advanceClock('2026-03-03T11:00:00+08:00');
    const sent = w.received.filter((t) => t.startsWith('孕期提醒'));
    expect(sent).toEqual([
      '孕期提醒：您今天怀孕10周4天了（预产期2026年9月25日）。\n· NT超声检查：3天后（2026年3月6日）就可以做了，要在怀孕11周到13周6天之间做。\n回复“预约”约时间；已经做过了，回复“做过了”。不想再收提醒，回复“退订”。',
    ]);
  });

  it('改预产期 without a registered pregnancy says so and offers 登记孕期', async () => {
    const w = await consentedWoman(bot);
    await w.say('谢谢');
    expect(await w.say('改预产期')).toEqual(['您还没有在这里登记怀孕，没有预产期可改。要登记的话，请回复“登记孕期”，我到时候提醒您做检查。']);
  });

  it('birth: the prenatal reminders stop; as guardian she agrees, says heel blood not yet and hearing failed; the newborn reminders follow', async () => {
    const w = await consentedWoman(bot);
    // 27w6d: the OGTT window closes in 7 days, its alert is queued for 10:00
    expect(joined(await registerByWeeks(w, '孕27周6天'))).toContain('· 现在就可以做：自费的糖耐量检查（OGTT），最晚2026年3月9日');
    expect(await outboxOf(w, 'preg:')).toEqual([
      { key: 'preg:2026-03-02:ogtt.closing', status: 'queued', lastError: null, notBefore: at('2026-03-02T10:00:00+08:00') },
    ]);

    expect(await w.say('宝宝出生了')).toEqual(['恭喜您！', '宝宝是哪天出生的？']);
    expect(await w.say('明天')).toEqual(['这个日子还没到，请再看一下宝宝是哪天出生的。\n请这样回复，例如：今天，或 昨天，或 3天前，或 3月1日']);
    expect(await w.say('3天前')).toEqual(['记下了：宝宝2026年2月27日出生。孕期的提醒都停了，您好好休息。', CONSENT_QUESTION]);
    const born = await pregnancyOf(w);
    expect(born).toMatchObject({ status: 'born', activeKey: null, birthDate: '2026-02-27', endedOn: '2026-03-02', guardianConsentAt: null });
    expect(await outboxOf(w, 'preg:')).toEqual([
      { key: 'preg:2026-03-02:ogtt.closing', status: 'cancelled', lastError: 'born', notBefore: at('2026-03-02T10:00:00+08:00') },
    ]);

    expect(await w.say('同意')).toEqual(['宝宝的足跟血（在脚后跟扎一下取几滴血）做了吗？回复数字：\n1. 做了\n2. 还没\n3. 不知道']);
    expect(await w.say('还没')).toEqual(['宝宝第一次听力筛查（一般出院前做）的结果是？回复数字：\n1. 通过\n2. 没通过\n3. 没做\n4. 不知道']);
    expect(await w.say('左耳没通过')).toEqual([
      [
        '记下了。宝宝还要做这些筛查，到时候我会在那天10:00左右提醒您：',
        '· 新生儿足跟血筛查：2026年3月2日到2026年3月6日',
        '· 听力复筛：2026年3月2日到2026年4月10日',
        '已经做过的，回复“做过了”；不想收提醒，回复“退订”。',
      ].join('\n'),
    ]);
    const consented = await pregnancyOf(w);
    expect(consented.guardianConsentAt).toEqual(at('2026-03-02T09:00:00+08:00'));
    expect(consented).toMatchObject({ heelBloodDone: false, hearingFirst: 'failed' });
    // day 3 of the baby: the heel-blood reminder goes out at 10:00 today
    expect(await outboxOf(w, 'newborn:')).toEqual([
      { key: 'newborn:2026-03-02:heel-blood.open', status: 'queued', lastError: null, notBefore: at('2026-03-02T10:00:00+08:00') },
    ]);

    const mine = joined(await w.say('我的信息'));
    expect(mine).toContain('· 孕期登记（2026年3月2日）：预产期2026年5月26日，预产期时31岁，宝宝2026年2月27日出生');
    expect(mine).toContain('· 宝宝提醒：您作为监护人同意了。足跟血：还没做；第一次听力筛查：没通过');

    // 做过了 lists the baby's screens; the heel blood is done: its reminder is cancelled
    expect(await w.say('做过了')).toEqual(['哪一项做过了？回复数字：\n1. 宝宝的新生儿足跟血筛查\n2. 宝宝的听力复筛']);
    expect(await w.say('足跟血')).toEqual(['记下了：新生儿足跟血筛查做过了，这项不再提醒。']);
    expect(await pregnancyOf(w)).toMatchObject({ heelBloodDone: true, hearingFirst: 'failed' });
    expect(await outboxOf(w, 'newborn:')).toEqual([
      { key: 'newborn:2026-03-02:heel-blood.open', status: 'cancelled', lastError: 'replanned', notBefore: at('2026-03-02T10:00:00+08:00') },
    ]);

    await bot.advanceClock('2026-03-02T10:30:00+08:00');
    expect(w.received.filter((t) => t.includes('足跟血筛查（在脚后跟'))).toEqual([]);
    expect(await w.say('宝宝提醒')).toEqual(['宝宝的提醒已经开着了，到时候我会发消息。已经做过的检查，回复“做过了”就不再提醒。']);
  });

  it('the date written with the news is not asked again: 宝宝昨天出生了, 孩子2月27号生的', async () => {
    const w = await consentedWoman(bot);
    await registerByWeeks(w, '孕38周');
    expect(await w.say('宝宝昨天出生了')).toEqual(['恭喜您！', '记下了：宝宝2026年3月1日出生。孕期的提醒都停了，您好好休息。', CONSENT_QUESTION]);
    expect(await pregnancyOf(w)).toMatchObject({ status: 'born', birthDate: '2026-03-01' });

    const v = await consentedWoman(bot);
    await registerByWeeks(v, '孕38周');
    expect(await v.say('孩子2月27号生的')).toEqual(['恭喜您！', '记下了：宝宝2026年2月27日出生。孕期的提醒都停了，您好好休息。', CONSENT_QUESTION]);
    // no date with the news: asked
    const u = await consentedWoman(bot);
    await registerByWeeks(u, '孕38周');
    expect(await u.say('宝宝出生了')).toEqual(['恭喜您！', '宝宝是哪天出生的？']);
  });

  it('declining the guardian consent keeps nothing about the baby; 宝宝提醒 asks again later', async () => {
    const w = await consentedWoman(bot);
    await registerByWeeks(w, '孕38周');
    await w.say('宝宝出生了');
    expect(await w.say('昨天')).toEqual(['记下了：宝宝2026年3月1日出生。孕期的提醒都停了，您好好休息。', CONSENT_QUESTION]);
    expect(await w.say('不要')).toEqual(['好的，不给宝宝发提醒，宝宝的检查情况也不记。以后想要提醒，回复“宝宝提醒”就行。']);
    expect(await pregnancyOf(w)).toMatchObject({ status: 'born', birthDate: '2026-03-01', guardianConsentAt: null, heelBloodDone: null, hearingFirst: null });
    expect(await outboxOf(w, 'newborn:')).toEqual([]);
    expect(await w.say('宝宝提醒')).toEqual([CONSENT_QUESTION]);
  });

  it('a birth she never registered: asked the day (health consent first), then the newborn reminders follow as for a registered one', async () => {
    const w = await consentedWoman(bot);
    const first = await w.say('宝宝出生了');
    expect(first[0]).toBe('恭喜您！');
    expect(joined(first)).toContain('同意请回复“同意”'); // the health consent, before the birth date is asked
    expect(await w.say('同意')).toEqual(['宝宝是哪天出生的？告诉我的话，我可以提醒您带宝宝做免费的新生儿筛查。']);
    expect(await w.say('昨天')).toEqual(['记下了：宝宝2026年3月1日出生。', CONSENT_QUESTION]);
    expect(await pregnancyOf(w)).toMatchObject({
      status: 'born',
      datingFrom: 'birth',
      birthDate: '2026-03-01',
      dueDate: '2026-03-01',
      activeKey: null,
      guardianConsentAt: null,
    });
    expect(await w.say('同意')).toEqual(['宝宝的足跟血（在脚后跟扎一下取几滴血）做了吗？回复数字：\n1. 做了\n2. 还没\n3. 不知道']);
    await w.say('还没');
    expect(joined(await w.say('通过'))).toContain('· 新生儿足跟血筛查：2026年3月4日到2026年3月8日');
    expect(joined(await w.say('我的信息'))).toContain('· 宝宝2026年3月1日出生（2026年3月2日告诉我的）');
  });

  it('a birth she never registered, too long ago for the newborn screens: told what they are, nothing kept', async () => {
    const w = await consentedWoman(bot);
    await w.say('宝宝出生了');
    await w.say('同意');
    expect(await w.say('2025年12月1日')).toEqual([
      [
        '宝宝出生后要做这些免费筛查：',
        '· 新生儿足跟血筛查：出生后第3到7天',
        '· 听力复筛：出生后第3到42天',
        '时间已经过了的，请问接生的医院或乡镇卫生院还能不能补做。',
      ].join('\n'),
    ]);
    expect(await bot.db().pregnancy.count()).toBe(0);
  });

  it('her baby died: one kind message, the newborn reminders stop and what she said about its screens is forgotten', async () => {
    const w = await consentedWoman(bot);
    await registerByWeeks(w, '孕38周');
    await w.say('宝宝出生了');
    await w.say('3天前');
    await w.say('同意');
    await w.say('不知道');
    await w.say('不知道');
    expect(await outboxOf(w, 'newborn:')).toEqual([
      { key: 'newborn:2026-03-02:heel-blood.open', status: 'queued', lastError: null, notBefore: at('2026-03-02T10:00:00+08:00') },
    ]);
    expect(await w.say('宝宝没了')).toEqual([
      '很难过听到这个消息。请您多保重身体。宝宝的提醒都停了，不会再发。需要帮助，请回复“人工”，或打电话 0394-4326120。',
    ]);
    expect(await pregnancyOf(w)).toMatchObject({ status: 'born', guardianConsentAt: null, heelBloodDone: null, hearingFirst: null });
    expect(await outboxOf(w, 'newborn:')).toEqual([
      { key: 'newborn:2026-03-02:heel-blood.open', status: 'cancelled', lastError: 'baby died', notBefore: at('2026-03-02T10:00:00+08:00') },
    ]);
    await bot.advanceClock('2026-03-20T11:00:00+08:00');
    expect(w.received.some((t) => t.includes('足跟血筛查（在脚后跟'))).toBe(false);
    expect(
      await bot.db().outboxMessage.count({ where: { contactId: await idOf(w), dedupeKey: { startsWith: 'newborn:' }, status: { not: 'cancelled' } } }),
    ).toBe(0);
  });

  it('loss: exactly one kind reply; the pregnancy ends, its queued reminders are cancelled and her confirmed NT booking is released', async () => {
    const w = await consentedWoman(bot);
    // 11w4d: NIPT opens in 3 days, its alert is queued for 10:00; the NT window is open
    await registerByWeeks(w, '孕11周4天');
    // book NT: eligibility first (her registered pregnancy answers "pregnant?"; Henan 户籍), then her township, hospital, day, session
    await w.say('预约');
    const first = joined(await w.say('4'));
    expect(first).not.toContain('您现在怀孕了吗');
    expect(first).toContain('户口在河南吗');
    expect(joined(await w.say('1'))).toContain('您住在哪个乡镇');
    expect(joined(await w.say('花园'))).toContain('请选医院');
    expect(joined(await w.say('1'))).toContain('请选日子');
    await w.say('1');
    const booked = joined(await w.say('是'));
    expect(booked).toContain('约好了！');
    const id = await idOf(w);
    const booking = await bot.db().booking.findFirstOrThrow({ where: { contactId: id } });
    expect(booking).toMatchObject({ serviceId: 'nt', day: '2026-03-03', status: 'confirmed' });
    const seats = async () => (await bot.db().slotPool.findUniqueOrThrow({ where: { id: booking.poolId } })).booked;
    expect(await seats()).toBe(1);
    expect((await outboxOf(w)).filter((r) => r.status === 'queued').map((r) => r.key)).toEqual([
      'preg:2026-03-02:nipt.soon',
      `reminder:${booking.id}:2026-03-03:am`,
    ]);

    const before = w.received.length;
    expect(await w.say('流产了')).toEqual([LOSS_WITH_BOOKING]);
    expect(w.received.length).toBe(before + 1);

    const p = await pregnancyOf(w);
    expect(p).toMatchObject({ status: 'lost', activeKey: null, endedOn: '2026-03-02' });
    expect(await bot.db().booking.findUniqueOrThrow({ where: { id: booking.id } })).toMatchObject({ status: 'cancelled' });
    expect(await seats()).toBe(0);
    expect(await outboxOf(w, 'preg:')).toEqual([
      { key: 'preg:2026-03-02:nipt.soon', status: 'cancelled', lastError: 'pregnancy lost', notBefore: at('2026-03-02T10:00:00+08:00') },
    ]);
    expect(await bot.db().outboxMessage.count({ where: { contactId: id, status: 'queued' } })).toBe(0);
    expect((await factsOf(bot.db(), id)).dueDate).toBeUndefined();

    // nothing more reaches her: not the alert, not the appointment reminder, not the 20:00 planning
    const quiet = w.received.length;
    await bot.advanceClock('2026-03-04T12:00:00+08:00');
    expect(w.received.length).toBe(quiet);
  });

  it('流产了 in the middle of a question is heard as a loss, not read as "yes"', async () => {
    const w = await consentedWoman(bot);
    await registerByWeeks(w, '孕11周');
    await w.say('改预产期');
    expect(joined(await w.say('孕10周3天'))).toContain('对吗？');
    expect(await w.say('流产了')).toEqual([LOSS]);
    expect(await pregnancyOf(w)).toMatchObject({ status: 'lost', dueDate: '2026-09-21' });
    const conversation = await bot.db().conversation.findUniqueOrThrow({ where: { contactId: await idOf(w) } });
    expect(conversation.stepId).toBe('');
  });

  it('worry is not a loss: a short safe answer, and nothing ends', async () => {
    const w = await consentedWoman(bot);
    await registerByWeeks(w, '孕11周');
    for (const worry of ['怕流产怎么办', '先兆流产', '会不会流产啊', '担心胎停', '怎么防止流产', '保胎', '宝宝没了胎动怎么办', '胎停了吗']) {
      expect(await w.say(worry)).toEqual([WORRY]);
    }
    expect(await pregnancyOf(w)).toMatchObject({ status: 'active', dueDate: '2026-09-21' });
    expect(await outboxOf(w, 'preg:')).toEqual([
      { key: 'preg:2026-03-02:nt.open', status: 'queued', lastError: null, notBefore: at('2026-03-02T10:00:00+08:00') },
    ]);
  });

  it("做过了 stops that screening's alerts; with nothing to remind it says so", async () => {
    const w = await consentedWoman(bot);
    await registerByWeeks(w, '孕11周');
    expect(await w.say('NT做过了')).toEqual([
      [
        '哪一项做过了？回复数字：',
        '1. 第一次产检建档（现在可以做）',
        '2. NT超声检查（现在可以做）',
        '3. 自费的无创DNA产前检测（NIPT）（2026年3月9日起）',
        '4. 中孕期唐氏筛查（2026年3月30日起）',
        '5. 大排畸超声检查（2026年5月4日起）',
        '6. 自费的糖耐量检查（OGTT）（2026年6月1日起）',
      ].join('\n'),
    ]);
    expect(await w.say('NT')).toEqual(['记下了：NT超声检查做过了，这项不再提醒。']);
    const p = await pregnancyOf(w);
    expect(await bot.db().pregnancyScreening.findMany({ where: { pregnancyId: p.id }, select: { screeningId: true, status: true, day: true } })).toEqual([
      { screeningId: 'nt', status: 'done', day: '2026-03-02' },
    ]);
    expect(await outboxOf(w, 'preg:')).toEqual([
      { key: 'preg:2026-03-02:nt.open', status: 'cancelled', lastError: 'replanned', notBefore: at('2026-03-02T10:00:00+08:00') },
    ]);
    expect(joined(await w.say('我的信息'))).toContain('· 记为做过的孕期检查：NT超声检查');
    expect(joined(await w.say('已经做了'))).not.toContain('NT超声检查');

    const other = await consentedWoman(bot);
    expect(await other.say('做过了')).toEqual(['现在没有在提醒您的检查，不用记。还没登记孕期的话，回复“登记孕期”，到时候我提醒您。']);
  });
});
