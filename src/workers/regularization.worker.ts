/**
 * Training for the L1-vs-L2 article, off the main thread. Every job calls the same functions
 * the build uses (src/widgets/regularization/logic.ts), so equal settings give equal numbers.
 * Finished runs stream back as progress partials; Stop terminates the worker.
 */
import { serveJobs } from './protocol';
import {
  heatmapRun,
  pruneAndRetrain,
  runSettings,
  type ExperimentSettings,
  type HeatmapSettings,
  type PruneSettings,
} from '../widgets/regularization/logic';
import type { Method } from '@neural-notes/nn';

serveJobs({
  experiment: (settings: ExperimentSettings, progress) => {
    // The live cost readout gets the latest epoch about ten times a second, not every epoch.
    let lastEpochSent = 0;
    return runSettings(settings, {
      onEpoch: (live) => {
        const now = Date.now();
        if (now - lastEpochSent < 100) return;
        lastEpochSent = now;
        progress(live.run, settings.runs, live);
      },
      // A finished run is sent as a partial; the widget batches redraws.
      onRun: (run, done, total) => progress(done, total, run),
      onSteps: (done, total) => progress(done / total * settings.methods.length * settings.runs, settings.methods.length * settings.runs),
    });
  },
  heatmaps: (input: HeatmapSettings & { methods: Method[] }, progress) =>
    input.methods.map((m, i) => {
      const out = heatmapRun(m, input);
      progress(i + 1, input.methods.length);
      return out;
    }),
  prune: (settings: PruneSettings, progress) => pruneAndRetrain(settings, (d, t) => progress(d, t)),
});
