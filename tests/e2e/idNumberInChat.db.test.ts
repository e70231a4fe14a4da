// Her ID number given in the chat as her birth date (after consent): kept as a keyed hash and a
// sealed copy to find her results by, shown in 我的信息 as kept (never the number), gone with 重新回答
// and 删除我的信息. Before consent, or a man's number, or without ID_HASH_KEY: nothing kept.
import crypto from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { dbUnavailable } from '../support/testDb.js';
import { startTestApp, type TestApp } from '../support/testApp.js';
import { idHasher } from '../../src/support/identityKeys.js';

const HASH_KEY = crypto.randomBytes(32).toString('base64');
const keys = { ID_HASH_KEY: HASH_KEY, DATA_ENCRYPTION_KEYS: `k1:${crypto.randomBytes(32).toString('base64')}` };
const HER_ID = '411302197503080021';
const MAN_ID = '411302197503080013';

describe.skipIf(dbUnavailable)('her ID number in the chat', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.stop();
    t = undefined;
  });
  const identities = () => t!.app.dbHandle.db.contactIdentity.findMany({ select: { contactId: true, idHash: true, idSealed: true } });
  const toBirthDateQuestion = async (who: string) => {
    await t!.say(who, '我想查两癌');
    const agreed = (await t!.say(who, '同意')).join('\n');
    expect(agreed).toContain('出生');
  };

  it('kept hashed and sealed once she consented; 我的信息 says so; 删除我的信息 removes it', async () => {
    t = await startTestApp({ env: keys });
    await toBirthDateQuestion('w1');
    await t.say('w1', HER_ID);
    const rows = await identities();
    expect(rows).toHaveLength(1);
    expect(rows[0].idHash).toBe(idHasher(HASH_KEY)(HER_ID));
    expect(rows[0].idSealed).not.toContain('19750308');
    // nowhere in plain text: not in her facts, not in the conversation
    const dump = JSON.stringify([await t.app.dbHandle.db.fact.findMany(), await t.app.dbHandle.db.conversation.findMany()]);
    expect(dump).not.toContain(HER_ID);
    const myData = (await t.say('w1', '我的信息')).join('\n');
    expect(myData).toContain('· 身份证号：已加密保存，只用来对上您的检查结果');
    expect(myData).not.toContain('0021');
    await t.say('w1', '删除我的信息');
    await t.say('w1', '确定');
    expect(await t.app.dbHandle.db.contact.count({ where: { externalId: 'w1' } })).toBe(0);
    expect(await identities()).toEqual([]);
  });

  it('重新回答 her birth date: the number it was read from goes too (it may not have been hers)', async () => {
    t = await startTestApp({ env: keys });
    await toBirthDateQuestion('w5');
    await t.say('w5', HER_ID);
    expect(await identities()).toHaveLength(1);
    const again = (await t.say('w5', '重新回答')).join('\n');
    expect(again).toContain('出生日期');
    await t.say('w5', '1976年3月8日');
    expect(await identities()).toEqual([]);
    expect((await t.say('w5', '我的信息')).join('\n')).not.toContain('身份证号：已加密保存');
  });

  it('before consent nothing is kept, and after 不同意 nothing ever is', async () => {
    t = await startTestApp({ env: keys });
    await t.say('w4', `我想查两癌 身份证${HER_ID}`);
    expect(await identities()).toEqual([]);
    await t.say('w4', '不同意');
    expect(await identities()).toEqual([]);
    expect(JSON.stringify(await t.app.dbHandle.db.conversation.findMany())).not.toContain(HER_ID);
  });

  it("a man's number (her husband's) is not kept as hers", async () => {
    t = await startTestApp({ env: keys });
    await toBirthDateQuestion('w2');
    await t.say('w2', MAN_ID);
    expect(await identities()).toEqual([]);
    expect(await t.app.dbHandle.db.fact.count({ where: { key: 'birthDate' } })).toBe(1);
  });

  it('without ID_HASH_KEY the number only gives her birth date, as before', async () => {
    t = await startTestApp();
    await toBirthDateQuestion('w3');
    await t.say('w3', HER_ID);
    expect(await identities()).toEqual([]);
    expect(await t.app.dbHandle.db.fact.count({ where: { key: 'birthDate' } })).toBe(1);
  });
});
