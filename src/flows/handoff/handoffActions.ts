// 人工 (flows/human.yaml): after consent, her request for staff is opened (one at a time) for her
// township, or the county when her township is unknown, and she is told they answer in this chat
// (out of office hours: when). Before consent, without the profile's `handoff` section, or for an
// SMS contact: `phone`, the staff phone as before (nothing is stored).
import { actionSpecs, declaredAction, type FlowAction } from '../actions.js';
import type { TemplateVars } from '../../domain/template.js';
import type { Messages } from '../flowSchema.js';
import { PRIVATE_CHAT, type HandoffPort } from './handoffPort.js';
import { handoffText } from './handoffTexts.js';

export const HANDOFF_ACTIONS = actionSpecs([['handoff.open', ['opened', 'already', 'phone']]]);

export function createHandoffActions(d: { port?: HandoffPort; messages: () => Messages; countyVars: TemplateVars }): Map<string, FlowAction> {
  const run: FlowAction['run'] = async ({ contact, now, facts }) => {
    const port = d.port;
    if (!port || contact.consent !== 'given' || !PRIVATE_CHAT.includes(contact.channel)) return { outcome: 'phone' };
    const township = (await facts()).township;
    const opened = await port.open(contact.id, 'asked', typeof township === 'string' ? township : port.countyId, now);
    const m = d.messages();
    const text = handoffText(opened.created ? m.handoff.opened : m.handoff.already, d.countyVars, port.nextOpening(now), now, m);
    return { outcome: opened.created ? 'opened' : 'already', say: [text] };
  };
  return new Map([...HANDOFF_ACTIONS].map(([name, spec]) => [name, declaredAction(name, spec, run)]));
}
