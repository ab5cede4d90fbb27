import { describe, expect, it } from 'vitest';
import { judgedRows } from './diagnostics-testing';
import { nextStep, whatHappened } from './row-explanations';

const row = (id: string) => judgedRows().find((r) => r.endpointId === id)!;

describe('a row in plain words', () => {
  it('says which scope covered a pass, and by which rule', () => {
    expect(whatHappened(row('create-touchpoint'))).toBe(
      '"touchpoint:all" covers "touchpoint:create" ({entity}:all covers every scope of its entity ("has access for all operations and scopes in the entity")), and the server let the call through (200).',
    );
    expect(nextStep(row('create-touchpoint'))).toBeUndefined();
  });

  it("gives an error's cause and the next thing to try", () => {
    const expired = {
      ...row('search-users'),
      verdict: 'error' as const,
      actual: { status: 401, error: 'invalid_token', durationMs: 2 },
      cause: { code: 'expired_token', summary: 'the access token has expired', action: 'get a new token; a shorter lifetime means asking for tokens more often' },
    };
    expect(whatHappened(expired)).toBe('The access token has expired.');
    expect(nextStep(expired)).toBe('Get a new token; a shorter lifetime means asking for tokens more often.');
  });

  it('says why a write on a real tenant was not sent', () => {
    const skipped = { ...row('delete-touchpoint'), verdict: 'skipped' as const, actual: null };
    expect(whatHappened(skipped)).toBe('Not sent: DELETE /api/v3/touchpoints/{note-id} is a delete on a real tenant, and it was not among the endpoints confirmed before the run.');
  });
});
