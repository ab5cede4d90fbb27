/**
 * A pending authorization request between its arrival and the user's decision, bound to
 * the browser session that started it so that another site cannot complete it.
 */
import { randomBytes } from 'node:crypto';
import type { RegionId } from '../../shared/regions';
import type { Clock } from './clock';

export interface Interaction {
  readonly id: string;
  readonly sessionId: string;
  readonly region: RegionId;
  readonly clientId: string;
  readonly redirectUri: string | undefined;
  readonly effectiveRedirectUri: string;
  readonly scopes: readonly string[];
  readonly state: string | undefined;
  readonly codeChallenge: string | undefined;
  readonly expiresAt: number;
  userId?: string;
  authTime?: number;
}

const INTERACTION_TTL_MS = 10 * 60 * 1000;

export class Interactions {
  private readonly pending = new Map<string, Interaction>();

  constructor(private readonly clock: Clock) {}

  start(fields: Omit<Interaction, 'id' | 'expiresAt'>): Interaction {
    const now = this.clock.now();
    for (const [id, i] of this.pending) if (i.expiresAt <= now) this.pending.delete(id);
    const interaction: Interaction = { ...fields, id: randomBytes(24).toString('base64url'), expiresAt: now + INTERACTION_TTL_MS };
    this.pending.set(interaction.id, interaction);
    return interaction;
  }

  /** The interaction, if it exists, has not expired, and belongs to this browser session. */
  find(id: string | undefined, sessionId: string | undefined): Interaction | undefined {
    if (id === undefined || sessionId === undefined) return undefined;
    const interaction = this.pending.get(id);
    if (!interaction || interaction.sessionId !== sessionId) return undefined;
    if (interaction.expiresAt <= this.clock.now()) {
      this.pending.delete(id);
      return undefined;
    }
    return interaction;
  }

  finish(id: string): void {
    this.pending.delete(id);
  }
}

export const SESSION_COOKIE = 'totango_mock_session';

export function newSessionId(): string {
  return randomBytes(24).toString('base64url');
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
