// A voice message or a photo through the mock WeChat bot: the engine answers it (the bot reads only
// text; a result slip: results come from the hospital; the way to a person) and asks again the
// question she was on, her place and her answers kept. 项城市; today is Monday 2026-03-02, 09:00.
import { pino } from 'pino';
import { types } from 'wechaty';
import { afterEach, describe, expect, it } from 'vitest';
import { dbUnavailable } from '../support/testDb.js';
import { contactOf, factsOf, joined, startE2EBot, type E2EBot } from '../support/e2eBot.js';

const RESIDENCE = '您的户口在项城市吗？请选一个：';

describe.skipIf(dbUnavailable)('a voice message or a photo in WeChat', () => {
  let bot: E2EBot | undefined;
  afterEach(async () => {
    await bot?.stop();
    bot = undefined;
  });

  it('mid-interview: a kind answer with the way to a person, then the question she was on again; her answer after it goes on', async () => {
    const lines: string[] = [];
    bot = await startE2EBot({ logger: pino({ level: 'trace' }, { write: (l: string) => void lines.push(l) }) });
    const w = bot.woman();
    await w.say('你好');
    await w.say('同意');
    await w.say('1');
    expect(joined(await w.say('1980年5月6日'))).toContain(RESIDENCE);

    const voice = await w.sendNonText(types.Message.Audio);
    expect(voice).toHaveLength(1);
    expect(voice[0]).toContain('抱歉，我听不了语音，只能看懂文字。');
    expect(voice[0]).toContain('回复“人工”，或打电话 0394-4326120');
    expect(voice[0]).toContain(`\n${RESIDENCE}\n1. 我的户口在本地`);

    const photo = await w.sendNonText(types.Message.Image);
    expect(photo).toHaveLength(1);
    expect(photo[0]).toContain('抱歉，我看不了图片，只能看懂文字。');
    expect(photo[0]).toContain('结果以医院为准，医院录入结果后我会发消息告诉您');
    expect(photo[0]).toContain('请回复“人工”，或打电话 0394-4326120');
    expect(photo[0]).toContain(`\n${RESIDENCE}`);

    // her place is kept: the next answer answers the 户口 question
    expect(joined(await w.say('1'))).toContain('您家在农村，还是在城镇');
    const contact = (await contactOf(bot.db(), w))!;
    expect(await factsOf(bot.db(), contact.id)).toEqual({ birthDate: '1980-05-06', residence: 'hukou' });
    const conversation = await bot.db().conversation.findUnique({ where: { contactId: contact.id } });
    expect(conversation).toMatchObject({ flowId: 'eligibility', stepId: 'check', failures: 0 });
    // nothing of what she sent is logged, only that a voice message or a picture came
    expect(lines.some((l) => l.includes('"kind":"voice"'))).toBe(true);
    expect(lines.join('\n')).not.toContain('1980');
  });

  it('at rest: the answer alone, and no question; an emoticon still gets the text-only note without the engine', async () => {
    bot = await startE2EBot();
    const w = bot.woman();
    await w.say('你好');
    await w.say('同意');
    await w.say('7'); // 找工作人员: at rest after it
    const photo = await w.sendNonText(types.Message.Image);
    expect(photo).toHaveLength(1);
    expect(photo[0]).toContain('抱歉，我看不了图片');
    expect(photo[0]).not.toContain('请问您想做什么');
    const emoticon = await w.sendNonText(types.Message.Emoticon);
    expect(emoticon).toEqual(['我暂时只能看懂文字，请打字告诉我。']); // (the mock bot's textOnlyReply)
  });
});
