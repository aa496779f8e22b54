import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import { MAX_FILE_BYTES, parseDataCsv, readSummary, sizeText } from '../../figures/data-csv';
import { dataCsv } from '../../figures/setting-codecs';
import { parseNumber, type DataSetting } from '../../figures/settings';
import { dataToPad, PAD_FRAME, padBox, padPlot, padToData, roundToBox } from '../../plots/data-pad';
import { PlotView } from './PlotView';

type Points = [number, number][];

export interface DataPanelProps {
  spec: DataSetting;
  /** The reader's data in use, or null for the figure's own. */
  value: Points | null;
  /** The figure's own data: what drawing starts from. */
  defaults: readonly (readonly [number, number])[];
  /** Puts points in use (null: the figure's own data again). */
  onApply(points: Points | null): void;
}

const minus = (v: number) => String(v).replace('-', '\u2212');

type Message = { kind: 'ok' | 'error'; text: string } | null;

/** The figure's own points, rounded as drawn points are (so a link stays short). */
const startFrom = (defaults: readonly (readonly [number, number])[], spec: DataSetting): Points =>
  defaults.map(([x, y]) => [roundToBox(x, spec.view.x), roundToBox(y, spec.view.y)]);

/**
 * The data tools of a figure, loaded when the reader opens them (OwnData.tsx): a plot to click or
 * tap points on (and drag them), an x and a y field to add a point from the keyboard, the points as
 * CSV text to edit or paste, and a CSV file to open ("Reset data" is beside the figure, OwnData.tsx). Points that break the setting's
 * limits are explained, line and column, and the figure keeps the data it had.
 */
export function DataPanel({ spec, value, defaults, onApply }: DataPanelProps) {
  const id = useId();
  const [draft, setDraft] = useState<Points>(() => value ?? startFrom(defaults, spec));
  const [text, setText] = useState(() => dataCsv(value ?? startFrom(defaults, spec)));
  const [message, setMessage] = useState<Message>(null);
  const [xText, setXText] = useState('');
  const [yText, setYText] = useState('');
  const drag = useRef<number | null>(null);
  const [box, setBox] = useState(() => padBox(draft, spec.view));
  // The box stays put while a point is dragged (else the point would run from the pointer), and follows the points otherwise.
  const shownBox = drag.current === null ? padBox(draft, spec.view) : box;
  // Data put in use from outside the panel (Reset data beside the figure, a link) shows here too.
  const seen = useRef(value);
  useEffect(() => {
    if (seen.current === value) return;
    seen.current = value;
    const d = value ?? startFrom(defaults, spec);
    setDraft(d);
    setText(dataCsv(d));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  const options = useMemo(() => padPlot(draft, shownBox), [draft, shownBox.x[0], shownBox.x[1], shownBox.y[0], shownBox.y[1]]);

  /** Puts the points in use if the setting takes them; else says why and keeps the figure's data. */
  const commit = (points: Points, ok: string, syncText = true) => {
    setDraft(points);
    if (syncText) setText(dataCsv(points));
    if (points.length < spec.minItems) {
      return setMessage({ kind: 'error', text: `${points.length} point${points.length === 1 ? '' : 's'} so far; the figure needs at least ${spec.minItems} and keeps its data until then.` });
    }
    if (points.length > spec.maxItems) return setMessage({ kind: 'error', text: `${points.length} points; this figure takes at most ${spec.maxItems}. It keeps its data.` });
    onApply(points);
    setMessage({ kind: 'ok', text: ok });
  };

  const pointer = (e: PointerEvent): [number, number] | null => {
    const svg = (e.currentTarget as Element).querySelector('svg');
    const r = svg?.getBoundingClientRect();
    if (!r || r.width === 0) return null;
    return [((e.clientX - r.left) * PAD_FRAME.width) / r.width, ((e.clientY - r.top) * PAD_FRAME.height) / r.height];
  };
  const toPoint = (px: number, py: number, b = shownBox): [number, number] | null => {
    const [x, y] = padToData(px, py, b);
    if (x < b.x[0] || x > b.x[1] || y < b.y[0] || y > b.y[1]) return null;
    const p: [number, number] = [roundToBox(x, b.x), roundToBox(y, b.y)];
    return p[0] >= spec.x[0] && p[0] <= spec.x[1] && p[1] >= spec.y[0] && p[1] <= spec.y[1] ? p : null;
  };

  const addTyped = () => {
    const x = parseNumber(xText, { min: spec.x[0], max: spec.x[1] });
    const y = parseNumber(yText, { min: spec.y[0], max: spec.y[1] });
    if (!x.ok) return setMessage({ kind: 'error', text: `x: ${x.message}` });
    if (!y.ok) return setMessage({ kind: 'error', text: `y: ${y.message}` });
    if (draft.length >= spec.maxItems) return setMessage({ kind: 'error', text: `This figure takes at most ${spec.maxItems} points.` });
    commit([...draft, [x.value, y.value]], `Added (${x.value}, ${y.value}): ${draft.length + 1} points.`);
  };

  const applyText = (csv: string, from: string) => {
    const read = parseDataCsv(csv, spec);
    if (!read.ok) return setMessage({ kind: 'error', text: `${from}: ${read.message} The figure keeps its data.` });
    commit(read.points, `${readSummary(read)} The figure uses them now.`, false);
  };

  const openFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = ''; // the same file can be opened again after an edit
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      return setMessage({ kind: 'error', text: `${file.name} is ${sizeText(file.size)}; this figure opens files of at most ${sizeText(MAX_FILE_BYTES)} (${spec.maxItems} points). The figure keeps its data.` });
    }
    let csv: string;
    try {
      csv = await file.text();
    } catch {
      return setMessage({ kind: 'error', text: `${file.name} could not be read. The figure keeps its data.` });
    }
    // The file's text goes into the box to be corrected, unless it is far too long to be data the figure takes.
    if (csv.length <= spec.maxItems * 64) setText(csv);
    applyText(csv, file.name);
  };

  return (
    <div class="nn-data-panel" role="group" aria-labelledby={`${id}-title`}>
      <p class="nn-data-title" id={`${id}-title`}>
        Your data: {spec.minItems} to {spec.maxItems} points, x from {minus(spec.x[0])} to {minus(spec.x[1])}, y from {minus(spec.y[0])} to {minus(spec.y[1])}
      </p>
      <p class="nn-status">Click or tap the plot to add a point; drag a point to move it.</p>
      <div
        class="nn-data-pad"
        data-testid="data-pad"
        onPointerDown={(e) => {
          const at = pointer(e);
          if (!at) return;
          const near = draft.findIndex((p) => Math.hypot(...dataToPad(p, shownBox).map((v, k) => v - at[k])) < 10);
          setBox(shownBox);
          if (near >= 0) drag.current = near;
          else {
            const p = toPoint(at[0], at[1]);
            if (!p || draft.length >= spec.maxItems) return;
            drag.current = draft.length;
            setDraft([...draft, p]);
          }
          (e.currentTarget as HTMLElement).setPointerCapture?.(e.pointerId);
        }}
        onPointerMove={(e) => {
          if (drag.current === null) return;
          const at = pointer(e);
          const p = at && toPoint(at[0], at[1], box);
          const i = drag.current;
          if (p) setDraft((d) => d.map((q, k) => (k === i ? p : q)));
        }}
        onPointerUp={() => {
          if (drag.current === null) return;
          const i = drag.current;
          drag.current = null;
          const p = draft[i];
          commit(draft, p ? `Point ${i + 1} at (${p[0]}, ${p[1]}): ${draft.length} points.` : `${draft.length} points.`);
        }}
        onPointerCancel={() => (drag.current = null)}
      >
        <PlotView options={options} label={`Your data: ${draft.length} points, to click or tap on`} class="nn-data-plot" data={[]} />
      </div>
      <div class="nn-controls nn-data-add" role="group" aria-label="Add a point">
        <div class="nn-field">
          <label for={`${id}-x`}>x</label>
          <input id={`${id}-x`} type="text" inputMode="decimal" size={6} value={xText} onInput={(e) => setXText(e.currentTarget.value)} onKeyDown={(e) => e.key === 'Enter' && addTyped()} />
        </div>
        <div class="nn-field">
          <label for={`${id}-y`}>y</label>
          <input id={`${id}-y`} type="text" inputMode="decimal" size={6} value={yText} onInput={(e) => setYText(e.currentTarget.value)} onKeyDown={(e) => e.key === 'Enter' && addTyped()} />
        </div>
        <button type="button" class="nn-button nn-button-secondary" onClick={addTyped}>
          Add point
        </button>
        <button type="button" class="nn-button nn-button-secondary" disabled={draft.length === 0} onClick={() => commit(draft.slice(0, -1), `Removed the last point: ${draft.length - 1} points.`)}>
          Remove last point
        </button>
        <button type="button" class="nn-button nn-button-secondary" disabled={draft.length === 0} onClick={() => commit([], '')}>
          Clear points
        </button>
      </div>
      <div class="nn-field nn-data-text">
        <label for={`${id}-csv`}>Points as CSV: one x,y per line; a header line is optional; commas, semicolons or tabs</label>
        <textarea id={`${id}-csv`} rows={6} spellcheck={false} value={text} onInput={(e) => setText(e.currentTarget.value)} />
      </div>
      <div class="nn-controls">
        <button type="button" class="nn-button" onClick={() => applyText(text, 'The text')}>
          Use these points
        </button>
        <label class="nn-button nn-button-secondary nn-file">
          Open a CSV file…
          <input type="file" accept=".csv,.tsv,.txt,text/csv,text/plain,text/tab-separated-values" onChange={(e) => void openFile(e.currentTarget)} />
        </label>
      </div>
      <p class={message?.kind === 'error' ? 'nn-error' : 'nn-status'} role="status" data-testid="data-message" data-kind={message?.kind}>
        {message?.text ?? ''}
      </p>
    </div>
  );
}
