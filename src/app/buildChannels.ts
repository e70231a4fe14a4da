// The channels this process runs: the web simulator (a demo tool), WeChat, and SMS (off without a gateway).
import path from 'node:path';
import type { Channel } from '../channels/channel.js';
import { SimulatorChannel } from '../channels/simulator/SimulatorChannel.js';
import { WechatChannel } from '../channels/wechat/WechatChannel.js';
import { SmsChannel } from '../channels/sms/SmsChannel.js';
import { SmsGateway } from '../channels/sms/smsGateway.js';
import type { Config } from '../config/config.js';
import type { DataFiles } from '../config/loadDataFiles.js';
import { renderTemplate, type TemplateVars } from '../domain/template.js';
import type { Clock } from '../support/clock.js';
import type { Logger } from '../support/logger.js';

export function buildChannels(config: Config, files: DataFiles, o: { clock: Clock; logger: Logger; countyVars: TemplateVars; wechatPuppet?: unknown }) {
  const messages = files.flowSet.messages;
  const channels: Channel[] = [];
  const simulator = config.SIMULATOR_ENABLED ? new SimulatorChannel(o.clock, config.SIMULATOR_TRANSCRIPTS) : undefined;
  if (simulator) channels.push(simulator);
  let wechat: WechatChannel | undefined;
  if (config.WECHAT_ENABLED || o.wechatPuppet) {
    wechat = new WechatChannel({
      puppet: o.wechatPuppet as never,
      puppetName: config.WECHATY_PUPPET,
      puppetToken: config.WECHATY_PUPPET_SERVICE_TOKEN,
      botName: config.WECHAT_BOT_NAME,
      // the login session (lets a restart skip the QR scan) lives with the other data
      sessionName: path.resolve('data', `wechat-${config.WECHAT_BOT_NAME}`),
      // (unset: the channel's default for its puppet)
      idStrategy: config.WECHAT_ID_STRATEGY,
      logger: o.logger,
      groupMentionReply: renderTemplate(messages.groupMention, o.countyVars),
      textOnlyReply: renderTemplate(messages.textOnly, o.countyVars),
      errorReply: renderTemplate(messages.systemError, o.countyVars),
      minSendIntervalMs: config.WECHAT_SEND_INTERVAL_MS,
      stopDrainTimeoutMs: 8_000,
    });
    channels.push(wechat);
  }
  return { channels, simulator, wechat, sms: smsChannel(config, o.clock) };
}

/** The SMS channel: with its gateway when SMS_GATEWAY_URL is set (the config then has its credentials), else off. */
export function smsChannel(config: Config, clock: Clock): SmsChannel {
  const url = config.SMS_GATEWAY_URL;
  const gateway =
    url && config.SMS_ACCESS_KEY_ID && config.SMS_ACCESS_KEY_SECRET && config.SMS_SIGN_NAME
      ? new SmsGateway(
          {
            url,
            credentials: { keyId: config.SMS_ACCESS_KEY_ID, secret: config.SMS_ACCESS_KEY_SECRET },
            signName: config.SMS_SIGN_NAME,
            templates: config.SMS_TEMPLATES,
          },
          clock,
        )
      : undefined;
  return new SmsChannel(gateway, config.SMS_PRICE_PER_MESSAGE);
}
