import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { h, render, type FunctionComponent } from 'preact';
import { useState } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { propsChanged, pure } from '../../src/widgets/shared/pure';
import { Field, fieldChanged } from '../../src/widgets/shared/Field';
import { useFigureState, type FigureState } from '../../src/widgets/shared/figure-state';
import softmax from '../../src/figures/activations/Softmax.figure';
import { defaultValues } from '../../src/figures/settings';

// Preact renders into a DOM: linkedom's, with the few browser globals the URL state reads.
const saved: Record<string, unknown> = {};
const globals = (window: ReturnType<typeof parseHTML>) => ({
  window,
  document: window.document,
  location: new URL('https://example.org/articles/a/'),
  history: { state: null, replaceState() {} },
  addEventListener() {},
  removeEventListener() {},
  requestAnimationFrame: (f: () => void) => setTimeout(f, 0),
  cancelAnimationFrame: (t: number) => clearTimeout(t),
});
beforeAll(() => {
  for (const [k, v] of Object.entries(globals(parseHTML('<!doctype html><html><body><div id="root"></div></body></html>')))) {
    saved[k] = (globalThis as Record<string, unknown>)[k];
    Object.defineProperty(globalThis, k, { value: v, configurable: true, writable: true });
  }
});
afterAll(() => {
  for (const [k, v] of Object.entries(saved)) Object.defineProperty(globalThis, k, { value: v, configurable: true, writable: true });
});

describe('propsChanged', () => {
  it('is false for the very same values, true for a new value, an added prop or a removed one', () => {
    const f = () => 1;
    const o = { a: 1 };
    expect(propsChanged({ x: 1, f, o, n: NaN }, { x: 1, f, o, n: NaN })).toBe(false);
    expect(propsChanged({ o }, { o: { a: 1 } })).toBe(true); // equal, but not the same object
    expect(propsChanged({ f }, { f: () => 1 })).toBe(true);
    expect(propsChanged({ x: 1 }, { x: 1, y: undefined })).toBe(true);
    expect(propsChanged({ x: 1, y: undefined }, { x: 1 })).toBe(true);
    expect(propsChanged({ x: 1, y: 2 }, { x: 1, z: 2 })).toBe(true);
  });
});

describe('pure', () => {
  /** A parent that re-renders on `tick` and hands its child `label`; counts the child's renders. */
  function setUp(wrap: boolean) {
    const renders: string[] = [];
    let bump = (_: number) => {};
    let relabel = (_: string) => {};
    let own = (_: number) => {};
    const Child: FunctionComponent<{ label: string }> = ({ label }) => {
      const [n, setN] = useState(0);
      own = setN;
      renders.push(`${label}${n}`);
      return h('p', null, `${label} ${n}`);
    };
    const Shown = wrap ? pure(Child) : Child;
    function Parent() {
      const [tick, setTick] = useState(0);
      const [label, setLabel] = useState('a');
      bump = setTick;
      relabel = setLabel;
      return h('div', null, h('span', null, String(tick)), h(Shown, { label }));
    }
    const root = document.getElementById('root')!;
    act(() => render(h(Parent, null), root));
    return { renders, root, bump: (t: number) => act(() => bump(t)), relabel: (l: string) => act(() => relabel(l)), own: (n: number) => act(() => own(n)) };
  }

  it('renders a child again when its props change or its own state does, not when only its parent re-renders', () => {
    const { renders, root, bump, relabel, own } = setUp(true);
    bump(1);
    bump(2);
    expect(renders).toEqual(['a0']);
    expect(root.textContent).toBe('2a 0');
    relabel('b');
    expect(renders).toEqual(['a0', 'b0']);
    own(5);
    expect(renders).toEqual(['a0', 'b0', 'b5']);
    bump(3);
    expect(renders).toEqual(['a0', 'b0', 'b5']);
    expect(root.textContent).toBe('3b 5');
  });

  it('(unwrapped, the same child renders with every render of its parent)', () => {
    const { renders, bump } = setUp(false);
    bump(1);
    bump(2);
    expect(renders).toEqual(['a0', 'a0', 'a0']);
  });
});

describe('useFigureState', () => {
  it('gives the same state object while nothing in it changes, and a new one with the new values after an update', () => {
    const seen: FigureState<typeof softmax>[] = [];
    let bump = (_: number) => {};
    const settings = defaultValues(softmax.settings);
    function Figure() {
      const [tick, setTick] = useState(0);
      bump = setTick;
      seen.push(useFigureState(softmax, 'softmax', settings));
      return h('p', null, String(tick));
    }
    act(() => render(h(Figure, null), document.getElementById('root')!));
    const hydrated = seen[seen.length - 1]; // after the URL (empty here) was read
    act(() => bump(1));
    act(() => bump(2));
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen.slice(-2).every((s) => s === hydrated)).toBe(true);
    act(() => hydrated.update({ temperature: 2 }));
    const updated = seen[seen.length - 1];
    expect(updated).not.toBe(hydrated);
    expect(updated.values.temperature).toBe(2);
    expect(updated.update).toBe(hydrated.update);
  });
});

describe('Field', () => {
  const settings = defaultValues(softmax.settings);
  const state = (values: typeof settings, update = (_: Partial<typeof settings>) => {}): FigureState<typeof softmax> => ({ figure: softmax, id: 'softmax', values, initial: settings, update, notice: null });

  it('is drawn again when its own setting, one of its props, the figure or the update changes; not for another setting', () => {
    const update = () => {};
    const before = state(settings, update);
    expect(fieldChanged({ state: before, name: 'j' }, { state: before, name: 'j' })).toBe(false);
    expect(fieldChanged({ state: before, name: 'j' }, { state: state({ ...settings, temperature: 2 }, update), name: 'j' }), 'another setting').toBe(false);
    expect(fieldChanged({ state: before, name: 'temperature' }, { state: state({ ...settings, temperature: 2 }, update), name: 'temperature' }), 'its setting').toBe(true);
    expect(fieldChanged({ state: before, name: 'j' }, { state: state({ ...settings }, () => {}), name: 'j' }), 'the update').toBe(true);
    expect(fieldChanged({ state: before, name: 'j' }, { state: before, name: 'k' }), 'the name').toBe(true);
    expect(fieldChanged({ state: before, name: 'j' }, { state: before, name: 'j', disabled: true }), 'a prop').toBe(true);
    const onChange = () => {};
    expect(fieldChanged({ state: before, name: 'j', onChange }, { state: before, name: 'j', onChange }), 'the same callback').toBe(false);
    expect(fieldChanged({ state: before, name: 'j', onChange }, { state: before, name: 'j', onChange: () => {} }), 'a new callback').toBe(true);
  });

  it('in a figure, each control shows its setting as it changes, while the others stay as drawn', () => {
    let figureState: FigureState<typeof softmax> | null = null;
    function Figure() {
      const s = useFigureState(softmax, 'softmax', settings);
      figureState = s;
      return h('div', null, h(Field, { state: s, name: 'temperature' as const }), h(Field, { state: s, name: 'j' as const }));
    }
    const root = document.getElementById('root')!;
    act(() => render(h(Figure, null), root));
    const shown = () => [...root.querySelectorAll('input')].map((i) => (i as HTMLInputElement).value);
    const [slider, j] = [...root.querySelectorAll('input')];
    expect(shown()).toEqual(['1', '1']);
    act(() => figureState!.update({ temperature: 2.5 }));
    expect(shown()).toEqual(['2.5', '1']);
    expect(root.querySelector('output')!.textContent).toBe('2.5');
    act(() => figureState!.update({ j: 3 }));
    expect(shown()).toEqual(['2.5', '3']);
    // the same elements, updated in place
    expect([...root.querySelectorAll('input')]).toEqual([slider, j]);
  });
});
