/**
 * The mock account's Totango users. A client-credentials application acts as one of them;
 * an authorization-code application acts as whoever signs in. A disabled or deleted user
 * gets no token, and the tokens that act as them stop working.
 */
import { z } from 'zod';
import { AdminError, notFound } from './admin-error';
import type { Clock } from './clock';
import type { MockDatabase } from './mock-database';
import type { MockUser } from './mock-state';

export const createUserInput = z.strictObject({
  email: z.email().max(254),
  firstName: z.string().trim().min(1).max(100),
  lastName: z.string().trim().min(1).max(100),
  role: z.enum(['admin', 'user']).default('user'),
});

export const updateUserInput = z.strictObject({
  status: z.enum(['active', 'disabled', 'deleted']),
});

export class UserDirectory {
  private counter: number;

  constructor(
    private readonly database: MockDatabase,
    private readonly clock: Clock,
  ) {
    this.counter = Math.max(1000, ...database.state.users.map((u) => Number(/^u-(\d+)$/.exec(u.id)?.[1] ?? 0)));
  }

  list(): MockUser[] {
    return this.database.state.users.map((u) => ({ ...u }));
  }

  find(id: string): MockUser | undefined {
    return this.database.state.users.find((u) => u.id === id);
  }

  findByEmail(email: string): MockUser | undefined {
    const wanted = email.trim().toLowerCase();
    return this.database.state.users.find((u) => u.email.toLowerCase() === wanted);
  }

  get(id: string): MockUser {
    const user = this.find(id);
    if (!user) throw notFound('user', id);
    return { ...user };
  }

  async create(raw: unknown): Promise<MockUser> {
    const input = createUserInput.parse(raw);
    if (this.findByEmail(input.email)) throw new AdminError('conflict', `a user with email "${input.email}" exists already`, 409, 'email');
    this.counter += 1;
    const user: MockUser = { id: `u-${this.counter}`, ...input, status: 'active', createdAt: new Date(this.clock.now()).toISOString() };
    this.database.state.users.push(user);
    await this.database.save();
    return { ...user };
  }

  /** Activates, disables or deletes a user. Deletion is final, as in Totango. */
  async setStatus(id: string, raw: unknown): Promise<MockUser> {
    const { status } = updateUserInput.parse(raw);
    const user = this.find(id);
    if (!user) throw notFound('user', id);
    if (user.status === 'deleted' && status !== 'deleted') {
      throw new AdminError('conflict', `user "${id}" is deleted, which is final; create a new user instead`, 409, 'status');
    }
    user.status = status;
    await this.database.save();
    return { ...user };
  }
}

/** Why a user cannot act, in words, or undefined when they can. */
export function inactiveUserReason(user: MockUser | undefined, userId: string): string | undefined {
  if (!user) return `the acting user "${userId}" does not exist`;
  if (user.status === 'active') return undefined;
  return `the acting user "${user.email}" (${user.id}) is ${user.status}`;
}
