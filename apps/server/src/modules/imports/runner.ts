/** In-process background work for import jobs: one task per job id; closing the app waits for them. */
export type Runner = {
  start(id: string, task: () => Promise<void>): void;
  isRunning(id: string): boolean;
  idle(): Promise<void>;
};

export function createRunner(): Runner {
  const running = new Map<string, Promise<void>>();
  return {
    start(id, task) {
      const p = Promise.resolve()
        .then(task)
        .finally(() => running.delete(id));
      running.set(id, p);
    },
    isRunning: (id) => running.has(id),
    async idle() {
      while (running.size > 0) await Promise.allSettled([...running.values()]);
    },
  };
}
