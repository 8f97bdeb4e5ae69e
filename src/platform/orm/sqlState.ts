/**
 * Postgres SQLSTATE classes the read model cares about. Class 22 (data exception: bad
 * text, numeric overflow) and 23 (integrity constraint violation) mean the value itself
 * is refused: retrying cannot help. Everything else (connection loss, serialization
 * failure, deadlock, shutdown) may pass on a retry.
 */
export function isRefusedData(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^2[23][0-9A-Z]{3}$/.test(code);
}
