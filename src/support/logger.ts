// Structured logs (pino). Never log message text, names, phone or ID numbers: log ids and counts.
import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'screening-assistant' },
    // a safety net: these keys are redacted wherever they appear
    redact: { paths: ['text', '*.text', 'phone', '*.phone', 'idNumber', '*.idNumber', 'contactName', '*.contactName'], censor: '[redacted]' },
  });
}
