// The booking menu she reads is her county's: the lines of its profile that its hospitals provide.
// A county on the Hunan profile (tests/fixtures/counties/xiangyuan.yaml, loaded through the real
// loaders with the shipped profiles) is not offered Henan's fallback scan or NIPT, and typing their
// words or numbers books nothing; the Henan demo county says which services are 自费. Today is
// Monday 2026-03-02.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { dbUnavailable } from '../support/testDb.js';
import { consentedWoman, contactOf, joined, startE2EBot, type E2EBot } from '../support/e2eBot.js';

const ROOT = path.resolve(__dirname, '../..');

/** The shipped profiles with the Hunan fixture county as the only county. */
function hunanProfilesDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hunan-county-'));
  for (const f of readdirSync(path.join(ROOT, 'profiles')).filter((n) => n.endsWith('.yaml'))) copyFileSync(path.join(ROOT, 'profiles', f), path.join(dir, f));
  mkdirSync(path.join(dir, 'counties'));
  copyFileSync(path.join(ROOT, 'tests/fixtures/counties/xiangyuan.yaml'), path.join(dir, 'counties/xiangyuan.yaml'));
  return dir;
}

describe.skipIf(dbUnavailable)('the booking menu of her county', () => {
  let bot: E2EBot | undefined;
  const dirs: string[] = [];
  afterEach(async () => {
    await bot?.stop();
    bot = undefined;
  });
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('a Hunan county lists its own services; the Henan fallback scan cannot be booked by its word or its number', async () => {
    const dir = hunanProfilesDir();
    dirs.push(dir);
    bot = await startE2EBot({ env: { PROFILES_DIR: dir, COUNTY_ID: 'xiangyuan' } });
    const w = await consentedWoman(bot);
    const menu = joined(await w.say('预约'));
    expect(menu).toBe(
      [
        '您要预约哪一项？回复数字：',
        '1. 两癌筛查（宫颈癌和乳腺癌一起查）',
        '2. 只查宫颈癌',
        '3. 只查乳腺癌',
        '4. NT超声检查（怀孕11到13周）',
        '5. 唐氏筛查（怀孕15到20周）',
        '6. 大排畸超声（怀孕20到24周）',
        '7. 糖耐量检查（怀孕24到28周，自费）',
      ].join('\n'),
    );
    expect(menu).not.toContain('补做');
    expect(menu).not.toContain('无创');

    // the Henan word and number: not understood, the same menu again, nothing chosen
    for (const answer of ['补做超声', '9']) {
      const reply = joined(await w.say(answer));
      expect(reply).toContain('您要预约哪一项？回复数字：\n1. 两癌筛查（宫颈癌和乳腺癌一起查）');
      expect(reply).toContain('7. 糖耐量检查（怀孕24到28周，自费）');
      expect(reply).not.toContain('补做超声（');
      expect(reply).not.toContain('预约前，先帮您看看');
    }
    const contact = (await contactOf(bot.db(), w))!;
    const state = await bot.db().conversation.findUnique({ where: { contactId: contact.id } });
    expect(state).toMatchObject({ flowId: 'booking', stepId: 'service' });
    expect(state!.varsJson).not.toContain('fallback-us');
    expect(await bot.db().booking.count()).toBe(0);

    // her own lines work by number and by word
    expect(joined(await w.say('NT'))).toContain('预约前，先帮您看看您能不能参加这个项目');
  });

  it('the Henan demo county: NIPT is offered as 自费, and her booking says so', async () => {
    bot = await startE2EBot();
    const w = await consentedWoman(bot);
    const menu = joined(await w.say('预约'));
    expect(menu).toContain('6. 无创DNA（怀孕12到22周，自费）');
    expect(menu).toContain('8. 糖耐量检查（怀孕24到28周，自费）');
    expect(menu).toContain('9. 补做超声（错过了NT的，怀孕16到19周）');
    await w.say('无创');
    expect(joined(await w.say('同意'))).toContain('您现在怀孕了吗');
    await w.say('是');
    expect(joined(await w.say('1'))).toContain('您住在哪个乡镇');
    expect(joined(await w.say('花园'))).toContain('您怀孕多少周了');
    // only xc-mch does NIPT (taken without asking), on Monday, Wednesday and Friday mornings
    expect(joined(await w.say('孕14周'))).toContain('1. 2026年3月4日 周三（还剩10个）');
    const preview = joined(await w.say('1'));
    expect(preview).toContain('自费的无创DNA产前检测（NIPT）');
    const details = joined(await w.say('是'));
    expect(details).toContain('项目：自费的无创DNA产前检测（NIPT）');
  });
});
