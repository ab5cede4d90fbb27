/**
 * The timeline: every HTTP exchange of flows, calls and diagnostics, in the order they
 * completed, for the window to show as it grows and for HAR, curl and repro bundles.
 * Exchanges arrive already redacted (see `../http/redaction.ts`).
 */
import type { ExchangeSink, HttpExchange } from '../http/exchange';

export type TimelineEvent = { readonly kind: 'appended'; readonly exchange: HttpExchange } | { readonly kind: 'cleared' };

export type TimelineListener = (event: TimelineEvent) => void;

export interface TimelineOptions {
  /** The most exchanges kept; the oldest go first (default 2000). */
  readonly limit?: number;
  /** Told when a listener throws; the other listeners and the timeline carry on regardless. */
  readonly onListenerError?: (error: unknown) => void;
}

export class Timeline {
  private readonly exchanges: HttpExchange[] = [];
  private readonly listeners = new Set<TimelineListener>();
  private readonly limit: number;

  constructor(private readonly options: TimelineOptions = {}) {
    this.limit = options.limit ?? 2000;
    if (!Number.isInteger(this.limit) || this.limit < 1) throw new RangeError(`"limit" must be a positive integer, got ${String(options.limit)}`);
  }

  /** `append`, bound: hand it to `createRecordingFetch({ sink })`. */
  readonly sink: ExchangeSink = (exchange) => this.append(exchange);

  append(exchange: HttpExchange): void {
    this.exchanges.push(exchange);
    if (this.exchanges.length > this.limit) this.exchanges.splice(0, this.exchanges.length - this.limit);
    this.emit({ kind: 'appended', exchange });
  }

  /** A snapshot, oldest first. */
  list(): readonly HttpExchange[] {
    return [...this.exchanges];
  }

  get(id: string): HttpExchange | undefined {
    return this.exchanges.find((exchange) => exchange.id === id);
  }

  get size(): number {
    return this.exchanges.length;
  }

  clear(): void {
    this.exchanges.length = 0;
    this.emit({ kind: 'cleared' });
  }

  /** Adds a listener; returns the function that removes it. */
  subscribe(listener: TimelineListener): () => void {
    this.listeners.add(listener);
    return () => this.unsubscribe(listener);
  }

  unsubscribe(listener: TimelineListener): void {
    this.listeners.delete(listener);
  }

  private emit(event: TimelineEvent): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (error) {
        this.options.onListenerError?.(error);
      }
    }
  }
}
