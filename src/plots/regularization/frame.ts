/**
 * Sizes shared by the article's plots. Each figure comes in two drawings (DualPlot.tsx): a wide
 * one for a desktop column and a narrow one about as wide as a phone's figure box (307px on a
 * 360px screen), so that the narrow one is hardly scaled down and its text stays at 11px or more.
 */

/** Width of the narrow drawings. */
export const NARROW_WIDTH = 340;
/** Text size of every drawing (Plot's default is 10px). */
export const FONT_SIZE = '13px';
/** Room under a plot for its tick labels and, below them, its axis label, at 13px. */
export const MARGIN_BOTTOM = 42;
/** Room above a plot for the y-axis label, clear of the top tick label, at 13px. */
export const MARGIN_TOP = 30;
