// What the layout keeps an eye on for every page: the hand-off requests waiting in the account's
// scope (the menu's count) and, for administrators, the bot accounts with an alert (the banner).
import { reactive } from 'vue';
import { api } from './api';

export interface BotAccount {
  account: string;
  countyId: string | null;
  state: string;
  detail: string | null;
  since: string | null;
  sentToday: number;
  dailyCap: number | null;
  left: number | null;
  lastSentAt: string | null;
  throttledUntil: string | null;
  seenAt: string | null;
  alert: 'logged_out' | 'unavailable' | 'throttled' | 'silent' | null;
}

export const watched = reactive<{ handoffWaiting: number; botAccounts: BotAccount[] }>({ handoffWaiting: 0, botAccounts: [] });

export async function loadHandoffCount(): Promise<void> {
  watched.handoffWaiting = (await api<{ waiting: number }>('GET', '/handoffs/counts')).waiting;
}

export async function loadBotAccounts(): Promise<BotAccount[]> {
  watched.botAccounts = (await api<{ accounts: BotAccount[] }>('GET', '/bot-accounts')).accounts;
  return watched.botAccounts;
}
