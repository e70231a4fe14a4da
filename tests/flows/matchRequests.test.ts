// What a message asks for when she writes it in her own words, not the bot's command words (her
// message as the engine reads it: Simplified, spoken forms read: 俺 → 我, 啥 → 什么, 冇得 → 没有).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFlows } from '../../src/flows/loadFlows.js';
import { ALL_ACTIONS, ALL_CHOICE_SOURCES } from '../../src/flows/registry.js';
import { matchCommand, matchTrigger } from '../../src/flows/matchWords.js';
import { findWord, maskWords, matchClasses } from '../../src/flows/looseWords.js';
import { otherRequest, planRequest } from '../../src/flows/alongside.js';

const set = loadFlows(path.resolve('flows'), ALL_ACTIONS, ALL_CHOICE_SOURCES);
const flowOf = (text: string) => matchTrigger(text, set.flows.values())?.flowId;

describe('looseWords', () => {
  it.each([
    ['帮我排个号', '排号'],
    ['挂了号', '挂号'],
    ['约个时间', '约时间'],
    ['取消了预约', '取消预约'],
    ['改一下时间', '改时间'],
    ['约nt', 'NT'],
  ])('"%s" holds %s', (text, word) => {
    expect(findWord(text.toLowerCase(), word).length).toBeGreaterThan(0);
  });

  it.each([
    ['排队号', '排号'],
    ['约了好几个人时间', '约时间'],
  ])('"%s" does not hold %s', (text, word) => {
    expect(findWord(text, word)).toEqual([]);
  });

  it('blots out places without moving the others', () => {
    const masked = maskWords('nt约好了无创也想约', ['约好']);
    expect(masked).toHaveLength('nt约好了无创也想约'.length);
    expect(findWord(masked, '约').map((h) => h.start)).toEqual([9]);
  });

  it('finds a word of each class, in order and near with `near`', () => {
    expect(matchClasses('排畸约一个', [['约'], ['排畸', 'nt']])?.map((h) => h.word)).toEqual(['约', '排畸']);
    expect(matchClasses('别老给我发消息了', [['别'], ['发消息']], 4)).toBeDefined();
    expect(matchClasses('发消息别', [['别'], ['发消息']], 4)).toBeUndefined();
    expect(matchClasses('别的事情我都知道了你们发消息', [['别'], ['发消息']], 4)).toBeUndefined();
  });
});

describe('matchTrigger: a request in her own words', () => {
  it.each([
    // booking, with what to book in any order and any booking word (henan, hunan, other services)
    ['帮我排个号 查两癌', 'booking'],
    ['我要约无创 这个星期五上午', 'booking'],
    ['NT还能约上不 预约一下', 'booking'],
    ['那再帮我约个NT 后天上午', 'booking'],
    ['排畸 约一个', 'booking'],
    ['好 给我约个NT', 'booking'],
    ['四维彩超能约吗', 'booking'],
    ['糖耐帮我约下', 'booking'],
    ['唐筛给我挂个号', 'booking'],
    ['宫颈的约个时间', 'booking'],
    ['乳腺也想查查 还能约不', 'booking'],
    ['NT约好了 无创也想做 能一块约上不', 'booking'],
    ['排畸约好哒 糖耐量也帮我约一个 要得不', 'booking'],
    // her bookings: when, or a look at them
    ['我那个检查是几号去来着 给忘了', 'my_bookings'],
    ['我约的唐筛是哪一天啊', 'my_bookings'],
    ['我约的么子时候咯 记不得哒', 'my_bookings'],
    ['查一下我约的号', 'my_bookings'],
    ['我预约的NT是几号', 'my_bookings'],
    ['看看我约的什么时候', 'my_bookings'],
    // cancelling (always confirmed first) and moving
    ['帮我把预约取消了', 'cancel_booking'],
    ['那天屋里有事 去不成哒 帮我退咯', 'cancel_booking'],
    ['家里有事 帮我取消', 'cancel_booking'],
    ['约的唐筛退掉吧', 'cancel_booking'],
    ['那个号给我退了', 'cancel_booking'],
    ['我约的NT 退了它', 'cancel_booking'],
    ['11号那天家里有事去不成了 能往后挪挪不', 'change_booking'],
    ['能改个时间不', 'change_booking'],
    ['我约的NT能改到周五吗', 'change_booking'],
    ['往后推一推 下个星期行不', 'change_booking'],
    // reminders off and on
    ['恁别老给我发消息了 烦', 'unsubscribe'],
    ['以后不用给我发提醒了', 'unsubscribe'],
    ['莫再发消息哒', 'unsubscribe'],
    ['不要再给我发短信了', 'unsubscribe'],
    ['我想了想 还是给我发提醒吧 怕忘了检查', 'subscribe'],
    ['继续发提醒吧', 'subscribe'],
    // a person, what is kept, a wrong answer
    ['有没有真人啊 我想问个事', 'human'],
    ['我要找个工作人员', 'human'],
    ['恁那边存了我什么东西 我想瞅瞅', 'my_data'],
    ['你们记了我哪些', 'my_data'],
    ['我那个生日弄错了 应该是87年不是78年', 'correct_answers'],
    ['户口那个我点错了', 'correct_answers'],
    ['户口我搞错哒 我户口就在湘源的', 'correct_answers'],
    ['低保那个我选错了', 'correct_answers'],
    // a pregnancy to register, in her words for it
    ['我有了 想登记一下 到时候好提醒我', 'pregnancy'],
    ['医生说怀的是双胞胎 九周了 帮我登记下 到时候好提醒', 'pregnancy'],
    ['怀了三个月了 想建档', 'pregnancy'],
    // registering without the word 怀孕: her weeks or dates before or after, or reminders asked for
    ['我想登记一下 八周零一天', 'pregnancy'],
    ['15周2天 来登记一下 是不是晚了', 'pregnancy'],
    ['九周零四天 想登记下', 'pregnancy'],
    ['帮我登记 末次月经是1月30号 B超讲是两个', 'pregnancy'],
    ['那帮我登记上 到时候提醒我', 'pregnancy'],
    ['十一周了 帮我建个档', 'pregnancy'],
    ['预产期是腊月初八 登记一下', 'pregnancy'],
    // her booking in more words: 约嘞, the weekday, where her sign-up got her (how to get ready: a side question)
    ['看看我约嘞什么时候', 'my_bookings'],
    ['我约的是周几', 'my_bookings'],
    ['我约的糖耐是星期几来着', 'my_bookings'],
    ['帮我查查排到哪天了', 'my_bookings'],
    // changing it is not a new booking; not wanting it any more gives it back
    ['明天那个预约改一下要得不 明天屋里要插秧', 'change_booking'],
    ['约的NT能换一下不', 'change_booking'],
    ['不想约了 取消吧', 'cancel_booking'],
    ['不想去了 帮我退了', 'cancel_booking'],
    // a test by its nickname with the day or session she wants: a booking
    ['22周了该做四维了吧 后天下午中不中', 'booking'],
    ['25周了 要做糖耐 周四得不得行', 'booking'],
    ['后天上午能去妇幼查两癌不 我是秣陵的 55了', 'booking'],
    ['唐筛下周三上午能做不', 'booking'],
    ['NT明天能做不', 'booking'],
    // (礼拜 as 星期: 下下礼拜一, 这个礼拜五)
    ['NT下下礼拜一能做不', 'booking'],
    ['两癌 这个礼拜五上午去得不', 'booking'],
    // when she will be reminded, what comes next in her plan (read as the engine reads them: 啥 → 什么)
    ['下回什么时候提醒我做检查啊', 'next_reminder'],
    ['什么时候再提醒我咯', 'next_reminder'],
    ['你们什么时候给我发提醒', 'next_reminder'],
    ['什么时候通知我去检查', 'next_reminder'],
    ['下一个检查是什么时候', 'next_reminder'],
    ['还有什么检查要做', 'next_reminder'],
    ['我还有哪些检查没做', 'next_reminder'],
    ['接下来要做什么检查', 'next_reminder'],
    ['什么时候该做唐筛了', 'next_reminder'],
    ['我几周做NT', 'next_reminder'],
    // replies to reminders: done elsewhere; later, not now
    ['做了 在长沙我姐那边做的', 'screening_done'],
    ['查了 在县医院查的', 'screening_done'],
    // done elsewhere with whether to book again (not a booking, not booked later), or with its result
    ['NT我上礼拜三在周口市中心医院自己花钱做过了 还用再约不', 'screening_done'],
    ['唐筛我上个礼拜六在长沙湘雅做了 低风险 不用再约了', 'screening_done'],
    ['NT做了 想约唐筛', 'booking'],
    ['这个周没有空 下个周再来约', 'book_later'],
    ['这几天忙着收麦 去不了 过些天再约', 'book_later'],
    ['过几天再预约吧', 'book_later'],
  ])('"%s" → %s', (text, flowId) => {
    expect(flowOf(text)).toBe(flowId);
  });

  it.each([
    // a no, news of a booking made, or another flow's words
    ['不想约', undefined],
    // no booking request: the answer to a seat held for her, if one is (offer_reply: the menu otherwise)
    ['先不约了', 'offer_reply'],
    ['不约了 我怕疼', 'offer_reply'],
    ['我约好了 谢谢', 'thanks'],
    ['我大约20周 想问唐筛', 'eligibility'],
    ['宫颈癌那个检查', 'eligibility'],
    ['宫颈癌那个检查什么时候能做', 'eligibility'],
    // asking for reminders is not stopping them
    ['不要忘了提醒我', undefined],
    ['要不要给我发提醒', undefined],
    ['不要发烧了', undefined],
    ['给我发的提醒没收到', undefined],
    ['我做了人工流产', undefined],
    ['工作人员说我能免费', 'eligibility'],
    ['孕周改成12周', undefined],
    ['预产期错了', 'pregnancy_redate'],
    ['是不是我填错了', undefined],
    ['没怀 能登记吗', undefined],
    ['我存的钱', undefined],
    // news of a test booked or done, a question about it, another kind of register: no booking, no registration
    ['我约的NT是明天吗', 'eligibility'],
    ['唐筛结果明天出来吗', 'eligibility'],
    ['明天做NT要空腹吗', 'eligibility'],
    ['我周三做的NT', 'eligibility'],
    ['孩子出生了 想登记户口', 'birth'],
    // Henan 哩 after the verb (生哩: 生了), with the day
    ['孩子前天夜里生哩 是个妮儿', 'birth'],
    ['什么时候再约', undefined],
    // a seat held for her given up is not a cancellation (offer_reply)
    ['明个我走亲戚没空 不要了', 'offer_reply'],
  ])('"%s" → %s', (text, flowId) => {
    expect(flowOf(text)).toBe(flowId);
  });

  it('hands the booking questions only the request, not the news beside it', () => {
    expect(matchTrigger('NT约好了 无创也想做 能一块约上不', set.flows.values())).toMatchObject({ answers: true, text: '无创也想做 能一块约上不' });
    expect(matchTrigger('排畸约好哒，糖耐量也帮我约一个', set.flows.values())).toMatchObject({ text: '糖耐量也帮我约一个' });
    expect(matchTrigger('上回光约了查宫颈 乳腺也想查查 还能约不', set.flows.values())?.text).toBe('乳腺也想查查 还能约不');
    // nothing left out: her whole message
    expect(matchTrigger('那再帮我约个NT 后天上午', set.flows.values())).toMatchObject({ flowId: 'booking', answers: true });
    expect(matchTrigger('那再帮我约个NT 后天上午', set.flows.values())?.text).toBeUndefined();
  });
});

describe('matchCommand: a command in her own words', () => {
  it.each([
    ['先不约了 返回主页面吧', 'menu'],
    ['回到首页', 'menu'],
    ['我想回菜单', 'menu'],
    // with when (今天, 那, 现在) around it
    ['算了 今天不搞了', 'cancel'],
    ['现在不问了', 'cancel'],
    ['算了 不搞了 我回去问下屋里人再说', 'cancel'],
    ['先不弄了 回去商量商量', 'cancel'],
  ])('"%s" → %s', (text, flowId) => {
    expect(matchCommand(text, set.commands)).toBe(flowId);
  });

  it.each([
    // what is kept about her, at any step
    ['等会儿 我先看看我的信息 恁记的生日对不对', 'my_data'],
    ['你们到底存了我什么信息 我先看下', 'my_data'],
    ['先查一下我的资料', 'my_data'],
    // deleting it (the flow always asks first)
    ['把我的信息都删了吧 不弄了', 'delete_data'],
    ['把我的资料删咯', 'delete_data'],
    ['删了我的信息吧', 'delete_data'],
    ['莫发消息了 把我的信息也删咯', 'delete_data'],
    // a person
    ['我要找你们工作人员讲下话 有个事问', 'human'],
    ['找个人工 我婆婆六十三了想问问能不能查', 'human'],
    ['能给个人工电话不', 'human'],
  ])('"%s" → %s (in her own words)', (text, flowId) => {
    expect(matchCommand(text, set.commands)).toBe(flowId);
  });

  it.each([
    '菜单里有什么筛查',
    '首页是什么',
    '我回来了',
    '别删我的信息',
    '我的信息删了吗',
    '工作人员说我能免费',
    '我做过人工流产',
    '我的信息对着哩',
    '今天上午',
  ])('"%s" is not a command', (text) => {
    expect(matchCommand(text, set.commands)).toBeUndefined();
  });
});

describe('alongside: two requests in one message, and back to the question she was on', () => {
  it('finds the other request in another clause, and runs first the one that only answers', () => {
    expect(otherRequest('我约的唐筛是哪天 顺便给个人工电话', 'human', set)?.id).toBe('my_bookings');
    expect(planRequest(set, 'human', '我约的唐筛是哪天 顺便给个人工电话')).toMatchObject({ start: 'human', frames: [{ flowId: 'my_bookings' }] });
    expect(planRequest(set, 'delete_data', '莫发消息了 把我的信息也删咯')).toMatchObject({ start: 'unsubscribe', frames: [{ flowId: 'delete_data' }] });
    expect(planRequest(set, 'cancel_booking', '不想约了 取消吧 以后也别发消息了')).toMatchObject({
      start: 'unsubscribe',
      frames: [{ flowId: 'cancel_booking' }],
    });
  });

  it('takes no other request whose own words rule it out in the whole message', () => {
    expect(otherRequest('这几天忙着收麦 去不了 过些天再约', 'book_later', set)).toBeUndefined();
    expect(otherRequest('帮我约个NT 后天上午', 'booking', set)).toBeUndefined();
  });

  it('keeps the question she is on under a flow that runs alongside', () => {
    const booking = set.flows.get('booking')!;
    const day = booking.steps.find((s) => s.id === 'day')!;
    expect(planRequest(set, 'my_data', '我先看看我的信息', { flow: booking, step: day })).toEqual({
      resume: true,
      frames: [{ flowId: 'booking', target: 'day' }],
      start: 'my_data',
    });
    // a flow that does not run alongside starts afresh
    expect(planRequest(set, 'booking', '预约', { flow: booking, step: day }).resume).toBe(false);
  });
});
