// The SMS gateway's status callback in the OpenAPI document (src/api/openapi.ts).
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { errors, json } from './openapiParts.js';
import { smsReportsSchema } from './smsStatusRouter.js';

const header = (name: string, description: string) => ({ name, in: 'header' as const, required: true, schema: { type: 'string' as const }, description });

export function registerSmsPaths(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'post',
    path: '/api/sms/status',
    summary: "The SMS gateway's delivery reports: each message sent becomes delivered or failed",
    description:
      'Signed by the gateway with the access key secret: x-sms-signature = base64(HMAC-SHA256(secret, "<timestamp>\\n<nonce>\\n<raw body>")). A forged, stale (over 5 minutes) or replayed report is refused (401) and changes nothing. out_id is the outbox message id sent with the message.',
    parameters: [
      header('x-sms-key-id', 'SMS_ACCESS_KEY_ID'),
      header('x-sms-timestamp', 'Unix seconds'),
      header('x-sms-nonce', 'unique per request'),
      header('x-sms-signature', 'base64 HMAC-SHA256'),
    ],
    request: { body: { content: json(smsReportsSchema) } },
    responses: {
      200: { description: 'taken', content: json(z.object({ code: z.literal(0), msg: z.string(), updated: z.number().int() })) },
      ...errors({ 400: 'not a list of reports (the field is named)', 401: 'bad signature, stale or replayed', 404: 'no SMS gateway configured' }),
    },
  });
}
