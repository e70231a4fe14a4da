// What a message asks for when she writes it in her own words, not the bot's command words (her
// message as the engine reads it: Simplified, spoken forms read: 俺 → 我, 啥 → 什么, 冇得 → 没有).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFlows } from '../../src/flows/loadFlows.js';
import { ALL_ACTIONS, ALL_CHOICE_SOURCES } from '../../src/flows/registry.js';
import { matchCommand, matchTrigger } from '../../src/flows/matchWords.js';
import { findWord, maskWords, matchClasses } from '../../src/flows/looseWords.js';

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
  ])('"%s" → %s', (text, flowId) => {
    expect(matchCommand(text, set.commands)).toBe(flowId);
  });

  it.each(['菜单里有什么筛查', '首页是什么', '我回来了'])('"%s" is not a command', (text) => {
    expect(matchCommand(text, set.commands)).toBeUndefined();
  });
});
