/** Polls `probe` every 10 ms until it returns something truthy (or throws after `timeout` ms). */
export async function waitFor<T>(probe: () => T | null | undefined | false, timeout = 5000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() - start > timeout) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
