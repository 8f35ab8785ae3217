/**
 * At most `atOnce` tasks run at a time; the others wait in line, at most `waiting` of them and for at
 * most `waitMs`; past either, `refuse()` is thrown at once. Password hashes and file reads use it so
 * that a burst of requests queues briefly or is refused, never starves the server.
 */
export function slots(
  {
    atOnce,
    waiting = Number.POSITIVE_INFINITY,
    waitMs = Number.POSITIVE_INFINITY,
  }: {
    atOnce: number;
    waiting?: number;
    waitMs?: number;
  },
  refuse: () => Error,
) {
  let running = 0;
  const line: (() => void)[] = [];

  async function turn(): Promise<void> {
    if (running < atOnce) {
      running++;
      return;
    }
    if (line.length >= waiting) throw refuse();
    await new Promise<void>((resolve, reject) => {
      const go = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer =
        waitMs === Number.POSITIVE_INFINITY
          ? undefined
          : setTimeout(() => {
              line.splice(line.indexOf(go), 1);
              reject(refuse());
            }, waitMs);
      line.push(go);
    });
  }

  async function run<T>(task: () => Promise<T>): Promise<T> {
    await turn();
    try {
      return await task();
    } finally {
      // The slot passes to the next in line, or is given back.
      const next = line.shift();
      if (next) next();
      else running--;
    }
  }
  /** True when a task given now would be refused at once. */
  run.full = () => running >= atOnce && line.length >= waiting;
  return run;
}
