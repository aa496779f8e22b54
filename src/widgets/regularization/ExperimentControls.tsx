import type figure from '../../figures/regularization/Experiment.figure';
import { Controls } from '../shared/controls';
import { Field } from '../shared/Field';
import type { FigureState } from '../shared/figure-state';

/** The experiment's settings: penalties, λ and training, outliers; every label and range from the declaration. */
export function ExperimentControls({ state }: { state: FigureState<typeof figure> }) {
  const s = state.values;
  return (
    <>
      <Controls label="Experiment settings">
        <Field state={state} name="methods" />
      </Controls>
      <Controls label="Penalty and training">
        <Field state={state} name="lambda" />
        {s.methods.includes('elastic') && <Field state={state} name="mix" />}
        <Field state={state} name="lr" />
        <Field state={state} name="seed" />
        <Field state={state} name="runs" />
      </Controls>
      <Controls label="Outliers">
        <Field state={state} name="outliers" />
        <Field state={state} name="offsetMode" />
        {s.offsetMode === 'fixed' && <Field state={state} name="offset" />}
      </Controls>
    </>
  );
}
