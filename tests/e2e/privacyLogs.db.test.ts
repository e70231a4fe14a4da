// No personal data in logs: a whole conversation at debug level leaves no text she wrote, no birth
// date and no ID number in the log lines.
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { dbUnavailable } from '../support/testDb.js';
import { startTestApp, type TestApp } from '../support/testApp.js';

describe.skipIf(dbUnavailable)('logs', () => {
  let t: TestApp | undefined;
  afterAll(async () => {
    await t?.stop();
    await t?.database.drop();
  });

  it('hold ids and counts, never what she wrote', async () => {
    const lines: string[] = [];
    t = await startTestApp({ logger: pino({ level: 'trace' }, { write: (l: string) => void lines.push(l) }) });
    const id = '41162719780506' + '0023';
    for (const text of ['你好', '同意', '1', '身份证' + id, '我家住在丁集镇东街村', '菜单', '我的信息', '删除我的信息', '是']) {
      await t.say('privacy-woman', text);
    }
    const log = lines.join('\n');
    expect(lines.length).toBeGreaterThan(5);
    expect(log).toContain('message handled');
    for (const secret of ['19780506', '1978-05-06', '1978年', id, '丁集镇', '东街村', '身份证', 'privacy-woman']) {
      expect(log).not.toContain(secret);
    }
  });

  it('never log what her first message asked for while the privacy notice waits', async () => {
    await t?.stop();
    await t?.database.drop();
    const lines: string[] = [];
    t = await startTestApp({ logger: pino({ level: 'trace' }, { write: (l: string) => void lines.push(l) }) });
    await t.say('first-words', '我怀孕了 孕12周');
    await t.say('first-words', '要钱吗');
    await t.say('first-words', '同意');
    const log = lines.join('\n');
    expect(log).toContain('message handled');
    for (const secret of ['怀孕', '孕12周', 'pregnancy', 'first-words']) expect(log).not.toContain(secret);
  });
});
