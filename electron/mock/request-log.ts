/**
 * The mock's request log: the last requests its servers answered (the admin API and both
 * regions, HTTP and HTTPS), for the Lab's live log and `GET /admin/requests`.
 *
 * It sits on the hot path of every request, so recording is O(1) and does no JSON work
 * on a successful answer: one small record in a ring buffer; the view with its ISO time
 * is built only when someone reads the log or listens to it. It never holds a credential:
 * the path is kept without its query string (which may carry codes and states), and the
 * error is the `error` code of the body only.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2 (the codes of `error`)
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-3.1
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { MockRequestView } from '../../shared/contract/mock-schemas';
import type { Clock } from './clock';

export const REQUEST_LOG_CAPACITY = 1000;
export const DEFAULT_LIST_LIMIT = 200;
/** A longer path is cut: the log's memory stays bounded whatever a client sends. */
const MAX_PATH_LENGTH = 512;

export type RequestLogListener = (request: MockRequestView) => void;

interface RequestRecord {
  readonly seq: number;
  readonly atMs: number;
  readonly server: MockRequestView['server'];
  readonly tls: boolean;
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly durationMs: number;
  readonly clientId: string | null;
  readonly error: string | null;
}

export class RequestLog {
  readonly #ring: (RequestRecord | undefined)[];
  readonly #listeners = new Set<RequestLogListener>();
  #lastSeq = 0;

  constructor(
    private readonly clock: Clock,
    readonly capacity = REQUEST_LOG_CAPACITY,
  ) {
    this.#ring = new Array<RequestRecord | undefined>(capacity).fill(undefined);
  }

  /** The sequence number of the newest request; 0 before the first. */
  get lastSeq(): number {
    return this.#lastSeq;
  }

  record(entry: Omit<RequestRecord, 'seq' | 'atMs'>): void {
    const seq = ++this.#lastSeq;
    // Field by field, not a spread: this runs on every request.
    const record: RequestRecord = {
      seq,
      atMs: this.clock.now() - entry.durationMs,
      server: entry.server,
      tls: entry.tls,
      method: entry.method,
      path: entry.path,
      status: entry.status,
      durationMs: entry.durationMs,
      clientId: entry.clientId,
      error: entry.error,
    };
    this.#ring[seq % this.capacity] = record;
    if (this.#listeners.size === 0) return;
    const view = toView(record);
    for (const listener of this.#listeners) {
      try {
        listener(view);
      } catch {
        // A listener's failure is its own; the request it reports was answered already.
      }
    }
  }

  /**
   * Oldest first. With `after`, the first `limit` requests after that sequence number
   * (to page forward); without it, the newest `limit` requests.
   */
  list(options: { after?: number | undefined; limit?: number | undefined } = {}): MockRequestView[] {
    const limit = Math.max(1, Math.min(options.limit ?? DEFAULT_LIST_LIMIT, this.capacity));
    const oldestKept = Math.max(1, this.#lastSeq - this.capacity + 1);
    const first = options.after === undefined ? Math.max(oldestKept, this.#lastSeq - limit + 1) : Math.max(oldestKept, options.after + 1);
    const last = Math.min(this.#lastSeq, first + limit - 1);
    const views: MockRequestView[] = [];
    for (let seq = first; seq <= last; seq++) {
      const record = this.#ring[seq % this.capacity];
      if (record?.seq === seq) views.push(toView(record));
    }
    return views;
  }

  /** Called with every request recorded from now on; returns the unsubscribe function. */
  subscribe(listener: RequestLogListener): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }
}

function toView(record: RequestRecord): MockRequestView {
  return {
    seq: record.seq,
    at: new Date(record.atMs).toISOString(),
    server: record.server,
    tls: record.tls,
    method: record.method,
    path: record.path,
    status: record.status,
    durationMs: record.durationMs,
    ...(record.clientId === null ? {} : { clientId: record.clientId }),
    ...(record.error === null ? {} : { error: record.error }),
  };
}

/** What the log notes on a request while it is served (Fastify request decorations). */
interface LogNotes {
  mockLogClientId: string | null;
  mockLogError: string | null;
}

/** Tells the log which client a request came from, once the mock knows it for sure (authenticated client, verified token). */
export function noteClientId(request: FastifyRequest, clientId: string): void {
  (request as FastifyRequest & LogNotes).mockLogClientId = clientId;
}

/** `"error":"code"` at the top of an OAuth, bearer or admin error body; read without parsing the JSON. */
const ERROR_CODE = /"error":"([^"\\]{1,100})"/;

/**
 * Records every request `server` answers into `log`. `skip` leaves out a route (the
 * log's own reader, which would flood it).
 */
export function recordRequests(
  server: FastifyInstance,
  log: RequestLog,
  source: { readonly server: MockRequestView['server']; readonly tls: boolean; readonly skip?: (request: FastifyRequest) => boolean },
): void {
  server.decorateRequest('mockLogClientId', null);
  server.decorateRequest('mockLogError', null);
  server.addHook('onSend', (request: FastifyRequest, reply: FastifyReply, payload: unknown, done: (error: null, payload: unknown) => void) => {
    if (reply.statusCode >= 400 && typeof payload === 'string') {
      const match = ERROR_CODE.exec(payload.slice(0, 200));
      if (match?.[1] !== undefined) (request as FastifyRequest & LogNotes).mockLogError = match[1];
    }
    done(null, payload);
  });
  server.addHook('onResponse', (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
    if (source.skip?.(request) !== true) {
      const notes = request as FastifyRequest & LogNotes;
      const url = request.url;
      const queryStart = url.indexOf('?');
      const path = queryStart < 0 ? url : url.slice(0, queryStart);
      log.record({
        server: source.server,
        tls: source.tls,
        method: request.method,
        path: path.length > MAX_PATH_LENGTH ? path.slice(0, MAX_PATH_LENGTH) : path,
        status: reply.statusCode,
        durationMs: Math.round(reply.elapsedTime * 100) / 100,
        clientId: notes.mockLogClientId,
        error: notes.mockLogError,
      });
    }
    done();
  });
}
