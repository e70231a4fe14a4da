// A quoted WeChat reply: only her reply reaches the engine.
import { describe, expect, it } from 'vitest';
import { replyOfQuote } from '../../../src/channels/wechat/quotedReply.js';

describe('replyOfQuote', () => {
  it('keeps only her reply after the quote and its separator', () => {
    expect(replyOfQuote('「筛查小助手：请先看一下隐私说明……回复“同意”继续，回复“删除我的信息”删除」\n- - - - - - - - - - - - - - -\n同意')).toBe('同意');
    expect(replyOfQuote('「筛查小助手：您想约哪天？\n1. 3月5日\n2. 3月6日」\n- - - - - - - - - - - - - - -\n5号 上午')).toBe('5号 上午');
    expect(replyOfQuote('「张姐：明天去吗」\r\n- - - - - - - - - - - - - - - -\r\n去')).toBe('去');
  });

  it('leaves any other text as it is, brackets and dashes included', () => {
    for (const text of ['同意', '「同意」', '我想约两癌 - - - 明天', '「小助手：你好」 我想约', '- - - - - - -\n同意']) expect(replyOfQuote(text)).toBe(text);
  });
});
