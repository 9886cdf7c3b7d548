// Runs tasks at most `limit` at a time, in order: builds side by side (build.setup.ts), browser pages side by side.
export async function atMost(limit: number, tasks: (() => Promise<void>)[]): Promise<void> {
  const queue = [...tasks];
  const worker = async () => {
    for (let task = queue.shift(); task; task = queue.shift()) await task();
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
}
