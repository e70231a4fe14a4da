// The result poll's connectors: one per hospital whose county entry has a `resultPoll`, with its
// mapping and its credentials read from the environment variable the settings name. A connector
// whose variable is not set is off (reported at start and in /readyz), never a reason to stop.
import type { ResultMapping } from '../../../domain/results/mapping/resultMappingSchema.js';
import type { County } from '../../../profiles/countySchema.js';
import type { ResultPollSettings } from '../../../profiles/resultPollSchema.js';

export interface PollConnector {
  hospitalId: string;
  settings: ResultPollSettings;
  mapping: ResultMapping;
  /** the Authorization header; unset when the connector is off */
  authorization?: string;
  /** why it is off: its credentials variable is not set (or not user:password for basic) */
  off?: { reason: 'no_credentials'; variable: string };
}

export function pollConnectors(
  county: County,
  mappings: ReadonlyMap<string, ResultMapping>,
  secretOf: (variable: string) => string | undefined,
): PollConnector[] {
  const out: PollConnector[] = [];
  for (const h of county.hospitals) {
    const settings = h.resultPoll;
    if (!settings) continue;
    // (checked at load: checkResultPolls)
    const mapping = mappings.get(settings.mapping)!;
    const variable = (settings.auth.bearer ?? settings.auth.basic)!;
    const secret = secretOf(variable)?.trim();
    let authorization: string | undefined;
    if (secret && settings.auth.bearer) authorization = `Bearer ${secret}`;
    else if (secret && secret.indexOf(':') > 0) authorization = `Basic ${Buffer.from(secret, 'utf8').toString('base64')}`;
    out.push({ hospitalId: h.id, settings, mapping, ...(authorization ? { authorization } : { off: { reason: 'no_credentials', variable } }) });
  }
  return out;
}
