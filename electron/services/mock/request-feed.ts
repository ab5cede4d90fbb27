/**
 * The `mock.request` event: every request the mock serves, as it is served. The embedded
 * mock's request log tells the services directly; an external mock is polled at
 * `GET /admin/requests` every second (an unref'd timer, so it never keeps the process
 * alive), and a change in whether it answers is announced as `mock.changed` `status`.
 */
import type { MockRequestView } from '../../../shared/contract/mock-schemas';
import type { ServiceContext } from '../lab-services';

export const POLL_INTERVAL_MS = 1000;
/** A poll that takes longer is abandoned: a hung admin API must not stall the feed. */
const POLL_TIMEOUT_MS = 2000;
/** What one poll asks for: the mock keeps no more. */
const POLL_LIMIT = 1000;

export interface RequestFeed {
  close(): Promise<void>;
}

export function startRequestFeed(context: ServiceContext, pollIntervalMs = POLL_INTERVAL_MS): RequestFeed {
  const emit = (request: MockRequestView) => context.events.emit('mock.request', request);
  if (context.mockRequests !== undefined) {
    const unsubscribe = context.mockRequests.subscribe(emit);
    return { close: async () => unsubscribe() };
  }
  return pollRequests(context, emit, pollIntervalMs);
}

function pollRequests(context: ServiceContext, emit: (request: MockRequestView) => void, intervalMs: number): RequestFeed {
  const admin = context.mockAdmin;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<void> | undefined;
  /** The newest request seen; undefined until the mock answers (and again after it stops answering). */
  let lastSeq: number | undefined;
  let reachable: boolean | undefined;

  const fetchRequests = (query: string) => withTimeout(admin.json<{ requests: MockRequestView[] }>('GET', `/admin/requests?${query}`), POLL_TIMEOUT_MS);

  const poll = async () => {
    try {
      if (lastSeq === undefined) {
        // What came before is history, for `mock.requests`; the feed starts from now.
        const { requests } = await fetchRequests('limit=1');
        lastSeq = requests.at(-1)?.seq ?? 0;
      } else {
        const { requests } = await fetchRequests(`after=${lastSeq}&limit=${POLL_LIMIT}`);
        for (const request of requests) {
          if (closed) return;
          emit(request);
          lastSeq = request.seq;
        }
      }
      setReachable(true);
    } catch {
      lastSeq = undefined;
      setReachable(false);
    }
  };
  const setReachable = (now: boolean) => {
    if (closed) return;
    if (reachable !== undefined && reachable !== now) context.events.emit('mock.changed', { what: 'status' });
    reachable = now;
  };
  const run = () => {
    inFlight = poll().finally(() => {
      inFlight = undefined;
      if (closed) return;
      timer = setTimeout(run, intervalMs);
      timer.unref();
    });
  };
  run();
  return {
    async close() {
      closed = true;
      clearTimeout(timer);
      await inFlight;
    },
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    timer.unref();
  });
  promise.catch(() => {});
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
