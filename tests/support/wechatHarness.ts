// End-to-end harness for the WeChat channel: a real Wechaty bot on wechaty-puppet-mock (offline), logged in as a
// mock bot account, with mock women who write to it and collect what it sends them.
//
//   const h = await createWechatHarness(handler);            // handler: (msg) => Promise<string[]>
//   const anna = h.newWoman('Anna');
//   expect(await anna.say('你好')).toEqual(['欢迎…']);        // the bot's replies to that message
//   await h.channel.send(anna.externalId!, '提醒');           // proactive; anna.received has everything
//   await h.stop();
//
// For a channel built elsewhere (e.g. createApp({ wechatPuppet })): `const world = createMockWechat()`, pass
// `world.puppet`, start the app, then `const women = mockWomen(world, app.wechat)`.
import { randomUUID } from 'node:crypto';
import { pino, type Logger } from 'pino';
import { types, type payloads } from 'wechaty';
import { PuppetMock, mock } from 'wechaty-puppet-mock';
import type { InboundHandler, InboundMessage } from '../../src/channels/channel.js';
import { WechatChannel } from '../../src/channels/wechat/WechatChannel.js';
import { isAliasCode } from '../../src/channels/wechat/identity.js';
import type { IdStrategy, WechatChannelOptions } from '../../src/channels/wechat/options.js';

type ContactMock = mock.ContactMock;
type RoomMock = mock.RoomMock;
type MessageMock = mock.MessageMock;

export interface MockWoman {
  readonly id: string;
  readonly name: string;
  readonly contact: ContactMock;
  /** Everything the bot ever sent her in private, in order (replies and proactive sends). */
  readonly received: string[];
  /** Her externalId towards the engine ('id': her contact id; 'alias': the SA code in her remark, once given). */
  readonly externalId?: string;
  /** She writes to the bot; resolves with what the bot sent her from then until it went quiet. */
  say(text: string): Promise<string[]>;
  /** She writes without waiting (several fast messages); wait with `idle()` afterwards. */
  post(text: string): void;
  /** She sends a picture (or another non-text kind); resolves with the bot's private replies. */
  sendNonText(type?: types.Message): Promise<string[]>;
  /** She asks to become the bot's friend; resolves with what the bot sent her (its greeting). */
  requestFriendship(hello?: string): Promise<string[]>;
  /** She writes in a group, @-mentioning the bot or not; resolves with what the bot sent INTO THE GROUP. */
  sayInGroup(group: MockGroup, text: string, options?: { mentionBot?: boolean }): Promise<string[]>;
}

export interface MockGroup {
  readonly id: string;
  readonly room: RoomMock;
  /** Everything the bot sent into this group. */
  readonly received: string[];
}

/** The mock WeChat world: a puppet to inject, whose bot account logs in as soon as the puppet starts. */
export interface MockWechat {
  mocker: mock.Mocker;
  puppet: PuppetMock;
  botUser: ContactMock;
  /** Friend-request ids the bot accepted. */
  acceptedFriendships: string[];
  /** Friend-request payloads served by the puppet (the stock mock serves only an id). */
  friendshipPayloads: Map<string, payloads.Friendship>;
}

export interface MockWomen {
  newWoman(name?: string, options?: { alias?: string }): MockWoman;
  newGroup(women: MockWoman[], topic?: string): MockGroup;
  /** Simulates a wechat4u re-login for her: new contact id, same name and remark; the old id disappears. */
  reappear(woman: MockWoman): Promise<MockWoman>;
  /** Waits (bounded) until the bot has handled and answered everything. */
  idle(): Promise<void>;
}

export interface WechatHarnessOptions {
  /** Default 'id'. */
  idStrategy?: IdStrategy;
  botName?: string;
  groupMentionReply?: string;
  textOnlyReply?: string;
  errorReply?: string;
  /** Defaults to a debug-level logger that keeps every line in `harness.logs`. */
  logger?: Logger;
  /** Bound on waiting for the bot to go quiet after a woman writes. Default 10 s. */
  timeoutMs?: number;
  /** Further channel options (e.g. minSendIntervalMs, stopDrainTimeoutMs). */
  channelOptions?: Partial<Omit<WechatChannelOptions, 'puppet' | 'logger'>>;
}

export interface WechatHarness extends MockWechat, MockWomen {
  channel: WechatChannel;
  /** Parsed log lines of the default logger (empty when a logger was passed). */
  logs: Array<Record<string, unknown>>;
  /** Every message the handler was called with. */
  inbound: InboundMessage[];
  stop(): Promise<void>;
}

export function createMockWechat(opts: { botName?: string } = {}): MockWechat {
  const mocker = new mock.Mocker();
  const botUser = mocker.createContact({ name: opts.botName ?? '筛查助手' });
  mocker.use((m) => {
    m.login(botUser); // environments run when the puppet starts
    return () => undefined;
  });
  const puppet = new PuppetMock({ mocker });
  const world: MockWechat = { mocker, puppet, botUser, acceptedFriendships: [], friendshipPayloads: new Map() };

  // The stock mock forgets remarks and serves only an id as friend-request payload: make both realistic.
  const contactAlias = async (contactId: string, alias?: string | null): Promise<string | void> => {
    const payload = mocker.contactPayload(contactId);
    if (alias === undefined) return payload.alias ?? '';
    payload.alias = alias ?? undefined; // the mock contact and the mocker share this object
    await puppet.contactPayloadDirty(contactId);
  };
  puppet.contactAlias = contactAlias as PuppetMock['contactAlias'];
  puppet.friendshipRawPayload = async (id: string) => world.friendshipPayloads.get(id) ?? { id };
  puppet.friendshipAccept = async (id: string) => {
    world.acceptedFriendships.push(id);
  };
  return world;
}

export function mockWomen(world: MockWechat, channel: WechatChannel, opts: { idStrategy?: IdStrategy; timeoutMs?: number } = {}): MockWomen {
  const { mocker, puppet, botUser } = world;
  const idle = () => withTimeout(channel.whenIdle(), opts.timeoutMs ?? 10_000, 'the WeChat bot did not go idle');
  let count = 0;

  const makeWoman = (contact: ContactMock, received: string[] = []): MockWoman => {
    contact.on('message', (message: MessageMock) => {
      const payload = message.payload;
      // The mock emits her own messages on her too: keep only the bot's messages to her in private.
      if (payload.talkerId !== botUser.id || payload.roomId) return;
      received.push(payload.text ?? `[${types.Message[payload.type]}]`);
    });
    const afterward = async (act: () => void): Promise<string[]> => {
      const before = received.length;
      act();
      await idle();
      return received.slice(before);
    };
    return {
      id: contact.id,
      name: contact.payload.name,
      contact,
      received,
      get externalId() {
        if (opts.idStrategy !== 'alias') return contact.id;
        const alias = mocker.cacheContactPayload.get(contact.id)?.alias;
        return isAliasCode(alias) ? alias : undefined;
      },
      say: (text) => afterward(() => contact.say(text).to(botUser)),
      post: (text) => contact.say(text).to(botUser),
      sendNonText: (type = types.Message.Image) =>
        afterward(() => {
          const id = randomUUID();
          mocker.MessageMock.create({ id, talkerId: contact.id, listenerId: botUser.id, timestamp: Date.now(), type });
          puppet.emit('message', { messageId: id });
        }),
      requestFriendship: (hello = '你好，我想预约筛查') =>
        afterward(() => {
          const id = `friendship-${randomUUID()}`;
          const timestamp = Math.floor(Date.now() / 1000);
          const type = types.Friendship.Receive;
          world.friendshipPayloads.set(id, { id, contactId: contact.id, hello, ticket: randomUUID(), timestamp, type });
          puppet.emit('friendship', { friendshipId: id });
        }),
      sayInGroup: async (group, text, options = {}) => {
        const before = group.received.length;
        const mentions = options.mentionBot ? [botUser] : [];
        contact.say(options.mentionBot ? `@${botUser.payload.name} ${text}` : text, mentions).to(group.room);
        await idle();
        return group.received.slice(before);
      },
    };
  };

  return {
    newWoman(name, options = {}) {
      count += 1;
      return makeWoman(mocker.createContact({ name: name ?? `测试女士${count}`, alias: options.alias }));
    },
    newGroup(women, topic = '村妇女群') {
      const room = mocker.createRoom({ memberIdList: [botUser.id, ...women.map((w) => w.id)], topic });
      const received: string[] = [];
      room.on('message', (message: MessageMock) => {
        if (message.payload.talkerId === botUser.id) received.push(message.payload.text ?? '');
      });
      return { id: room.id, room, received };
    },
    async reappear(woman) {
      const old = mocker.contactPayload(woman.id);
      mocker.cacheContactPayload.delete(woman.id);
      await puppet.contactPayloadDirty(woman.id);
      return makeWoman(mocker.createContact({ ...old, id: randomUUID() }), [...woman.received]);
    },
    idle,
  };
}

export async function createWechatHarness(handler: InboundHandler, opts: WechatHarnessOptions = {}): Promise<WechatHarness> {
  const logs: Array<Record<string, unknown>> = [];
  const logger = opts.logger ?? pino({ level: 'debug' }, { write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>) });
  const world = createMockWechat({ botName: opts.botName });

  const inbound: InboundMessage[] = [];
  const channel = new WechatChannel({
    puppet: world.puppet,
    botName: 'screening-bot-test',
    idStrategy: opts.idStrategy ?? 'id',
    logger,
    groupMentionReply: opts.groupMentionReply ?? '请加我为好友，私聊我办理筛查预约。',
    textOnlyReply: opts.textOnlyReply ?? '我暂时只能看懂文字，请打字告诉我。',
    errorReply: opts.errorReply,
    printQrInTerminal: false,
    startTimeoutMs: 5_000,
    ...opts.channelOptions,
  });
  await channel.start(async (message) => {
    inbound.push(message);
    return handler(message);
  });
  if (channel.status().state !== 'online') {
    await channel.stop();
    throw new Error(`wechat harness: the bot did not come online (${JSON.stringify(channel.status())})`);
  }
  const women = mockWomen(world, channel, { idStrategy: opts.idStrategy, timeoutMs: opts.timeoutMs });
  return { ...world, ...women, channel, logs, inbound, stop: () => channel.stop() };
}

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what} within ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
