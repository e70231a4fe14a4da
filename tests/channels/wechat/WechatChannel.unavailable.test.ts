// Starting the channel without a usable WeChat must never throw or crash: it becomes 'unavailable'.
// (Kept in its own file: loading wechat4u installs a process-wide 'uncaughtException' listener.)
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { WechatChannel } from '../../../src/channels/wechat/WechatChannel.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'wechat-unavailable-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function makeChannel(puppetName: string) {
  const logs: Array<Record<string, unknown>> = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>) });
  const channel = new WechatChannel({
    puppetName,
    botName: 'unavailable-test',
    sessionName: path.join(dir, 'session'), // wechat4u writes its session file: keep it out of the repo
    logger,
    groupMentionReply: 'g',
    textOnlyReply: 't',
    startTimeoutMs: 3_000,
    printQrInTerminal: false,
  });
  return { channel, logs };
}

const neverCalled = async () => {
  throw new Error('the handler must not be called');
};

describe('WechatChannel without WeChat', () => {
  it('is unavailable, not crashing, with wechat4u and no network', async () => {
    const { channel, logs } = makeChannel('wechaty-puppet-wechat4u');
    const started = Date.now();
    await expect(channel.start(neverCalled)).resolves.toBeUndefined();
    expect(Date.now() - started).toBeLessThan(3_500);
    const status = channel.status();
    expect(status.state).toBe('unavailable');
    expect(status.detail).toMatch(/微信/);
    expect(logs.some((line) => line.level === 40 && /unavailable/.test(String(line.msg)))).toBe(true);
    await expect(channel.send('SA12345678', '你好')).rejects.toThrow(/not logged in/);
    await channel.stop();
    await channel.stop();
    expect(channel.status().state).toBe('off');
  });

  it('is unavailable with an unknown puppet name', async () => {
    const { channel } = makeChannel('wechaty-puppet-does-not-exist');
    await channel.start(neverCalled);
    expect(channel.status()).toMatchObject({ state: 'unavailable' });
    expect(channel.status().detail).toContain('wechaty-puppet-does-not-exist');
    await channel.stop();
    expect(channel.status().state).toBe('off');
  });

  it('can be stopped before it was started', async () => {
    const { channel } = makeChannel('wechaty-puppet-wechat4u');
    expect(channel.status().state).toBe('off');
    await channel.stop();
    await channel.stop();
    await channel.start(neverCalled); // after stop: a no-op
    expect(channel.status().state).toBe('off');
  });
});
