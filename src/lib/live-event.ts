/** The event by which a figure announces its numbers to the live formulas of its page: `{ id, values }`. */
export const LIVE_EVENT = 'nn:live';

export interface LiveEventDetail {
  id: string;
  values: Readonly<Record<string, number>>;
}
