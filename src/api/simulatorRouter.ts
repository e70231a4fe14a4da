// The web simulator's HTTP interface (kept stable: later issues and tests use it) and its page.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { Router } from 'express';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { z } from 'zod';
import type { AdjustableClock } from '../support/clock.js';
import type { SimulatorChannel } from '../channels/simulator/SimulatorChannel.js';
import { asyncHandler, parseOr400 } from './validate.js';
import { inlineScriptPolicy } from './securityHeaders.js';

const contactId = z.string().trim().min(1, 'required').max(64, 'at most 64 characters');
// her text, or a voice message or a picture she sends ({ contactId, kind: 'voice' | 'image' })
const messageBody = z
  .object({ contactId, text: z.string().min(1, 'required').max(2000, 'at most 2000 characters').optional(), kind: z.enum(['voice', 'image']).optional() })
  .refine((b) => b.text !== undefined || b.kind !== undefined, { message: 'required', path: ['text'] });
const transcriptQuery = z.object({ contactId });
const clockBody = z.object({ now: z.string().datetime({ offset: true, message: 'an ISO-8601 instant, e.g. 2026-03-05T09:00:00+08:00' }) });

/** Milliseconds to wait when any of the limits is used up (0: go ahead). */
async function tooMany(consumed: Promise<unknown>[]): Promise<number> {
  const results = await Promise.allSettled(consumed);
  let wait = 0;
  for (const r of results) {
    if (r.status === 'fulfilled') continue;
    // rejected with the limiter's result when used up; anything else is a real error
    if (!(r.reason instanceof RateLimiterRes)) throw r.reason;
    wait = Math.max(wait, r.reason.msBeforeNext, 1);
  }
  return wait;
}

const publicDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'public');

export interface SimulatorRouterDeps {
  channel: SimulatorChannel;
  clock: AdjustableClock;
  catchUp: (from: Date, to: Date, progress?: (at: Date) => Promise<void>) => Promise<void>;
  saveClock: (now: Date) => Promise<void>;
  /** Holds real-time sending while the clock jumps (what falls due meanwhile goes out at its own simulated time). */
  whileJumping?: <T>(fn: () => Promise<T>) => Promise<T>;
  /** Whether the database holds contacts of a real channel (WeChat, SMS): their clock is never moved. */
  holdsRealContacts?: () => Promise<boolean>;
  /** Messages per minute one contact id, and one address, may send (a flood is answered 429). */
  perMinute: { contact: number; address: number };
}

export function simulatorRouter(deps: SimulatorRouterDeps): Router {
  const { channel, clock, catchUp, saveClock } = deps;
  const whileJumping = deps.whileJumping ?? ((fn) => fn());
  const holdsRealContacts = deps.holdsRealContacts ?? (async () => false);
  // (in this process's memory: the simulator is a one-process demo)
  const perContact = new RateLimiterMemory({ keyPrefix: 'sim-contact', points: deps.perMinute.contact, duration: 60 });
  const perAddress = new RateLimiterMemory({ keyPrefix: 'sim-address', points: deps.perMinute.address, duration: 60 });
  const r = Router();
  // (its own paths only: no other request's body is parsed before it is authenticated)
  r.use('/simulator', express.json({ limit: '64kb' }));

  // (its inline script allowed by its hash, under the app's content security policy)
  const page = path.join(publicDir, 'simulator.html');
  r.get('/simulator', inlineScriptPolicy(fs.readFileSync(page, 'utf8')), (_req, res) => res.sendFile(page));

  r.post(
    '/simulator/messages',
    asyncHandler(async (req, res) => {
      const body = parseOr400(messageBody, req.body, res);
      if (!body) return;
      const wait = await tooMany([perAddress.consume(req.ip ?? ''), perContact.consume(body.contactId)]);
      if (wait > 0) {
        res.set('Retry-After', String(Math.ceil(wait / 1000)));
        res.status(429).json({ error: 'too_many_messages', message: `too many messages: try again in ${Math.ceil(wait / 1000)} s` });
        return;
      }
      const replies = await channel.receive(body.contactId, body.kind ? { kind: body.kind } : body.text!);
      res.json({ replies });
    }),
  );

  r.get(
    '/simulator/messages',
    asyncHandler(async (req, res) => {
      const q = parseOr400(transcriptQuery, req.query, res);
      if (!q) return;
      res.json({ messages: channel.transcript(q.contactId) });
    }),
  );

  r.get('/simulator/clock', (_req, res) => {
    res.json({ now: clock.now().toISOString() });
  });

  r.post(
    '/simulator/clock',
    asyncHandler(async (req, res) => {
      const body = parseOr400(clockBody, req.body, res);
      if (!body) return;
      // (a jump would turn real women's bookings into no-shows and send them the notices)
      if (await holdsRealContacts()) {
        res.status(409).json({ error: 'real_contacts', message: 'this database holds contacts of a real channel (WeChat, SMS): its clock is not moved' });
        return;
      }
      const to = new Date(body.now);
      const from = clock.now();
      const moved = await whileJumping(async () => {
        if (!clock.advanceTo(to)) return false;
        // saved as the jump's work is done, the end only after its jobs ran and its messages went out:
        // a process killed meanwhile starts again where the work stopped
        await catchUp(from, to, saveClock);
        await saveClock(to);
        return true;
      });
      if (!moved) {
        res.status(400).json({ error: 'invalid_request', field: 'now', message: `now: the clock only moves forward; it is already ${from.toISOString()}` });
        return;
      }
      res.json({ now: clock.now().toISOString() });
    }),
  );
  return r;
}
