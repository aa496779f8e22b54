import { useRef, useState } from 'preact/hooks';

/**
 * Whether a figure's Play is on, for an animation driven by a timer set in an effect. Pause takes
 * effect at once: the timer's callback checks `now.current`, which the press sets at once, because
 * the effect's cleanup (which clears the timer) runs only after the next paint, and a tick already
 * due in between must not move the figure on once the reader has paused.
 */
export function usePlaying(): [playing: boolean, setPlaying: (on: boolean) => void, now: { readonly current: boolean }] {
  const [playing, setState] = useState(false);
  const now = useRef(false);
  const set = (on: boolean) => {
    now.current = on;
    setState(on);
  };
  return [playing, set, now];
}
