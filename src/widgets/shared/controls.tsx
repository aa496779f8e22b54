import type { ComponentChildren } from 'preact';
import { useEffect, useId, useState } from 'preact/hooks';
import { parseNumber, type NumberRule } from '../../figures/settings';

/**
 * Form controls shared by every widget: real, labelled form elements that work with keyboard and
 * touch. Bad input shows an inline message and leaves the widget's last good value in place.
 */

interface NumberFieldProps extends NumberRule {
  label: string;
  value: number;
  onChange(value: number): void;
  /** Width in characters. */
  size?: number;
  disabled?: boolean;
  /** The name of the figure setting this control sets (data-setting, for tests and styles). */
  setting?: string;
}

/** A typed number: applied on Enter or when the field loses focus; rejected text is explained. */
export function NumberField({ label, value, onChange, size = 6, disabled, setting, ...rule }: NumberFieldProps) {
  const id = useId();
  const [text, setText] = useState(String(value));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setText(String(value));
    setError(null);
  }, [value]);
  const commit = (raw: string) => {
    const parsed = parseNumber(raw, rule);
    if (!parsed.ok) return setError(parsed.message);
    setError(null);
    if (parsed.value !== value) onChange(parsed.value);
  };
  return (
    <div class="nn-field" data-setting={setting}>
      <label for={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        size={size}
        value={text}
        disabled={disabled}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onInput={(e) => setText(e.currentTarget.value)}
        onChange={(e) => commit(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit(e.currentTarget.value);
        }}
      />
      {error && (
        <p class="nn-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

interface SliderProps {
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  onChange(value: number): void;
  /** How the current value is shown next to the label. */
  format?: (value: number) => string;
  disabled?: boolean;
  setting?: string;
}

/** A range slider with its value shown; arrow keys step it, Home/End jump to the ends. */
export function Slider({ label, value, min, max, step, onChange, format = String, disabled, setting }: SliderProps) {
  const id = useId();
  return (
    <div class="nn-field nn-slider" data-setting={setting}>
      <label for={id}>
        {label} <output for={id}>{format(value)}</output>
      </label>
      <input
        id={id}
        type="range"
        min={min}
        max={max}
        step={step}
        value={value}
        disabled={disabled}
        aria-valuetext={format(value)}
        onInput={(e) => {
          const v = Number(e.currentTarget.value);
          if (Number.isFinite(v)) onChange(v);
        }}
      />
    </div>
  );
}

interface SelectProps<T extends string> {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange(value: T): void;
  disabled?: boolean;
  setting?: string;
}

export function Select<T extends string>({ label, value, options, onChange, disabled, setting }: SelectProps<T>) {
  const id = useId();
  return (
    <div class="nn-field" data-setting={setting}>
      <label for={id}>{label}</label>
      <select id={id} value={value} disabled={disabled} onChange={(e) => onChange(e.currentTarget.value as T)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

interface CheckboxGroupProps<T extends string> {
  legend: string;
  values: readonly T[];
  options: readonly { value: T; label: string }[];
  onChange(values: T[]): void;
  /** At least this many must stay checked (the last ones cannot be unchecked). */
  minChecked?: number;
  disabled?: boolean;
  setting?: string;
}

export function CheckboxGroup<T extends string>({ legend, values, options, onChange, minChecked = 0, disabled, setting }: CheckboxGroupProps<T>) {
  return (
    <fieldset class="nn-field nn-checks" data-setting={setting}>
      <legend>{legend}</legend>
      {options.map((o) => {
        const checked = values.includes(o.value);
        // Counted over the options, so a value listed twice (a hand-edited link) cannot unlock the last one.
        const locked = checked && options.filter((x) => values.includes(x.value)).length <= minChecked;
        return (
          <label key={o.value}>
            <input
              type="checkbox"
              checked={checked}
              disabled={disabled || locked}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                onChange(options.map((x) => x.value).filter((v) => (v === o.value ? on : values.includes(v))));
              }}
            />{' '}
            {o.label}
          </label>
        );
      })}
    </fieldset>
  );
}

interface ButtonProps {
  onClick(): void;
  children: ComponentChildren;
  disabled?: boolean;
  variant?: 'primary' | 'secondary';
  label?: string;
}

export function Button({ onClick, children, disabled, variant = 'secondary', label }: ButtonProps) {
  return (
    <button type="button" class={`nn-button nn-button-${variant}`} onClick={onClick} disabled={disabled} aria-label={label}>
      {children}
    </button>
  );
}

/** A row of controls under or beside a figure. */
export function Controls({ children, label }: { children: ComponentChildren; label: string }) {
  return (
    <div class="nn-controls" role="group" aria-label={label}>
      {children}
    </div>
  );
}

/** Work in progress: a real progress bar with its percentage (announced by the status line it is in). */
export function Progress({ value, label }: { value: number; label: string }) {
  const pct = Math.round(Math.min(1, Math.max(0, value)) * 100);
  return (
    <span class="nn-progress">
      <progress max={100} value={pct} aria-label={label} />
      <span>{pct}%</span>
    </span>
  );
}
