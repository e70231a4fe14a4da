// What counts as a re-prompt (tests/conversations/README.md): a reply that says the bot did not
// understand, or shows the "例如：" example line, or asks her to choose among readings she did not
// offer. Read from the shipped texts, not copied here.
import type { FlowSet } from '../../../src/flows/loadFlows.js';

/** The fixed part of a text: up to its first placeholder or line break. */
function fixedPart(text: string): string {
  return text.split(/[{\n]/)[0].trim();
}

export function repromptMarkers(flowSet: FlowSet): string[] {
  const m = flowSet.messages;
  // choiceWhich asks her to choose among the options a plain 不是 still fits. Not keptForLater (好的，记下了。
  // and the question she has not answered yet): her words were understood and kept (counted apart: askedAgainMarker)
  const texts = [...Object.values(m.reprompt), m.notUnderstood, m.tooManyFailures, m.example, m.choiceWhich];
  for (const flow of flowSet.flows.values()) {
    for (const step of flow.steps) if (step.kind === 'ask' && step.reprompt) texts.push(...Object.values(step.reprompt));
  }
  return [...new Set(texts.map(fixedPart).filter((t) => t.length >= 4))];
}

/** The fixed part of keptForLater: her answer to another question kept, the question she is on asked again. */
export function askedAgainMarker(flowSet: FlowSet): string {
  return fixedPart(flowSet.messages.keptForLater);
}

export function isReprompt(reply: string, markers: readonly string[]): boolean {
  return markers.some((m) => reply.includes(m));
}
