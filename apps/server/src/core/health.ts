/** A background part of this server process that `/api/health` reports on. */
export const HEALTH_PARTS = ['jobs', 'listener'] as const;
export type HealthPart = (typeof HEALTH_PARTS)[number];
export type PartState = { up: boolean; detail?: string };

const probes = new Map<HealthPart, Set<() => PartState>>();

/** Registers a probe for `part` (one per job runner or LISTEN connection); returns its removal. */
export function registerHealthProbe(part: HealthPart, probe: () => PartState): () => void {
  const set = probes.get(part) ?? new Set();
  probes.set(part, set);
  set.add(probe);
  return () => set.delete(probe);
}

/** 'off' when nothing of that part runs in this process (API tests, the CLI), else 'down' if any probe is down. */
export function partState(part: HealthPart): { state: 'up' | 'down' | 'off'; details: string[] } {
  const states = [...(probes.get(part) ?? [])].map((p) => p());
  if (states.length === 0) return { state: 'off', details: [] };
  const down = states.filter((s) => !s.up);
  return { state: down.length ? 'down' : 'up', details: down.flatMap((s) => (s.detail ? [s.detail] : [])) };
}
