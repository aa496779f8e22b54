import type { PropSpecs } from '../shared/props';

/** Props of <Experiment>: the defaults reproduce the source's protocol. */
export const experimentProps = {
  methods: { type: 'enum[]', values: ['none', 'l1', 'l2', 'elastic'], default: ['none', 'l1', 'l2', 'elastic'], description: 'Penalties compared, each with the same data, seeds and initial weights.' },
  lambda: { type: 'number', default: 0.3, min: 0, max: 10, description: 'Penalty strength λ (the source: 0.3).' },
  runs: { type: 'number', default: 5, min: 1, max: 100, integer: true, description: 'Runs per method (the source: 5).' },
  seed: { type: 'number', default: 1, min: 0, max: 1_000_000, integer: true, description: 'Base seed: the data comes from it, run r uses seed + r.' },
} satisfies PropSpecs;
