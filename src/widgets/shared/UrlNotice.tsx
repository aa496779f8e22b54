import type { FigureState } from './figure-state';

/** Says once, quietly, which of the page URL's parameters for this figure were ignored, and why. */
export function UrlNotice({ state }: { state: FigureState<any> }) {
  if (!state.notice) return null;
  return (
    <p class="nn-status nn-url-notice" role="status" data-testid="url-notice">
      {state.notice}
    </p>
  );
}
