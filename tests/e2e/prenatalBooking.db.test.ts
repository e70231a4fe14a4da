// Prenatal services are booked only on days inside her screening window, from what she says about
// her pregnancy (weeks, due date or last period). Today is Monday 2026-03-02.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dbUnavailable } from '../support/testDb.js';
import { consentedWoman, contactOf, factsOf, joined, startE2EBot, type E2EBot } from '../support/e2eBot.js';

describe.skipIf(dbUnavailable)('prenatal booking', () => {
  let bot: E2EBot;
  beforeEach(async () => {
    bot = await startE2EBot();
  });
  afterEach(async () => bot.stop());

  /** Books a prenatal service: eligibility first (health consent, pregnant, Henan 户籍), then on to booking. */
  async function startPrenatal(service: string) {
    const w = await consentedWoman(bot);
    await w.say('预约');
    const first = joined(await w.say(service));
    expect(first).toContain('预约前，先帮您看看您能不能参加这个项目');
    expect(first).toContain('这些是敏感个人信息');
    expect(joined(await w.say('同意'))).toContain('您现在怀孕了吗');
    expect(joined(await w.say('是'))).toContain('户口在河南吗');
    const eligible = joined(await w.say('1'));
    expect(eligible).toContain('您可以参加河南省的免费孕期筛查');
    expect(eligible).toContain('您住在哪个乡镇');
    expect(joined(await w.say('花园'))).toContain('您怀孕多少周了');
    return w;
  }

  it('NT at 12 weeks: eligibility, then the dating once, then only days inside 11w0d–13w6d', async () => {
    const w = await startPrenatal('4');
    expect(joined(await w.say('孕12周'))).toContain('1. 项城市妇幼保健院');
    const days = joined(await w.say('1'));
    // due 2026-09-14: NT window 2026-02-23 … 2026-03-15; xc-mch does NT Monday–Saturday mornings
    expect(days).toContain('请选日子');
    expect(days).toContain('1. 2026年3月3日 周二（还剩15个）');
    expect(days).not.toContain('3月16日');
    const facts = await factsOf(bot.db(), (await contactOf(bot.db(), w))!.id);
    expect(facts).toMatchObject({ dueDate: '2026-09-14', township: 'xiangcheng-huayuan' });
    const sensitive = await bot.db().fact.findUniqueOrThrow({ where: { contactId_key: { contactId: (await contactOf(bot.db(), w))!.id, key: 'dueDate' } } });
    expect(sensitive.sensitive).toBe(true);
  });

  it('too early for the anomaly scan: says from when, nothing is booked', async () => {
    const w = await startPrenatal('7'); // 大排畸 20w0d–24w6d
    const note = joined(await w.say('预产期2026年9月14日'));
    expect(note).toContain('大排畸超声检查要在怀孕20周到24周6天之间做，按您的预产期是2026年4月27日到2026年5月31日');
    expect(note).toContain('现在还早');
    expect(await bot.db().booking.count()).toBe(0);
  });
});
