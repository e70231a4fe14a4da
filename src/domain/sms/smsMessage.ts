// What an SMS may say: only a pre-approved template of the gateway, with parameters. An outbox row for
// the 'sms' channel holds `{"template": name, "params": {…}}` as its text, never free words; the
// channel refuses anything else. The templates and their parameters are listed here, in code: none of
// them carries a result, a finding or any health detail, and a parameter is a short plain value (a
// county's or an account's name, a state word), never a sentence.

/** The outbox account SMS are paced under (one gateway for every process of the database). */
export const SMS_ACCOUNT = 'sms';

/** The templates the service sends, each with the parameters its approved text has. */
export const SMS_TEMPLATES = {
  // 【签名】${county}筛查小助手的微信账号${account}${state}，妇女发来的消息可能无人回复，请尽快登录管理台处理。
  botAccountAlert: ['county', 'account', 'state'],
} as const;

export type SmsTemplateName = keyof typeof SMS_TEMPLATES;

export interface SmsMessage {
  template: SmsTemplateName;
  params: Record<string, string>;
}

/** Gateways refuse longer variables (Chinese clouds allow 20 to 35 characters). */
export const MAX_PARAM_LENGTH = 20;
/** No digits run (a phone, an ID number, a code), no angle or curly brackets, no line breaks. */
const UNSAFE = /\d{5,}|[<>{}\r\n]/;

export function isTemplateName(name: string): name is SmsTemplateName {
  return Object.hasOwn(SMS_TEMPLATES, name);
}

/** The outbox text of an SMS (throws when the template or its parameters are not as listed). */
export function smsText(message: SmsMessage): string {
  const checked = readSmsText(JSON.stringify(message));
  if (!checked.ok) throw new Error(`not a valid SMS: ${checked.reason}`);
  return JSON.stringify(checked.message);
}

/** Reads an outbox text back into a template and its parameters, or says why it is not one. */
export function readSmsText(text: string): { ok: true; message: SmsMessage } | { ok: false; reason: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not a template message' };
  }
  if (typeof raw !== 'object' || raw === null) return { ok: false, reason: 'not a template message' };
  const { template, params } = raw as { template?: unknown; params?: unknown };
  if (typeof template !== 'string' || !isTemplateName(template)) return { ok: false, reason: 'unknown template' };
  if (typeof params !== 'object' || params === null) return { ok: false, reason: 'no parameters' };
  const names: readonly string[] = SMS_TEMPLATES[template];
  const given = Object.keys(params);
  if (given.length !== names.length || !names.every((n) => given.includes(n)))
    return { ok: false, reason: `the parameters of ${template} are ${names.join(', ')}` };
  const out: Record<string, string> = {};
  for (const n of names) {
    const v = (params as Record<string, unknown>)[n];
    if (typeof v !== 'string' || v.length === 0 || v.length > MAX_PARAM_LENGTH || UNSAFE.test(v))
      return { ok: false, reason: `parameter ${n} is not a short plain value` };
    out[n] = v;
  }
  return { ok: true, message: { template, params: out } };
}
