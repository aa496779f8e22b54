/**
 * Dispatched on `document` by whatever needs the page URL to hold every widget's current
 * settings right now (e.g. the figure toolbar's "Copy link"): url-state.ts writes any pending
 * change at once. A module of its own, so the toolbar script does not pull in Preact.
 */
export const FLUSH_URL_EVENT = 'nn:flush-url-state';
