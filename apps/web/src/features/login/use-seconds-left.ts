import { useEffect, useState } from 'react';

/** Whole seconds until `until` (epoch ms), ticking once a second; 0 when past or null. */
export function useSecondsLeft(until: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until === null) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [until]);
  return until === null ? 0 : Math.max(0, Math.ceil((until - now) / 1000));
}

/** Waits under 90 s read best in seconds, longer ones in minutes. */
export function waitUnit(seconds: number): { unit: 'seconds' | 'minutes'; n: number } {
  return seconds < 90 ? { unit: 'seconds', n: seconds } : { unit: 'minutes', n: Math.ceil(seconds / 60) };
}
