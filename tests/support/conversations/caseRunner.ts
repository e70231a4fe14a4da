// One run of one conversation case on a county's app (conversationHarness.ts): her contact (and the
// other women's) as the case gives them, then each turn — her messages, time passing, staff acting —
// with its expectations, then the goal.
import { CapacityService } from '../../../src/services/capacity/CapacityService.js';
import { isQuiet } from '../../../src/services/outbox/quietHours.js';
import type { CaseGiven, CaseGoal, ConversationCase, TextExpectation } from './caseSchema.js';
import { MEDIA_TURNS } from './caseSchema.js';
import { checkGoal, sameFact, type Woman } from './checkGoal.js';
import { visitCode } from './checkRows.js';
import type { CaseRun, CountyApp, TurnRun } from './conversationHarness.js';
import { jsonContains, textFailures, type Said } from './expectText.js';
import { isReprompt } from './reprompt.js';

interface WomanRun extends Woman {
  /** How many of the bot's messages to her were seen already (replies, or checked as received). */
  seen: number;
  /** What the bot sent her on its own. */
  proactive: Said[];
}

const HER = '';

export class CaseRunner {
  private readonly women = new Map<string, WomanRun>();
  private readonly result: CaseRun = {
    turns: [],
    goal: { reached: false, wrong: [], missing: [] },
    reprompts: 0,
    askedAgain: 0,
    expectationFailures: [],
    understoodFirstTime: false,
  };
  private readonly allReplies: string[] = [];
  private sent = 0;

  constructor(
    private readonly county: CountyApp,
    private readonly c: ConversationCase,
    private readonly externalId: string,
    private readonly measureTurnsToGoal: boolean,
    private readonly stopAtGoal: boolean,
  ) {}

  private get db() {
    return this.county.app.dbHandle.db;
  }

  async run(): Promise<CaseRun> {
    const { c, county } = this;
    county.clock.set(new Date(c.now));
    this.women.set(HER, await this.newWoman(this.externalId, c.given));
    for (const [name, given] of Object.entries(c.women ?? {})) this.women.set(name, await this.newWoman(`${this.externalId}-${name}`, given));

    for (const [i, t] of c.turns.entries()) {
      const woman = this.woman(t.woman);
      if ('staff' in t) {
        const where = `turn ${i + 1} (${t.staff})`;
        await this.staff(where, woman, t);
        await this.moveTo(county.clock.now().toISOString());
        const received = this.receivedBy(woman);
        this.quietTurn(t.woman, received);
        await this.expect(where, woman, 'what she received', received, t.received, t.state);
        continue;
      }
      if ('wait' in t) {
        await this.moveTo(t.wait);
        const received = this.receivedBy(woman);
        this.quietTurn(t.woman, received);
        await this.expect(`turn ${i + 1} (wait until ${t.wait})`, woman, 'what she received', received, t.received, t.state);
        continue;
      }
      if (t.at) await this.moveTo(t.at);
      const received = this.receivedBy(woman);
      const { turn, replies } = await this.send(woman, t.she, false, received, t.woman);
      const where = `turn ${i + 1} (${t.woman ? `${t.woman}: ` : ''}${t.she})`;
      await this.expect(where, woman, 'what she received', received, t.received);
      await this.expect(where, woman, 'the reply', replies, t.replies, t.state);
      if (turn.reprompt && t.ifReprompted) await this.send(woman, t.ifReprompted, true, [], t.woman);
      if (this.measureTurnsToGoal) {
        await this.answerConfirmation(woman);
        // the corpus: she stops writing once she has what she came for and the bot asks nothing more
        // (her later lines were written for a bot that asked more questions); not when time or staff still act
        const onlyHers = c.turns.slice(i + 1).every((later) => 'she' in later && !later.woman);
        if (this.stopAtGoal && onlyHers && this.result.turnsToGoal !== undefined && (await this.atRest(woman))) break;
      }
    }
    this.result.goal = await checkGoal(this.db, this.woman(undefined), c.goal, { replies: this.allReplies, whole: true });
    this.quietHours();
    this.result.understoodFirstTime = this.result.goal.reached && this.result.goal.wrong.length === 0 && this.result.reprompts === 0;
    return this.result;
  }

  /** Whether no question waits for her answer. */
  private async atRest(woman: WomanRun): Promise<boolean> {
    const conversation = await this.db.conversation.findUnique({ where: { contactId: woman.contactId } });
    return !conversation?.flowId;
  }

  private woman(name: string | undefined): WomanRun {
    return this.women.get(name ?? HER)!;
  }

  private async newWoman(externalId: string, given: CaseGiven): Promise<WomanRun> {
    const { app, clock } = this.county;
    const db = this.db;
    const contact = await db.contact.create({
      data: {
        channel: 'simulator',
        externalId,
        account: app.config.BOT_ACCOUNT,
        consent: given.consent,
        consentAt: given.consent === 'given' ? clock.now() : null,
        healthConsentAt: given.healthConsent ? clock.now() : null,
        regionId: given.consent === 'given' ? app.county.id : null,
      },
    });
    for (const [key, value] of Object.entries(given.facts)) {
      await db.fact.create({ data: { contactId: contact.id, key, valueJson: JSON.stringify(value), sensitive: false } });
    }
    for (const programme of given.eligible) {
      await db.eligibilityCheck.create({ data: { contactId: contact.id, programme, eligible: true, checkedAt: clock.now() } });
    }
    if (given.booking) {
      const b = given.booking;
      const capacity = new CapacityService({ db, provider: app.dbHandle.provider });
      for (const service of b.service) await capacity.ensureSlots(b.hospital, service, b.day, b.day);
      const booked = await app.booking.book({
        contactId: contact.id,
        hospitalId: b.hospital,
        serviceIds: b.service,
        day: b.day,
        session: b.session,
        now: clock.now(),
        regionIds: [],
        priority: false,
      });
      if (!booked.ok) throw new Error(`given.booking: cannot book (${booked.reason})`);
      if (b.status === 'held') {
        const heldUntil = new Date(clock.now().getTime() + 2 * 3_600_000);
        await db.booking.updateMany({ where: { contactId: contact.id }, data: { status: 'held', heldUntil } });
      }
    }
    for (const [i, r] of given.results.entries()) {
      const grade = app.profile.results?.categories[r.category]?.grades[r.grade];
      if (!grade) throw new Error(`given.results[${i}]: no grade ${r.category}.${r.grade} in the profile`);
      const at = r.sentAt ? new Date(r.sentAt) : clock.now();
      const row = await db.screeningResult.create({
        data: {
          hospitalId: r.hospital,
          hospitalResultId: `${externalId}-${i}`,
          category: r.category,
          grade: r.grade,
          abnormal: grade.abnormal,
          testDate: r.testDate,
          fieldsJson: '{}',
          contactId: contact.id,
          matchState: 'matched',
          status: r.status,
          heldAt: r.status === 'sent' ? null : at,
          receivedAt: at,
          updatedAt: at,
        },
      });
      if (r.status === 'sent' || r.status === 'released') await db.resultEvent.create({ data: { resultId: row.id, kind: 'sent', actor: 'case', at } });
    }
    if (given.pregnancy) {
      const birthDate = typeof given.facts.birthDate === 'string' ? given.facts.birthDate : undefined;
      await app.pregnancy.register(contact.id, { dueDate: given.pregnancy.dueDate, datingFrom: 'dueDate', birthDate }, clock.now());
    }
    return { contactId: contact.id, externalId, given, seen: 0, proactive: [] };
  }

  /** Moves the clock to `at`, running the jobs and the sends that fell due meanwhile. */
  private async moveTo(at: string): Promise<void> {
    const { app, clock } = this.county;
    const from = clock.now();
    const to = new Date(at);
    if (to.getTime() < from.getTime()) throw new Error(`the clock cannot go back to ${at}`);
    clock.set(to);
    await app.catchUp(from, to);
  }

  /** The bot's messages to her: all of them, with when they were sent. */
  private fromBot(woman: WomanRun): Said[] {
    return this.county.app
      .simulator!.transcript(woman.externalId)
      .filter((e) => e.from === 'bot')
      .map((e) => ({ text: e.text, at: e.at }));
  }

  /** What the bot sent her on its own since she last heard from it. */
  private receivedBy(woman: WomanRun): Said[] {
    const bot = this.fromBot(woman);
    const received = bot.slice(woman.seen);
    woman.seen = bot.length;
    woman.proactive.push(...received);
    return received;
  }

  /** A turn where only time passed or staff acted: what she received, nothing written. */
  private quietTurn(woman: string | undefined, received: Said[]): void {
    this.result.turns.push({ she: '', woman, replies: [], received: received.map((m) => m.text), reprompt: false, askedAgain: false, retry: false });
  }

  private async send(woman: WomanRun, text: string, retry: boolean, received: Said[], name?: string): Promise<{ turn: TurnRun; replies: Said[] }> {
    const media = (MEDIA_TURNS as Record<string, 'voice' | 'image' | undefined>)[text];
    const replies = await this.county.app.simulator!.receive(woman.externalId, media ? { kind: media } : text);
    // the transcript may have been forgotten (she deleted her data): count what it holds now
    woman.seen = this.fromBot(woman).length;
    const turn: TurnRun = { she: text, woman: name, replies, received: received.map((m) => m.text), reprompt: false, askedAgain: false, retry };
    this.result.turns.push(turn);
    const at = this.county.clock.now().toISOString();
    if (name) return { turn, replies: replies.map((r) => ({ text: r, at })) };
    turn.reprompt = replies.some((r) => isReprompt(r, this.county.markers));
    turn.askedAgain = replies.some((r) => r.includes(this.county.askedAgainMarker));
    if (turn.askedAgain) this.result.askedAgain += 1;
    this.allReplies.push(...replies);
    this.sent += 1;
    if (turn.reprompt) this.result.reprompts += 1;
    if (this.measureTurnsToGoal && this.result.turnsToGoal === undefined) {
      const check = await checkGoal(this.db, woman, this.c.goal, { replies: this.allReplies, whole: true });
      if (check.reached) this.result.turnsToGoal = this.sent;
    }
    return { turn, replies: replies.map((r) => ({ text: r, at })) };
  }

  /**
   * The corpus: when the bot asks her to confirm what it read from part of her words ("您是说：…，对吗？"),
   * she answers as she meant: 对 when the reading is the goal's value of the fact asked (a day of a
   * booking list: the goal's booking day; or the goal says nothing of it), 不是 otherwise. A confirmation is not a re-prompt; her answer is a turn.
   */
  private async answerConfirmation(woman: WomanRun): Promise<void> {
    const contact = await this.db.contact.findUnique({ where: { channel_externalId: { channel: 'simulator', externalId: woman.externalId } } });
    const row = contact && (await this.db.conversation.findUnique({ where: { contactId: contact.id } }));
    if (!row) return;
    const engine = JSON.parse(row.engineJson) as { guess?: { value: unknown }; interview?: { asking?: string } };
    if (!engine.guess) return;
    const step = this.county.app.flowSet.flows.get(row.flowId)?.steps.find((s) => s.id === row.stepId);
    const fact = engine.interview?.asking ?? (step?.kind === 'ask' ? (step.fact ?? step.save) : undefined);
    // (a day of a booking list: the day of the booking she meant)
    const day = typeof engine.guess.value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(engine.guess.value) ? this.c.goal.booking?.day : undefined;
    const wanted = fact ? (this.c.goal.facts?.[fact] ?? day) : day;
    await this.send(woman, wanted === undefined || sameFact(engine.guess.value, wanted) ? '对' : '不是', false, []);
  }

  /** Her latest booking's code as she was told it. */
  private async bookingCode(woman: WomanRun): Promise<string> {
    const contact = await this.db.contact.findUnique({ where: { channel_externalId: { channel: 'simulator', externalId: woman.externalId } } });
    return visitCode(this.db, contact?.id);
  }

  private async expect(where: string, woman: WomanRun, what: string, got: Said[], e: TextExpectation | undefined, state?: CaseGoal): Promise<void> {
    if (e) {
      const code = await this.bookingCode(woman);
      const fill = (s: string) => s.replaceAll('{bookingCode}', code);
      this.result.expectationFailures.push(...textFailures(`${where}: ${what}`, got, e, fill));
    }
    if (state) {
      const check = await checkGoal(this.db, woman, state, { replies: this.allReplies, whole: false });
      for (const f of [...check.wrong, ...check.missing]) this.result.expectationFailures.push(`${where}: afterwards ${f}`);
    }
  }

  private async staff(where: string, woman: WomanRun, t: Extract<ConversationCase['turns'][number], { staff: string }>): Promise<void> {
    const code = await this.bookingCode(woman);
    const fill = (v: string) => v.replaceAll('{bookingCode}', code);
    const [method, urlPath] = t.staff.split(' ');
    const r = await fetch(`http://127.0.0.1:${this.county.port}${fill(urlPath)}`, {
      method,
      headers: { authorization: `Bearer ${this.county.staffToken}`, 'content-type': 'application/json' },
      body: t.body === undefined ? undefined : fill(JSON.stringify(t.body)),
    });
    const answer = await r.text();
    if (r.status !== t.status) this.result.expectationFailures.push(`${where}: status ${r.status}, not ${t.status}: ${answer}`);
    if (t.response !== undefined && !jsonContains(JSON.parse(answer) as unknown, t.response)) {
      this.result.expectationFailures.push(`${where}: the answer does not hold ${JSON.stringify(t.response)}; got:\n${answer}`);
    }
  }

  /** Nothing is ever sent to anyone of the case on its own in the quiet hours of the profile: a wrong action. */
  private quietHours(): void {
    for (const woman of this.women.values()) {
      this.receivedBy(woman);
      for (const m of woman.proactive) {
        if (isQuiet(new Date(m.at), this.county.app.profile.messaging))
          this.result.goal.wrong.push(`sent in the quiet hours (${m.at}): ${m.text.slice(0, 30)}`);
      }
    }
    this.result.goal.reached &&= this.result.goal.wrong.length === 0;
  }

  /** Gives back every seat of the case's women and deletes them (with everything about them). */
  async clear(): Promise<void> {
    const db = this.db;
    for (const woman of this.women.values()) {
      const contact = await db.contact.findUnique({ where: { channel_externalId: { channel: 'simulator', externalId: woman.externalId } } });
      if (!contact) continue;
      const held = await db.booking.findMany({ where: { contactId: contact.id, status: { in: ['held', 'confirmed'] } } });
      for (const b of held) await db.slotPool.update({ where: { id: b.poolId }, data: { booked: { decrement: 1 } } });
      await db.contact.delete({ where: { id: contact.id } });
    }
  }
}
