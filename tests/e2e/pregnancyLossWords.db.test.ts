// How a loss is heard, phrase by phrase, through the real WeChat bot: a loss now ends the pregnancy
// at once (flows/pregnancy_loss.yaml); a loss with a question is asked about first and only 是 ends it
// (pregnancy_loss_confirm.yaml); a loss before this pregnancy, or worry, ends nothing. Each phrase is
// written by a new woman registered at 孕11周 (due 2026-09-21), on one bot. 项城市; today is Monday
// 2026-03-02, 09:00.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbUnavailable } from '../support/testDb.js';
import type { MockWoman } from '../support/wechatHarness.js';
import { consentedWoman, contactOf, joined, startE2EBot, type E2EBot } from '../support/e2eBot.js';

const TWINS_QUESTION = '怀的是一个宝宝，还是双胞胎？回复数字：\n1. 一个\n2. 双胞胎（或更多）\n3. 还不知道';
const BIRTH_DATE_QUESTION = '有的检查要看到预产期时您多大。请告诉我您的出生日期（阳历），也可以直接发身份证号。';
const LOSS = '很难过听到这个消息。请您好好休息，多保重身体。孕期的提醒都停了，不会再发。出血多、发烧或者肚子一直疼，请马上去医院；想找人说说，回复“人工”。';
const LOSS_NONE = '很难过听到这个消息。请您好好休息，多保重身体。出血多、发烧或者肚子一直疼，请马上去医院；需要帮助，请回复“人工”，或打电话 0394-4326120。';
const WORRY =
  '别太着急。如果出血、肚子疼得厉害、流水，或者胎动明显少了，请马上去医院（急的话打120），不要等。想找人问问，请回复“人工”，或打电话 0394-4326120。';
const REGISTERED = '您已经登记过了：今天怀孕11周，预产期2026年9月21日。\n医生说的预产期不一样的话，可以改。要改请回复“是”，不用改请回复“否”。';
const NOT_UNDERSTOOD = '抱歉，我没太明白您的意思。';
const MENU =
  '请问您想做什么？回复数字就行：\n1. 我能免费做两癌筛查吗（宫颈癌、乳腺癌）\n2. 我怀孕了，能免费做产前筛查吗\n3. 登记孕期，到时候提醒我做检查\n4. 预约免费筛查\n5. 我的预约（改约、取消）\n6. 查看我的信息\n7. 找工作人员';
const HUKOU_QUESTION = '您或您丈夫的户口在河南吗？请选一个：\n1. 我的户口在河南\n2. 我不是，丈夫的户口在河南\n3. 都不是，但我在河南住了半年以上\n4. 都不是';
const CONFIRM = '很难过听到这个消息。您是说这次怀孕没有保住吗？是的话回复“是”，我就把孕期的提醒都停了；不是的话回复“不是”。';
const CONFIRM_NONE = '很难过听到这个消息。您是说这次怀孕没有保住吗？是的话回复“是”，不是的话回复“不是”。';
const CONFIRM_BABY = '很难过听到这个消息。您是说宝宝没有了吗？是的话回复“是”，我就把宝宝的提醒都停了；不是的话回复“不是”。';
const CONFIRMED =
  '好的，孕期的提醒都停了，不会再发。请您好好休息，多保重身体。想知道原因，请问给您看病的医生。出血多、发烧或者肚子一直疼，请马上去医院；想找人说说，回复“人工”。';
const CONFIRMED_BOOKINGS =
  '好的，孕期的提醒都停了，约好的孕期检查也帮您取消了。请您好好休息，多保重身体。想知道原因，请问给您看病的医生。出血多、发烧或者肚子一直疼，请马上去医院；想找人说说，回复“人工”。';
const CONFIRMED_NONE =
  '好的。请您好好休息，多保重身体。想知道原因，请问给您看病的医生。出血多、发烧或者肚子一直疼，请马上去医院；需要帮助，请回复“人工”，或打电话 0394-4326120。';
const CONFIRMED_BABY = '好的，宝宝的提醒都停了，不会再发。请您多保重身体。需要帮助，请回复“人工”，或打电话 0394-4326120。';
const KEPT =
  '好的，是我理解错了，什么都没有停。胎停、流产的原因很多，要医生看了检查才知道，请问给您看病的医生。如果出血、肚子疼得厉害，请马上去医院（急的话打120），不要等。想找人问问，请回复“人工”。';

describe.skipIf(dbUnavailable)('loss words', () => {
  let bot: E2EBot;
  beforeAll(async () => {
    bot = await startE2EBot();
  });
  afterAll(async () => bot?.stop());

  const idOf = async (w: MockWoman) => (await contactOf(bot.db(), w))!.id;
  const statusOf = async (w: MockWoman) =>
    (await bot.db().pregnancy.findFirstOrThrow({ where: { contactId: await idOf(w) }, orderBy: { createdAt: 'desc' } })).status;
  const queued = async (w: MockWoman) => bot.db().outboxMessage.count({ where: { contactId: await idOf(w), status: 'queued' } });

  /** A new consented woman who registered 孕11周 by chat (single baby, born 1995-05-06). */
  async function pregnantWoman(weeks = '孕11周'): Promise<MockWoman> {
    const w = await consentedWoman(bot);
    await w.say('登记孕期');
    await w.say('同意');
    expect(await w.say(weeks)).toEqual([TWINS_QUESTION]);
    expect(await w.say('1')).toEqual([BIRTH_DATE_QUESTION]);
    expect(joined(await w.say('1995年5月6日'))).toContain('对吗？');
    expect(joined(await w.say('是'))).toContain('登记好了！');
    expect(await statusOf(w)).toBe('active');
    return w;
  }

  // [her message, the pregnancy afterwards, the exact reply]
  const cases: [string, 'active' | 'lost', string[]][] = [
    // a loss now, today missed or said in new words: ended at once, one kind message
    ['宝宝没有了', 'lost', [LOSS]],
    ['孩子没有了', 'lost', [LOSS]],
    ['昨天流产了', 'lost', [LOSS]],
    ['胎心没了', 'lost', [LOSS]],
    ['医生说没有胎心了', 'lost', [LOSS]],
    ['胎停育', 'lost', [LOSS]],
    ['清宫了', 'lost', [LOSS]],
    ['昨天做了清宫', 'lost', [LOSS]],
    ['药流了', 'lost', [LOSS]],
    ['做了人流', 'lost', [LOSS]],
    ['孩子打掉了', 'lost', [LOSS]],
    ['打掉了', 'lost', [LOSS]],
    ['孩子没留住', 'lost', [LOSS]],
    ['宝宝走了', 'lost', [LOSS]],
    ['上次流产了，这次又胎停了', 'lost', [LOSS]],
    // a loss before this pregnancy: nothing ends; she is pregnant now, so her registration is shown
    ['我去年流产了，现在又怀上了', 'active', [REGISTERED]],
    ['上次流产了，这次8周', 'active', [REGISTERED]],
    ['之前小产过一次，这次想早点做检查', 'active', [REGISTERED]],
    // the history alone says nothing of now: the bot does not guess
    ['以前胎停过两次', 'active', [NOT_UNDERSTOOD, MENU]],
    // a question about this pregnancy: answered (NT is free here for women of Henan)
    ['流产过一次还能做NT吗', 'active', [HUKOU_QUESTION]],
    // worry, not news
    ['去年胎停过，这次怕又胎停', 'active', [WORRY]],
    ['可能胎停了', 'active', [WORRY]],
    ['胎心没了吗', 'active', [WORRY]],
    // a plan is not a loss
    ['我要打掉了', 'active', [NOT_UNDERSTOOD, MENU]],
  ];

  it.each(cases)('"%s" → the pregnancy is %s', async (text, status, reply) => {
    const w = await pregnantWoman();
    expect(await w.say(text)).toEqual(reply);
    expect(await statusOf(w)).toBe(status);
    if (status === 'lost') expect(await queued(w)).toBe(0);
    else expect(await queued(w)).toBeGreaterThan(0);
  });

  it('a loss now said in the middle of a question is heard, not read as an answer', async () => {
    const w = await pregnantWoman();
    await w.say('改预产期');
    expect(joined(await w.say('孕10周3天'))).toContain('对吗？');
    expect(await w.say('孩子没有了')).toEqual([LOSS]);
    expect(await statusOf(w)).toBe('lost');
  });

  // a loss with a question: one gentle question; only 是 ends it
  const questions = ['胎停了，是什么原因', '孩子没保住，还会给我发提醒吗', '流产了怎么办'];

  it.each(questions)('"%s", then 是: the pregnancy ends, 很难过 said once', async (text) => {
    const w = await pregnantWoman();
    expect(await w.say(text)).toEqual([CONFIRM]);
    expect(await statusOf(w)).toBe('active');
    expect(await w.say('是')).toEqual([CONFIRMED]);
    expect(await statusOf(w)).toBe('lost');
    expect(await queued(w)).toBe(0);
  });

  it.each(questions)('"%s", then 不是: nothing ends, and the why goes to her doctor', async (text) => {
    const w = await pregnantWoman();
    expect(await w.say(text)).toEqual([CONFIRM]);
    expect(await w.say('不是')).toEqual([KEPT]);
    expect(await statusOf(w)).toBe('active');
    expect(await queued(w)).toBeGreaterThan(0);
  });

  it('an unclear answer to the question is asked again kindly; 是的 then ends it', async () => {
    const w = await pregnantWoman();
    expect(await w.say('胎停了是什么原因')).toEqual([CONFIRM]);
    expect(await w.say('是的，没保住')).toEqual(['对不起，我没看明白。这次怀孕没有保住的话，请回复“是”；不是的话，请回复“不是”。\n请这样回复，例如：是']);
    expect(await statusOf(w)).toBe('active');
    expect(await w.say('是的')).toEqual([CONFIRMED]);
    expect(await statusOf(w)).toBe('lost');
  });

  it('confirmed, her prenatal booking is released too', async () => {
    const w = await pregnantWoman('孕11周4天');
    await w.say('预约');
    for (const answer of ['4', '1', '花园', '1', '1']) await w.say(answer);
    expect(joined(await w.say('是'))).toContain('约好了！');
    const booking = await bot.db().booking.findFirstOrThrow({ where: { contactId: await idOf(w) } });
    expect(booking).toMatchObject({ serviceId: 'nt', status: 'confirmed' });

    expect(await w.say('孩子没保住，预约的检查还要去吗')).toEqual([CONFIRM]);
    expect(await w.say('是')).toEqual([CONFIRMED_BOOKINGS]);
    expect(await statusOf(w)).toBe('lost');
    expect(await bot.db().booking.findUniqueOrThrow({ where: { id: booking.id } })).toMatchObject({ status: 'cancelled' });
    expect(await queued(w)).toBe(0);
  });

  it('not registered: asked without the promise about reminders; 是 gets the kind words', async () => {
    const w = await consentedWoman(bot);
    expect(await w.say('胎停了，是什么原因')).toEqual([CONFIRM_NONE]);
    expect(await w.say('是')).toEqual([CONFIRMED_NONE]);
    expect(await bot.db().pregnancy.count({ where: { contactId: await idOf(w) } })).toBe(0);
  });

  it('after the birth: asked about the baby; 是 stops the baby reminders', async () => {
    const w = await pregnantWoman('孕38周');
    await w.say('宝宝出生了');
    await w.say('3天前');
    await w.say('同意');
    await w.say('不知道');
    await w.say('不知道');
    expect(await queued(w)).toBeGreaterThan(0);
    expect(await w.say('孩子没了，还会发提醒吗')).toEqual([CONFIRM_BABY]);
    expect(await w.say('是')).toEqual([CONFIRMED_BABY]);
    expect(await queued(w)).toBe(0);
    expect(await statusOf(w)).toBe('born');
  });

  it('before she agreed to the privacy notice: a loss said alone gets the kind words and nothing is kept', async () => {
    const w = bot.woman();
    expect(await w.say('孩子没有了')).toEqual([LOSS_NONE]);
    const contact = await contactOf(bot.db(), w);
    expect(contact).toMatchObject({ consent: 'none', consentAt: null });
    expect(await bot.db().fact.count({ where: { contactId: contact!.id } })).toBe(0);
    expect(await bot.db().pregnancy.count({ where: { contactId: contact!.id } })).toBe(0);
    // a loss with a question is a trigger, not a whole-message command: the privacy notice comes first
    expect(joined(await w.say('胎停了，是什么原因'))).toContain('【隐私说明】');
  });
});
