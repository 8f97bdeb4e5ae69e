import { urlRefusal, type OutboundPolicy } from '../outbound/outboundPolicy.js';

/** The shortest webhook secret accepted: 32 characters, as for AUTH_JWT_SECRET. */
export const WEBHOOK_SECRET_MIN_LENGTH = 32;

/** Where notifications are posted and the secret their signatures are made with. */
export interface WebhookSettings {
  url: string;
  secret: string;
}

export interface WebhookSettingsProblem {
  variable: 'NOTIFY_WEBHOOK_URL' | 'NOTIFY_WEBHOOK_SECRET';
  message: string;
}

/**
 * What is wrong with a webhook configuration, checked at start-up so a mistake stops the
 * process instead of failing every notification later: a URL needs a secret of 32+
 * characters, must be http(s), and must not be an address literal the outbound policy
 * refuses (`http://169.254.169.254/`). A host name is resolved, and checked, on every
 * request. Messages never repeat the secret.
 */
export function webhookSettingsProblems(
  url: string | undefined,
  secret: string | undefined,
  outbound: Pick<OutboundPolicy, 'allowedNetworks'>,
): WebhookSettingsProblem[] {
  const problems: WebhookSettingsProblem[] = [];
  if (url === undefined) return problems;
  const refusal = urlRefusal(url, outbound);
  if (refusal === 'notAUrl' || refusal === 'notHttp') {
    problems.push({ variable: 'NOTIFY_WEBHOOK_URL', message: 'must be an http(s) URL' });
  } else if (refusal !== null) {
    problems.push({
      variable: 'NOTIFY_WEBHOOK_URL',
      message: `is refused by the outbound policy (${refusal} address); add its network to OUTBOUND_ALLOWED_NETWORKS if it is meant`,
    });
  }
  if (secret === undefined) problems.push({ variable: 'NOTIFY_WEBHOOK_SECRET', message: 'is required when NOTIFY_WEBHOOK_URL is set' });
  else if (secret.length < WEBHOOK_SECRET_MIN_LENGTH) problems.push({ variable: 'NOTIFY_WEBHOOK_SECRET', message: `must be at least ${WEBHOOK_SECRET_MIN_LENGTH} characters` });
  return problems;
}
