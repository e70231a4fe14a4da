import { afterEach, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { types } from 'wechaty';
import { PuppetMock, mock } from 'wechaty-puppet-mock';
import type { InboundHandler, InboundMessage } from '../../../src/channels/channel.js';
import { ALIAS_CODE_PATTERN } from '../../../src/channels/wechat/identity.js';
import { WechatChannel } from '../../../src/channels/wechat/WechatChannel.js';
import { createWechatHarness, type MockWoman, type WechatHarness, type WechatHarnessOptions } from '../../support/wechatHarness.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const GROUP_REPLY = '请加我为好友，私聊我办理筛查预约。';
const TEXT_ONLY = '我暂时只能看懂文字，请打字告诉我。';

/** Echoes each message as two replies after a delay (per text, default 5 ms) and records concurrency. */
function echoHandler(delays: Record<string, number> = {}) {
  const activePerSender = new Map<string, number>();
  const stats = { maxConcurrent: 0, maxPerSender: 0, current: 0, calls: [] as InboundMessage[] };
  const handler: InboundHandler = async (message) => {
    stats.calls.push(message);
    stats.current += 1;
    stats.maxConcurrent = Math.max(stats.maxConcurrent, stats.current);
    const mine = (activePerSender.get(message.externalId) ?? 0) + 1;
    activePerSender.set(message.externalId, mine);
    stats.maxPerSender = Math.max(stats.maxPerSender, mine);
    await sleep(delays[message.text] ?? 5);
    activePerSender.set(message.externalId, mine - 1);
    stats.current -= 1;
    return [`收到：${message.text}`, `再见：${message.text}`];
  };
  return { handler, stats };
}

let harness: WechatHarness | undefined;

async function setup(handler: InboundHandler, opts?: WechatHarnessOptions): Promise<WechatHarness> {
  harness = await createWechatHarness(handler, { groupMentionReply: GROUP_REPLY, textOnlyReply: TEXT_ONLY, ...opts });
  return harness;
}

afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

describe('WechatChannel on the mock puppet', () => {
  it('comes online with the bot account name and answers a private message in order', async () => {
    const { handler, stats } = echoHandler();
    const h = await setup(handler, { botName: '县妇幼筛查助手' });
    expect(h.channel.status()).toMatchObject({ name: 'wechat', state: 'online' });
    expect(h.channel.status().detail).toContain('县妇幼筛查助手');

    const anna = h.newWoman('Anna');
    expect(await anna.say('我想预约')).toEqual(['收到：我想预约', '再见：我想预约']);
    expect(stats.calls).toEqual([{ channel: 'wechat', externalId: anna.id, text: '我想预约' }]);
    expect(anna.externalId).toBe(anna.id);
  });

  it('keeps two women apart while handling them concurrently', async () => {
    const { handler, stats } = echoHandler({ A1: 60, B1: 60, A2: 5, B2: 30 });
    const h = await setup(handler);
    const anna = h.newWoman('Anna');
    const bella = h.newWoman('Bella');

    anna.post('A1');
    bella.post('B1');
    anna.post('A2');
    bella.post('B2');
    await h.idle();

    expect(anna.received).toEqual(['收到：A1', '再见：A1', '收到：A2', '再见：A2']);
    expect(bella.received).toEqual(['收到：B1', '再见：B1', '收到：B2', '再见：B2']);
    expect(stats.maxConcurrent).toBe(2);
    expect(stats.maxPerSender).toBe(1);
  });

  it("handles one woman's fast messages strictly in order, the next only after the previous replies were sent", async () => {
    const receivedAtStart: number[] = [];
    const { handler: echo } = echoHandler({ 一: 80, 二: 40, 三: 0 });
    const seen: { anna?: MockWoman } = {};
    const h = await setup(async (message) => {
      receivedAtStart.push(seen.anna!.received.length);
      return echo(message);
    });
    const anna = h.newWoman('Anna');
    seen.anna = anna;

    anna.post('一');
    anna.post('二');
    anna.post('三');
    await h.idle();

    expect(anna.received).toEqual(['收到：一', '再见：一', '收到：二', '再见：二', '收到：三', '再见：三']);
    expect(receivedAtStart).toEqual([0, 2, 4]);
  });

  it('ignores group messages unless @-mentioned, and then only invites her to chat privately', async () => {
    const { handler, stats } = echoHandler();
    const h = await setup(handler);
    const anna = h.newWoman('Anna');
    const bella = h.newWoman('Bella');
    const group = h.newGroup([anna, bella]);

    expect(await anna.sayInGroup(group, '大家好，我想问筛查')).toEqual([]);
    expect(await anna.sayInGroup(group, '我的结果出来了吗', { mentionBot: true })).toEqual([GROUP_REPLY]);
    expect(await bella.sayInGroup(group, '我也想预约', { mentionBot: true })).toEqual([GROUP_REPLY]);

    expect(stats.calls).toEqual([]); // no personal conversation is run from a group
    expect(anna.received).toEqual([]);
    expect(bella.received).toEqual([]);
    expect(group.received).toEqual([GROUP_REPLY, GROUP_REPLY]);
  });

  it('accepts a friend request and greets her as if she had written 你好', async () => {
    const { handler, stats } = echoHandler();
    const h = await setup(handler);
    const anna = h.newWoman('Anna');

    expect(await anna.requestFriendship('我是张村的')).toEqual(['收到：你好', '再见：你好']);
    expect(h.acceptedFriendships).toHaveLength(1);
    expect(stats.calls).toEqual([{ channel: 'wechat', externalId: anna.id, text: '你好' }]);
  });

  it('passes a picture or a voice message to the handler as its kind, asks her to type words for a sticker, and ignores system notices', async () => {
    const { handler, stats } = echoHandler();
    const h = await setup(handler);
    const anna = h.newWoman('Anna');

    expect(await anna.sendNonText(types.Message.Image)).toEqual(['收到：', '再见：']);
    expect(await anna.sendNonText(types.Message.Audio)).toEqual(['收到：', '再见：']);
    expect(await anna.sendNonText(types.Message.Emoticon)).toEqual([TEXT_ONLY]);
    expect(await anna.sendNonText(types.Message.Unknown)).toEqual([]);
    expect(await anna.sendNonText(types.Message.Recalled)).toEqual([]);
    expect(stats.calls).toEqual([
      { channel: 'wechat', externalId: anna.id, text: '', kind: 'image' },
      { channel: 'wechat', externalId: anna.id, text: '', kind: 'voice' },
    ]);
  });

  it('ignores official accounts', async () => {
    const { handler, stats } = echoHandler();
    const h = await setup(handler);
    const official = h.mocker.createContact({ name: '微信团队', type: types.Contact.Official });
    official.say('安全提示').to(h.botUser);
    await h.idle();
    expect(stats.calls).toEqual([]);
  });

  it('sends proactively by externalId and rejects clearly for an unknown one', async () => {
    const { handler } = echoHandler();
    const h = await setup(handler);
    const anna = h.newWoman('Anna');
    await anna.say('你好');

    await h.channel.send(anna.id, '明天上午 9 点请到县妇幼保健院');
    expect(anna.received.at(-1)).toBe('明天上午 9 点请到县妇幼保健院');
    await expect(h.channel.send('no-such-contact', '喂')).rejects.toThrow(/no contact/);
    await expect(h.channel.send('abc@chatroom', '喂')).rejects.toThrow(/group/);
  });

  it('survives a handler that throws: logs it, optionally apologises, and handles the next message', async () => {
    let calls = 0;
    const h = await setup(
      async ({ text }) => {
        calls += 1;
        if (calls === 1) throw new Error('engine exploded');
        return [`好的：${text}`];
      },
      { errorReply: '系统忙，请稍后再试。' },
    );
    const anna = h.newWoman('Anna');

    expect(await anna.say('第一条')).toEqual(['系统忙，请稍后再试。']);
    expect(await anna.say('第二条')).toEqual(['好的：第二条']);
    const errorLine = h.logs.find((line) => line.level === 50);
    expect(errorLine?.msg).toMatch(/handler failed/);
  });

  it('never logs message texts or contact names', async () => {
    const { handler } = echoHandler();
    const h = await setup(handler);
    const anna = h.newWoman('王秀英');
    await anna.say('我的身份证号是 110101199003071234');
    await anna.sendNonText(types.Message.Image);
    await anna.requestFriendship('我是王秀英');
    const all = JSON.stringify(h.logs);
    expect(all).not.toContain('王秀英');
    expect(all).not.toContain('110101199003071234');
    // ids appear only at debug level (20)
    for (const line of h.logs) {
      if (JSON.stringify(line).includes(anna.id)) expect(line.level).toBe(20);
    }
  });

  it('goes back to waiting on logout, shows the scan QR code, and comes online again at login', async () => {
    const { handler } = echoHandler();
    const h = await setup(handler);
    await h.puppet.logout('test');
    await waitFor(() => h.channel.status().state === 'waiting_for_scan');
    await expect(h.channel.send('anyone', 'x')).rejects.toThrow(/not logged in/);

    h.mocker.scan('https://login.weixin.qq.com/l/test-qr', types.ScanStatus.Waiting);
    await waitFor(() => h.channel.status().qrCode !== undefined);
    expect(h.channel.status()).toMatchObject({ state: 'waiting_for_scan', qrCode: 'https://login.weixin.qq.com/l/test-qr' });

    h.mocker.login(h.botUser);
    await waitFor(() => h.channel.status().state === 'online');
    expect(h.channel.status().qrCode).toBeUndefined();
    const anna = h.newWoman('Anna');
    expect(await anna.say('又上线了')).toHaveLength(2);
  });

  it('stops safely twice', async () => {
    const { handler } = echoHandler();
    const h = await setup(handler);
    await h.stop();
    await h.stop();
    expect(h.channel.status().state).toBe('off');
    await expect(h.channel.send('x', 'y')).rejects.toThrow(/not logged in/);
  });
});

describe('WechatChannel start timeout', () => {
  it('resolves start() after startTimeoutMs while still starting, and comes online later', async () => {
    class SlowPuppet extends PuppetMock {
      override async onStart(): Promise<void> {
        await sleep(400);
        return super.onStart();
      }
    }
    const mocker = new mock.Mocker();
    const botUser = mocker.createContact({ name: '慢慢' });
    mocker.use((m) => {
      m.login(botUser);
      return () => undefined;
    });
    const channel = new WechatChannel({
      puppet: new SlowPuppet({ mocker }),
      botName: 'slow',
      logger: pino({ level: 'silent' }),
      groupMentionReply: GROUP_REPLY,
      textOnlyReply: TEXT_ONLY,
      startTimeoutMs: 100,
      printQrInTerminal: false,
    });
    try {
      await channel.start(async () => []);
      // resolved before the puppet had even finished starting (it takes 400 ms)
      expect(channel.status()).toMatchObject({ state: 'starting', detail: expect.stringContaining('仍在尝试') });
      await waitFor(() => channel.status().state === 'online', 3_000);
    } finally {
      await channel.stop();
    }
  });
});

describe('WechatChannel alias strategy (wechat4u ids change at each login)', () => {
  it('gives her a stable SA code kept as her remark, and reaches her by it after her id changed', async () => {
    const { handler, stats } = echoHandler();
    const h = await setup(handler, { idStrategy: 'alias' });
    const anna = h.newWoman('Anna');

    await anna.say('第一次');
    const code = anna.externalId!;
    expect(code).toMatch(ALIAS_CODE_PATTERN);
    expect(h.mocker.contactPayload(anna.id).alias).toBe(code);
    await anna.say('第二次');
    expect(stats.calls.map((m) => m.externalId)).toEqual([code, code]);

    const annaAfterRelogin = await h.reappear(anna);
    expect(annaAfterRelogin.id).not.toBe(anna.id);
    await h.channel.send(code, '您的检查结果已出，请私聊查看');
    expect(annaAfterRelogin.received.at(-1)).toBe('您的检查结果已出，请私聊查看');
    expect(anna.received).not.toContain('您的检查结果已出，请私聊查看');

    await annaAfterRelogin.say('第三次');
    expect(stats.calls.at(-1)).toEqual({ channel: 'wechat', externalId: code, text: '第三次' });
  });

  it('keeps an existing SA code and gives different women different codes', async () => {
    const { handler, stats } = echoHandler();
    const h = await setup(handler, { idStrategy: 'alias' });
    const anna = h.newWoman('Anna', { alias: 'SA0000ABCD' });
    const bella = h.newWoman('Bella', { alias: '张三的妈妈' });
    await anna.say('你好');
    await bella.say('你好');
    expect(stats.calls[0]!.externalId).toBe('SA0000ABCD');
    expect(stats.calls[1]!.externalId).toMatch(ALIAS_CODE_PATTERN);
    expect(stats.calls[1]!.externalId).not.toBe('SA0000ABCD');
  });

  it('refuses to guess when two contacts carry the same code', async () => {
    const { handler } = echoHandler();
    const h = await setup(handler, { idStrategy: 'alias' });
    h.newWoman('Anna', { alias: 'SA11112222' });
    h.newWoman('Anna2', { alias: 'SA11112222' });
    await expect(h.channel.send('SA11112222', '结果')).rejects.toThrow(/2 contacts/);
  });

  it('falls back to the contact id (with a warning) when the remark cannot be saved', async () => {
    const { handler, stats } = echoHandler();
    const h = await setup(handler, { idStrategy: 'alias' });
    // The stock mock behaviour: setting a remark is silently ignored.
    h.puppet.contactAlias = (async () => undefined) as unknown as PuppetMock['contactAlias'];
    const anna = h.newWoman('Anna');
    await anna.say('你好');
    expect(stats.calls[0]!.externalId).toBe(anna.id);
    expect(h.logs.some((line) => line.level === 40 && /stable code/.test(String(line.msg)))).toBe(true);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setImmediate(resolve));
  }
}
