// The SMS channel through the one outbox, against the gateway's HTTP shape (nock): a message sent,
// a 429 that waits and is sent again, a refused number failed at once, a failing gateway (5xx) that
// recovers; the gateway's status reports mark a message delivered or failed, a forged one is refused.
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { dbUnavailable } from '../../support/testDb.js';
import { startTestApp, type TestApp } from '../../support/testApp.js';
import { enqueueMessage } from '../../../src/services/outbox/enqueueMessage.js';
import { smsText } from '../../../src/domain/sms/smsMessage.js';
import { signature } from '../../../src/channels/sms/smsSigning.js';
import { GATEWAY, KEY, postReports, SMS_ENV } from './smsKit.js';

const text = smsText({ template: 'botAccountAlert', params: { county: '项城市', account: 'xc-1', state: '已退出登录' } });

describe.skipIf(dbUnavailable)('the SMS channel', () => {
  let t: TestApp;
  let n = 0;
  beforeAll(async () => {
    t = await startTestApp({ env: SMS_ENV });
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
  });
  afterEach(() => nock.cleanAll());
  afterAll(async () => {
    nock.enableNetConnect();
    await t.stop();
    await t.database.drop();
  });
  const db = () => t.app.dbHandle.db;
  /** Queues one SMS at `at` and returns its row id. */
  async function queue(phone: string, at: Date): Promise<string> {
    const dedupeKey = `staff-alert:test:${n++}`;
    await enqueueMessage(db(), { contactId: null, channel: 'sms', externalId: phone, account: 'sms', text, priority: 0, dedupeKey, notBefore: at }, at);
    return (await db().outboxMessage.findUniqueOrThrow({ where: { dedupeKey } })).id;
  }
  const row = (id: string) => db().outboxMessage.findUniqueOrThrow({ where: { id } });
  const later = (s: number) => new Date(t.clock.now().getTime() + s * 1000);

  it('/readyz says SMS is offered', async () => {
    const r = await (await fetch(`http://127.0.0.1:${t.port}/readyz`)).json();
    expect(r.sms).toEqual({ name: 'sms', state: 'online', detail: '短信网关已配置', offered: true });
  });

  it('sends the template with its parameters, signed; the row is sent', async () => {
    const id = await queue('13800000001', later(0));
    let seen: { body: Record<string, string>; headers: Record<string, string> } | undefined;
    const scope = nock(GATEWAY)
      .post('/v1/sms/send')
      .reply(function (_uri, body) {
        seen = { body: body as Record<string, string>, headers: this.req.headers as Record<string, string> };
        return [200, { code: 'OK', message: 'OK', bizId: 'biz-1' }];
      });
    expect((await t.app.dispatcher.runOnce(later(1))).sent).toBe(1);
    expect(scope.isDone()).toBe(true);
    expect(seen!.body).toEqual({
      phoneNumbers: '13800000001',
      signName: '项城卫健',
      templateCode: 'SMS_100001',
      templateParam: '{"county":"项城市","account":"xc-1","state":"已退出登录"}',
      outId: id,
    });
    const h = seen!.headers;
    expect(h['x-sms-key-id']).toBe(KEY.keyId);
    expect(h['x-sms-signature']).toBe(signature(KEY.secret, h['x-sms-timestamp'], h['x-sms-nonce'], JSON.stringify(seen!.body)));
    expect((await row(id)).status).toBe('sent');
  });

  it('a 429 waits as long as the gateway says and the message goes out after, not lost', async () => {
    const id = await queue('13800000002', later(10));
    nock(GATEWAY).post('/v1/sms/send').reply(429, { code: 'Throttling.User' }, { 'retry-after': '30' });
    expect((await t.app.dispatcher.runOnce(later(11))).throttled).toBe(1);
    expect(await row(id)).toMatchObject({ status: 'queued', attempts: 0 });
    expect((await t.app.dispatcher.runOnce(later(20))).sent).toBe(0); // still waiting
    nock(GATEWAY).post('/v1/sms/send').reply(200, { code: 'OK', bizId: 'biz-2' });
    expect((await t.app.dispatcher.runOnce(later(42))).sent).toBe(1);
    expect((await row(id)).status).toBe('sent');
  });

  it('an invalid number fails at once and is never tried again', async () => {
    const id = await queue('13800000003', later(60));
    nock(GATEWAY).post('/v1/sms/send').reply(200, { code: 'isv.MOBILE_NUMBER_ILLEGAL', message: 'invalid mobile' });
    expect((await t.app.dispatcher.runOnce(later(61))).failed).toBe(1);
    expect(await row(id)).toMatchObject({ status: 'failed', attempts: 1 });
    expect((await row(id)).lastError).toContain('isv.MOBILE_NUMBER_ILLEGAL');
    const again = nock(GATEWAY).post('/v1/sms/send').reply(200, { code: 'OK' });
    await t.app.dispatcher.runOnce(later(3600));
    expect(again.isDone()).toBe(false);
  });

  it('a failing gateway (5xx) is tried again after the back-off and the message goes out when it recovers', async () => {
    const id = await queue('13800000004', later(4000));
    nock(GATEWAY).post('/v1/sms/send').reply(503, 'Service Unavailable');
    expect((await t.app.dispatcher.runOnce(later(4001))).retried).toBe(1);
    expect(await row(id)).toMatchObject({ status: 'queued', attempts: 1 });
    nock(GATEWAY).post('/v1/sms/send').reply(200, { code: 'OK', bizId: 'biz-4' });
    expect((await t.app.dispatcher.runOnce(later(4062))).sent).toBe(1);
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('status reports mark messages delivered or failed; a forged one is refused and changes nothing', async () => {
    const [a, b] = [await queue('13800000005', later(5000)), await queue('13800000006', later(5000))];
    nock(GATEWAY).post('/v1/sms/send').times(2).reply(200, { code: 'OK' });
    await t.app.dispatcher.runOnce(later(5001));
    await t.app.dispatcher.runOnce(later(5003));
    const report = (outId: string, success: boolean, code: string) => ({
      out_id: outId,
      biz_id: 'x',
      phone_number: '138',
      success,
      err_code: code,
      report_time: '2026-03-02 10:30:00',
    });
    const forged = await postReports(t.port, [report(a, false, 'MK:0001')], t.clock.now(), 'not-the-gateway-secret-0123456789');
    expect(forged.status).toBe(401);
    expect((await row(a)).status).toBe('sent');
    const r = await postReports(t.port, [report(a, true, 'DELIVERED'), report(b, false, 'MK:0001')], t.clock.now());
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ code: 0, msg: '成功', updated: 2 });
    expect((await row(a)).status).toBe('delivered');
    expect(await row(b)).toMatchObject({ status: 'failed', lastError: 'undelivered: MK:0001' });
    // the same signed report again (its nonce used) is refused
    const body = JSON.stringify([report(a, false, 'X')]);
    const { signedHeaders } = await import('../../../src/channels/sms/smsSigning.js');
    const headers = { 'content-type': 'application/json', ...signedHeaders(KEY, body, t.clock.now(), 'nonce-1') };
    expect((await fetch(`http://127.0.0.1:${t.port}/api/sms/status`, { method: 'POST', headers, body })).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${t.port}/api/sms/status`, { method: 'POST', headers, body })).status).toBe(401);
  });

  it('free text is never sent by SMS', async () => {
    const at = later(6000);
    await enqueueMessage(
      db(),
      {
        contactId: null,
        channel: 'sms',
        externalId: '13800000007',
        account: 'sms',
        text: '您的检查结果异常',
        priority: 0,
        dedupeKey: 'staff-alert:test:free',
        notBefore: at,
      },
      at,
    );
    const none = nock(GATEWAY).post('/v1/sms/send').reply(200, { code: 'OK' });
    expect((await t.app.dispatcher.runOnce(later(6001))).failed).toBe(1);
    expect(none.isDone()).toBe(false);
  });
});
