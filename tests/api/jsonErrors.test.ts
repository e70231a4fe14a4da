// The one error handler: a 5xx is logged with the request's id, and answered with it, never a stack.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import express from 'express';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonErrors, notFound, requestId } from '../../src/api/jsonErrors.js';
import { asyncHandler } from '../../src/api/validate.js';

describe('jsonErrors', () => {
  const lines: Record<string, unknown>[] = [];
  let server: http.Server;
  let base: string;
  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
        done();
      },
    });
    const app = express();
    app.use(requestId);
    app.get(
      '/api/staff/boom',
      asyncHandler(async () => {
        throw new Error('the database went away');
      }),
    );
    app.use(notFound);
    app.use(jsonErrors(pino({ level: 'info' }, sink)));
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('logs a 500 with the request id it answers, and no stack in the answer', async () => {
    const r = await fetch(`${base}/api/staff/boom?name=x`);
    expect(r.status).toBe(500);
    const id = r.headers.get('x-request-id');
    const text = await r.text();
    expect(JSON.parse(text)).toEqual({ error: 'internal_error', message: 'internal error', requestId: id });
    expect(text).not.toContain('database went away');
    const line = lines.find((l) => l.msg === 'request failed');
    expect(line).toMatchObject({ level: 50, requestId: id, method: 'GET', path: '/api/staff/boom' });
    expect(JSON.stringify(line)).not.toContain('name=x');
  });

  it('answers a route nobody serves with a JSON 404, and logs nothing', async () => {
    const before = lines.length;
    const r = await fetch(`${base}/nope`);
    expect(r.status).toBe(404);
    expect(await r.json()).toEqual({ error: 'not_found', message: 'no such route: GET /nope' });
    expect(lines.length).toBe(before);
  });
});
