// The pure rules behind the dispatcher: quiet hours, back-off, throttle detection, safe error text,
// settings validation, account readiness.
import { describe, expect, it } from 'vitest';
import { ChannelThrottledError } from '../../../src/services/outbox/senderPort.js';
import { backoffDelayMs } from '../../../src/services/outbox/outboxRows.js';
import { DEFAULT_OUTBOX_SETTINGS, resolveOutboxSettings } from '../../../src/services/outbox/outboxSettings.js';
import { isQuiet, outsideQuietHours } from '../../../src/services/outbox/quietHours.js';
import { accountReadyAt } from '../../../src/services/outbox/sendAccounts.js';
import { describeSendError, isThrottleError } from '../../../src/services/outbox/sendErrors.js';
import { MIN, sh, testSettings } from './outboxTestKit.js';

describe('outbox rules', () => {
  const night = { quietStartHour: 21, quietEndHour: 8 };

  it('quiet hours wrap midnight in Asia/Shanghai', () => {
    expect(isQuiet(sh('2026-03-02 20:59'), night)).toBe(false);
    expect(isQuiet(sh('2026-03-02 21:00'), night)).toBe(true);
    expect(isQuiet(sh('2026-03-03 00:00'), night)).toBe(true);
    expect(isQuiet(sh('2026-03-03 07:59'), night)).toBe(true);
    expect(isQuiet(sh('2026-03-03 08:00'), night)).toBe(false);
    expect(outsideQuietHours(sh('2026-03-02 22:00'), night)).toEqual(sh('2026-03-03 08:00'));
    expect(outsideQuietHours(sh('2026-03-03 03:00'), night)).toEqual(sh('2026-03-03 08:00'));
    expect(outsideQuietHours(sh('2026-03-03 09:00'), night)).toEqual(sh('2026-03-03 09:00'));
    // Shanghai wall time, not UTC: 23:59 UTC is 07:59 in Shanghai, 00:00 UTC is 08:00
    expect(isQuiet(new Date('2026-03-02T23:59:00Z'), night)).toBe(true);
    expect(isQuiet(new Date('2026-03-03T00:00:00Z'), night)).toBe(false);
  });

  it('quiet hours inside one day, and none when start equals end', () => {
    const lunch = { quietStartHour: 12, quietEndHour: 14 };
    expect(isQuiet(sh('2026-03-02 11:59'), lunch)).toBe(false);
    expect(isQuiet(sh('2026-03-02 13:00'), lunch)).toBe(true);
    expect(isQuiet(sh('2026-03-02 23:00'), lunch)).toBe(false);
    expect(outsideQuietHours(sh('2026-03-02 12:10'), lunch)).toEqual(sh('2026-03-02 14:00'));
    expect(isQuiet(sh('2026-03-02 03:00'), { quietStartHour: 5, quietEndHour: 5 })).toBe(false);
  });

  it('back-off doubles from the base and is capped', () => {
    const b = { backoffBaseMs: MIN, maxBackoffMs: 10 * MIN };
    expect([1, 2, 3, 4, 5, 60].map((n) => backoffDelayMs(n, b))).toEqual([MIN, 2 * MIN, 4 * MIN, 8 * MIN, 10 * MIN, 10 * MIN]);
  });

  it('recognises WeChat throttling', () => {
    expect(isThrottleError(new ChannelThrottledError())).toBe(true);
    expect(isThrottleError(new Error('发送失败：操作过于频繁'))).toBe(true);
    expect(isThrottleError(new Error('Request too frequent'))).toBe(true);
    expect(isThrottleError(new Error('contact not found'))).toBe(false);
    expect(isThrottleError('操作过于频繁')).toBe(true);
  });

  it('error text stored or logged holds neither her id, the text nor long numbers', () => {
    const d = describeSendError(new Error('cannot send 您的结果正常 to wxid_abc123 phone 13812345678'), { externalId: 'wxid_abc123', text: '您的结果正常' });
    expect(d).toBe('Error: cannot send [redacted] to [redacted] phone [number]');
    expect(describeSendError(new Error('x'.repeat(500)), { externalId: 'id1', text: 'hello' }).length).toBeLessThanOrEqual(200);
  });

  it('rejects settings that would stop or flood sends', () => {
    expect(resolveOutboxSettings(testSettings())).toMatchObject({ pollMs: DEFAULT_OUTBOX_SETTINGS.pollMs });
    expect(() => resolveOutboxSettings(testSettings({ dailyCap: 0 }))).toThrow(/dailyCap/);
    expect(() => resolveOutboxSettings(testSettings({ minIntervalMs: -1 }))).toThrow(/minIntervalMs/);
    expect(() => resolveOutboxSettings(testSettings({ quietStartHour: 24 }))).toThrow(/quietStartHour/);
    expect(() => resolveOutboxSettings(testSettings({ claimTtlMs: Number.NaN }))).toThrow(/claimTtlMs/);
  });

  it('an account is ready after its interval, back-off and daily cap, outside quiet hours', () => {
    const s = testSettings({ minIntervalMs: 30_000, dailyCap: 2 });
    const t = sh('2026-03-02 10:00');
    expect(accountReadyAt(undefined, t, s)).toEqual(t);
    expect(accountReadyAt({ account: 'a', lastSentAt: t, backoffUntil: null, day: '2026-03-02', sentToday: 1 }, t, s)).toEqual(new Date(t.getTime() + 30_000));
    expect(accountReadyAt({ account: 'a', lastSentAt: t, backoffUntil: sh('2026-03-02 12:00'), day: '2026-03-02', sentToday: 1 }, t, s)).toEqual(
      sh('2026-03-02 12:00'),
    );
    expect(accountReadyAt({ account: 'a', lastSentAt: t, backoffUntil: null, day: '2026-03-02', sentToday: 2 }, t, s)).toEqual(sh('2026-03-03 08:00'));
    expect(accountReadyAt({ account: 'a', lastSentAt: t, backoffUntil: null, day: '2026-03-01', sentToday: 2 }, t, s)).toEqual(new Date(t.getTime() + 30_000));
    expect(
      accountReadyAt(
        { account: 'a', lastSentAt: new Date(sh('2026-03-02 20:59').getTime() + 45_000), backoffUntil: null, day: '2026-03-02', sentToday: 1 },
        sh('2026-03-02 20:59'),
        s,
      ),
    ).toEqual(sh('2026-03-03 08:00'));
  });
});
