// Polling while a component is on screen: `fn` now and every `ms`, stopped when it goes away.
import { onBeforeUnmount, onMounted } from 'vue';

export function usePolling(fn: () => Promise<unknown>, ms: number): () => void {
  let timer: number | undefined;
  const tick = () => void fn().catch(() => undefined);
  onMounted(() => {
    tick();
    timer = window.setInterval(tick, ms);
  });
  onBeforeUnmount(() => window.clearInterval(timer));
  return tick;
}

/** A time as staff read it (Beijing time), e.g. 3月2日 09:05. */
export function shortTime(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  const part = (o: Intl.DateTimeFormatOptions) => d.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false, ...o });
  return `${part({ month: 'long', day: 'numeric' })} ${part({ hour: '2-digit', minute: '2-digit' })}`;
}
