/**
 * Command line for the source experiment (the only file here that uses Node):
 *
 *   npm run experiment -- --method l1 --runs 5 --seed 1
 */
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { runExperiment } from './experiment';
import {
  DATASET_MODES, EXPERIMENT_DEFAULTS as D, EXPERIMENT_PRESETS, METHODS, SOURCE_SIZES, SPLITS,
  type DatasetMode, type ExperimentOptions, type ExperimentResult, type Method, type PresetName, type Protocol, type SplitKind,
} from './protocol';
import { EXAMPLE_ORDERS, type ExampleOrder } from './training';
import { NEAR_ZERO } from './stats';
import { mean, sd } from './stats';

/** An option's help line with "(default x)" in the help's last column. */
const dflt = (line: string, value: unknown) => `${line.padEnd(70)} (default ${value})`;

/** The CLI's names of the presets (EXPERIMENT_PRESETS). */
const PRESETS: Record<string, PresetName> = { default: 'default', published: 'published', 'published-fixed': 'publishedFixed' };

/** A preset written as its flags, for the help. */
const asFlags = (p: Protocol) => `--order ${p.order} --split ${p.split} --data ${p.dataset}${p.arithmetic === 'float32' ? ' --float32' : ''}`;

const HELP = `Usage: npm run experiment -- [options]

Runs the source's L1/L2 experiment (1-10-10-10-1 linear network, |pred - y| cost,
plain SGD, batch 1) and prints the total test error of every run. Run r of every
method starts from the same weights and sees the same data in the same order.

Options:
${dflt('  --method <m>      none | l1 | l2 | elastic, or a comma list, or all', D.method)}
${dflt('  --runs <n>        runs per method', D.runs)}
${dflt('  --seed <n>        base seed: data from the seed, run r from seed + r', D.seed)}
${dflt('  --lambda <x>      penalty strength λ', D.lambda)}
${dflt('  --mix <x>         elastic-net mix m: m·L1 + (1 - m)·L2', D.mix)}
${dflt('  --epochs <n>      epochs per run', D.epochs)}
${dflt('  --lr <x>          learning rate', D.lr)}
${dflt('  --outliers <n>    number of outliers', D.outliers)}
  --offset <x>      fixed outlier offset              (default: one draw of U[0,10))
${dflt('  --sizes <list>    layer sizes, e.g. 1,10,10,1,1', SOURCE_SIZES.join(','))}
${dflt('  --threshold <x>   |w| below which a weight counts as near zero', NEAR_ZERO)}

Protocol (how the source's script may have run; its saved dataset and its split
helper were never published):
${dflt('  --order <o>       epoch: reshuffle the training rows every epoch;', D.order)}
                    once: shuffle them once per run, keep that order;
                    fixed: the order the split lists them, every epoch and run
${dflt('  --split <s>       random: a seeded shuffle, first 80% train;', D.split)}
                    even: every fifth point (4, 9, ..., 49) to test, as the
                    author's helper picks them
${dflt('  --data <d>        shared: one dataset for all runs;', D.dataset)}
                    fresh: each run draws its own
${dflt('  --float32         compute in float32, as the source did', D.arithmetic)}
  --preset <p>      default | published | published-fixed: sets the   (default default)
                    four above; flags given as well override it
                    default:         ${asFlags(EXPERIMENT_PRESETS.default)}
                    published:       ${asFlags(EXPERIMENT_PRESETS.published)}
                                     (the closest reading of the script: its
                                     helper shuffles the rows once per run)
                    published-fixed: ${asFlags(EXPERIMENT_PRESETS.publishedFixed)}
                                     (if the helper did not shuffle)

Output:
  --csv             print CSV instead of a table
  --json            print the full results as JSON
  --help            show this help
`;

type Flag = 'method' | 'runs' | 'seed' | 'lambda' | 'mix' | 'epochs' | 'lr' | 'outliers' | 'offset' | 'sizes' | 'threshold' | 'order' | 'split' | 'data' | 'preset';
const VALUE_FLAGS: readonly Flag[] = ['method', 'runs', 'seed', 'lambda', 'mix', 'epochs', 'lr', 'outliers', 'offset', 'sizes', 'threshold', 'order', 'split', 'data', 'preset'];

class UsageError extends Error {}

/** The value of a flag that takes one of a list of words. */
function parseWord<T extends string>(flag: string, text: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(text)) throw new UsageError(`--${flag} must be one of ${allowed.join(', ')} (got "${text}")`);
  return text as T;
}

function parseNumber(flag: string, text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) throw new UsageError(`--${flag} must be a number (got "${text}")`);
  return value;
}

interface Parsed {
  methods: Method[];
  options: ExperimentOptions;
  format: 'table' | 'csv' | 'json';
  help: boolean;
}

export function parseArgs(argv: readonly string[]): Parsed {
  const values: Partial<Record<Flag, string>> = {};
  let format: Parsed['format'] = 'table';
  let help = false;
  let float32 = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') help = true;
    else if (arg === '--float32') float32 = true;
    else if (arg === '--csv') format = 'csv';
    else if (arg === '--json') format = 'json';
    else if (arg.startsWith('--') && (VALUE_FLAGS as readonly string[]).includes(arg.slice(2).split('=')[0])) {
      const [name, inline] = arg.slice(2).split(/=(.*)/s);
      const value = inline ?? argv[++i];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value`);
      values[name as Flag] = value;
    } else {
      throw new UsageError(`unknown option "${arg}" (allowed: ${VALUE_FLAGS.map((f) => `--${f}`).join(', ')}, --float32, --csv, --json, --help)`);
    }
  }
  const methodText = values.method ?? 'l1';
  const methods = (methodText === 'all' ? ['none', 'l1', 'l2'] : methodText.split(',')) as Method[];
  for (const m of methods) {
    if (!METHODS.includes(m)) throw new UsageError(`--method must be one of ${METHODS.join(', ')} or all (got "${m}")`);
  }
  const num = (flag: Flag): number | undefined => (values[flag] === undefined ? undefined : parseNumber(flag, values[flag] as string));
  const preset = EXPERIMENT_PRESETS[PRESETS[parseWord('preset', values.preset ?? 'default', Object.keys(PRESETS))]];
  const options: ExperimentOptions = {
    order: values.order === undefined ? preset.order : parseWord<ExampleOrder>('order', values.order, EXAMPLE_ORDERS),
    split: values.split === undefined ? preset.split : parseWord<SplitKind>('split', values.split, SPLITS),
    dataset: values.data === undefined ? preset.dataset : parseWord<DatasetMode>('data', values.data, DATASET_MODES),
    arithmetic: float32 ? 'float32' : preset.arithmetic,
    runs: num('runs'),
    seed: num('seed'),
    lambda: num('lambda'),
    mix: num('mix'),
    epochs: num('epochs'),
    lr: num('lr'),
    outliers: num('outliers'),
    outlierOffset: num('offset'),
    threshold: num('threshold'),
    sizes: values.sizes === undefined ? undefined : values.sizes.split(',').map((s) => parseNumber('sizes', s)),
  };
  return { methods, options, format, help };
}

const fmt = (x: number | null, digits = 4): string => (x === null ? '-' : x.toFixed(digits));

function table(result: ExperimentResult): string {
  const rows = [['run', 'seed', 'total test error', 'near-zero weights', 'status']];
  for (const r of result.runs) rows.push([String(r.run), String(r.seed), fmt(r.testError), String(r.nearZero), r.status]);
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  const line = (row: string[]): string => row.map((cell, c) => (c === 4 ? cell : cell.padStart(widths[c]))).join('  ');
  const { summary } = result;
  const p = result.protocol;
  return [
    `method ${result.method}, layers ${result.sizes.join('-')}, outlier offset ${result.data.outlierOffset.toFixed(4)}` +
      `${p.dataset === 'fresh' ? ' (run 1’s; each run draws its own data)' : ''}`,
    `order ${p.order}, split ${p.split}, data ${p.dataset}, ${p.arithmetic}`,
    line(rows[0]),
    ...rows.slice(1).map(line),
    `mean ± sd over ${summary.finished} finished run(s): ${fmt(summary.meanError)} ± ${fmt(summary.sdError)}` +
      `, near-zero weights ${fmt(summary.meanNearZero, 1)}`,
  ].join('\n');
}

function csv(results: ExperimentResult[]): string {
  const lines = ['method,run,seed,test_error,train_error,near_zero,status'];
  for (const res of results) {
    for (const r of res.runs) {
      lines.push([res.method, r.run, r.seed, r.testError ?? '', r.trainError ?? '', r.nearZero, r.status].join(','));
    }
  }
  return lines.join('\n');
}

export function main(argv: readonly string[]): number {
  let parsed: Parsed;
  try {
    parsed = parseArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`error: ${err.message}\nRun with --help for usage.\n`);
    return 1;
  }
  if (parsed.help) {
    process.stdout.write(HELP);
    return 0;
  }
  let results: ExperimentResult[];
  try {
    results = parsed.methods.map((method) => runExperiment({ ...parsed.options, method }));
  } catch (err) {
    process.stderr.write(`error: ${(err as Error).message}\n`);
    return 1;
  }
  if (parsed.format === 'json') process.stdout.write(JSON.stringify(results.length === 1 ? results[0] : results) + '\n');
  else if (parsed.format === 'csv') process.stdout.write(csv(results) + '\n');
  else {
    const means = results.map((r) => r.summary.meanError).filter((m): m is number => m !== null);
    let text = results.map(table).join('\n\n');
    if (results.length > 1) text += `\n\nacross methods: mean ${fmt(mean(means))}, sd ${fmt(sd(means))}`;
    process.stdout.write(text + '\n');
  }
  return 0;
}

const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(realpathSync(entry)).href) process.exitCode = main(process.argv.slice(2));
