import { describe, expect, it } from 'vitest';
import { loadDataFiles } from '../../src/config/loadDataFiles.js';
import type { InputSpec } from '../../src/domain/parse/inputSpec.js';
import { strayReply } from '../../src/flows/strayWords.js';

const { stray } = loadDataFiles({ PROFILES_DIR: 'profiles', FLOWS_DIR: 'flows', COUNTY_ID: 'xiangcheng' }).flowSet.messages;
const list: InputSpec = { type: 'dynamicChoice', source: 'booking.days' };
const yesno: InputSpec = { type: 'yesno', yesWords: [], noWords: [] };
const birth = { type: 'birthDate' } as InputSpec;

describe('strayReply: a message at a question that answers nothing', () => {
  it.each(['谢谢', '收到 谢谢', '哦哦', '👌', '👍👍', '晓得哒'])('%s: the question again, kindly, in a list or the interview', (text) => {
    expect(strayReply(text, list, false, stray)).toBe(stray.reply);
    expect(strayReply(text, yesno, true, stray)).toBe(stray.reply);
  });

  it('好的 / 中 / 嗯嗯 choose nothing in a list or at a date question, but say yes to a yes/no question', () => {
    for (const text of ['好的', '中', '嗯嗯', '要得', '是']) {
      expect(strayReply(text, list, false, stray)).toBe(stray.reply);
      expect(strayReply(text, birth, true, stray)).toBe(stray.reply);
      expect(strayReply(text, yesno, false, stray)).toBeUndefined();
    }
  });

  it('同意 again is no answer to a question of the interview (您现在怀孕了吗), but says yes to an offer', () => {
    expect(strayReply('同意', yesno, true, stray)).toBe(stray.agreedReply);
    expect(strayReply('我同意', list, false, stray)).toBe(stray.agreedReply);
    expect(strayReply('同意', yesno, false, stray)).toBeUndefined();
  });

  it('an emoji is her yes at a confirmation or an offer, not at a question of the interview', () => {
    expect(strayReply('👌', yesno, false, stray)).toBeUndefined();
    expect(strayReply('👌', yesno, true, stray)).toBe(stray.reply);
  });

  it('anything with an answer in it, and ??? (she did not understand), is read as usual', () => {
    for (const text of ['???', '好的 上午', '谢谢 礼拜三', '没有']) expect(strayReply(text, list, true, stray)).toBeUndefined();
  });
});

describe("strayReply: the question's own words are an answer, not stray", () => {
  it('知道了 at a confirmation that takes it as a yes', () => {
    const confirm: InputSpec = { type: 'yesno', yesWords: ['约', '知道了'], noWords: ['换'] };
    expect(strayReply('知道了', confirm, false, stray)).toBeUndefined();
    expect(strayReply('知道了', yesno, false, stray)).toBe(stray.reply);
  });
});
