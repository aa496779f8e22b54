import { describe, expect, it } from 'vitest';
import { answer, globLoader } from '../../../src/workers/serve';
import type { JobMessage } from '../../../src/workers/protocol';
import { runDeadUnits } from '../../../src/models/activations/dead-units';
import { checkJobInput, jobInput, resolveSettings } from '../../../src/figures/figure';
import experimentFigure from '../../../src/figures/regularization/Experiment.figure';

/** The worker's side of a job, run in Node: the same `answer` the worker calls for every message it receives. */
const load = globLoader(import.meta.glob('../../../src/figures/**/*.figure.ts'));

async function post(request: unknown): Promise<JobMessage[]> {
  const out: JobMessage[] = [];
  await answer(request, load, (m) => out.push(m));
  return out;
}

const errorOf = async (request: unknown) => {
  const messages = await post(request);
  expect(messages).toHaveLength(1);
  expect(messages[0].kind).toBe('error');
  return (messages[0] as { message: string }).message;
};

describe('the worker boundary', () => {
  it('answers garbage with one error message, never an exception', async () => {
    expect(await errorOf(null)).toBe('a job request must be an object { id, figure, input }');
    expect(await errorOf('run')).toBe('a job request must be an object { id, figure, input }');
    expect(await errorOf([1, 2])).toBe('a job request must be an object { id, figure, input }');
    expect(await errorOf({ figure: 'DeadUnits' })).toBe('a job request needs a numeric "id"');
    expect(await errorOf({ id: 1 })).toBe('a job request needs the figure\'s name in "figure"');
    expect(await errorOf({ id: 1, figure: '../../etc/passwd' })).toBe('unknown figure "../../etc/passwd"');
    expect(await errorOf({ id: 1, figure: 'Softmax', input: {} })).toBe('Softmax has no computation to run in a worker');
  });

  it('a warm-up request loads the figure’s computation ahead of its first job, runs nothing and answers nothing', async () => {
    const loaded: string[] = [];
    const spy: typeof load = async (name) => {
      const figure = await load(name);
      if (!figure?.compute) return figure;
      return { ...figure, compute: { ...figure.compute, load: () => (loaded.push(name), figure.compute!.load()) } };
    };
    const out: JobMessage[] = [];
    await answer({ warm: 'DeadUnits' }, spy, (m) => out.push(m));
    expect(loaded).toEqual(['DeadUnits']);
    await answer({ warm: 'Softmax' }, spy, (m) => out.push(m)); // no computation: nothing to load
    await answer({ warm: 'NoSuchFigure' }, spy, (m) => out.push(m)); // left to a job to report
    expect(out).toEqual([]);
    // anything more than { warm, input } is a job request, checked as one
    expect(await errorOf({ warm: 'DeadUnits', id: 3 })).toBe('a job request needs the figure\'s name in "figure"');
    expect(await errorOf({ warm: 'DeadUnits', input: {}, id: 3 })).toBe('a job request needs the figure\'s name in "figure"');
  });

  /** A loader whose Experiment records the inputs its run is called with. */
  function recording() {
    const runs: Record<string, unknown>[] = [];
    const spy: typeof load = async (name) => {
      const figure = await load(name);
      if (!figure?.compute) return figure;
      const compute = figure.compute;
      return {
        ...figure,
        compute: { ...compute, load: async () => { const run = await compute.load(); return (input: Parameters<typeof run>[0], report: Parameters<typeof run>[1]) => (runs.push(input), run(input, report)); } },
      };
    };
    return { runs, spy };
  }
  const experimentInput = (given: Record<string, unknown> = {}) => jobInput(experimentFigure, resolveSettings(experimentFigure, given));

  it('a warm-up request with the reader’s input runs the figure’s warm-up jobs (one run of each chosen penalty) and answers nothing', async () => {
    const { runs, spy } = recording();
    const out: JobMessage[] = [];
    const input = experimentInput({ methods: ['l1', 'elastic'], pruned: true, lambda: 0.5 });
    await answer({ warm: 'Experiment', input }, spy, (m) => out.push(m));
    expect(out).toEqual([]);
    expect(runs).toEqual([
      { ...input, methods: ['l1'], runs: 1, pruned: false },
      { ...input, methods: ['elastic'], runs: 1, pruned: false },
    ]);
  });

  it('every declared warm-up is made of valid inputs of its figure, and a job after it gives the same numbers, to the last digit', async () => {
    const figures = await Promise.all(Object.keys(import.meta.glob('../../../src/figures/**/*.figure.ts')).map((path) => load(path.split('/').at(-1)!.replace('.figure.ts', ''))));
    const warmed = figures.filter((f) => f?.compute?.warmup);
    expect(warmed.map((f) => f!.name).sort()).toEqual(['DeadUnits', 'Experiment', 'LambdaSweep', 'PruneRetrain', 'WeightHeatmaps']);
    for (const figure of warmed) {
      const input = jobInput(figure!, resolveSettings(figure!, {}));
      const jobs = figure!.compute!.warmup!(input as never);
      expect(jobs.length, figure!.name).toBeGreaterThan(0);
      for (const job of jobs) expect(checkJobInput(figure!, job), figure!.name).toEqual({ ok: true, input: job });
      // the warm-up leaves no state behind: the job gives what it gives in a worker that did not warm up
      const cold = await post({ id: 4, figure: figure!.name, input });
      const out: JobMessage[] = [];
      await answer({ warm: figure!.name, input }, load, (m) => out.push(m));
      await answer({ id: 4, figure: figure!.name, input }, load, (m) => out.push(m));
      expect(out.at(-1)?.kind, figure!.name).toBe('result');
      expect(out.at(-1)).toEqual(cold.at(-1));
    }
  });

  it('a warm-up stops at its next job once another request has arrived, and is skipped for a bad input or a figure without one', async () => {
    const { runs, spy } = recording();
    let superseded = false;
    const warming = answer({ warm: 'Experiment', input: experimentInput() }, spy, () => undefined, { superseded: () => superseded });
    // the first warm-up job waits for a task of its own: a request arriving before it stops them all
    superseded = true;
    await warming;
    expect(runs).toEqual([]);
    // after one job, then superseded
    let calls = 0;
    await answer({ warm: 'Experiment', input: experimentInput() }, spy, () => undefined, { superseded: () => calls++ > 0 });
    expect(runs).toHaveLength(1);
    runs.length = 0;
    await answer({ warm: 'Experiment', input: { ...experimentInput(), lambda: -1 } }, spy, () => undefined);
    await answer({ warm: 'Experiment', input: 'garbage' }, spy, () => undefined);
    await answer({ warm: 'Experiment' }, spy, () => undefined);
    await answer({ warm: 'PreluSlopes', input: { lr: 0.01, momentum: 0.9, seed: 1, epochs: 60, ownData: null } }, spy, () => undefined); // declares no warm-up
    expect(runs).toEqual([]);
  });

  it('names the field of a malformed input', async () => {
    const good = { lr: 0.05, seed: 3, epochs: 5, ownData: null };
    expect(await errorOf({ id: 2, figure: 'DeadUnits', input: null })).toBe('DeadUnits: the input must be an object with lr, seed, epochs, ownData');
    expect(await errorOf({ id: 2, figure: 'DeadUnits', input: { lr: 0.05, seed: 3 } })).toBe('DeadUnits: field "epochs" is missing');
    expect(await errorOf({ id: 2, figure: 'DeadUnits', input: { lr: 0.05, seed: 3, epochs: 5 } })).toBe('DeadUnits: field "ownData" is missing');
    expect(await errorOf({ id: 2, figure: 'DeadUnits', input: { ...good, lr: 0.07 } })).toBe('DeadUnits: field "lr" must be one of 0.003, 0.01, 0.03, 0.05, 0.1 (got 0.07)');
    expect(await errorOf({ id: 2, figure: 'DeadUnits', input: { ...good, epochs: 1e9 } })).toBe('DeadUnits: field "epochs" must be a whole number from 5 to 100 (got 1000000000)');
    expect(await errorOf({ id: 2, figure: 'DeadUnits', input: { ...good, seed: '3' } })).toBe('DeadUnits: field "seed" must be a whole number from 0 to 1000000000 (got "3")');
    expect(await errorOf({ id: 2, figure: 'DeadUnits', input: { ...good, __proto__x: 1 } })).toBe('DeadUnits: unknown field "__proto__x"; the input has lr, seed, epochs, ownData');
    expect(await errorOf({ id: 3, figure: 'Experiment', input: { methods: ['l1', 'l3'] } })).toMatch(/^Experiment: field "lambda" is missing|^Experiment: field "methods" must be/);
    const exp = { methods: ['l1'], lambda: 0.3, mix: 0.5, lr: 0.01, seed: 1, runs: 1, outliers: 10, offsetMode: 'drawn', offset: 5 };
    expect(await errorOf({ id: 3, figure: 'Experiment', input: { ...exp, methods: ['l1', 'l3'] } })).toBe(
      'Experiment: field "methods" must be a list of 1 or more different values of "none", "l1", "l2", "elastic" (got ["l1","l3"])',
    );
    expect(await errorOf({ id: 3, figure: 'Experiment', input: { ...exp, lambda: Infinity } })).toBe('Experiment: field "lambda" must be a number from 0 to 10 (got Infinity)');
    expect(await errorOf({ id: 3, figure: 'Experiment', input: { ...exp, offsetMode: '<script>' } })).toBe('Experiment: field "offsetMode" must be one of "drawn", "fixed" (got "<script>")');
  });

  it('runs a valid job: progress, then the result the model gives for the same input, to the last digit', async () => {
    const input = { lr: 0.05, seed: 3, epochs: 5, ownData: null };
    const messages = await post({ id: 7, figure: 'DeadUnits', input });
    const last = messages[messages.length - 1];
    expect(messages.every((m) => m.id === 7)).toBe(true);
    expect(messages.filter((m) => m.kind === 'progress').length).toBeGreaterThan(0);
    expect(last).toEqual({ id: 7, kind: 'result', output: runDeadUnits(input) });
  });

  it('refuses a reader’s dataset that is not one, whatever it holds, naming the field and the limits', async () => {
    const good = { lr: 0.05, seed: 3, epochs: 5 };
    const want = 'DeadUnits: field "ownData" must be 4 to 200 points [x, y] with x from -100 to 100 and y from -100 to 100';
    const garbage: [unknown, string][] = [
      ['1,2\n3,4', '"1,2\\n3,4"'],
      [[[1, 2], [3, 4], [5, 6]], '[[1,2],[3,4],[5,6]]'], // too few
      [Array.from({ length: 201 }, (_, i) => [i / 10, 0]), '[[0,0],[0.1,0],[0.2,0],[0.3,0],[0.4,0],[0.5,0],[0.6,0],[0…'], // too many
      [[[1, 2], [3, 4], [5, 6], [Number.NaN, 1]], '[[1,2],[3,4],[5,6],[null,1]]'],
      [[[1, 2], [3, 4], [5, 6], [1e308, 1]], '[[1,2],[3,4],[5,6],[1e+308,1]]'],
      [[[1, 2], [3, 4], [5, 6], [7, Infinity]], '[[1,2],[3,4],[5,6],[7,null]]'],
      [[[1, 2], [3, 4], [5, 6], ['7', 8]], '[[1,2],[3,4],[5,6],["7",8]]'],
      [[[1, 2], [3, 4], [5, 6], [7, 8, 9]], '[[1,2],[3,4],[5,6],[7,8,9]]'],
      [[[1, 2], [3, 4], [5, 6], { 0: 7, 1: 8, length: 2 }], '[[1,2],[3,4],[5,6],{"0":7,"1":8,"length":2}]'],
      [[[1, 2], [3, 4], [5, 6], null], '[[1,2],[3,4],[5,6],null]'],
      [{ length: 4 }, '{"length":4}'],
      ['<script>alert(1)</script>', '"<script>alert(1)</script>"'],
      [42, '42'],
    ];
    for (const [ownData, shown] of garbage) {
      expect(await errorOf({ id: 9, figure: 'DeadUnits', input: { ...good, ownData } }), shown).toBe(`${want} (got ${shown})`);
    }
    // A sparse array (holes read as undefined) and a million points are refused as quickly.
    const t = Date.now();
    expect(await errorOf({ id: 9, figure: 'DeadUnits', input: { ...good, ownData: new Array(4) } })).toMatch(/^DeadUnits: field "ownData" must be 4 to 200 points/);
    expect(await errorOf({ id: 9, figure: 'DeadUnits', input: { ...good, ownData: Array.from({ length: 1e6 }, () => [0, 0]) } })).toMatch(/^DeadUnits: field "ownData" must be/);
    expect(Date.now() - t).toBeLessThan(2000);
  });

  it('runs a job on a reader’s dataset, with the numbers the model gives for it', async () => {
    const input = { lr: 0.01, seed: 3, epochs: 5, ownData: [[-1, 1], [-0.5, 0.25], [0, 0], [0.5, 0.25], [1, 1]] as [number, number][] };
    const messages = await post({ id: 8, figure: 'DeadUnits', input });
    const last = messages[messages.length - 1];
    expect(last).toEqual({ id: 8, kind: 'result', output: runDeadUnits(input) });
    expect(runDeadUnits(input).series[0].finalLoss).not.toBe(runDeadUnits({ ...input, ownData: null }).series[0].finalLoss);
  });
});
