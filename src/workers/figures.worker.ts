/**
 * The one worker of the site: it runs any figure's computation off the main thread. Declarations
 * and their computations are loaded on demand, so a worker started by one figure downloads only
 * that figure's code.
 */
import { globLoader, serveFigureJobs } from './serve';

serveFigureJobs(globLoader(import.meta.glob('../figures/**/*.figure.ts')));
