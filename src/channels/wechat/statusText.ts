// Plain Chinese words for staff describing the WeChat channel's state (shown on the login page and in the console).
import { types } from 'wechaty';
import { errorSummary } from './inbound.js';

export const STATUS_TEXT = {
  off: '微信通道未启动',
  stopped: '微信通道已停止',
  starting: (puppetName: string) => `正在启动微信（${puppetName}）…`,
  stillStarting: (puppetName: string) => `微信（${puppetName}）启动较慢，仍在尝试连接…`,
  online: (accountName: string) => `已登录：${accountName}`,
  loggedOut: '微信已退出登录，请用机器人微信号重新扫码',
} as const;

export function scanText(status: types.ScanStatus): string {
  switch (status) {
    case types.ScanStatus.Scanned:
      return '已扫码，请在手机上点“登录”确认';
    case types.ScanStatus.Confirmed:
      return '已确认，正在登录…';
    case types.ScanStatus.Cancel:
      return '扫码已取消，请重新扫码';
    case types.ScanStatus.Timeout:
      return '二维码已过期，请扫描新的二维码';
    default:
      return '请用机器人微信号扫描二维码登录';
  }
}

const NETWORK_CODES = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|socket hang up/i;

/** Why the channel is unavailable, in plain words, from the error that made it so. */
export function unavailableText(puppetName: string, err: unknown): string {
  const { message } = errorSummary(err);
  if (/Cannot find (package|module)/i.test(message)) {
    return `找不到微信协议组件“${puppetName}”，请检查 WECHATY_PUPPET 设置或安装该组件`;
  }
  if (NETWORK_CODES.test(message)) {
    return `无法连接微信服务器（网络不通：${message.slice(0, 120)}），正在自动重试`;
  }
  if (/token/i.test(message)) {
    return `微信协议服务的令牌无效或未设置（WECHATY_PUPPET_SERVICE_TOKEN）：${message.slice(0, 120)}`;
  }
  return `微信暂时不可用：${message.slice(0, 160)}`;
}
