/** The Temporal worker alone (production: run as many as the load needs). */
import { runServiceProcess } from '../platform/runtime/serviceProcess.js';

await runServiceProcess('worker');
