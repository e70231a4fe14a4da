// The audit is kept for the profile's months (national.yaml: audit.keepMonths 36), then the nightly
// job (03:40 Asia/Shanghai) deletes what is older; nothing younger is touched.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepAudit } from '../../../src/services/audit/audit.js';
import { dbUnavailable } from '../../support/testDb.js';
import { startTestApp, type TestApp } from '../../support/testApp.js';

describe.skipIf(dbUnavailable)('audit retention', () => {
  let t: TestApp;
  const db = () => t.app.dbHandle.db;
  const entry = (at: string, objectId: string) =>
    db().auditEntry.create({ data: { at: new Date(at), actor: 'system', action: 'woman.view', objectType: 'contact', objectId } });

  beforeAll(async () => {
    t = await startTestApp(); // Monday 2026-03-02 09:00 +08:00
  });
  afterAll(async () => {
    await t?.stop();
    await t?.database.drop();
  });

  it('the nightly job deletes entries older than 36 months and keeps the rest', async () => {
    expect(t.app.profile.audit.keepMonths).toBe(36);
    await entry('2023-03-01T00:00:00Z', 'old');
    await entry('2023-03-03T00:00:00Z', 'kept-a');
    await entry('2026-03-01T00:00:00Z', 'kept-b');
    const from = t.clock.now();
    const to = new Date('2026-03-03T04:00:00+08:00');
    t.clock.advanceTo(to);
    await t.app.catchUp(from, to);
    // the run at 2026-03-03 03:40 +08:00 keeps everything from 2023-03-03 03:40 +08:00 on
    expect((await db().auditEntry.findMany({ where: { action: 'woman.view' }, orderBy: { at: 'asc' } })).map((e) => e.objectId)).toEqual(['kept-a', 'kept-b']);
  });

  it('sweepAudit counts what it deleted; the boundary instant itself is kept', async () => {
    await db().auditEntry.deleteMany();
    const now = new Date('2026-06-15T12:00:00Z');
    await entry('2025-06-15T12:00:00Z', 'boundary');
    await entry('2025-06-15T11:59:59.999Z', 'just-before');
    expect(await sweepAudit(db(), 12, now)).toBe(1);
    expect(await db().auditEntry.count({ where: { objectId: 'boundary' } })).toBe(1);
  });
});
