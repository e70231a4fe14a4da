// What the conversation engine is built from (its options), and the few names it shares with its
// helpers: the privacy notice and the menu, and what her message asked for while the notice waits.
import type { WordSpans } from '../domain/parse/homophoneTypos.js';
import type { Clock } from '../support/clock.js';
import type { Logger } from '../support/logger.js';
import type { InboundMessage } from '../channels/channel.js';
import type { TemplateVars } from '../domain/template.js';
import type { ContactService } from '../services/contactService.js';
import type { ConversationStore } from '../services/conversationStore.js';
import type { ChoiceSource, FlowAction } from './actions.js';
import type { FlowSet } from './loadFlows.js';
import type { HomePlaces } from './heardHome.js';
import type { TriggerMatch } from './matchWords.js';
import type { ProgrammePort } from './programmePort.js';
import type { WarningSignsPort } from './warningSignAnswer.js';
import type { SideQuestionsPort } from './sideQuestions.js';
import type { HandoffPort } from './handoff/handoffPort.js';

export interface EngineOptions {
  flowSet: FlowSet;
  programmes: ProgrammePort;
  actions: ReadonlyMap<string, FlowAction>;
  choiceSources?: ReadonlyMap<string, ChoiceSource>;
  contacts: ContactService;
  store: ConversationStore;
  clock: Clock;
  logger: Logger;
  /** Texts' placeholders that come from the county (countyName, operator, servicePhone, …). */
  countyVars: TemplateVars;
  idleMinutes: number;
  /** Called when a turn deleted everything about her (e.g. so the simulator forgets her transcript). */
  onContactDeleted?: (message: InboundMessage) => void;
  /**
   * Facts known from what she registered rather than answered (a registered pregnancy: pregnant),
   * current whenever they are read; an answer of this turn still wins.
   */
  knownFacts?: (contactId: string) => Promise<Record<string, unknown>>;
  /** The warning signs answered at once, at any step (profile `warningSigns`); none without it. */
  warningSigns?: WarningSignsPort;
  /** The profile's frequent questions answered at any step (要带啥, 要空腹吗…); a step's own `sideAnswers` without it. */
  sideQuestions?: SideQuestionsPort;
  /** The words the flows, profile and county know, for reading pinyin typos (src/flows/vocabulary.ts). */
  vocabulary?: readonly string[];
  /** Where the everyday words of a message are (src/support/wordSpans.ts): no typo is read across two. */
  wordSpans?: WordSpans;
  /** Staff who answer her in the chat (人工, and three answers not read); the staff phone without it. */
  handoff?: HandoffPort;
  /** The county's townships and villages, for the township she names as her home (src/flows/heardHome.ts). */
  home?: HomePlaces;
}

/** The privacy notice every new contact reads first, and the menu it goes on with by default. */
export const NOTICE = 'consent';
export const MENU = 'menu';
/** Her bookings: asked beside a side question answered with her booking's line, it adds nothing. */
export const MY_BOOKINGS = 'my_bookings';
/** Thanks and acknowledgements: never a request to keep while the notice waits. */
export const THANKS = 'thanks';

/** What her message asked for, kept while the privacy notice waits. */
export interface HeldRequest {
  flowId: string;
  vars: Record<string, string>;
  text?: string;
}

export const requestOf = (trigger: TriggerMatch, text: string): HeldRequest => ({
  flowId: trigger.flowId,
  vars: trigger.vars,
  text: trigger.answers ? (trigger.text ?? text) : undefined,
});
