import { describe, expect, it } from 'vitest';
import { resolveWechatOptions, type WechatChannelOptions } from '../../../src/channels/wechat/options.js';
import { createLogger } from '../../../src/support/logger.js';

const base: WechatChannelOptions = { botName: 'b', logger: createLogger('silent'), groupMentionReply: '群里', textOnlyReply: '文字' };

describe('resolveWechatOptions: the login QR code in the terminal', () => {
  it('is printed only when the output is a terminal (never into a log file)', () => {
    expect(resolveWechatOptions(base, false).printQrInTerminal).toBe(false);
    expect(resolveWechatOptions(base, true).printQrInTerminal).toBe(true);
    expect(resolveWechatOptions({ ...base, printQrInTerminal: false }, true).printQrInTerminal).toBe(false);
  });
});
