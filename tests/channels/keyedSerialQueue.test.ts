import { describe, expect, it } from 'vitest';
import { KeyedSerialQueue } from '../../src/channels/keyedSerialQueue.js';

const tick = () => new Promise<void>((r) => setImmediate(r));

describe('KeyedSerialQueue', () => {
  it('runs one key strictly in order and different keys side by side', async () => {
    const q = new KeyedSerialQueue();
    const log: string[] = [];
    const gates = new Map<string, () => void>();
    const task = (name: string) => () =>
      new Promise<string>((resolve) => {
        log.push(`start ${name}`);
        gates.set(name, () => {
          log.push(`end ${name}`);
          resolve(name);
        });
      });
    const a1 = q.run('a', task('a1'));
    const a2 = q.run('a', task('a2'));
    const b1 = q.run('b', task('b1'));
    await tick();
    expect(log).toEqual(['start a1', 'start b1']);
    gates.get('b1')!();
    await tick();
    gates.get('a1')!();
    await tick();
    expect(log).toEqual(['start a1', 'start b1', 'end b1', 'end a1', 'start a2']);
    gates.get('a2')!();
    expect(await Promise.all([a1, a2, b1])).toEqual(['a1', 'a2', 'b1']);
    expect(q.activeKeys).toBe(0);
  });

  it('a failing task does not block the next one of the same key', async () => {
    const q = new KeyedSerialQueue();
    const failed = q.run('a', async () => {
      throw new Error('boom');
    });
    const next = q.run('a', async () => 'ok');
    await expect(failed).rejects.toThrow('boom');
    expect(await next).toBe('ok');
  });
});
