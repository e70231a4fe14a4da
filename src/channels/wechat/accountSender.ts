// One serialized sender per WeChat account: WeChat throttles and bans accounts that send fast, so every send of
// the account (replies and proactive messages, all chats together) goes through this single line, with an
// optional minimum pause plus jitter between two sends.

/** Anything Wechaty can say a text to: a Contact or a Room. */
export interface SayTarget {
  say(text: string): Promise<unknown>;
}

export class AccountSender {
  private tail: Promise<void> = Promise.resolve();
  private lastSentAt = 0;

  constructor(private readonly minIntervalMs: number) {}

  send(target: SayTarget, text: string): Promise<void> {
    const run = async (): Promise<void> => {
      if (this.minIntervalMs > 0) {
        const jitter = Math.random() * this.minIntervalMs * 0.5;
        const wait = this.lastSentAt + this.minIntervalMs + jitter - Date.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      }
      try {
        await target.say(text);
      } finally {
        this.lastSentAt = Date.now();
      }
    };
    const result = this.tail.then(run, run);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}
