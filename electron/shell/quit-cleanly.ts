/**
 * Quitting stops the servers first: the first `before-quit` is held back while the Lab
 * stops (services, then the mock, its data flushed), then the app quits for real. A stop
 * that hangs does not keep the app open past a deadline, and a failure is logged, not
 * shown as a crash.
 */
export interface QuittableApp {
  on(event: 'before-quit', listener: (event: { preventDefault(): void }) => void): unknown;
  quit(): void;
}

export interface QuitCleanlyOptions {
  /** How long a stop may take before the app quits anyway. Default 10 s. */
  readonly timeoutMs?: number;
  readonly logError: (message: string, cause: unknown) => void;
}

export function quitCleanly(app: QuittableApp, stop: () => Promise<void>, options: QuitCleanlyOptions): void {
  let state: 'running' | 'stopping' | 'stopped' = 'running';
  app.on('before-quit', (event) => {
    if (state === 'stopped') return;
    event.preventDefault();
    if (state === 'stopping') return;
    state = 'stopping';
    const timeoutMs = options.timeoutMs ?? 10_000;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    const stopped = stop().then(
      () => 'stopped' as const,
      (error: unknown) => {
        options.logError('stopping the Lab failed', error);
        return 'failed' as const;
      },
    );
    void Promise.race([stopped, deadline]).then((outcome) => {
      clearTimeout(timer);
      if (outcome === 'timeout') options.logError(`stopping the Lab took more than ${timeoutMs} ms; quitting anyway`, undefined);
      state = 'stopped';
      app.quit();
    });
  });
}
