// Every inbound message gets an answer, even when handling it fails, and the failure is logged
// without the message text.
import { describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { InboundRouter } from '../../src/channels/inboundRouter.js';

describe('InboundRouter', () => {
  it('answers with the fallback text when the handler throws, and logs no message text', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'debug' }, { write: (l: string) => void lines.push(l) });
    const router = new InboundRouter(
      async (m) => {
        if (m.text === '坏') throw new Error('database is down');
        return [`收到${m.text.length}个字`];
      },
      logger,
      () => '抱歉，系统刚才出了点问题',
      () => '您发的字太多了',
    );
    const replies = await Promise.all([
      router.handle({ channel: 'simulator', externalId: 'a', text: '坏' }),
      router.handle({ channel: 'simulator', externalId: 'a', text: '你好' }),
    ]);
    expect(replies).toEqual([['抱歉，系统刚才出了点问题'], ['收到2个字']]);
    expect(lines.join('')).toContain('database is down');
    expect(lines.join('')).not.toContain('坏');
  });

  it('does not read a message longer than it reads (a pasted article): a kind answer, at once, its words never logged', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'debug' }, { write: (l: string) => void lines.push(l) });
    const read: string[] = [];
    const router = new InboundRouter(
      async (m) => {
        read.push(m.text);
        return ['好的'];
      },
      logger,
      () => '抱歉，系统刚才出了点问题',
      () => '您发的字太多了',
    );
    const long = '我想约两癌 明天上午 3月5号 '.repeat(6_000);
    const started = Date.now();
    expect(await router.handle({ channel: 'wechat', externalId: 'w', text: long })).toEqual(['您发的字太多了']);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(await router.handle({ channel: 'wechat', externalId: 'w', text: '我想约两癌'.repeat(100) })).toEqual(['好的']);
    expect(read).toEqual(['我想约两癌'.repeat(100)]);
    expect(lines.join('')).not.toContain('我想约两癌');
  });
});
