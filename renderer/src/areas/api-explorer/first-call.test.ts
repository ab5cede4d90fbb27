import { describe, expect, it } from 'vitest';
import { firstCallFor } from './first-call';

describe('the first call the explorer suggests', () => {
  it('is whoami when the token covers system_user:read, else a read the token covers', () => {
    expect(firstCallFor(['system_user:read']).id).toBe('whoami');
    const suggestion = firstCallFor(['account:read', 'touchpoint:all']);
    expect(suggestion.id).not.toBe('whoami');
    expect(suggestion.why).toContain('GET whoami needs system_user:read, which the current token lacks');
    expect(suggestion.label.startsWith('GET ')).toBe(true);
  });

  it('names the scope whoami needs when there is no token, or when nothing is covered', () => {
    expect(firstCallFor(null)).toMatchObject({ id: 'whoami', why: expect.stringContaining('system_user:read') });
    expect(firstCallFor([]).why).toContain('expect a 403');
  });
});
