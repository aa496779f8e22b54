import { describe, expect, it } from 'vitest';
import { previewFor } from '../../src/plots/previews';
import { renderPlot } from '../../src/plots/render';

describe('home-page previews', () => {
  it.each(['activation-functions', 'l1-vs-l2-regularization'])('%s renders an SVG with finite coordinates', (slug) => {
    const options = previewFor(slug);
    expect(options).toBeDefined();
    const svg = renderPlot(options!);
    expect(svg).toMatch(/^<svg/);
    expect(svg).toContain('<path');
    expect(svg).not.toMatch(/NaN|Infinity/);
  });
  it('has no preview for an unknown article', () => {
    expect(previewFor('no-such-article')).toBeUndefined();
  });
});
