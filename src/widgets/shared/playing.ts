import { useEffect, useRef, useState } from 'preact/hooks';

/**
 * A figure's Play: while it is on, `advance` is called every `delayMs` (from the last change of
 * `at`, the position shown), and Play turns itself off at the end (`atEnd`). Pause takes effect at
 * once: a tick checks the state the press set, because the effect's cleanup (which clears the
 * timer) runs only after the next paint, and a tick already due in between must not move the
 * figure on once the reader has paused.
 */
export function usePlaying({ delayMs, at, atEnd, advance }: { delayMs: number; at: unknown; atEnd: boolean; advance: () => void }): [playing: boolean, setPlaying: (on: boolean) => void] {
  const [playing, setState] = useState(false);
  const now = useRef(false);
  const set = (on: boolean) => {
    now.current = on;
    setState(on);
  };
  const latest = useRef(advance);
  latest.current = advance;
  useEffect(() => {
    if (!playing) return;
    if (atEnd) return set(false);
    const t = setTimeout(() => now.current && latest.current(), delayMs);
    return () => clearTimeout(t);
  }, [playing, at, atEnd, delayMs]);
  return [playing, set];
}
