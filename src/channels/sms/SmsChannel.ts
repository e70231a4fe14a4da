// The SMS channel behind the one channel interface: the outbox hands it a row whose text is a
// template message (smsMessage.ts) and whose externalId is a mobile number; it sends it through the
// gateway. It takes nothing in (replies by SMS are not read). Without a gateway configured it is
// off, says so (in /readyz), and is not offered: nothing is queued for it.
import type { Channel, ChannelStatus } from '../channel.js';
import { ChannelRejectedError, type SendRef } from '../../services/outbox/senderPort.js';
import { readSmsText, SMS_ACCOUNT } from '../../domain/sms/smsMessage.js';

export { SMS_ACCOUNT };
import type { SmsGateway } from './smsGateway.js';

export const SMS_STATUS_TEXT = {
  online: '短信网关已配置',
  off: '未配置短信网关（SMS_GATEWAY_URL），不发短信',
} as const;

const MOBILE = /^1\d{10}$/;

export class SmsChannel implements Channel {
  readonly name = 'sms' as const;

  /** `pricePerMessage`: yuan, for a broadcast's cost estimate. */
  constructor(
    readonly gateway: SmsGateway | undefined,
    readonly pricePerMessage = 0,
  ) {}

  /** Whether SMS can be sent at all (a gateway is configured). */
  get offered(): boolean {
    return this.gateway !== undefined;
  }

  /** Whether a message of this template can go out (offered, and the gateway has the template). */
  canSend(template: string): boolean {
    return this.gateway?.hasTemplate(template) ?? false;
  }

  async start(): Promise<void> {}

  async stop(): Promise<void> {}

  status(): ChannelStatus {
    return this.gateway ? { name: 'sms', state: 'online', detail: SMS_STATUS_TEXT.online } : { name: 'sms', state: 'off', detail: SMS_STATUS_TEXT.off };
  }

  async send(externalId: string, text: string, _at?: Date, ref?: SendRef): Promise<void> {
    if (!this.gateway) throw new Error('no SMS gateway configured');
    const read = readSmsText(text);
    if (!read.ok) throw new ChannelRejectedError(`not sent by SMS: ${read.reason}`);
    if (!MOBILE.test(externalId)) throw new ChannelRejectedError('not sent by SMS: not a mobile number');
    await this.gateway.send(externalId, read.message, ref?.messageId ?? '');
  }
}
