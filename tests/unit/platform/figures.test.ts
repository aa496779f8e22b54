import { readdirSync, readFileSync } from 'node:fs';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { pack, resolveSettings, type FigureDeclaration } from '../../../src/figures/figure';
import { codecOf, urlKey } from '../../../src/figures/setting-codecs';
import { checkValue, controlLabel, optionLabel, type SettingSpec } from '../../../src/figures/settings';

/**
 * Every figure, walked from its declaration: its settings are consistent, its URL codecs accept
 * exactly what the declaration allows, its wrapper has the one shape all wrappers share, and every
 * control the widget draws agrees with the declaration (label, range, step, options).
 */
const declarations = import.meta.glob<FigureDeclaration>('../../../src/figures/**/*.figure.ts', { eager: true, import: 'default' });
const widgets = import.meta.glob<{ default: (props: object) => unknown }>('../../../src/widgets/*/*.tsx', { eager: true });
const figures = Object.entries(declarations).map(([path, figure]) => ({ path, figure, article: path.split('/').slice(-2)[0] }));
const wrappersDir = new URL('../../../src/components/widgets/', import.meta.url);

/** The wrapper every figure has, but for its article and name (src/components/widgets/<Name>.astro). */
const wrapperShape = (article: string, name: string) => `---
import Figure from '../Figure.astro';
import Widget from '../../widgets/${article}/${name}';
import figure from '../../figures/${article}/${name}.figure';
import { island } from '../island';

const { frame, props } = await island(figure, Astro.props);
---
<Figure {...frame}><Widget client:interact {...props} /><slot name="caption" slot="caption" /></Figure>
`;

const nudge = (x: number) => Math.max(Math.abs(x) * 1e-9, 1e-9);

describe.each(figures)('$figure.name', ({ path, figure, article }) => {
  it('is named after its file and has a description, an id and labelled, described settings', () => {
    expect(path.endsWith(`/${figure.name}.figure.ts`)).toBe(true);
    expect(figure.description.length).toBeGreaterThan(20);
    expect(figure.defaultId).toMatch(/^[a-z][a-z0-9-]*$/);
    for (const [name, spec] of Object.entries(figure.settings)) {
      expect(spec.label, name).not.toBe('');
      expect(spec.description, name).toMatch(/\S.*\.$/);
      expect(checkValue(spec, spec.default), `${name}'s default is allowed`).toMatchObject({ ok: true });
    }
    const keys = Object.entries(figure.settings).map(([n, s]) => urlKey(n, s)).filter((k) => k !== null);
    expect(new Set(keys).size, 'URL keys are distinct').toBe(keys.length);
    for (const input of figure.compute?.inputs ?? []) expect(Object.keys(figure.settings)).toContain(input);
  });

  it('has URL codecs that accept exactly what the declaration allows', () => {
    for (const [name, spec] of Object.entries(figure.settings) as [string, SettingSpec][]) {
      if (urlKey(name, spec) === null) continue;
      const codec = codecOf(spec);
      expect(codec.parse(codec.format(spec.default as never)), `${name}: default round-trips`).toEqual(spec.default);
      if (spec.type === 'number' && !spec.choices) {
        expect(codec.parse(String(spec.min)), `${name}: min`).toBe(spec.min);
        expect(codec.parse(String(spec.max)), `${name}: max`).toBe(spec.max);
        expect(codec.parse(String(spec.min - nudge(spec.min) * (spec.integer ? 1e9 : 1))), `${name}: below min`).toBeUndefined();
        expect(codec.parse(String(spec.max + (spec.integer ? 1 : nudge(spec.max)))), `${name}: above max`).toBeUndefined();
        if (spec.integer) expect(codec.parse(String(spec.min + 0.5)), `${name}: fraction`).toBeUndefined();
      }
      if (spec.type === 'number' && spec.choices) for (const c of spec.choices) expect(codec.parse(String(c))).toBe(c);
      if (spec.type === 'enum') {
        for (const v of spec.values) expect(codec.parse(v)).toBe(v);
        expect(codec.parse('not-a-value')).toBeUndefined();
      }
      if (spec.type === 'list') {
        expect(codec.parse(spec.values.join(','))).toEqual([...spec.values]);
        expect(codec.parse(`${spec.values[0]},${spec.values[0]}`), 'a repeated value counts once').toEqual([spec.values[0]]);
        expect(codec.parse('')).toBeUndefined();
      }
    }
  });

  it('has the one wrapper shape every figure shares', () => {
    if (!figure.frame) return; // a component that is not a figure (e.g. Findings) renders its own markup
    const text = readFileSync(new URL(`${figure.name}.astro`, wrappersDir), 'utf8');
    expect(text).toBe(wrapperShape(article, figure.name));
  });

  it('draws every control as declared: label, range, step and options', async () => {
    if (!figure.frame) return;
    const Widget = widgets[`../../../src/widgets/${article}/${figure.name}.tsx`]?.default;
    expect(Widget, `src/widgets/${article}/${figure.name}.tsx`).toBeTruthy();
    const settings = resolveSettings(figure, {});
    const initial = figure.compute ? (await figure.compute.load())(Object.fromEntries(figure.compute.inputs.map((k) => [k, settings[k as string]])) as never, () => {}) : undefined;
    const html = renderToString(h(Widget as never, { id: 'test', settings, initial: pack(initial) }));
    const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
    const controls = [...document.querySelectorAll('[data-setting]')];
    for (const el of controls) {
      const name = el.getAttribute('data-setting')!;
      const spec = figure.settings[name] as SettingSpec;
      expect(spec, `control for an undeclared setting "${name}"`).toBeTruthy();
      const label = (el.querySelector('legend, label')?.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (spec.type === 'numbers' || spec.type === 'points') {
        // One field per item: "z1", "z2" … for numbers; "outlier 1: x" and "y" for points.
        expect(label.startsWith(spec.label) || (spec.type === 'points' && label === 'y'), `${name}: label "${label}"`).toBe(true);
        continue;
      }
      const range = el.querySelector('input[type=range]');
      if (spec.type === 'number' && range) {
        expect(Number(range.getAttribute('min'))).toBeGreaterThanOrEqual(spec.min);
        expect(Number(range.getAttribute('max'))).toBeLessThanOrEqual(spec.max);
        if (name !== 'epoch') expect(Number(range.getAttribute('step')), `${name}: step`).toBe(spec.step);
        expect(label.startsWith(spec.label), `${name}: label "${label}"`).toBe(true);
      } else if (spec.type === 'number' && spec.choices) {
        expect([...el.querySelectorAll('option')].map((o) => Number(o.getAttribute('value')))).toEqual([...spec.choices]);
        expect(label).toBe(spec.label);
      } else if (spec.type === 'number') {
        // A typed field: its label is the declaration's (with the range, when declared so, possibly narrowed by another setting).
        if (spec.showRange) expect(label, name).toMatch(new RegExp(`^${spec.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(\\S+–\\S+\\)$`));
        else expect(label, name).toBe(controlLabel(spec));
      } else if (spec.type === 'enum') {
        expect(label).toBe(spec.label);
        expect([...el.querySelectorAll('option')].map((o) => [o.getAttribute('value'), o.textContent])).toEqual(spec.values.map((v) => [v, optionLabel(spec, v)]));
      } else if (spec.type === 'list') {
        expect(label).toBe(spec.label);
        expect([...el.querySelectorAll('label')].map((l) => l.textContent?.trim())).toEqual(spec.values.map((v) => optionLabel(spec, v)));
      } else if (spec.type === 'boolean') {
        expect(label).toBe(spec.label);
      }
    }
    // Every setting a reader changes through a plain control has one on screen at the defaults (some appear only in a mode).
    const shown = new Set(controls.map((c) => c.getAttribute('data-setting')));
    expect(shown.size, 'the widget draws its controls from the declaration').toBeGreaterThan(0);
  });
});

describe('the figures, together', () => {
  it('every wrapper has a declaration and every declaration a wrapper', () => {
    const wrappers = readdirSync(wrappersDir).filter((f) => f.endsWith('.astro')).map((f) => f.replace('.astro', '')).sort();
    expect(figures.map((f) => f.figure.name).sort()).toEqual(wrappers);
  });
});
