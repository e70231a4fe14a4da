// What the bot does with one incoming WeChat message or friend request.
//
// Privacy: nothing here logs message text or contact names; contact ids only at debug level.
import type { Logger } from 'pino';
import { types, type Contact, type Friendship, type Message, type Room, type Wechaty } from 'wechaty';
import type { InboundHandler, InboundMessage } from '../channel.js';
import type { AccountSender } from './accountSender.js';
import type { ContactIdentity } from './identity.js';
import { replyOfQuote } from './quotedReply.js';

/** What a new friend is treated as having written, so that she gets the bot's greeting. */
export const FRIEND_GREETING_TEXT = '你好';

/** A voice message or a picture: the engine answers it (the bot reads only text) and asks the question she was on again. */
const MEDIA_KINDS = new Map<types.Message, NonNullable<InboundMessage['kind']>>([
  [types.Message.Audio, 'voice'],
  [types.Message.Image, 'image'],
]);

/** Other kinds of messages a woman sends that the bot cannot read: she is asked to type words instead. */
const UNREADABLE_TYPES = new Set<types.Message>([
  types.Message.Attachment,
  types.Message.ChatHistory,
  types.Message.Contact,
  types.Message.Emoticon,
  types.Message.Location,
  types.Message.MiniProgram,
  types.Message.Url,
  types.Message.Video,
]);
// Everything else (system notices such as "you added X", recalls, transfers, red envelopes, group notes...) is
// ignored silently.

export interface InboundContext {
  bot: Wechaty;
  handler: InboundHandler;
  identity: ContactIdentity;
  sender: AccountSender;
  logger: Logger;
  groupMentionReply: string;
  textOnlyReply: string;
  errorReply?: string;
}

/**
 * The serial-queue key of a message: one queue per private chat (per contact), one per group; undefined for
 * messages the bot never acts on (its own).
 */
export function queueKeyOf(message: Message): string | undefined {
  if (message.self()) return undefined;
  const room = message.room();
  if (room) return `room:${room.id}`;
  return contactKey(message.talker().id);
}

export function contactKey(contactId: string): string {
  return `contact:${contactId}`;
}

export async function handleMessage(ctx: InboundContext, message: Message): Promise<void> {
  if (message.self()) return;
  const room = message.room();
  if (room) {
    // Never hold a personal conversation in a group: at most invite her to a private chat.
    if (message.type() !== types.Message.Text) return;
    if (!(await message.mentionSelf())) return;
    ctx.logger.debug({ roomId: room.id }, 'wechat: mentioned in a group');
    await sendOrLog(ctx, room, ctx.groupMentionReply);
    return;
  }

  const talker = message.talker();
  if (isOfficialAccount(ctx, talker)) return; // subscription accounts, WeChat team notices
  const type = message.type();
  const kind = MEDIA_KINDS.get(type);
  if (type === types.Message.Text) {
    // (a reply quoting another message: only her reply is read)
    await converse(ctx, talker, replyOfQuote(message.text()));
  } else if (kind) {
    // (its content is never read nor logged)
    ctx.logger.debug({ contactId: talker.id, kind }, 'wechat: voice or picture');
    await converse(ctx, talker, '', kind);
  } else if (UNREADABLE_TYPES.has(type)) {
    ctx.logger.debug({ contactId: talker.id, type: types.Message[type] }, 'wechat: non-text message');
    await sendOrLog(ctx, talker, ctx.textOnlyReply);
  }
}

/** When in doubt (her contact type cannot be read) she is treated as a person, so that she is answered. */
function isOfficialAccount(ctx: InboundContext, contact: Contact): boolean {
  try {
    return contact.type() === types.Contact.Official;
  } catch (err) {
    ctx.logger.debug({ errorName: errorSummary(err).name, contactId: contact.id }, 'wechat: contact type unreadable');
    return false;
  }
}

/** Passes her text (or that she sent a voice message or a picture) to the engine and sends the replies to her, in order. Never throws. */
export async function converse(ctx: InboundContext, contact: Contact, text: string, kind?: InboundMessage['kind']): Promise<void> {
  const identified = await identifyOrFallBack(ctx, contact);
  if ('answer' in identified) {
    await sendOrLog(ctx, contact, identified.answer); // she could not be identified: errorReply, no handler call
    return;
  }
  const { externalId } = identified;
  ctx.logger.debug({ contactId: contact.id, externalId }, 'wechat: inbound text');

  let replies: string[];
  try {
    const result = await ctx.handler({ channel: 'wechat', externalId, text, ...(kind ? { kind } : {}) });
    replies = Array.isArray(result) ? result : [];
  } catch (err) {
    ctx.logger.error({ err }, 'wechat: the inbound handler failed');
    replies = ctx.errorReply ? [ctx.errorReply] : [];
  }

  for (const reply of replies) {
    if (typeof reply !== 'string' || reply.length === 0) continue;
    const sent = await sendOrLog(ctx, contact, reply);
    if (!sent) break; // keep the order: do not send reply 3 when reply 2 was lost
  }
}

/**
 * Her externalId, or what to do when identifying her fails (e.g. reading or writing her remark throws): every
 * private text must get an answer, and two women must never be mixed up.
 *
 * - errorReply set (the preferred setup): she is answered with errorReply ("please try again" in her words).
 *   The handler is NOT called under a substitute identity: with the 'alias' strategy the engine knows her by her
 *   SA code, so a substitute would make her a stranger mid-conversation; her next message is identified afresh.
 * - errorReply unset: her contact id stands in as her externalId, so the handler still answers her (silence
 *   would be worse). The contact id is hers alone for this login (never another woman's id or SA code), so no
 *   other woman's conversation can be reached through it; it is not cached, so her next message tries the
 *   stable identity again.
 *
 * Logged without personal data: the error's class only (Wechaty's messages may quote names); her contact id at
 * debug level.
 */
async function identifyOrFallBack(ctx: InboundContext, contact: Contact): Promise<{ externalId: string } | { answer: string }> {
  try {
    return { externalId: await ctx.identity.externalIdFor(ctx.bot, contact) };
  } catch (err) {
    const { errorReply } = ctx;
    ctx.logger.error(
      { errorName: errorSummary(err).name, fallback: errorReply ? 'errorReply' : 'contactId' },
      'wechat: could not identify the sender of a message',
    );
    ctx.logger.debug({ contactId: contact.id }, 'wechat: the sender who could not be identified');
    return errorReply ? { answer: errorReply } : { externalId: contact.id };
  }
}

/** Accepts a received friend request. Resolves the new friend once accepted, undefined for other requests. */
export async function acceptFriendRequest(ctx: InboundContext, friendship: Friendship): Promise<Contact | undefined> {
  if (friendship.type() !== types.Friendship.Receive) return undefined;
  const contact = friendship.contact();
  ctx.logger.debug({ contactId: contact.id }, 'wechat: accepting a friend request');
  await friendship.accept();
  if (!contact.isReady()) await contact.sync();
  return contact;
}

async function sendOrLog(ctx: InboundContext, target: Contact | Room, text: string): Promise<boolean> {
  try {
    await ctx.sender.send(target, text);
    return true;
  } catch (err) {
    ctx.logger.warn({ error: errorSummary(err) }, 'wechat: a message could not be sent');
    ctx.logger.debug({ targetId: target.id }, 'wechat: the failed send was to this chat');
    return false;
  }
}

/** The error's name and message only (Wechaty's messages may quote payloads). */
export function errorSummary(err: unknown): { name: string; message: string } {
  if (err instanceof Error) return { name: err.name, message: err.message.slice(0, 300) };
  return { name: 'Error', message: String(err).slice(0, 300) };
}
