/** The GraphQL API alone (production: scale it out behind a load balancer). */
import { runServiceProcess } from '../platform/runtime/serviceProcess.js';

await runServiceProcess('api');
