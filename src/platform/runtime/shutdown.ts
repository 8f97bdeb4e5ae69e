/** One Ctrl-C reaches us several times (from the terminal and relayed by npm): count it once. */
const REPEAT_WINDOW_MS = 2000;

/**
 * Runs `stop` once on SIGINT or SIGTERM, then exits. Another signal later than the
 * repeat window while stopping exits at once, for the impatient Ctrl-C.
 */
export function stopOnSignals(stop: () => Promise<void>, log: (line: string) => void): void {
  let stoppingSince: number | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stoppingSince !== undefined) {
      if (Date.now() - stoppingSince < REPEAT_WINDOW_MS) return;
      log(`${signal} again: exiting now.`);
      process.exit(130);
    }
    stoppingSince = Date.now();
    log(`${signal} received: shutting down...`);
    stop().then(
      () => {
        log('Stopped cleanly.');
        process.exit(0);
      },
      (error: unknown) => {
        console.error('Shutdown failed', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

/** Prints a configuration error as JSON (machine-readable) and exits with status 2. */
export function exitOnStartupError(error: unknown): never {
  if (error && typeof error === 'object' && 'toJSON' in error && 'code' in error && error.code === 'CONFIG_INVALID') {
    console.error(JSON.stringify((error as { toJSON(): unknown }).toJSON()));
    process.exit(2);
  }
  console.error(error);
  process.exit(1);
}
