import { ChangeOrder } from './ChangeOrder.js';
import { CostEntry } from './CostEntry.js';
import { MonitoringReport } from './MonitoringReport.js';
import { Project } from './Project.js';
import { Requirement } from './Requirement.js';
import { SiteCheck } from './SiteCheck.js';
import { TimelineEvent } from './TimelineEvent.js';

export { ChangeOrder, CostEntry, MonitoringReport, Project, Requirement, SiteCheck, TimelineEvent };

/** The delivery context's tables. */
export const DELIVERY_ENTITIES = [Project, TimelineEvent, Requirement, ChangeOrder, CostEntry, SiteCheck, MonitoringReport];
