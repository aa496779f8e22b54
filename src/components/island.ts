/**
 * What every figure wrapper (`src/components/widgets/<Name>.astro`) does, in one place: check the
 * props an article passed against the figure's declaration, compute the figure for those settings
 * with the same function the browser's worker runs (once per build for equal settings), and hand
 * the frame its id, class, caption and reserved height.
 */
import {
  inputKey, jobInput, pack, resolveSettings,
  type FigureDeclaration, type FigureResult, type FigureValues, type IslandProps,
} from '../figures/figure';

/** Results computed in this build, by figure and input: a page's Findings and its Experiment share one run. */
const computed = new Map<string, Promise<unknown>>();

/** The figure's computation for its settings, computed once per build for equal inputs. */
export function computeOnce<F extends FigureDeclaration<any, any, any, any>>(figure: F, values: FigureValues<F>): Promise<FigureResult<F>> {
  if (!figure.compute) return Promise.resolve(undefined as FigureResult<F>);
  const input = jobInput(figure, values);
  const key = `${figure.name}|${inputKey(input)}`;
  let result = computed.get(key);
  if (!result) {
    result = figure.compute.load().then((run) => run(input, () => {}));
    computed.set(key, result);
  }
  return result as Promise<FigureResult<F>>;
}

export interface FrameProps {
  id: string;
  /** The figure's number on its page, handed over by the article's build (remark-cross-references.mjs). */
  nnFigureNumber?: string;
  /** The figure's own id (its URL prefix), for the hydration directive. */
  figureId: string;
  class?: string;
  caption?: string;
  minHeight: number;
  wide: boolean;
}

/** The attribute through which the article's build numbers its figures; must match remark-cross-references.mjs. */
export const FIGURE_NUMBER_PROP = 'nnFigureNumber';

/** The props of a figure's frame (Figure.astro) and of its island, from what the article passed. */
export async function island<F extends FigureDeclaration<any, any, any, any>>(
  figure: F,
  props: Record<string, unknown>,
): Promise<{ frame: FrameProps; props: IslandProps<F> }> {
  const { [FIGURE_NUMBER_PROP]: number, ...given } = props;
  const id = typeof given.id === 'string' && given.id !== '' ? given.id : figure.defaultId;
  let settings: FigureValues<F>;
  try {
    settings = resolveSettings(figure, given) as FigureValues<F>;
  } catch (error) {
    throw new Error(`${(error as Error).message} (figure id "${id}")`);
  }
  const initial = await computeOnce(figure, settings);
  return {
    frame: {
      id: `fig-${id}`,
      [FIGURE_NUMBER_PROP]: typeof number === 'string' ? number : undefined,
      figureId: id,
      class: typeof given.class === 'string' ? given.class : undefined,
      caption: typeof given.caption === 'string' ? given.caption : undefined,
      minHeight: figure.frame?.minHeight ?? 0,
      wide: figure.frame?.wide ?? false,
    },
    props: { id, settings, initial: pack(figure.island && initial !== undefined ? figure.island(initial, settings) : initial) },
  };
}

/** The attribute through which the article checks (remark-widget-checks.mjs) hand a component the page's figures. */
export const PAGE_FIGURES_PROP = 'nnPageFigures';

/** A figure on the page as the article wrote it: its name, id and literal props. */
export interface PageFigure {
  name: string;
  id: string | null;
  props: Record<string, unknown>;
}

/**
 * The settings of the figure `read` that stands on the same page as `reader` (e.g. the Experiment
 * that Findings describes), resolved from the props the article gave it.
 */
export function pageFigure<F extends FigureDeclaration<any, any, any, any>>(reader: FigureDeclaration<any, any, any, any>, read: F, given: Record<string, unknown>): FigureValues<F> {
  const page = JSON.parse(String(given[PAGE_FIGURES_PROP] ?? '[]')) as PageFigure[];
  const entry = page.find((f) => f.name === read.name);
  if (!entry) throw new Error(`<${reader.name}> describes the page's <${read.name}>, but this page has none: add one, or remove <${reader.name}>.`);
  return resolveSettings(read, entry.props) as FigureValues<F>;
}
