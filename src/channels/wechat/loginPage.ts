// Staff page to log the bot's WeChat account in: GET /wechat/login shows the state and, while waiting, the QR
// code to scan with the bot's phone; GET /wechat/status gives the same state as JSON (without the QR payload).
// Mount it behind staff authentication: whoever scans the QR code becomes the bot's account.
import { Router, type Request, type Response } from 'express';
import QRCode from 'qrcode';
import type { ChannelState, ChannelStatus } from '../channel.js';

export interface StatusSource {
  status(): ChannelStatus;
}

const STATE_LABEL: Record<ChannelState, string> = {
  off: '未启动',
  starting: '正在启动',
  waiting_for_scan: '等待扫码登录',
  online: '已登录，正常运行',
  unavailable: '暂不可用',
};

const STATE_COLOUR: Record<ChannelState, string> = {
  off: '#777',
  starting: '#b07d00',
  waiting_for_scan: '#1565c0',
  online: '#2e7d32',
  unavailable: '#c62828',
};

const LOGIN_PAGE_REFRESH_SECONDS = 5;

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

async function renderLoginPage(status: ChannelStatus): Promise<string> {
  const label = STATE_LABEL[status.state] ?? status.state;
  const colour = STATE_COLOUR[status.state] ?? '#333';
  const detail = status.detail ? `<p class="detail">${escapeHtml(status.detail)}</p>` : '';
  let body = '';
  if (status.state === 'waiting_for_scan' && status.qrCode) {
    const dataUrl = await QRCode.toDataURL(status.qrCode, { margin: 2, width: 280 });
    body = `
    <img class="qr" src="${dataUrl}" alt="微信登录二维码" width="280" height="280">
    <ol class="steps">
      <li>拿出用作机器人的那部手机，打开微信。</li>
      <li>点右上角“＋”，选“扫一扫”，对准上面的二维码。</li>
      <li>在手机上点“登录”确认。本页每 ${LOGIN_PAGE_REFRESH_SECONDS} 秒自动刷新。</li>
    </ol>`;
  } else if (status.state === 'waiting_for_scan') {
    body = '<p>二维码正在生成，请稍候…</p>';
  } else if (status.state === 'online') {
    body = '<p>机器人已在线，无需操作。请勿在网页版微信或其他电脑上登录同一个微信号。</p>';
  } else if (status.state === 'unavailable' || status.state === 'off') {
    body = '<p>请联系系统管理员检查微信通道设置和网络。</p>';
  }
  return `<!doctype html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <meta http-equiv="refresh" content="${LOGIN_PAGE_REFRESH_SECONDS}">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>微信机器人登录</title>
  <style>
    body { font-family: "PingFang SC", "Microsoft YaHei", sans-serif; max-width: 36rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
    .state { font-size: 1.4rem; font-weight: bold; color: ${colour}; }
    .detail { color: #444; }
    .qr { display: block; margin: 1rem 0; border: 1px solid #ddd; }
    .steps { line-height: 1.8; }
  </style>
</head>
<body>
  <h1>微信机器人登录</h1>
  <p>当前状态：<span class="state" data-state="${status.state}">${label}</span></p>
  ${detail}
  ${body}
</body>
</html>`;
}

/** Express router serving GET /wechat/login (HTML) and GET /wechat/status (JSON). */
export function wechatLoginRouter(channel: StatusSource): Router {
  const router = Router();

  router.get('/wechat/login', async (_req: Request, res: Response) => {
    try {
      const html = await renderLoginPage(channel.status());
      res.set('Cache-Control', 'no-store').type('html').send(html);
    } catch {
      res.status(500).type('text/plain; charset=utf-8').send('无法显示登录页面，请稍后刷新');
    }
  });

  router.get('/wechat/status', (_req: Request, res: Response) => {
    const { qrCode: _qrCode, ...rest } = channel.status();
    res.set('Cache-Control', 'no-store').json(rest);
  });

  return router;
}
