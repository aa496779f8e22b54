import { h, type Component, type FunctionComponent } from 'preact';

/** True when some prop of `next` is not the very value (`Object.is`) it was in `previous`, or a prop was added or removed. */
export function propsChanged(previous: object, next: object): boolean {
  const a = previous as Record<string, unknown>;
  const b = next as Record<string, unknown>;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return true;
  return keys.some((k) => !(k in b) || !Object.is(a[k], b[k]));
}

/**
 * A component that renders again only when one of its props changes (by identity), or when its own
 * hooks' state does: a figure that re-renders once a frame while a job streams results then skips
 * the parts it passes unchanged props to (its controls, its plots), and Preact diffs only what
 * changed. The same contract as `memo` of preact/compat, which the site does not import: compat
 * changes how Preact handles events and options for every island on the page.
 *
 * Give it stable props (memoised objects and callbacks): an inline object or function is a new
 * value on every render, and the component then renders every time, as it would unwrapped.
 * `changed` may compare less than every prop, for a component that reads only part of one.
 */
export function pure<P extends object>(render: FunctionComponent<P>, changed: (previous: P, next: P) => boolean = propsChanged): FunctionComponent<P> {
  function Pure(this: Component<P>, props: P) {
    this.shouldComponentUpdate = (next: P) => changed(this.props, next);
    return h(render, props);
  }
  Pure.displayName = `pure(${render.displayName ?? render.name})`;
  return Pure;
}
