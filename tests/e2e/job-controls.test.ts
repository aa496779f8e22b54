import { afterAll, describe, expect, it } from 'vitest';
import { allProblems } from './support/page';
import { articleUrl, goLive, holdJobs, useBrowser } from './support/figure';

/**
 * Every figure a reader reruns (JobButtons and JobStatus, widgets/shared/JobControls.tsx): the run
 * controls and the status line keep their size from the press on Run until the job is done, and
 * through a Stop, so that nothing under them moves while the reader watches the figure.
 */
const { open, browser } = useBrowser();
afterAll(async () => {
  await browser()?.close();
});

/** The figures with run controls, by article (one page load serves an article's figures). */
const FIGURES = {
  'activation-functions': ['prelu-slopes', 'dead'],
  'l1-vs-l2-regularization': ['exp', 'sweep', 'prune'],
} as const;

interface Frame {
  controls: number;
  status: number;
  text: string;
}

/**
 * Presses the figure's Run button and measures every frame until the status line says the job is
 * over (done, or stopped when `stop`: the job is held (holdJobs) and Stop pressed on the frame after Run).
 */
function rerun([id, stop]: readonly [string, boolean]): Promise<Frame[]> {
  const figure = document.querySelector(`#fig-${id}`)!;
  const buttons = [...figure.querySelectorAll('button')];
  const run = buttons.find((b) => /^(Rerun in this browser|Run again)$/.test(b.innerText.trim()))!;
  const stopButton = buttons.find((b) => b.innerText.trim() === 'Stop')!;
  const status = figure.querySelector('p.nn-status[data-testid$="-status"]')!;
  const height = (el: Element) => Math.round(el.getBoundingClientRect().height * 10) / 10;
  const seen: Frame[] = [];
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const frame = () => {
      const text = (status as HTMLElement).innerText;
      seen.push({ controls: height(run.parentElement!), status: height(status), text });
      if (seen.length > 2 && /Computed in this browser|^Stopped\./.test(text)) resolve(seen);
      else if (performance.now() - started > 30_000) reject(new Error(`no end after 30 s: ${text}`));
      else {
        if (stop && seen.length === 2) stopButton.click();
        requestAnimationFrame(frame);
      }
    };
    frame();
    run.click();
    requestAnimationFrame(frame);
  });
}

describe('a figure’s run controls and status line', () => {
  for (const width of [360, 1280]) {
    for (const [article, ids] of Object.entries(FIGURES) as [keyof typeof FIGURES, readonly string[]][]) {
      it(`${article} at ${width} px: ${ids.join(', ')} keep their size from Run to done, and through a Stop`, async () => {
        const { page, problems, close } = await open(articleUrl(article), { viewport: { width, height: 800 } });
        const { holding } = await holdJobs(page);
        await page.goto(articleUrl(article), { waitUntil: 'networkidle' });
        for (const id of ids) {
          await goLive(page, id);
          for (const stop of [false, true]) {
            await holding(stop);
            const frames = await page.evaluate(rerun, [id, stop] as const);
            const texts = [...new Set(frames.map((f) => f.text))];
            expect(texts.length, `${id}: the status changed (${texts.join(' | ')})`).toBeGreaterThan(1);
            expect(texts.at(-1), `${id}: how the job ended`).toMatch(stop ? /^Stopped\./ : /Computed in this browser\.$/);
            expect([...new Set(frames.map((f) => f.controls))], `${id}: the run controls' row`).toEqual([frames[0].controls]);
            expect([...new Set(frames.map((f) => f.status))], `${id}: the status line, through ${texts.join(' | ')}`).toEqual([frames[0].status]);
          }
        }
        expect(allProblems(problems)).toEqual([]);
        await close();
      });
    }
  }
});
