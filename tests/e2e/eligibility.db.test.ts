// "Can I get the free screening?" through the real WeChat bot, for the demo county 项城市 (Henan
// profile). Today is 2026-03-02 (Asia/Shanghai).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MockWoman } from '../support/wechatHarness.js';
import { dbUnavailable } from '../support/testDb.js';
import { idNumberCheckChar } from '../../src/domain/parse/parseIdNumber.js';
import { consentedWoman, contactOf, factsOf, joined, startE2EBot, type E2EBot } from '../support/e2eBot.js';

describe.skipIf(dbUnavailable)('eligibility', () => {
  let bot: E2EBot;
  beforeEach(async () => {
    bot = await startE2EBot();
  });
  afterEach(async () => bot.stop());

  const consented = () => consentedWoman(bot);

  /** Answers the two-cancer questions up to (not including) the health consent. */
  async function twoCancerBasics(w: MockWoman, birth = '1978年5月6日') {
    expect(joined(await w.say('1'))).toContain('出生日期');
    expect(joined(await w.say(birth))).toContain('户口在本地');
    expect(joined(await w.say('1'))).toContain('农村');
    expect(joined(await w.say('1'))).toContain('单位每年体检');
  }

  it('eligible for 两癌: asks each question once, then says yes with the next step', async () => {
    const w = await consented();
    await twoCancerBasics(w);
    expect(joined(await w.say('不会'))).toContain('敏感个人信息');
    expect(joined(await w.say('同意'))).toContain('您现在怀孕了吗');
    expect(joined(await w.say('没有'))).toContain('以前做过两癌筛查');
    expect(joined(await w.say('没做过'))).toContain('切除子宫');
    expect(joined(await w.say('没有'))).toContain('性生活');
    expect(joined(await w.say('有'))).toContain('乳腺癌');
    const answer = joined(await w.say('没有'));
    expect(answer).toContain('好消息！您可以参加两癌免费筛查');
    expect(answer).toContain('宫颈癌筛查');
    expect(answer).toContain('乳腺癌筛查');
    expect(answer).toContain('带上身份证');

    const contact = (await contactOf(bot.db(), w))!;
    expect(contact.healthConsentAt).not.toBeNull();
    expect(await factsOf(bot.db(), contact.id)).toEqual({
      birthDate: '1978-05-06',
      residence: 'hukou',
      group: 'rural',
      employerCheckup: false,
      pregnant: false,
      lastScreening: null,
      hysterectomy: false,
      sexualHistory: true,
      breastCancer: false,
    });
    const sensitive = await bot.db().fact.findMany({ where: { contactId: contact.id, sensitive: true }, orderBy: { key: 'asc' } });
    expect(sensitive.map((f) => f.key)).toEqual(['breastCancer', 'hysterectomy', 'lastScreening', 'pregnant', 'sexualHistory']);
    const checks = await bot.db().eligibilityCheck.findMany({ where: { contactId: contact.id } });
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({ programme: 'twoCancer', eligible: true, reasonCode: null });
  });

  it('too young: says the exact day she turns 35, without asking anything else', async () => {
    const w = await consented();
    await w.say('两癌筛查');
    const answer = joined(await w.say('1991年7月20日'));
    expect(answer).toContain('您现在34岁，还不到年龄');
    expect(answer).toContain('您在2026年7月20日满35岁');
    expect(answer).toContain('您还可以');
    const contact = (await contactOf(bot.db(), w))!;
    expect(Object.keys(await factsOf(bot.db(), contact.id))).toEqual(['birthDate']);
    const check = await bot.db().eligibilityCheck.findFirstOrThrow({ where: { contactId: contact.id } });
    expect(check).toMatchObject({ eligible: false, reasonCode: 'age_below', nextEligibleOn: '2026-07-20' });
  });

  it('past the age: says so and what she can do instead', async () => {
    const w = await consented();
    await w.say('我能免费做宫颈癌筛查吗');
    const answer = joined(await w.say('41162719600101002' + idNumberCheckChar('41162719600101002')));
    expect(answer).toContain('您现在66岁，不在这次免费的范围里');
    expect(answer).toContain('在医院自己花钱检查');
    const check = await bot.db().eligibilityCheck.findFirstOrThrow({});
    expect(check).toMatchObject({ eligible: false, reasonCode: 'age_above', nextEligibleOn: null });
  });

  it('residence rule not met (Henan: local 户籍 only)', async () => {
    const w = await consented();
    await w.say('1');
    await w.say('1980-01-02');
    const answer = joined(await w.say('5'));
    expect(answer).toContain('河南省的两癌免费筛查是给户口在本地的妇女的');
    expect((await bot.db().eligibilityCheck.findFirstOrThrow({})).reasonCode).toBe('residence');
  });

  it('screened within the 5-year cycle: says when she is next eligible', async () => {
    const w = await consented();
    await twoCancerBasics(w);
    await w.say('不会');
    await w.say('同意');
    await w.say('没有');
    const answer = joined(await w.say('2023年5月'));
    const check = await bot.db().eligibilityCheck.findFirstOrThrow({});
    expect(check.reasonCode).toBe('interval');
    expect(check.nextEligibleOn).toMatch(/^2028-0[56]-01$/);
    const [y, m] = check.nextEligibleOn!.split('-').map(Number);
    expect(answer).toContain(`您下次可以参加的日子是${y}年${m}月1日`);
  });

  it('pregnant now: no 两癌 screening now, and says why', async () => {
    const w = await consented();
    await twoCancerBasics(w);
    await w.say('不会');
    await w.say('同意');
    const answer = joined(await w.say('是的'));
    expect(answer).toContain('您现在怀着孩子');
    expect((await bot.db().eligibilityCheck.findFirstOrThrow({})).reasonCode).toBe('pregnant');
  });

  it('an exclusion from the profile: covered by an employer check-up', async () => {
    const w = await consented();
    await twoCancerBasics(w);
    const answer = joined(await w.say('会'));
    expect(answer).toContain('单位的体检已经查宫颈和乳腺');
    expect((await bot.db().eligibilityCheck.findFirstOrThrow({})).reasonCode).toBe('exclusion:employerCheckup');
  });

  it('prenatal: eligible when pregnant with a Henan 户籍 husband', async () => {
    const w = await consented();
    await w.say('怀孕了能免费做产前筛查吗');
    await w.say('同意'); // health consent
    expect(joined(await w.say('是'))).toContain('户口在河南吗');
    const answer = joined(await w.say('2'));
    expect(answer).toContain('您可以参加河南省的免费孕期筛查');
    expect(answer).toContain('NT超声检查');
    expect((await bot.db().eligibilityCheck.findFirstOrThrow({})).programme).toBe('prenatal');
  });

  it('prenatal: not pregnant gets the pre-pregnancy check as an alternative', async () => {
    const w = await consented();
    await w.say('2');
    await w.say('同意');
    const answer = joined(await w.say('没有'));
    expect(answer).toContain('孕前优生检查');
    expect((await bot.db().eligibilityCheck.findFirstOrThrow({})).reasonCode).toBe('notPregnant');
  });

  it('reuses what she already said when she asks again', async () => {
    const w = await consented();
    await w.say('1');
    await w.say('1991年7月20日');
    const again = joined(await w.say('两癌'));
    expect(again).toContain('您在2026年7月20日满35岁');
  });
});
