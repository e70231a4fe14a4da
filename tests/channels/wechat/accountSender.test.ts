// The account's single send line: order, and the pause with bounded jitter between two sends (on a fake clock).
import { describe, expect, it } from 'vitest';
import { AccountSender, MAX_JITTER_FRACTION, type SayTarget, type SenderClock } from '../../../src/channels/wechat/accountSender.js';

/** A fake clock: sleeping advances time at once; every send is recorded with the time it started. */
function fakeWorld(random: () => number) {
  let now = 1_000;
  const sleeps: number[] = [];
  const sent: Array<{ text: string; at: number }> = [];
  const clock: SenderClock = {
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
    random,
  };
  const target: SayTarget = {
    say: async (text) => {
      sent.push({ text, at: now });
      now += 3; // a send takes a little time
    },
  };
  return { clock, target, sent, sleeps, advance: (ms: number) => (now += ms) };
}

describe('AccountSender pacing', () => {
  it('keeps two sends at least minIntervalMs apart, the first one immediately', async () => {
    const w = fakeWorld(() => 0);
    const sender = new AccountSender(1_000, w.clock);
    await Promise.all([sender.send(w.target, 'a'), sender.send(w.target, 'b'), sender.send(w.target, 'c')]);
    expect(w.sent.map((s) => s.text)).toEqual(['a', 'b', 'c']);
    expect(w.sent[0]!.at).toBe(1_000);
    // measured from the end of the previous send (which took 3 ms)
    expect(w.sent[1]!.at - w.sent[0]!.at).toBe(1_003);
    expect(w.sent[2]!.at - w.sent[1]!.at).toBe(1_003);
  });

  it('adds a jitter of at most half the interval, whatever the random source returns', async () => {
    for (const drawn of [0.999999, 1, 7, Number.NaN, -3]) {
      const w = fakeWorld(() => drawn);
      const sender = new AccountSender(1_000, w.clock);
      await sender.send(w.target, 'a');
      await sender.send(w.target, 'b');
      const gap = w.sent[1]!.at - (w.sent[0]!.at + 3);
      expect(gap).toBeGreaterThanOrEqual(1_000);
      expect(gap).toBeLessThanOrEqual(1_000 * (1 + MAX_JITTER_FRACTION));
      expect(sender.maxIntervalMs).toBe(1_500);
    }
    const w = fakeWorld(() => 0.5);
    const sender = new AccountSender(1_000, w.clock);
    await sender.send(w.target, 'a');
    await sender.send(w.target, 'b');
    expect(w.sent[1]!.at - (w.sent[0]!.at + 3)).toBe(1_250);
  });

  it('does not wait when the interval has already passed, and never longer than the bound if the clock jumps back', async () => {
    const w = fakeWorld(() => 0);
    const sender = new AccountSender(100, w.clock);
    await sender.send(w.target, 'a');
    w.advance(500);
    await sender.send(w.target, 'b');
    expect(w.sleeps).toEqual([]);

    w.advance(-10_000); // a misbehaving clock
    await sender.send(w.target, 'c');
    expect(w.sleeps.reduce((sum, ms) => sum + ms, 0)).toBeLessThanOrEqual(150);
  });

  it('sends without pause when minIntervalMs is 0 or invalid, and keeps going after a failed send', async () => {
    for (const interval of [0, -5, Number.NaN, Number.POSITIVE_INFINITY]) {
      const w = fakeWorld(() => 0.5);
      const sender = new AccountSender(interval, w.clock);
      const failing: SayTarget = { say: async () => Promise.reject(new Error('network')) };
      await expect(sender.send(failing, 'x')).rejects.toThrow('network');
      await sender.send(w.target, 'a');
      await sender.send(w.target, 'b');
      expect(w.sleeps).toEqual([]);
      expect(w.sent.map((s) => s.text)).toEqual(['a', 'b']);
    }
  });
});
