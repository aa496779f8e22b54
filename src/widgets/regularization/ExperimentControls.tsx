import type figure from '../../figures/regularization/Experiment.figure';
import { protocolOf } from '../../models/regularization/placement';
import { PROTOCOL_NAMES, PROTOCOLS, type ProtocolName } from '../../models/regularization/source';
import { PROTOCOL_LABELS } from '../../plots/regularization/labels';
import { Controls, Select } from '../shared/controls';
import { Field } from '../shared/Field';
import type { FigureState } from '../shared/figure-state';
import { pure } from '../shared/pure';

/** The preset list: the three named protocols, and "its own mix" while the settings match none. */
type PresetChoice = ProtocolName | 'custom';

/**
 * The experiment's settings: penalties, the protocol (a preset sets its four choices at once),
 * λ and training, outliers; every setting's label and range from the declaration.
 */
function Settings({ state }: { state: FigureState<typeof figure> }) {
  const s = state.values;
  const current: PresetChoice = protocolOf({ ...s, dataset: s.data }) ?? 'custom';
  const options = [
    ...PROTOCOL_NAMES.map((name) => ({ value: name as PresetChoice, label: PROTOCOL_LABELS[name] })),
    ...(current === 'custom' ? [{ value: 'custom' as PresetChoice, label: 'a mix of its own (set below)' }] : []),
  ];
  const choose = (name: PresetChoice) => {
    if (name === 'custom') return;
    const p = PROTOCOLS[name];
    state.update({ order: p.order, split: p.split, data: p.dataset, arithmetic: p.arithmetic });
  };
  return (
    <>
      <Controls label="Experiment settings">
        <Field state={state} name="methods" />
      </Controls>
      <Controls label="Protocol">
        <Select label="protocol preset" value={current} options={options} onChange={choose} />
        <Field state={state} name="order" />
        <Field state={state} name="split" />
        <Field state={state} name="data" />
        <Field state={state} name="arithmetic" />
        <Field state={state} name="pruned" />
      </Controls>
      <Controls label="Penalty and training">
        <Field state={state} name="lambda" />
        {s.methods.includes('elastic') && <Field state={state} name="mix" />}
        <Field state={state} name="lr" />
        <Field state={state} name="seed" />
        <Field state={state} name="runs" />
      </Controls>
      {/* The generated data's outliers: a reader's own data has none of them. */}
      {!s.ownData && (
        <Controls label="Outliers">
          <Field state={state} name="outliers" />
          <Field state={state} name="offsetMode" />
          {s.offsetMode === 'fixed' && <Field state={state} name="offset" />}
        </Controls>
      )}
    </>
  );
}

/** Rendered again only when the settings change, not as a job's results stream in. */
export const ExperimentControls = pure(Settings);
