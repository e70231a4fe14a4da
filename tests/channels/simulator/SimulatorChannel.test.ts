// The simulator keeps transcripts in memory for a bounded number of contacts: a flood of new ids
// forgets the least recently active first, and a contact's own history is bounded too.
import { describe, expect, it } from 'vitest';
import { SimulatorChannel } from '../../../src/channels/simulator/SimulatorChannel.js';
import { FixedClock } from '../../../src/support/clock.js';

describe('SimulatorChannel transcripts', () => {
  const clock = new FixedClock(new Date('2026-03-02T09:00:00+08:00'));

  it('keeps at most maxContacts transcripts, forgetting the least recently active', async () => {
    const sim = new SimulatorChannel(clock, 3);
    await sim.start(async () => ['好的']);
    for (const id of ['a', 'b', 'c']) await sim.receive(id, '你好');
    // a writes again: b is now the least recent
    await sim.receive('a', '在吗');
    for (let i = 0; i < 1000; i++) await sim.receive(`flood-${i}`, 'x');
    expect(sim.transcript('flood-999')).toHaveLength(2);
    expect(sim.transcript('flood-996')).toEqual([]);
    expect(sim.transcript('a')).toEqual([]);
    expect(sim.transcript('b')).toEqual([]);
  });

  it("a contact's own history keeps her last 2,000 lines", async () => {
    const sim = new SimulatorChannel(clock, 3);
    for (let i = 0; i < 2100; i++) await sim.send('her', `提醒${i}`);
    const lines = sim.transcript('her');
    expect(lines).toHaveLength(2000);
    expect([lines[0].text, lines[1999].text]).toEqual(['提醒100', '提醒2099']);
  });

  it('a contact active among the others keeps her transcript; forget() drops it', async () => {
    const sim = new SimulatorChannel(clock, 3);
    await sim.start(async () => ['好的']);
    await sim.receive('her', '你好');
    for (let i = 0; i < 5; i++) {
      await sim.receive(`other-${i}`, 'x');
      await sim.send('her', `提醒${i}`);
    }
    expect(sim.transcript('her').map((m) => m.text)).toEqual(['你好', '好的', '提醒0', '提醒1', '提醒2', '提醒3', '提醒4']);
    sim.forget('her');
    expect(sim.transcript('her')).toEqual([]);
  });
});
