import { AddOnPack } from './AddOnPack.js';
import { ChangeOrder } from './ChangeOrder.js';
import { Client } from './Client.js';
import { CostEntry } from './CostEntry.js';
import { MonitoringReport } from './MonitoringReport.js';
import { Project } from './Project.js';
import { Requirement } from './Requirement.js';
import { ServicePackage } from './ServicePackage.js';
import { SiteCheck } from './SiteCheck.js';
import { StageEvent } from './StageEvent.js';

export { AddOnPack, ChangeOrder, Client, CostEntry, MonitoringReport, Project, Requirement, ServicePackage, SiteCheck, StageEvent };

/** Every entity the ORM knows, listed explicitly so no folder scanning happens at start. */
export const ALL_ENTITIES = [Client, ServicePackage, AddOnPack, Project, StageEvent, Requirement, ChangeOrder, CostEntry, SiteCheck, MonitoringReport];
