/**
 * Wraps `fn` so that calls run it at most once per `intervalMs`: the first call at once, calls
 * inside the interval collapse into one more run at its end (none is lost: the last call of a
 * burst is always followed by a run). The timer does not keep the process alive.
 */
export function atMostEvery(
  intervalMs: number,
  fn: () => void,
  clock: { now(): number } = Date,
): () => void {
  let last = Number.NEGATIVE_INFINITY;
  let trailing: NodeJS.Timeout | null = null;
  const run = () => {
    last = clock.now();
    fn();
  };
  return () => {
    if (trailing) return;
    const wait = last + intervalMs - clock.now();
    if (wait <= 0) {
      run();
      return;
    }
    trailing = setTimeout(() => {
      trailing = null;
      run();
    }, wait);
    trailing.unref?.();
  };
}
