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
  /** The client ID each exchange was made for, when it was made for an application. */
  private readonly owners = new Map<string, string>();
  private readonly listeners = new Set<TimelineListener>();
  private readonly limit: number;

  constructor(private readonly options: TimelineOptions = {}) {
    this.limit = options.limit ?? 2000;
    if (!Number.isInteger(this.limit) || this.limit < 1) throw new RangeError(`"limit" must be a positive integer, got ${String(options.limit)}`);
  }

  /** `append`, bound: hand it to `createRecordingFetch({ sink })`. */
  readonly sink: ExchangeSink = (exchange) => this.append(exchange);

  append(exchange: HttpExchange, clientId?: string): void {
    this.exchanges.push(exchange);
    if (clientId !== undefined) this.owners.set(exchange.id, clientId);
    if (this.exchanges.length > this.limit) {
      for (const dropped of this.exchanges.splice(0, this.exchanges.length - this.limit)) this.owners.delete(dropped.id);
    }
    this.emit({ kind: 'appended', exchange });
  }

  /** A sink that records each exchange as made for the application `clientId` (a flow's, or the current token's). */
  sinkFor(clientId: string | undefined): ExchangeSink {
    return (exchange) => this.append(exchange, clientId);
  }

  /** The client ID the exchange was made for; undefined when it belongs to no application (metadata, JWKS). */
  clientOf(id: string): string | undefined {
    return this.owners.get(id);
  }

  /**
   * The exchanges of one application, oldest first: those made for it, and those of no
   * application that led up to them (the next exchange made for an application is one
   * of its own: the metadata fetched when its flow or call connected).
   */
  listFor(clientId: string): HttpExchange[] {
    const kept: HttpExchange[] = [];
    let pending: HttpExchange[] = [];
    for (const exchange of this.exchanges) {
      const owner = this.owners.get(exchange.id);
      if (owner === undefined) {
        pending.push(exchange);
        continue;
      }
      if (owner === clientId) kept.push(...pending, exchange);
      pending = [];
    }
    return kept;
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
    this.owners.clear();
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
