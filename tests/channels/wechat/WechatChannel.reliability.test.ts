// Reliability of the WeChat channel: every private text is answered even when identifying her fails, shutdown
// does not lose replies, and sends of the account are paced.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ContactImpl } from 'wechaty/impls';
import type { mock } from 'wechaty-puppet-mock';
import type { InboundHandler, InboundMessage } from '../../../src/channels/channel.js';
import { ALIAS_CODE_PATTERN, ContactIdentity } from '../../../src/channels/wechat/identity.js';
import { createWechatHarness, type WechatHarness, type WechatHarnessOptions } from '../../support/wechatHarness.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const ERROR_REPLY = '系统忙，请稍后再试。';

function recordingHandler(delayMs = 5) {
  const calls: InboundMessage[] = [];
  const handler: InboundHandler = async (message) => {
    calls.push(message);
    await sleep(delayMs);
    return [`收到：${message.text}`];
  };
  return { handler, calls };
}

let harness: WechatHarness | undefined;

async function setup(handler: InboundHandler, opts?: WechatHarnessOptions): Promise<WechatHarness> {
  harness = await createWechatHarness(handler, opts);
  return harness;
}

afterEach(async () => {
  vi.restoreAllMocks();
  await harness?.stop();
  harness = undefined;
});

/** Makes reading the remark of the contacts with these ids throw, as a broken protocol would. */
function failRemarkReadsOf(ids: Set<string>, message: string): void {
  const original = ContactImpl.prototype.alias;
  vi.spyOn(ContactImpl.prototype, 'alias').mockImplementation(function (this: ContactImpl, ...args: unknown[]) {
    if (ids.has(this.id)) return Promise.reject(new Error(message));
    return (original as (...a: unknown[]) => Promise<string | undefined | void>).apply(this, args);
  } as never);
}

function expectNoPersonalDataLogged(h: WechatHarness, contactId: string, secrets: string[]): void {
  const all = JSON.stringify(h.logs);
  for (const secret of secrets) expect(all).not.toContain(secret);
  for (const line of h.logs) {
    if (JSON.stringify(line).includes(contactId)) expect(line.level).toBe(20); // ids at debug level only
  }
}

describe('WechatChannel: a woman who cannot be identified is still answered', () => {
  it('answers with errorReply (handler not called) when reading her remark throws, and logs no personal data', async () => {
    const { handler, calls } = recordingHandler();
    const h = await setup(handler, { idStrategy: 'alias', errorReply: ERROR_REPLY });
    const anna = h.newWoman('王秀英');
    const failing = new Set([anna.id]);
    failRemarkReadsOf(failing, 'alias read failed for 王秀英');

    expect(await anna.say('我的身份证号是 110101199003071234')).toEqual([ERROR_REPLY]);
    expect(calls).toEqual([]); // never run under a substitute identity
    const errorLine = h.logs.find((line) => line.level === 50);
    expect(errorLine).toMatchObject({ msg: expect.stringMatching(/could not identify/), fallback: 'errorReply' });
    expectNoPersonalDataLogged(h, anna.id, ['王秀英', '110101199003071234']);

    // once the protocol works again, her next message is identified properly (nothing wrong was cached)
    failing.clear();
    expect(await anna.say('第二条')).toEqual(['收到：第二条']);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.externalId).toMatch(ALIAS_CODE_PATTERN);
  });

  it('without errorReply, still calls the handler with her own contact id, never mixing her up with another woman', async () => {
    const { handler, calls } = recordingHandler(20);
    const h = await setup(handler, { idStrategy: 'alias' });
    const anna = h.newWoman('Anna');
    const bella = h.newWoman('Bella');
    const original = ContactIdentity.prototype.externalIdFor;
    vi.spyOn(ContactIdentity.prototype, 'externalIdFor').mockImplementation(function (this: ContactIdentity, bot, contact) {
      if (contact.id === anna.id) return Promise.reject(new TypeError('remark write exploded'));
      return original.call(this, bot, contact);
    });

    // (words no random stable code or id can hold: 'A1' was once inside the code SA1YH5XWG9)
    anna.post('安娜说的话');
    bella.post('贝拉说的话');
    await h.idle();

    expect(anna.received).toEqual(['收到：安娜说的话']);
    expect(bella.received).toEqual(['收到：贝拉说的话']);
    const annaCall = calls.find((call) => call.text === '安娜说的话');
    const bellaCall = calls.find((call) => call.text === '贝拉说的话');
    expect(annaCall?.externalId).toBe(anna.id);
    expect(bellaCall?.externalId).toMatch(ALIAS_CODE_PATTERN);
    expect(h.logs.find((line) => line.level === 50)).toMatchObject({ fallback: 'contactId', errorName: 'TypeError' });
    expectNoPersonalDataLogged(h, anna.id, ['安娜说的话', '贝拉说的话', 'Anna']);
  });
});

describe('WechatChannel.stop(): no reply is lost at shutdown', () => {
  it('delivers the reply of a slow handler in flight before stop() resolves, and takes nothing new in', async () => {
    let started!: () => void;
    const handlerStarted = new Promise<void>((resolve) => (started = resolve));
    const calls: string[] = [];
    const h = await setup(async ({ text }) => {
      calls.push(text);
      started();
      await sleep(250);
      return [`慢回复：${text}`, '第二条回复'];
    });
    const anna = h.newWoman('Anna');

    anna.post('你好');
    await handlerStarted;
    const stopping = h.channel.stop();
    anna.post('停机后才发的'); // arrives after stop() was called: not taken in
    await stopping;

    expect(anna.received).toEqual(['慢回复：你好', '第二条回复']);
    expect(calls).toEqual(['你好']);
    expect(h.channel.status().state).toBe('off');
  });

  it('waits at most stopDrainTimeoutMs for a handler that hangs', async () => {
    let release!: () => void;
    const hung = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const handlerStarted = new Promise<void>((resolve) => (started = resolve));
    const h = await setup(
      async () => {
        started();
        await hung;
        return ['太晚了'];
      },
      { channelOptions: { stopDrainTimeoutMs: 150 } },
    );
    const anna = h.newWoman('Anna');
    try {
      anna.post('你好');
      await handlerStarted;
      const before = performance.now();
      await h.channel.stop();
      const took = performance.now() - before;
      expect(took).toBeGreaterThanOrEqual(140);
      expect(took).toBeLessThan(1_000);
      expect(h.channel.status().state).toBe('off');
      expect(h.logs.some((line) => line.level === 40 && /still being handled/.test(String(line.msg)))).toBe(true);
    } finally {
      release();
    }
  });
});

describe('WechatChannel minSendIntervalMs', () => {
  it('puts at least minSendIntervalMs (and at most 1.5 times it, plus scheduling slack) between two sends', async () => {
    const minSendIntervalMs = 80;
    const h = await setup(async () => ['一', '二', '三'], { channelOptions: { minSendIntervalMs } });
    const anna = h.newWoman('Anna');
    const sentAt: number[] = [];
    anna.contact.on('message', (message: mock.MessageMock) => {
      if (message.payload.talkerId === h.botUser.id) sentAt.push(performance.now());
    });

    expect(await anna.say('你好')).toEqual(['一', '二', '三']);
    expect(sentAt).toHaveLength(3);
    for (let i = 1; i < sentAt.length; i += 1) {
      const gap = sentAt[i]! - sentAt[i - 1]!;
      expect(gap).toBeGreaterThanOrEqual(minSendIntervalMs);
      expect(gap).toBeLessThan(minSendIntervalMs * 1.5 + 100);
    }
  });
});
