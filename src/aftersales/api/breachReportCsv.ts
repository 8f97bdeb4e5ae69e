import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import { GraphQLError } from 'graphql';
import { DateTimeISOResolver } from 'graphql-scalars';
import { requireRole } from '../../identity/services/access.js';
import type { VerifyToken } from '../../identity/services/tokens.js';
import { DomainError } from '../../platform/domainError.js';
import { viewerOfRequest } from '../../platform/http/bearerToken.js';
import { domainErrorToGraphQL } from '../../platform/http/errorMapping.js';
import { allowOnly } from '../../platform/http/httpErrors.js';
import {
  BREACH_REPORT_GROUPS,
  BREACH_REPORT_READERS,
  breachReport,
  breachReportItems,
  breachReportWindow,
  type BreachReportGroup,
  type BreachReportItem,
  type BreachReportRow,
} from '../services/breachReport.js';

/**
 * `GET /reports/sla-breaches.csv`: the SLA breach report of `slaBreachReport` as a CSV
 * download, for spreadsheets. `groupBy=AGENT|TEAM|CLIENT` gives its rows, no `groupBy` one
 * line per breach (its items); `from` and `to` are RFC 3339 date-times (the window
 * [from, to) of deadlines, as in GraphQL; `+` in an offset must be sent as `%2B`).
 * Signed in with the same bearer token as `/graphql`, for ADMIN and CSM. Refusals come in
 * the API's error shape (`{ errors: [{ message, extensions: { code } }] }`): 401
 * UNAUTHENTICATED, 403 FORBIDDEN, 400 BAD_USER_INPUT with the parameter as `field`.
 */
export const BREACH_REPORT_CSV_PATH = '/reports/sla-breaches.csv';

// ---------------------------------------------------------------------------------------
// CSV

export type CsvValue = string | number | boolean | Date | null | undefined;

/** What a spreadsheet would take for a formula (or, for tab and CR, may strip to reach one). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** What RFC 4180 says must be quoted. */
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One CSV field. Text that a spreadsheet would run as a formula (it starts with `=`, `+`,
 * `-`, `@`, a tab or a CR; ticket titles come from clients) gets a leading apostrophe,
 * which spreadsheets show as text; then a field with a comma, a quote, a CR or an LF is
 * quoted with its quotes doubled (RFC 4180). Numbers, booleans and instants are written
 * by us and left as they are (a negative number stays a number); null is an empty field.
 */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return value.toISOString();
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole CSV document: the header line, then one line per record, each ended by CRLF (RFC 4180). */
export function csvDocument(header: readonly string[], records: readonly (readonly CsvValue[])[]): string {
  return [header, ...records].map((record) => `${record.map(csvField).join(',')}\r\n`).join('');
}

/** The grouped rows' columns: the fields of `SlaBreachReportRow`. */
export const ROW_COLUMNS = ['key', 'label', 'breaches', 'stillOwed', 'openOverdue', 'worstLateMinutes', 'averageLateMinutes', 'ticketsAffected'] as const satisfies readonly (keyof BreachReportRow)[];

/** The per-breach columns: the fields of `SlaBreachReportItem`. */
export const ITEM_COLUMNS = [
  'ticketId',
  'title',
  'clientId',
  'clientName',
  'assignee',
  'team',
  'severity',
  'category',
  'status',
  'clock',
  'round',
  'dueAt',
  'recordedAt',
  'metAt',
  'lateMinutes',
  'stillOwed',
] as const satisfies readonly (keyof BreachReportItem)[];

const recordsOf = <T, K extends keyof T>(columns: readonly K[], values: readonly T[]) => values.map((value) => columns.map((column) => value[column] as CsvValue));

// ---------------------------------------------------------------------------------------
// HTTP

/** What the route needs of the API's dependencies (src/platform/http/apiServer.ts passes them all). */
export interface BreachReportCsvDependencies {
  orm: MikroORM;
  verifyToken: VerifyToken;
}

const PARAMETERS = ['groupBy', 'from', 'to'] as const;

const invalid = (field: string, message: string) => new DomainError('INVALID_INPUT', message, { field });

/** The query string, checked: known parameters only, each at most once; a bad one is INVALID_INPUT naming it. */
function parameters(req: Request): { groupBy: BreachReportGroup | null; from: Date | null; to: Date | null } {
  const query = req.query as Record<string, unknown>;
  for (const name of Object.keys(query)) {
    if (!(PARAMETERS as readonly string[]).includes(name)) throw invalid(name, `Unknown parameter \`${name}\`: use ${PARAMETERS.join(', ')}.`);
    if (typeof query[name] !== 'string') throw invalid(name, `Give \`${name}\` once, as a plain value.`);
  }
  const text = (name: (typeof PARAMETERS)[number]) => query[name] as string | undefined;
  const groupBy = text('groupBy');
  if (groupBy !== undefined && !(BREACH_REPORT_GROUPS as readonly string[]).includes(groupBy)) {
    throw invalid('groupBy', `\`groupBy\` must be one of ${BREACH_REPORT_GROUPS.join(', ')}, or absent for one line per breach.`);
  }
  const instant = (name: 'from' | 'to') => {
    const value = text(name);
    if (value === undefined) return null;
    try {
      return DateTimeISOResolver.parseValue(value) as Date;
    } catch {
      throw invalid(name, `\`${name}\` must be an RFC 3339 date-time such as 2026-11-01T00:00:00Z (send + in an offset as %2B).`);
    }
  };
  return { groupBy: (groupBy as BreachReportGroup | undefined) ?? null, from: instant('from'), to: instant('to') };
}

/** 20261201T093000Z: an instant as a file name may carry it. */
const fileStamp = (date: Date) => date.toISOString().replace(/\.\d{3}/, '').replace(/[-:]/g, '');

const HTTP_STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, BAD_USER_INPUT: 400 };

/** A refusal in the API's error shape, or false when `error` is not one (then it is unexpected: the HTTP error handler answers 500). */
function refuse(res: Response, error: unknown): boolean {
  const graphql = error instanceof DomainError ? domainErrorToGraphQL(error) : error instanceof GraphQLError ? error : null;
  const code = graphql?.extensions.code;
  const status = typeof code === 'string' ? HTTP_STATUS[code] : undefined;
  if (!graphql || status === undefined) return false;
  // `http` is Apollo's instruction (the status), not part of what a client sees.
  const { http: _http, ...extensions } = graphql.extensions;
  if (status === 401) res.set('www-authenticate', 'Bearer');
  res.status(status).json({ errors: [{ message: graphql.message, extensions }] });
  return true;
}

/** The route, for `app.use(...)` before the API's not-found handler. */
export function breachReportCsvRouter(deps: BreachReportCsvDependencies): Router {
  const download: RequestHandler = async (req, res, next) => {
    try {
      const ctx = { em: deps.orm.em.fork(), viewer: await viewerOfRequest(req.header('authorization'), deps.verifyToken) };
      requireRole(ctx, BREACH_REPORT_READERS);
      const { groupBy, from, to } = parameters(req);
      const window = breachReportWindow(ctx, { from, to });
      const csv = groupBy
        ? csvDocument(ROW_COLUMNS, recordsOf(ROW_COLUMNS, await breachReport(ctx, { groupBy, ...window })))
        : csvDocument(ITEM_COLUMNS, recordsOf(ITEM_COLUMNS, await breachReportItems(ctx, window)));
      const name = `sla-breaches-${groupBy ? `by-${groupBy.toLowerCase()}` : 'items'}-${fileStamp(window.now)}.csv`;
      res
        .status(200)
        .set({
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="${name}"`,
          // Who breached what is not for shared caches, nor for the browser to keep.
          'cache-control': 'no-store',
          'x-content-type-options': 'nosniff',
        })
        .send(csv);
    } catch (error) {
      if (!refuse(res, error)) next(error);
    }
  };
  const router = express.Router();
  router.all(BREACH_REPORT_CSV_PATH, allowOnly(['GET', 'HEAD']));
  router.get(BREACH_REPORT_CSV_PATH, download);
  return router;
}
