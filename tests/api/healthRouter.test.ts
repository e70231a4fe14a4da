// /readyz while the service catches up on the days missed while no process ran: it answers (women's
// messages are taken) but says it is not ready yet, and why.
import http from 'node:http';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { healthRouter } from '../../src/api/healthRouter.js';
import type { Db } from '../../src/db/client.js';
import type { PollHealth } from '../../src/services/results/poll/pollHealth.js';

describe('/readyz and start-up', () => {
  let server: http.Server | undefined;
  afterEach(async () => {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server = undefined;
  });

  async function readyz(startup: () => 'catching_up' | 'running', resultPolls?: () => Promise<PollHealth[]>) {
    const app = express();
    const db = { $queryRaw: async () => [{ ok: 1 }] } as unknown as Db;
    app.use(healthRouter({ db, provider: 'sqlite', flows: 3, profiles: 2, county: '项城市', channels: [], startup, resultPolls }));
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server!.once('listening', resolve));
    const { port } = server.address() as { port: number };
    const r = await fetch(`http://127.0.0.1:${port}/readyz`);
    return { status: r.status, body: (await r.json()) as { status: string; startup: string; resultPolls?: unknown } };
  }

  it('is not ready while catching up, and says so; ready once running', async () => {
    expect(await readyz(() => 'catching_up')).toMatchObject({ status: 503, body: { status: 'not_ready', startup: 'catching_up' } });
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    expect(await readyz(() => 'running')).toMatchObject({ status: 200, body: { status: 'ready', startup: 'running' } });
  });

  it("shows each result poll's health; a failing one makes it degraded, still ready (200)", async () => {
    const polls: PollHealth[] = [
      { hospitalId: 'xc-mch', state: 'ok', lastOkAt: '2026-03-20T02:00:00.000Z' },
      { hospitalId: 'xc-first', state: 'failing', failures: 3, lastError: 'http_503' },
      { hospitalId: 'xc-third', state: 'off', variable: 'XC_THIRD_LIS_TOKEN' },
    ];
    expect(
      await readyz(
        () => 'running',
        async () => polls,
      ),
    ).toEqual({
      status: 200,
      body: expect.objectContaining({ status: 'ready', resultPolls: { degraded: true, connectors: polls } }),
    });
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    expect(
      (
        await readyz(
          () => 'running',
          async () => [polls[0]],
        )
      ).body.resultPolls,
    ).toEqual({ degraded: false, connectors: [polls[0]] });
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    // (unreadable: said so, without the error's text)
    expect(
      await readyz(
        () => 'running',
        async () => {
          throw new Error('connection to 10.0.0.5 refused');
        },
      ),
    ).toEqual({ status: 200, body: expect.objectContaining({ status: 'ready', resultPolls: { degraded: true, error: 'unreadable' } }) });
  });
});
