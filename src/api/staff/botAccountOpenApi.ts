// The bot-account route in the OpenAPI document (src/api/openapi.ts).
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { errors, json, type StaffSecurity } from '../openapiParts.js';
import { botAccountParams } from './botAccountRouter.js';

const account = z.object({
  account: z.string().describe('the account name its process sends for (BOT_ACCOUNT)'),
  countyId: z.string().nullable(),
  state: z
    .string()
    .describe("the channel's state as last reported: starting, waiting_for_scan, online, unavailable, off; silent when its process stopped reporting"),
  detail: z.string().nullable().describe('plain words for staff: who is logged in, or why not'),
  since: z.string().nullable().describe('since when it is in that state'),
  sentToday: z.number().int(),
  dailyCap: z.number().int().nullable(),
  left: z.number().int().nullable().describe('sends left today under the cap'),
  lastSentAt: z.string().nullable(),
  throttledUntil: z.string().nullable().describe('WeChat said it sends too often: nothing is sent before this'),
  seenAt: z.string().nullable().describe("its process's last report (every minute)"),
  alert: z.enum(['logged_out', 'unavailable', 'throttled', 'silent']).nullable().describe('what needs a person now; null: none'),
});

export function registerBotAccountPaths(registry: OpenAPIRegistry, security: StaffSecurity): void {
  registry.registerPath({
    method: 'get',
    path: '/api/staff/bot-accounts',
    summary: "The bot's WeChat accounts: login state, sends today and left, and what needs a person now",
    description:
      'For county administrators (their county) and city administrators. A process reports every minute; after 3 minutes without a report its account is silent.',
    security,
    responses: {
      200: { description: 'the accounts', content: json(z.object({ accounts: z.array(account) })) },
      ...errors({ 401: 'not logged in', 403: 'not an administrator' }),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/staff/bot-accounts/{account}/login-qr',
    summary: 'The login QR code of a bot account waiting for a scan (whoever scans it becomes the bot: each code shown is audited)',
    description: 'Only the process that runs the account holds its code: another process answers here: false (open /wechat/login of that process).',
    security,
    request: { params: botAccountParams },
    responses: {
      200: {
        description: 'the code as a PNG data: URL while the account waits for a scan; null otherwise',
        content: json(
          z.object({
            account: z.string(),
            here: z.boolean().describe('whether this process runs the account'),
            state: z.string().nullable().describe("the channel's state (null when the account runs elsewhere)"),
            qrDataUrl: z.string().nullable(),
          }),
        ),
      },
      ...errors({ 401: 'not logged in', 403: 'not an administrator', 404: 'no such bot account in the county' }),
    },
  });
}
