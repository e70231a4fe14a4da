// The booking conversation's fixes of issue 11 (point 3), end to end on the mock WeChat bot: a prenatal
// window checked before where she lives; a closed NT window pointing to the free fallback scan (booked
// here, or the hospital to call); a booking by weeks offering to register the pregnancy; 删除我的信息
// listing her bookings before she confirms; a full hospital offering the other hospitals. 项城市;
// today is Monday 2026-03-02, 09:00.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dbUnavailable } from '../support/testDb.js';
import { consentedWoman, contactOf, eligibleWoman, factsOf, joined, startE2EBot, type E2EBot } from '../support/e2eBot.js';
import type { MockWoman } from '../support/wechatHarness.js';

const TOKEN = 'e2e-booking-flow-admin-token';
const MENU = { nt: '4', anomaly: '7' };

/** A consented woman asking to book a prenatal line of the menu, through the eligibility questions. */
async function prenatalBooking(bot: E2EBot, line: string): Promise<{ w: MockWoman; afterCheck: string }> {
  const w = await consentedWoman(bot);
  expect(joined(await w.say('预约'))).toContain('您要预约哪一项');
  expect(joined(await w.say(line))).toContain('预约前，先帮您看看您能不能参加这个项目');
  expect(joined(await w.say('同意'))).toContain('您现在怀孕了吗');
  expect(joined(await w.say('是'))).toContain('户口在河南吗');
  return { w, afterCheck: joined(await w.say('1')) };
}

async function staff(bot: E2EBot, method: string, url: string, body: unknown): Promise<Response> {
  return fetch(`http://127.0.0.1:${bot.current().port}${url}`, {
    method,
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

async function bookingsOf(bot: E2EBot, w: MockWoman) {
  const contact = (await contactOf(bot.db(), w))!;
  return bot.db().booking.findMany({ where: { contactId: contact.id }, orderBy: { serviceId: 'asc' } });
}

/** The shipped profiles with 项城市 changed by `edit` (PROFILES_DIR of an app of its own). */
function profilesWith(edit: (countyYaml: string) => string): string {
  const root = path.resolve('profiles');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'profiles-'));
  // (every data file the county file may name: the result mappings, the calendar, the upload words)
  cpSync(root, dir, { recursive: true });
  writeFileSync(path.join(dir, 'counties', 'xiangcheng.yaml'), edit(readFileSync(path.join(root, 'counties', 'xiangcheng.yaml'), 'utf8')));
  return dir;
}

describe.skipIf(dbUnavailable)('booking in WeChat (issue 11)', () => {
  let bot: E2EBot | undefined;
  afterEach(async () => {
    await bot?.stop();
    bot = undefined;
  });

  it('a prenatal booking asks her weeks before where she lives, and only then her township', async () => {
    bot = await startE2EBot();
    const { w, afterCheck } = await prenatalBooking(bot, MENU.nt);
    expect(afterCheck).toContain('您可以参加河南省的免费孕期筛查');
    expect(afterCheck).toContain('您怀孕多少周了');
    expect(afterCheck).not.toContain('乡镇');
    expect(joined(await w.say('孕12周'))).toContain('您住在哪个乡镇');
    const hospitals = joined(await w.say('花园'));
    expect(hospitals).toContain('1. 项城市妇幼保健院');
    const contact = (await contactOf(bot.db(), w))!;
    expect(await factsOf(bot.db(), contact.id)).toMatchObject({ dueDate: '2026-09-14', township: 'xiangcheng-huayuan' });
  });

  it('too early for the anomaly scan is said before any question of where she lives, and nothing is booked', async () => {
    bot = await startE2EBot();
    const { w } = await prenatalBooking(bot, MENU.anomaly);
    const told = joined(await w.say('预产期2026年9月14日'));
    expect(told).toContain('大排畸超声检查要在怀孕20周到24周6天之间做，按您的预产期是2026年4月27日到2026年5月31日');
    expect(told).toContain('现在还早');
    expect(told).not.toContain('乡镇');
    const contact = (await contactOf(bot.db(), w))!;
    expect(Object.keys(await factsOf(bot.db(), contact.id))).not.toContain('township');
    expect(await bookingsOf(bot, w)).toEqual([]);
  });

  it('NT window closed: told of the free fallback scan with its days, and 是 books it', async () => {
    bot = await startE2EBot();
    const { w } = await prenatalBooking(bot, MENU.nt);
    // 16 weeks today: due 2026-08-17; NT was 2026-01-26 … 2026-02-15, the fallback scan 2026-03-02 … 2026-03-29
    const told = joined(await w.say('孕16周'));
    expect(told).toContain('NT超声检查要在怀孕11周到13周6天之间做，按您的预产期，2026年2月15日已经过了。');
    expect(told).toContain('错过了也没关系，还有免费的补做超声检查：要在怀孕16周到19周6天之间做，按您的预产期是2026年3月2日到2026年3月29日。');
    expect(told).toContain('要现在约吗');
    expect(told).not.toContain('问问产检医生');
    expect(joined(await w.say('是'))).toContain('您住在哪个乡镇');
    // only 项城市妇幼保健院 does it (taken without asking), Monday, Wednesday and Friday afternoons
    const days = joined(await w.say('花园'));
    expect(days).toContain('1. 2026年3月4日 周三（还剩5个）');
    expect(joined(await w.say('1'))).toContain('补做超声检查');
    expect(joined(await w.say('是'))).toContain('约好了');
    const booked = await bookingsOf(bot, w);
    expect(booked.map((b) => [b.serviceId, b.hospitalId, b.day, b.session, b.status])).toEqual([['fallback-us', 'xc-mch', '2026-03-04', 'pm', 'confirmed']]);
  });

  it('NT window closed where the fallback scan is not booked in the chat: the hospital to call, nothing asked', async () => {
    const dir = profilesWith((y) => y.replace(/^ {6}- \{ service: fallback-us.*\n/m, ''));
    bot = await startE2EBot({ env: { PROFILES_DIR: dir } });
    const { w } = await prenatalBooking(bot, MENU.nt);
    const told = await w.say('孕16周');
    expect(joined(told)).toContain('错过了也没关系，还有免费的补做超声检查');
    expect(joined(told)).toContain('补做超声检查在微信上约不了，请打电话问项城市妇幼保健院：0394-4316120。');
    expect(joined(told)).not.toContain('要现在约吗');
    // at rest: her next 是 books nothing
    await w.say('是');
    expect(await bookingsOf(bot, w)).toEqual([]);
  });

  it('a booking by her weeks offers to register the pregnancy after it is confirmed; 是 registers it with that due date', async () => {
    bot = await startE2EBot();
    const { w } = await prenatalBooking(bot, MENU.nt);
    await w.say('孕12周');
    await w.say('花园');
    await w.say('1'); // 项城市妇幼保健院
    await w.say('1'); // 2026-03-03
    const done = await w.say('是');
    expect(joined(done)).toContain('约好了');
    expect(joined(done)).toContain('要不要顺便登记孕期？按您说的预产期2026年9月14日');
    const contact = (await contactOf(bot.db(), w))!;
    expect(await bot.db().pregnancy.count({ where: { contactId: contact.id } })).toBe(0);
    const registered = joined(await w.say('是'));
    expect(registered).toContain('登记好了！');
    expect(registered).toContain('预产期2026年9月14日');
    expect(registered).not.toContain('您怀孕多少周了');
    const pregnancies = await bot.db().pregnancy.findMany({ where: { contactId: contact.id } });
    expect(pregnancies.map((p) => [p.status, p.dueDate])).toEqual([['active', '2026-09-14']]);
    // the reminders of her pregnancy are planned
    expect(await bot.db().outboxMessage.count({ where: { contactId: contact.id, dedupeKey: { startsWith: 'preg:' } } })).toBeGreaterThan(0);
  });

  it('the registration offered after a booking by weeks: 不用 registers nothing', async () => {
    bot = await startE2EBot();
    const { w } = await prenatalBooking(bot, MENU.nt);
    for (const answer of ['孕12周', '花园', '1', '1']) await w.say(answer);
    expect(joined(await w.say('是'))).toContain('要不要顺便登记孕期');
    expect(joined(await w.say('不用'))).toContain('好的，不登记');
    const contact = (await contactOf(bot.db(), w))!;
    expect(await bot.db().pregnancy.count({ where: { contactId: contact.id } })).toBe(0);
    expect((await bookingsOf(bot, w)).map((b) => b.status)).toEqual(['confirmed']);
  });

  it('删除我的信息 lists her bookings and says they will be cancelled before she confirms; without any, the text as before', async () => {
    bot = await startE2EBot();
    const w = await eligibleWoman(bot);
    for (const answer of ['预约', '1', '丁集', '1', '2', '上午']) await w.say(answer); // Wed 3月4日 上午
    const code = joined(await w.say('是')).match(/预约号：([A-Z2-9]{6})/)![1];
    const asked = joined(await w.say('删除我的信息'));
    expect(asked).toBe(
      [
        '您还约着这些检查：',
        `· 宫颈癌筛查、乳腺癌筛查：2026年3月4日 周三 上午，项城市妇幼保健院（预约号 ${code}）`,
        '删除后这些预约都会取消，名额会让给别人。',
        '确定要删除我们保存的关于您的全部信息吗？删除后不能恢复，以后的提醒也会停止。确定请回复“是”，不删请回复“否”。',
      ].join('\n'),
    );
    expect(joined(await w.say('否'))).toContain('没有删除');
    expect((await bookingsOf(bot, w)).map((b) => b.status)).toEqual(['confirmed', 'confirmed']);
    const other = await consentedWoman(bot);
    expect(joined(await other.say('删除我的信息'))).toBe(
      '确定要删除我们保存的关于您的全部信息吗？删除后不能恢复，以后的提醒也会停止。确定请回复“是”，不删请回复“否”。',
    );
  });

  describe('every day full at her hospital', () => {
    /** 项城市妇幼保健院 gives 两癌 on Tuesday mornings only, and both Tuesdays of the horizon are closed. */
    async function fullMch(b: E2EBot): Promise<void> {
      for (const service of ['cervical', 'breast']) {
        const r = await staff(b, 'PUT', `/api/staff/hospitals/xc-mch/services/${service}/capacity`, { rules: [{ weekday: 2, session: 'am', capacity: 1 }] });
        expect(r.status).toBe(200);
      }
      for (const day of ['2026-03-03', '2026-03-10']) {
        expect((await staff(b, 'POST', '/api/staff/hospitals/xc-mch/closures', { day, session: 'all', reason: '设备检修' })).status).toBe(200);
      }
    }

    it('offers the other hospitals with their first free days; choosing one goes on to its days and books there', async () => {
      bot = await startE2EBot({ env: { ADMIN_TOKEN: TOKEN } });
      await fullMch(bot);
      const w = await eligibleWoman(bot);
      await w.say('预约');
      await w.say('1');
      expect(joined(await w.say('丁集'))).toContain('1. 项城市妇幼保健院');
      const offered = joined(await w.say('1'));
      expect(offered).toContain('最近14天项城市妇幼保健院的名额都约满了。要排队等号吗？');
      // 项城市第一人民医院 does 两癌 Tuesday, Thursday and Saturday mornings
      expect(offered).toContain('1. 项城市第一人民医院：2026年3月3日周二、2026年3月5日周四、2026年3月7日周六有空位');
      expect(offered).toContain('2. 排队等项城市妇幼保健院的号');
      expect(offered).toContain('3. 都不用了');
      const days = joined(await w.say('1'));
      expect(days).toContain('请选日子');
      expect(days).toContain('1. 2026年3月3日 周二（还剩30个）');
      expect(joined(await w.say('2'))).toContain('项城市第一人民医院');
      expect(joined(await w.say('是'))).toContain('约好了');
      const booked = await bookingsOf(bot, w);
      expect(booked.map((b) => [b.serviceId, b.hospitalId, b.day, b.session])).toEqual([
        ['breast', 'xc-first', '2026-03-05', 'am'],
        ['cervical', 'xc-first', '2026-03-05', 'am'],
      ]);
      const contact = (await contactOf(bot.db(), w))!;
      expect(await bot.db().waitlistEntry.count({ where: { contactId: contact.id } })).toBe(0);
    });

    it('the waitlist stays an option: 排队 puts her on the full hospital’s waitlist', async () => {
      bot = await startE2EBot({ env: { ADMIN_TOKEN: TOKEN } });
      await fullMch(bot);
      const w = await eligibleWoman(bot);
      for (const answer of ['预约', '1', '丁集']) await w.say(answer);
      expect(joined(await w.say('1'))).toContain('项城市第一人民医院');
      expect(joined(await w.say('排队'))).toContain('已经帮您排上队了');
      const contact = (await contactOf(bot.db(), w))!;
      const waiting = await bot.db().waitlistEntry.findMany({ where: { contactId: contact.id } });
      expect(waiting.map((e) => [e.hospitalId, e.serviceId, e.status]).sort()).toEqual([
        ['xc-mch', 'breast', 'waiting'],
        ['xc-mch', 'cervical', 'waiting'],
      ]);
      expect(await bookingsOf(bot, w)).toEqual([]);
    });
  });
});
