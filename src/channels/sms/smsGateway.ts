// The HTTP SMS gateway, of the kind Chinese clouds offer: a signature (签名), pre-approved templates
// with parameters, and a status report per message sent back to us later (POST /api/sms/status).
//
// One message is one request, signed as smsSigning.ts says:
//
//   POST <SMS_GATEWAY_URL>            content-type: application/json; x-sms-key-id, x-sms-timestamp, x-sms-nonce, x-sms-signature
//   {"phoneNumbers": "13800000000", "signName": "项城卫健", "templateCode": "SMS_123456789",
//    "templateParam": "{\"county\":\"项城市\",…}", "outId": "<the outbox message's id>"}
//
//   200 {"code": "OK", "message": "OK", "bizId": "<the gateway's id>"}                  sent
//   429, or code isv.BUSINESS_LIMIT_CONTROL / Throttling.User                            too often: the outbox waits (Retry-After) and sends again
//   code isv.MOBILE_NUMBER_ILLEGAL, isv.SMS_TEMPLATE_ILLEGAL, … (REFUSED_FOR_GOOD)        refused for good: failed, never retried
//   5xx, no answer, any other code                                                       a failed attempt: retried with back-off
//
// A gateway with another shape (Aliyun's RPC signature, Tencent Cloud's TC3) sits behind a small
// relay that speaks this one; the relay holds the cloud's own credentials.
import type { Clock } from '../../support/clock.js';
import { ChannelRejectedError, ChannelThrottledError } from '../../services/outbox/senderPort.js';
import type { SmsMessage } from '../../domain/sms/smsMessage.js';
import { signedHeaders, type SmsCredentials } from './smsSigning.js';

export interface SmsGatewaySettings {
  url: string;
  credentials: SmsCredentials;
  signName: string;
  /** Template name → the gateway's approved template code. */
  templates: ReadonlyMap<string, string>;
  /** Default 10 s. */
  timeoutMs?: number;
}

/** Codes after which sending the same message again cannot succeed. */
export const REFUSED_FOR_GOOD = new Set([
  'isv.MOBILE_NUMBER_ILLEGAL',
  'isv.MOBILE_COUNT_OVER_LIMIT',
  'isv.SMS_TEMPLATE_ILLEGAL',
  'isv.SMS_SIGNATURE_ILLEGAL',
  'isv.TEMPLATE_MISSING_PARAMETERS',
  'isv.TEMPLATE_PARAMS_ILLEGAL',
  'isv.PARAM_LENGTH_LIMIT',
  'isv.INVALID_PARAMETERS',
  'isv.BLACK_KEY_CONTROL_LIMIT',
  'isv.DAY_LIMIT_CONTROL',
]);
const TOO_OFTEN = new Set(['isv.BUSINESS_LIMIT_CONTROL', 'Throttling.User']);

/** A Retry-After header in seconds (or an HTTP date) as milliseconds; undefined when absent or unreadable. */
function retryAfterMs(header: string | null, now: Date): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

const codeOf = (body: unknown): string | undefined => {
  const code = (body as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code.slice(0, 64) : undefined;
};

export class SmsGateway {
  constructor(
    readonly settings: SmsGatewaySettings,
    private readonly clock: Clock,
  ) {}

  /** Whether the gateway has an approved template for this name. */
  hasTemplate(name: string): boolean {
    return this.settings.templates.has(name);
  }

  /** Sends one templated SMS; resolves with the gateway's id, rejects as the table above says. */
  async send(phone: string, message: SmsMessage, outId: string): Promise<{ bizId?: string }> {
    const templateCode = this.settings.templates.get(message.template);
    if (!templateCode) throw new ChannelRejectedError(`no approved template for ${message.template} (SMS_TEMPLATES)`);
    const body = JSON.stringify({
      phoneNumbers: phone,
      signName: this.settings.signName,
      templateCode,
      templateParam: JSON.stringify(message.params),
      outId,
    });
    const now = this.clock.now();
    let res: Response;
    try {
      res = await fetch(this.settings.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...signedHeaders(this.settings.credentials, body, now) },
        body,
        signal: AbortSignal.timeout(this.settings.timeoutMs ?? 10_000),
      });
    } catch (err) {
      throw new Error(`SMS gateway unreachable: ${err instanceof Error ? err.message : String(err)}`);
    }
    const answer: unknown = await res.json().catch(() => null);
    const code = codeOf(answer);
    if (res.status === 429 || (code && TOO_OFTEN.has(code))) {
      throw new ChannelThrottledError(`SMS gateway: too many requests (${code ?? res.status})`, retryAfterMs(res.headers.get('retry-after'), now));
    }
    if (res.status >= 500) throw new Error(`SMS gateway: HTTP ${res.status}`);
    if (code && REFUSED_FOR_GOOD.has(code)) throw new ChannelRejectedError(`SMS gateway refused: ${code}`);
    if (res.ok && code === 'OK') {
      const bizId = (answer as { bizId?: unknown }).bizId;
      return typeof bizId === 'string' ? { bizId } : {};
    }
    throw new Error(`SMS gateway: HTTP ${res.status}${code ? ` ${code}` : ''}`);
  }
}
