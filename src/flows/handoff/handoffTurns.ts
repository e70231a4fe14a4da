// Her turns while she has a request for staff (src/flows/handoff/handoffActions.ts opens it):
// her messages go to the request (her chat lines, which staff read) instead of the bot's flows,
// except commands (菜单, 退订, 删除我的信息, 取消预约…), warning signs and an answer to the question
// the bot is asking her, which the bot still answers. Her first message after the bot last spoke,
// while nobody has taken her request, gets a short note that staff will answer (not every message).
// Three answers in a row the bot could not read open a request ('stuck'). Her chat lines are
// recorded only while she consents (before and after the turn): never before consent.
import type { InboundMessage } from '../../channels/channel.js';
import { findWarningSign } from '../../domain/warningSigns.js';
import type { EligibilityInterview } from '../eligibilityInterview.js';
import type { EngineOptions } from '../engineOptions.js';
import { matchCommand } from '../matchWords.js';
import type { Prompts } from '../prompts.js';
import type { Turn } from '../turn.js';
import { answersQuestion } from '../warningSignAnswer.js';
import { PRIVATE_CHAT, type HandoffPort } from './handoffPort.js';
import { handoffText } from './handoffTexts.js';

export class HandoffTurns {
  constructor(
    private readonly port: HandoffPort,
    private readonly o: EngineOptions,
    private readonly say: Prompts,
    private readonly interview: EligibilityInterview,
    private readonly read: (text: string) => string,
  ) {}

  /** Her message went to her request (true: the turn's replies are all she gets; nothing else runs). */
  async divert(turn: Turn, message: InboundMessage): Promise<boolean> {
    if (!turn.consented || message.kind) return false;
    const request = await this.port.active(turn.contact.id);
    if (!request) return false;
    const text = this.read(message.text);
    if (matchCommand(text, this.o.flowSet.commands)) return false;
    const signs = this.o.warningSigns;
    if (signs && findWarningSign(text, signs.signs, await signs.situation(turn.contact.id, turn.now))) return false;
    if (await this.answersWaitingQuestion(turn, text)) return false;
    if (request.status === 'open' && (await this.port.lastLineFrom(turn.contact.id)) === 'bot') {
      const m = this.o.flowSet.messages;
      turn.say(handoffText(m.handoff.waiting, this.say.vars(turn), this.port.nextOpening(turn.now), turn.now, m));
    }
    return true;
  }

  /** The bot could not read her answers `stuckAfter` times in a row: staff are asked to help her. */
  async stuck(turn: Turn): Promise<void> {
    const m = this.o.flowSet.messages;
    if (!PRIVATE_CHAT.includes(turn.contact.channel)) return void turn.say(this.say.text(m.tooManyFailures, turn));
    const facts = await this.interview.allFacts(turn);
    const township = typeof facts.township === 'string' ? facts.township : this.port.countyId;
    const opened = await this.port.open(turn.contact.id, 'stuck', township, turn.now);
    turn.say(handoffText(opened.created ? m.handoff.stuck : m.handoff.already, this.say.vars(turn), this.port.nextOpening(turn.now), turn.now, m));
  }

  /** Her message and the bot's replies, kept for staff, when she consented before and after the turn. */
  async record(turn: Turn, message: InboundMessage, consentedBefore: boolean, diverted: boolean): Promise<void> {
    if (!consentedBefore || !turn.consented || turn.contactDeleted) return;
    const hers = message.kind ? `[${message.kind}]` : message.text;
    // (the note that staff will answer is not kept: her next message is hers alone again)
    const bot = diverted ? [] : turn.replies.map((text) => ({ from: 'bot' as const, text }));
    await this.port.recordLines(turn.contact.id, [{ from: 'woman', text: hers }, ...bot], turn.now);
  }

  /** Whether her words answer the question the bot is asking her (they go to the bot, not to staff). */
  private async answersWaitingQuestion(turn: Turn, text: string): Promise<boolean> {
    const waiting = turn.waitingStep(this.o.flowSet.flows);
    if (!waiting) return false;
    const { step } = waiting;
    const input = step.kind === 'ask' ? step.input : step.kind === 'eligibility' ? (await this.interview.waitingQuestion(turn, step))?.input : undefined;
    return !!input && answersQuestion(text, input, turn.engine.options, turn.today, this.o.flowSet.messages);
  }
}
