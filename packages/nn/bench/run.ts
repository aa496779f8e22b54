/**
 * Training throughput on the source's network (1-10-10-10-1, linear, |p − y| cost,
 * plain SGD lr 0.01, batch 1, on the experiment's 40 training points), side by side:
 *
 *   library     train() from src/
 *   unrolled    the same step written by hand for this shape (the ceiling)
 *   playground  one object per neuron and per link (TensorFlow Playground's design)
 *   tfjs-core   @tensorflow/tfjs-core on its CPU backend, optimizer.minimize
 *
 * Every implementation starts from the same Glorot weights and, except tfjs, sees
 * the same example order; the JavaScript ones must end with identical weights.
 * Run: npm run bench (from the repository root).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { cpus, tmpdir } from 'node:os';
import { createNetwork, createRng, experimentData, Network, regularizer, runExperiment, SOURCE_SIZES, train } from '../src/index';
import { shuffled } from './order';
import { createUnrolled, unrolledStep } from './unrolled';
import { backProp, buildNetwork, forwardProp, updateWeights, weightsOf } from './playground';
import { createTfjs, dispose, ready, tfjsStep, tfjsWeights } from './tfjs';

type Method = 'none' | 'l1' | 'l2';
const METHODS: Method[] = ['none', 'l1', 'l2'];
const LAMBDA = 0.3;
const LR = 0.01;
const coeff = (m: Method): [number, number] => (m === 'l1' ? [LAMBDA, 0] : m === 'l2' ? [0, LAMBDA] : [0, 0]);

const data = experimentData({ seed: 1 });
const xs = data.train.map((i) => data.x[i]);
const ys = data.train.map((i) => data.y[i]);
const N = xs.length;
const initial = createNetwork({ sizes: SOURCE_SIZES, rng: createRng(1) });

const median = (v: number[]): number => {
  const s = [...v].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * Clock for all timings: CPU time of this process (user + system), so that other
 * programs competing for the machine's cores slow the figures down less than
 * they would on a wall clock. Set BENCH_CLOCK=wall for wall-clock time.
 */
const WALL = process.env.BENCH_CLOCK === 'wall';
function now(): number {
  if (WALL) return performance.now();
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

interface Timed {
  seconds: number;
  steps: number;
  weights: ArrayLike<number>[];
}

function runLibrary(method: Method, epochs: number, snapshotEvery = 0): Timed {
  const net = initial.clone();
  const penalty = regularizer(method, LAMBDA);
  const t = now();
  const result = train(net, { inputs: xs, targets: ys }, { epochs, rng: createRng(1), penalty, optimizer: { lr: LR }, snapshotEvery });
  const seconds = (now() - t) / 1000;
  if (result.status !== 'ok') throw new Error(`library run ${result.status}`);
  return { seconds, steps: result.step, weights: net.layers.map((L) => L.weights) };
}

function runUnrolled(method: Method, epochs: number): Timed {
  const u = createUnrolled(initial.layers.flatMap((L) => [L.weights, L.biases]));
  const [a, b] = coeff(method);
  const rng = createRng(1);
  const order = new Int32Array(N);
  const t = now();
  for (let e = 0; e < epochs; e++) {
    shuffled(rng, order);
    for (let k = 0; k < N; k++) unrolledStep(u, xs[order[k]], ys[order[k]], LR, a, b);
  }
  return { seconds: (now() - t) / 1000, steps: epochs * N, weights: [u.w1, u.w2, u.w3, u.w4] };
}

function runPlayground(method: Method, epochs: number): Timed {
  const net = buildNetwork([...SOURCE_SIZES], initial.layers.map((L) => L.weights));
  const [a, b] = coeff(method);
  const rng = createRng(1);
  const order = new Int32Array(N);
  const input = [0];
  const t = now();
  for (let e = 0; e < epochs; e++) {
    shuffled(rng, order);
    for (let k = 0; k < N; k++) {
      input[0] = xs[order[k]];
      forwardProp(net, input);
      backProp(net, ys[order[k]]);
      updateWeights(net, LR, a, b);
    }
  }
  return { seconds: (now() - t) / 1000, steps: epochs * N, weights: weightsOf(net) };
}

function runTfjs(method: Method, epochs: number): Timed {
  const m = createTfjs([...SOURCE_SIZES], initial.layers.map((L) => L.weights), xs, ys, LR);
  const [a, b] = coeff(method);
  const rng = createRng(1);
  const order = new Int32Array(N);
  const t = now();
  for (let e = 0; e < epochs; e++) {
    shuffled(rng, order);
    for (let k = 0; k < N; k++) tfjsStep(m, order[k], a, b);
  }
  const seconds = (now() - t) / 1000;
  const weights = tfjsWeights(m);
  dispose(m);
  return { seconds, steps: epochs * N, weights };
}

function maxDiff(a: ArrayLike<number>[], b: ArrayLike<number>[]): number {
  let d = 0;
  a.forEach((w, l) => {
    for (let k = 0; k < w.length; k++) d = Math.max(d, Math.abs(w[k] - b[l][k]));
  });
  return d;
}

type Impl = 'library' | 'snapshots' | 'unrolled' | 'playground' | 'tfjs';
type Key = `${Impl}:${Method}`;

/**
 * Runs every implementation x method once per repetition, in a rotating order,
 * so that slow drifts of the machine hit all of them alike; returns every
 * repetition's steps/s per key (warmup repetitions dropped).
 */
function measure(runs: Record<Impl, (m: Method) => Timed>, warmup: number, reps: number, tfjsReps: number): Record<Key, number[]> {
  const keys = (Object.keys(runs) as Impl[]).flatMap((impl) => METHODS.map((m) => `${impl}:${m}` as Key));
  const rates = Object.fromEntries(keys.map((k) => [k, [] as number[]])) as Record<Key, number[]>;
  for (let rep = 0; rep < warmup + reps; rep++) {
    const order = keys.map((_, i) => keys[(i + rep) % keys.length]);
    for (const key of order) {
      const [impl, method] = key.split(':') as [Impl, Method];
      if (impl === 'tfjs' && rep >= warmup + tfjsReps) continue;
      const r = runs[impl](method);
      if (rep >= warmup) rates[key].push(r.steps / r.seconds);
    }
  }
  return rates;
}

/** Median over repetitions of the per-repetition ratio a/b (paired). */
function pairedRatio(a: number[], b: number[]): number {
  return median(b.map((y, i) => a[i] / y));
}

function cpuModel(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8').split('\n').find((l) => l.startsWith('model name'));
    if (line) return line.split(':')[1].trim();
  } catch {
    /* not Linux */
  }
  return cpus()[0]?.model ?? 'unknown CPU';
}

const fmtRate = (r: number): string => (r >= 1e6 ? `${(r / 1e6).toFixed(2)} M` : r >= 1e3 ? `${(r / 1e3).toFixed(1)} k` : r.toFixed(0));
const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
const verdict = (ok: boolean): string => (ok ? 'met' : 'NOT met');

/**
 * Wall-clock ms of the whole experiment as the first work of a fresh process
 * (bench/cold.ts), for the library and for the unrolled ceiling, alternating;
 * medians of `times` processes each. Two ways to run it: the TypeScript sources
 * through this process's loader (tsx), and one bundled plain-JavaScript file
 * (esbuild), which is how a browser worker gets the code.
 */
function coldStarts(times: number): Record<'ts' | 'bundled', { library: number; unrolled: number }> {
  const script = fileURLToPath(new URL('./cold.ts', import.meta.url));
  const bundle = join(mkdtempSync(join(tmpdir(), 'nn-cold-')), 'cold.mjs');
  buildSync({ entryPoints: [script], bundle: true, platform: 'node', format: 'esm', outfile: bundle, logLevel: 'warning' });
  const commands = { ts: [...process.execArgv, script], bundled: [bundle] };
  const ms = { ts: { library: [] as number[], unrolled: [] as number[] }, bundled: { library: [] as number[], unrolled: [] as number[] } };
  for (let i = 0; i < times; i++) {
    for (const how of ['ts', 'bundled'] as const) {
      for (const which of ['library', 'unrolled'] as const) {
        const child = spawnSync(process.execPath, [...commands[how], which], { encoding: 'utf8' });
        if (child.status !== 0) throw new Error(`cold.ts ${which} (${how}) failed: ${child.stderr}`);
        ms[how][which].push(JSON.parse(child.stdout.trim().split('\n').pop() as string).ms);
      }
    }
  }
  const medians = (how: 'ts' | 'bundled') => ({ library: median(ms[how].library), unrolled: median(ms[how].unrolled) });
  return { ts: medians('ts'), bundled: medians('bundled') };
}

async function main(): Promise<void> {
  // the source's whole experiment, timed in this process once warm
  const whole = (): number => {
    const t = now();
    for (const method of METHODS) runExperiment({ method, seed: 1 });
    return now() - t;
  };
  const cold = coldStarts(5);
  await ready();
  console.log(`Machine: ${cpuModel()}, ${cpus().length} cores, Node ${process.version}, ${process.platform}/${process.arch}`);
  console.log(`Network 1-10-10-10-1 (linear), |p - y| cost, SGD lr 0.01, batch 1, 40 training points; median steps per ${WALL ? 'wall-clock' : 'CPU'} second\n`);

  const E = 100;
  const rates = measure(
    {
      library: (m) => runLibrary(m, E),
      snapshots: (m) => runLibrary(m, E, N),
      unrolled: (m) => runUnrolled(m, E),
      playground: (m) => runPlayground(m, 20),
      tfjs: (m) => runTfjs(m, 1),
    },
    3,
    31,
    7,
  );
  const rate = (impl: Impl, m: Method): number => median(rates[`${impl}:${m}`]);
  const vs = (impl: Impl, m: Method): number => pairedRatio(rates[`library:${m}`], rates[`${impl}:${m}`]);

  const rows = [['', 'library', 'unrolled', 'playground', 'tfjs-core cpu', 'lib/unrolled', 'lib/playground', 'lib/tfjs']];
  for (const m of METHODS) {
    rows.push([
      m, fmtRate(rate('library', m)), fmtRate(rate('unrolled', m)), fmtRate(rate('playground', m)), fmtRate(rate('tfjs', m)),
      vs('unrolled', m).toFixed(2), vs('playground', m).toFixed(2), `${(rate('library', m) / rate('tfjs', m)).toFixed(0)}x`,
    ]);
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  for (const r of rows) console.log(r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '));

  // agreement: same start, same order => same weights (tfjs computes in float32)
  const libW = runLibrary('l1', 20).weights;
  console.log(
    `\nAgreement after 20 epochs with L1 (max |dw|): unrolled ${maxDiff(libW, runUnrolled('l1', 20).weights)}, ` +
      `playground ${maxDiff(libW, runPlayground('l1', 20).weights)}, tfjs-core ${maxDiff(runLibrary('l1', 1).weights, runTfjs('l1', 1).weights).toExponential(1)} (1 epoch)`,
  );

  // time per step relative to 'none', paired per repetition
  const overhead = (impl: Impl, m: Method): number => pairedRatio(rates[`${impl}:none`], rates[`${impl}:${m}`]) - 1;
  const penaltyL1 = overhead('library', 'l1');
  const penaltyL2 = overhead('library', 'l2');
  const penalty = Math.max(penaltyL1, penaltyL2);
  // the snapshot's cost does not depend on the method: one estimate from all paired repetitions
  const snapshotBy = METHODS.map((m) => pairedRatio(rates[`library:${m}`], rates[`snapshots:${m}`]) - 1);
  const snapshot = median(METHODS.flatMap((m) => rates[`library:${m}`].map((r, i) => r / rates[`snapshots:${m}`][i]))) - 1;

  // the whole experiment again, warm: 3 methods x 5 runs x 100 epochs x 40 samples
  for (let i = 0; i < 3; i++) whole();
  const wholeMs = median(Array.from({ length: 11 }, whole));

  const minOver = (impl: Impl): number =>
    Math.min(...METHODS.map((m) => (impl === 'tfjs' ? rate('library', m) / rate('tfjs', m) : vs(impl, m))));
  console.log(
    `\nPenalty overhead (time per step vs none): library L1 ${pct(penaltyL1)}, L2 ${pct(penaltyL2)}; ` +
      `unrolled L1 ${pct(overhead('unrolled', 'l1'))}, L2 ${pct(overhead('unrolled', 'l2'))}`,
  );
  console.log(`Snapshot every epoch overhead: ${pct(snapshot)} (all methods' repetitions; per method ${snapshotBy.map(pct).join(', ')})`);
  console.log(`Whole source experiment (3 methods x 5 runs x 100 epochs x 40 samples): ${wholeMs.toFixed(1)} ms warm (median of 11)`);
  console.log('  first call in a fresh process (wall clock, median of 5 processes each), library vs the unrolled ceiling (training only):');
  for (const [how, label] of [['ts', 'TypeScript sources via tsx'], ['bundled', 'one bundled .mjs (as a worker loads it)']] as const) {
    const c = cold[how];
    console.log(`    ${label}: library ${c.library.toFixed(0)} ms, ceiling ${c.unrolled.toFixed(0)} ms, ratio ${(c.library / c.unrolled).toFixed(2)}`);
  }
  console.log('\nGoals:');
  console.log(`  >= 100x tfjs-core cpu         ${minOver('tfjs').toFixed(0)}x          ${verdict(minOver('tfjs') >= 100)}`);
  console.log(`  >= 2.5x per-neuron design     ${minOver('playground').toFixed(2)}x         ${verdict(minOver('playground') >= 2.5)}`);
  console.log(`  >= 0.6x unrolled ceiling      ${minOver('unrolled').toFixed(2)}x         ${verdict(minOver('unrolled') >= 0.6)}`);
  console.log(`  penalty overhead <= 10%       ${pct(penalty)}         ${verdict(penalty <= 0.1)}`);
  console.log(`  snapshot overhead <= 2%       ${pct(snapshot)}          ${verdict(snapshot <= 0.02)}`);
  console.log(`  whole experiment < 100 ms     ${wholeMs.toFixed(1)} ms warm  ${verdict(wholeMs < 100)} (cold: library ${cold.ts.library.toFixed(0)} / ${cold.bundled.library.toFixed(0)} ms, ceiling ${cold.ts.unrolled.toFixed(0)} / ${cold.bundled.unrolled.toFixed(0)} ms, tsx / bundled)`);
}

void Network; // re-exported type only
await main();
