/** Central finite differences, the reference every derivative is checked against. */
export const H = 1e-6;

export function centralDiff(f: (x: number) => number, x: number, h = H): number {
  return (f(x + h) - f(x - h)) / (2 * h);
}

/** |a − b| ≤ tol·max(1, |a|, |b|). */
export function close(a: number, b: number, tol = 1e-6): boolean {
  return Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));
}
