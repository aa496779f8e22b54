/** Worker for the activation-functions article: the small training runs, off the main thread. */
import { runDeadUnits, runPrelu, type DeadUnitsInput, type PreluInput } from '../widgets/activations/training';
import { serveJobs } from './protocol';

serveJobs({
  deadUnits: (input: DeadUnitsInput, progress) => runDeadUnits(input, (done, total, partial) => progress(done, total, partial)),
  prelu: (input: PreluInput, progress) => runPrelu(input, (done, total, partial) => progress(done, total, partial)),
});
