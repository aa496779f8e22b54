import type { FigureDeclaration, FigureValues } from '../../figures/figure';
import { controlLabel, optionLabel, type SettingSpec } from '../../figures/settings';
import { formatNumber } from '../../lib/format';
import { CheckboxGroup, NumberField, Select, Slider } from './controls';
import type { FigureState } from './figure-state';
import { propsChanged, pure } from './pure';

type Numeric<F extends FigureDeclaration<any, any, any, any>> = { [K in keyof FigureValues<F>]: FigureValues<F>[K] extends number ? K : never }[keyof FigureValues<F>];

interface FieldProps<F extends FigureDeclaration<any, any, any, any>, K extends keyof FigureValues<F>> {
  state: FigureState<F>;
  name: K & string;
  /** Narrows a number's range (never widens it): e.g. "x from" stays below "x to". */
  min?: number;
  max?: number;
  /** A slider's step, when it follows another setting. */
  step?: number;
  /** How a slider shows its value (default: 3 significant digits). */
  format?: (value: number) => string;
  /** Instead of writing the setting (e.g. to change two settings at once). */
  onChange?: (value: FigureValues<F>[K]) => void;
  disabled?: boolean;
}

/**
 * The control of one figure setting, derived from its declaration: label, range, step and
 * options are the declaration's, so they are written nowhere else. A number is a typed field, or a
 * slider if it has a `step`, or a drop-down list if it has `choices`; an enum is a drop-down list;
 * a list is a group of checkboxes (at least `minItems` stay ticked); a boolean is a checkbox.
 */
function SettingField<F extends FigureDeclaration<any, any, any, any>, K extends keyof FigureValues<F>>({ state, name, min, max, step, format, onChange, disabled }: FieldProps<F, K>) {
  const spec = state.figure.settings[name] as SettingSpec;
  const value = state.values[name] as unknown;
  const set = (v: unknown) => (onChange ? onChange(v as FigureValues<F>[K]) : state.update({ [name]: v } as Partial<FigureValues<F>>));
  switch (spec.type) {
    case 'number': {
      const lo = Math.max(spec.min, min ?? -Infinity);
      const hi = Math.min(spec.max, max ?? Infinity);
      if (spec.choices) {
        const options = spec.choices.map((c) => ({ value: String(c), label: String(c) }));
        return <Select setting={name} label={spec.label} value={String(value)} options={options} disabled={disabled} onChange={(v) => set(Number(v))} />;
      }
      if (spec.step !== undefined) {
        const s = step ?? spec.step;
        // A range input reports "0.30000000000000004"-free decimals, but keep values on the step's grid.
        const decimals = (String(s).split('.')[1] ?? '').length;
        return (
          <Slider
            setting={name}
            label={spec.label}
            value={value as number}
            min={lo}
            max={hi}
            step={s}
            disabled={disabled}
            format={format ?? ((v) => formatNumber(v, 3))}
            onChange={(v) => set(Number(v.toFixed(decimals)))}
          />
        );
      }
      const label = controlLabel(spec.showRange ? { ...spec, min: lo, max: hi } : spec);
      return <NumberField setting={name} label={label} value={value as number} min={lo} max={hi} integer={spec.integer} disabled={disabled} onChange={set} />;
    }
    case 'enum':
      return (
        <Select
          setting={name}
          label={spec.label}
          value={value as string}
          options={spec.values.map((v) => ({ value: v, label: optionLabel(spec, v) }))}
          disabled={disabled}
          onChange={set}
        />
      );
    case 'list':
      return (
        <CheckboxGroup
          setting={name}
          legend={spec.label}
          values={value as string[]}
          options={spec.values.map((v) => ({ value: v, label: optionLabel(spec, v) }))}
          minChecked={spec.minItems ?? 1}
          disabled={disabled}
          onChange={set}
        />
      );
    case 'boolean':
      return (
        <div class="nn-field" data-setting={name}>
          <label>
            <input type="checkbox" checked={value as boolean} disabled={disabled} onChange={(e) => set(e.currentTarget.checked)} /> {spec.label}
          </label>
        </div>
      );
    default:
      throw new Error(`<Field>: setting "${name}" is a ${spec.type}; the figure draws its own control for it`);
  }
}

/**
 * True when a Field would draw something else: one of its own props changed, or its setting's value,
 * or the figure or its update function. Of the figure's state it reads nothing else, so a change of
 * another setting (a slider moving beside it) or of nothing (a job streaming its results) leaves it
 * as it is.
 */
export function fieldChanged(previous: FieldProps<any, any>, next: FieldProps<any, any>): boolean {
  const [a, b] = [previous.state, next.state];
  if (a !== b && (a.figure !== b.figure || a.update !== b.update || !Object.is(a.values[previous.name], b.values[next.name]))) return true;
  return propsChanged({ ...previous, state: null }, { ...next, state: null });
}

/** A setting's control (SettingField), rendered again only when what it shows changes (fieldChanged). */
export const Field = pure(SettingField, fieldChanged) as typeof SettingField;

/** The number rule (range, whole or not) of a numeric setting or of the items of a list of numbers, for a NumberField the widget lays out itself. */
export function numberRule(spec: SettingSpec): { min: number; max: number; integer?: boolean } {
  if (spec.type === 'number' || spec.type === 'numbers') return { min: spec.min, max: spec.max, integer: spec.type === 'number' ? spec.integer : undefined };
  throw new Error(`numberRule: a ${spec.type} setting has no number range`);
}

export type { Numeric };
