// Shared by the SMS tests: the settings of a gateway faked with nock, and signing a status report as the gateway would.
import { signedHeaders } from '../../../src/channels/sms/smsSigning.js';

export const GATEWAY = 'https://sms.gateway.example';
export const KEY = { keyId: 'LTAI-test-key', secret: 'a-gateway-secret-of-test-0123456789' };
export const SMS_ENV = {
  SMS_GATEWAY_URL: `${GATEWAY}/v1/sms/send`,
  SMS_ACCESS_KEY_ID: KEY.keyId,
  SMS_ACCESS_KEY_SECRET: KEY.secret,
  SMS_SIGN_NAME: '项城卫健',
  SMS_TEMPLATES: 'botAccountAlert:SMS_100001',
};

/** POSTs reports to /api/sms/status signed with `secret` at `now`. */
export async function postReports(port: number, reports: unknown, now: Date, secret = KEY.secret): Promise<Response> {
  const body = JSON.stringify(reports);
  return fetch(`http://127.0.0.1:${port}/api/sms/status`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...signedHeaders({ keyId: KEY.keyId, secret }, body, now) },
    body,
  });
}
