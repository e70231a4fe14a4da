// The staff's side of a hand-off (design invariant 8: access checked here, every look and change
// audited): the inbox of requests in the account's scope, one request with her conversation so far,
// and claim, reply, release and close. A request outside the account's scope is not found.
import type { Db, Tx } from '../../db/client.js';
import { runTransaction } from '../../db/transaction.js';
import { renderTemplate } from '../../domain/template.js';
import { administersCounty, seesTownship, type StaffScope } from '../../domain/staff/staffScope.js';
import { audit } from '../audit/audit.js';
import { enqueueMessage } from '../outbox/enqueueMessage.js';
import { chatLinesOf } from './chatLines.js';
import { handoffCountsFor, handoffNames, type HandoffNames } from './handoffNames.js';
import {
  HANDOFF_KEY_PREFIX,
  PRIVATE_CHANNELS,
  type HandoffRefusal,
  type HandoffResult,
  type HandoffRow,
  type HandoffStatus,
  type HandoffTexts,
} from './handoffTypes.js';

export interface HandoffFilter {
  status?: HandoffStatus;
  region?: string;
  escalated?: boolean;
  /** Default oldest first (the longest waiting). */
  order?: 'oldest' | 'newest';
  limit: number;
}

/** Who asks, and from where (the audit's address). */
export interface StaffCall {
  scope: StaffScope;
  address?: string;
}

/** Her chat is not private (an SMS contact): nothing of the reply is kept. */
class NoPrivateChat extends Error {}

const sees = (s: StaffScope, r: HandoffRow) => seesTownship(s, r.countyId, r.regionId);

export class StaffHandoffs {
  constructor(
    private readonly db: Db,
    private readonly texts: () => HandoffTexts,
  ) {}

  /** The requests the account sees, oldest first unless `order` says newest (open and claimed unless `status` says otherwise). */
  async list(scope: StaffScope, f: HandoffFilter): Promise<{ rows: HandoffRow[]; more: boolean }> {
    if (scope.role === 'hospital') return { rows: [], more: false };
    const where = {
      ...(scope.role === 'city' ? {} : { countyId: scope.countyId ?? '' }),
      ...(scope.role === 'township' ? { regionId: scope.townshipId ?? '' } : {}),
      ...(f.region ? { regionId: f.region } : {}),
      ...(f.status ? { status: f.status } : { status: { in: ['open', 'claimed'] } }),
      ...(f.escalated === undefined ? {} : { escalatedAt: f.escalated ? { not: null } : null }),
    };
    // a township account whose filter names another township sees nothing
    if (scope.role === 'township' && f.region && f.region !== scope.townshipId) return { rows: [], more: false };
    const rows = await this.db.handoffRequest.findMany({
      where,
      orderBy: f.order === 'newest' ? [{ createdAt: 'desc' }, { id: 'desc' }] : [{ createdAt: 'asc' }, { id: 'asc' }],
      take: f.limit + 1,
    });
    const seen = rows.filter((r) => sees(scope, r));
    return { rows: seen.slice(0, f.limit), more: seen.length > f.limit };
  }

  /** The townships and staff accounts the inbox names (by id). */
  names(regionIds: readonly string[], accountIds: readonly (string | null)[]): Promise<HandoffNames> {
    return handoffNames(this.db, regionIds, accountIds);
  }

  /** What waits in the account's scope (counts only: the console's menu). */
  counts(scope: StaffScope): Promise<{ waiting: number; escalated: number; mine: number }> {
    return handoffCountsFor(this.db, scope);
  }

  /** One request with her conversation so far (her chat lines): a view of her record, audited. */
  async show(call: StaffCall, id: string, now: Date) {
    const r = await this.find(call.scope, id);
    if (!r) return undefined;
    const lines = await chatLinesOf(this.db, r.contactId);
    await audit(
      this.db,
      {
        by: call.scope,
        action: 'woman.view',
        objectType: 'contact',
        objectId: r.contactId,
        countyId: r.countyId,
        address: call.address,
        detail: { handoffId: r.id },
      },
      now,
    );
    return { request: r, lines };
  }

  /** Claims an open request for the caller (`version` as read: a second claimer gets changed_meanwhile). */
  claim(call: StaffCall, id: string, version: number, now: Date): Promise<HandoffResult<HandoffRow>> {
    return this.change(
      call,
      id,
      version,
      now,
      'handoff.claim',
      (r) => (r.status === 'open' ? undefined : r.status === 'closed' ? 'closed' : 'changed_meanwhile'),
      {
        status: 'claimed',
        claimedBy: call.scope.accountId,
        claimedAt: now,
      },
    );
  }

  /** Gives a claimed request back to the inbox (its claimer, or a county administrator). */
  release(call: StaffCall, id: string, version: number, now: Date): Promise<HandoffResult<HandoffRow>> {
    return this.change(call, id, version, now, 'handoff.release', (r) => this.mayWork(call.scope, r), { status: 'open', claimedBy: null, claimedAt: null });
  }

  /** Closes it (its claimer, or a county administrator): she is told the bot answers again. */
  close(call: StaffCall, id: string, version: number, now: Date): Promise<HandoffResult<HandoffRow>> {
    return this.change(
      call,
      id,
      version,
      now,
      'handoff.close',
      (r) =>
        r.status === 'closed'
          ? 'closed'
          : r.status === 'open' && !administersCounty(call.scope, r.countyId)
            ? 'not_claimed'
            : this.mayWork(call.scope, r, true),
      { status: 'closed', activeKey: null, closedBy: call.scope.accountId, closedAt: now },
      (tx, r) => this.send(tx, r, this.texts().closed, 'closed', now),
    );
  }

  /** The claimer's reply: sent to her private chat ahead of bulk, kept as a staff line. */
  async reply(call: StaffCall, id: string, text: string, now: Date): Promise<HandoffResult<{ lineId: string }>> {
    const r = await this.find(call.scope, id);
    if (!r) return { ok: false, error: 'not_found' };
    if (r.status !== 'claimed') return { ok: false, error: r.status === 'closed' ? 'closed' : 'not_claimed' };
    if (r.claimedBy !== call.scope.accountId) return { ok: false, error: 'not_claimer' };
    return runTransaction(this.db, async (tx) => {
      // (still claimed by the caller when the reply is written)
      const still = await tx.handoffRequest.updateMany({ where: { id, status: 'claimed', claimedBy: call.scope.accountId }, data: { updatedAt: now } });
      if (still.count === 0) return { ok: false, error: 'changed_meanwhile' } as const;
      const line = await tx.chatLine.create({
        data: { contactId: r.contactId, from: 'staff', text, accountId: call.scope.accountId, at: now },
        select: { id: true },
      });
      const sent = await this.send(tx, r, renderTemplate(this.texts().staffReply, { text }), `reply:${line.id}`, now);
      if (!sent) throw new NoPrivateChat();
      await audit(
        tx,
        {
          by: call.scope,
          action: 'handoff.reply',
          objectType: 'handoff',
          objectId: id,
          countyId: r.countyId,
          address: call.address,
          detail: { lineId: line.id },
        },
        now,
      );
      return { ok: true, value: { lineId: line.id } } as const;
    }).catch((err: unknown) => {
      if (err instanceof NoPrivateChat) return { ok: false, error: 'no_private_chat' } as const;
      throw err;
    });
  }

  /** The request, when the account sees it. */
  private async find(scope: StaffScope, id: string): Promise<HandoffRow | undefined> {
    const r = await this.db.handoffRequest.findUnique({ where: { id } });
    return r && sees(scope, r) ? r : undefined;
  }

  /** Whether the caller may work a claimed request: its claimer, or a county administrator. */
  private mayWork(scope: StaffScope, r: HandoffRow, openToo = false) {
    if (r.status === 'closed') return 'closed' as const;
    if (r.status === 'open' && !openToo) return 'not_claimed' as const;
    return r.claimedBy === scope.accountId || administersCounty(scope, r.countyId) ? undefined : ('not_claimer' as const);
  }

  /** One change of a request, by its version, audited in its transaction. */
  private async change(
    call: StaffCall,
    id: string,
    version: number,
    now: Date,
    action: string,
    refuse: (r: HandoffRow) => HandoffRefusal | undefined,
    data: Partial<Pick<HandoffRow, 'status' | 'claimedBy' | 'claimedAt' | 'closedBy' | 'closedAt'>> & { activeKey?: null },
    then?: (tx: Tx, r: HandoffRow) => Promise<unknown>,
  ): Promise<HandoffResult<HandoffRow>> {
    const r = await this.find(call.scope, id);
    if (!r) return { ok: false, error: 'not_found' };
    const refused = refuse(r);
    if (refused) return { ok: false, error: refused };
    if (r.version !== version) return { ok: false, error: 'changed_meanwhile' };
    return runTransaction(this.db, async (tx) => {
      const moved = await tx.handoffRequest.updateMany({ where: { id, version }, data: { ...data, updatedAt: now, version: { increment: 1 } } });
      if (moved.count === 0) return { ok: false, error: 'changed_meanwhile' } as const;
      await then?.(tx, r);
      await audit(tx, { by: call.scope, action, objectType: 'handoff', objectId: id, countyId: r.countyId, address: call.address }, now);
      return { ok: true, value: (await tx.handoffRequest.findUnique({ where: { id } }))! } as const;
    });
  }

  /** Queues a message to her private chat (reply priority, ahead of notices and bulk); false when she has none. */
  private async send(tx: Tx, r: HandoffRow, text: string, key: string, now: Date): Promise<boolean> {
    const c = await tx.contact.findUnique({ where: { id: r.contactId }, select: { channel: true, externalId: true, account: true } });
    if (!c || !PRIVATE_CHANNELS.includes(c.channel)) return false;
    await enqueueMessage(
      tx,
      {
        contactId: r.contactId,
        channel: c.channel,
        externalId: c.externalId,
        account: c.account,
        text,
        priority: 0,
        dedupeKey: `${HANDOFF_KEY_PREFIX}${r.id}:${key}`,
        notBefore: now,
      },
      now,
    );
    return true;
  }
}
