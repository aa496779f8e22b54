import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { FigureDeclaration } from '../../figures/figure';
import { dataCsv } from '../../figures/setting-codecs';
import { DATA_URL_MAX, formatData, type DataSetting } from '../../figures/settings';
import type { FigureState } from './figure-state';
import type { DataPanelProps } from './DataPanel';

type Points = [number, number][];

/** What a figure element offers the toolbar (src/components/figure-actions.ts) about the reader's data. */
export interface OwnDataElement extends HTMLElement {
  /** The reader's data as CSV, exactly as loaded; null while the figure shows its own data. */
  nnOwnData?: () => string | null;
}

/** The compressed length of a dataset when it is too long for a link, else 0. */
export function tooLongForLink(points: Points | null): number {
  const length = points ? formatData(points).length : 0;
  return length > DATA_URL_MAX ? length : 0;
}

/**
 * "Use your own data": a figure's data setting (settings.ts, type 'data'), shared by every figure
 * that fits a line or trains on points. What loads with the figure is this button and a line saying
 * whose data is shown (with "Reset data"); the panel to draw, paste or open points
 * (DataPanel.tsx, with the CSV parser) is downloaded when the reader opens it. It also tells the
 * figure's toolbar what to share: the data as CSV (the CSV button), and whether the data is too
 * large for a link (Copy link and Embed then say so and offer the CSV).
 */
export function OwnData<F extends FigureDeclaration<any, any, any, any>>({ state, name, defaults }: {
  state: FigureState<F>;
  /** The data setting's name. */
  name: string;
  /**
   * The figure's own data, where drawing starts from: asked for when the tools open (a dynamic
   * import of the model, so a figure whose widget never computes its data does not load the core for it).
   */
  defaults: () => Promise<readonly (readonly [number, number])[]>;
}) {
  const spec = state.figure.settings[name] as DataSetting;
  const value = (state.values as Record<string, unknown>)[name] as Points | null;
  const [open, setOpen] = useState(false);
  const [Panel, setPanel] = useState<((p: DataPanelProps) => JSX.Element) | null>(null);
  const [start, setStart] = useState<readonly (readonly [number, number])[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const long = tooLongForLink(value);
  const set = (points: Points | null) => state.update({ [name]: points } as never);

  // The toolbar reads the data (and whether a link can carry it) from the figure element.
  const latest = useRef(value);
  latest.current = value;
  useEffect(() => {
    const figure = root.current?.closest<OwnDataElement>('.nn-figure');
    if (!figure) return;
    figure.nnOwnData = () => (latest.current ? dataCsv(latest.current) : null);
    if (long) figure.dataset.nnUnshared = String(long);
    else delete figure.dataset.nnUnshared;
  }, [long]);

  const toggle = () => {
    const next = !open;
    setOpen(next);
    if (next) {
      setLoadError(null);
      Promise.all([import('./DataPanel'), defaults()]).then(
        ([m, points]) => {
          setStart(points);
          setPanel(() => m.DataPanel);
        },
        () => setLoadError('The data tools could not be loaded; check the connection and try again.'),
      );
    }
  };
  const count = value?.length ?? 0;
  return (
    <div class="nn-own-data" data-setting={name} ref={root}>
      <p class="nn-status nn-own-summary" data-testid="own-data-summary">
        {value ? `Showing your data: ${count} points.` : `Showing ${spec.defaultText}.`}{' '}
        <button type="button" class="nn-button nn-button-secondary" aria-expanded={open} onClick={toggle}>
          {open ? 'Close the data tools' : value ? 'Edit your data' : 'Use your own data'}
        </button>
        {value && (
          <button type="button" class="nn-button nn-button-secondary" onClick={() => set(null)}>
            Reset data
          </button>
        )}
      </p>
      {long > 0 && (
        <p class="nn-status nn-status-warn" data-testid="own-data-link">
          Your data is too large for a link ({long.toLocaleString('en-US')} characters compressed; a link holds {DATA_URL_MAX.toLocaleString('en-US')}): Copy link and Embed leave it out. Share it as a
          file with the CSV button below the figure.
        </p>
      )}
      {loadError && <p class="nn-error" role="alert">{loadError}</p>}
      {open && Panel && <Panel spec={spec} value={value} defaults={start} onApply={set} />}
      {open && !Panel && !loadError && <p class="nn-status">Loading the data tools…</p>}
    </div>
  );
}
