import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChannelStatus } from '../../../src/channels/channel.js';
import { wechatLoginRouter } from '../../../src/channels/wechat/loginPage.js';

let server: http.Server | undefined;

async function serve(status: ChannelStatus): Promise<string> {
  const app = express();
  app.use(wechatLoginRouter({ status: () => status }));
  server = http.createServer(app);
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

describe('wechat login page', () => {
  it('shows the QR code as an inline image while waiting for a scan, refreshing every 5 s', async () => {
    const base = await serve({ name: 'wechat', state: 'waiting_for_scan', detail: '请扫码', qrCode: 'https://login.weixin.qq.com/l/abc' });
    const res = await fetch(`${base}/wechat/login`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const html = await res.text();
    expect(html).toContain('<meta http-equiv="refresh" content="5">');
    expect(html).toContain('等待扫码登录');
    expect(html).toMatch(/<img class="qr" src="data:image\/png;base64,[A-Za-z0-9+/=]+"/);
    expect(html).not.toContain('login.weixin.qq.com/l/abc'); // only the rendered image
  });

  it('shows the state and escapes the detail when online or unavailable', async () => {
    const base = await serve({ name: 'wechat', state: 'unavailable', detail: '网络不通 <script>' });
    const html = await (await fetch(`${base}/wechat/login`)).text();
    expect(html).toContain('暂不可用');
    expect(html).toContain('网络不通 &lt;script&gt;');
    expect(html).not.toContain('<img');
  });

  it('gives the status as JSON without the QR payload', async () => {
    const base = await serve({ name: 'wechat', state: 'waiting_for_scan', detail: '请扫码', qrCode: 'secret-qr' });
    const res = await fetch(`${base}/wechat/status`);
    expect(await res.json()).toEqual({ name: 'wechat', state: 'waiting_for_scan', detail: '请扫码' });
  });
});
