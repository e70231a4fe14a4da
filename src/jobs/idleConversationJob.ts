// Resets conversations left in the middle of a question for longer than the idle time.
import type { ConversationStore } from '../services/conversationStore.js';
import type { Logger } from '../support/logger.js';
import type { Job } from './JobScheduler.js';

export function idleConversationJob(store: ConversationStore, idleMinutes: number, logger: Logger): Job {
  return {
    name: 'conversation.idleReset',
    schedule: { every: 'minutes', minutes: 1 },
    catchUp: 'latest',
    async run(now) {
      const count = await store.resetIdle(now, idleMinutes * 60_000);
      if (count > 0) logger.info({ count }, 'idle conversations reset');
    },
  };
}
