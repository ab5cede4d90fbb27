import { describe, expect, it } from 'vitest';
import type { HttpExchange } from '../http/exchange';
import { Timeline, type TimelineEvent } from './timeline';

function exchange(id: string): HttpExchange {
  return { id, purpose: `GET /${id}`, startedAt: '2026-03-04T10:15:00.000Z', durationMs: 1, request: { method: 'GET', url: `http://127.0.0.1/${id}`, headers: {} }, clientCertificate: false };
}

describe('Timeline', () => {
  it('keeps exchanges in order and finds them by id', () => {
    const timeline = new Timeline();
    timeline.append(exchange('a'));
    timeline.sink(exchange('b'));
    expect(timeline.list().map((e) => e.id)).toEqual(['a', 'b']);
    expect(timeline.get('b')?.purpose).toBe('GET /b');
    expect(timeline.size).toBe(2);
  });

  it('gives snapshots that later appends do not change', () => {
    const timeline = new Timeline();
    timeline.append(exchange('a'));
    const snapshot = timeline.list();
    timeline.append(exchange('b'));
    expect(snapshot).toHaveLength(1);
  });

  it("lists one app's exchanges: those made for it and the unowned ones that led up to them", () => {
    const timeline = new Timeline();
    timeline.append(exchange('meta-1'));
    timeline.sinkFor('app-a')(exchange('token-a'));
    timeline.append(exchange('jwks'));
    timeline.sinkFor('app-b')(exchange('token-b'));
    timeline.sinkFor('app-a')(exchange('call-a'));
    timeline.append(exchange('trailing'));
    expect(timeline.listFor('app-a').map((e) => e.id)).toEqual(['meta-1', 'token-a', 'call-a']);
    expect(timeline.listFor('app-b').map((e) => e.id)).toEqual(['jwks', 'token-b']);
    expect(timeline.clientOf('call-a')).toBe('app-a');
    expect(timeline.clientOf('trailing')).toBeUndefined();
    timeline.clear();
    expect(timeline.clientOf('call-a')).toBeUndefined();
  });

  it('drops the oldest beyond its limit', () => {
    const timeline = new Timeline({ limit: 2 });
    for (const id of ['a', 'b', 'c']) timeline.append(exchange(id));
    expect(timeline.list().map((e) => e.id)).toEqual(['b', 'c']);
  });

  it('refuses a limit that is not a positive integer', () => {
    expect(() => new Timeline({ limit: 0 })).toThrow('"limit" must be a positive integer, got 0');
  });

  it('tells subscribers of appends and clears until they unsubscribe, either way', () => {
    const timeline = new Timeline();
    const seen: TimelineEvent[] = [];
    const other: TimelineEvent[] = [];
    const unsubscribe = timeline.subscribe((event) => seen.push(event));
    const listener = (event: TimelineEvent) => other.push(event);
    timeline.subscribe(listener);
    timeline.append(exchange('a'));
    timeline.clear();
    unsubscribe();
    timeline.unsubscribe(listener);
    timeline.append(exchange('b'));
    expect(seen.map((e) => e.kind)).toEqual(['appended', 'cleared']);
    expect(other).toEqual(seen);
    expect(timeline.list().map((e) => e.id)).toEqual(['b']);
  });

  it('carries on when a listener throws, and reports it', () => {
    const errors: unknown[] = [];
    const timeline = new Timeline({ onListenerError: (error) => errors.push(error) });
    const seen: string[] = [];
    timeline.subscribe(() => {
      throw new Error('broken listener');
    });
    timeline.subscribe((event) => seen.push(event.kind));
    timeline.append(exchange('a'));
    expect(seen).toEqual(['appended']);
    expect(errors).toEqual([new Error('broken listener')]);
  });
});
