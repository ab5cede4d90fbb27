/**
 * The "add a user" form: its draft and the mock's own rules (names of 1 to 100
 * characters, an unused email the contract's own schema accepts), checked as the person types.
 */
import { createUserSchema } from '../../../../shared/contract/mock-schemas';
import type { MockUserView } from '../../stores/workbench-store';

export interface UserDraft {
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
  readonly role: 'admin' | 'user';
}

export type UserDraftErrors = Partial<Record<keyof UserDraft, string>>;

export const EMPTY_USER_DRAFT: UserDraft = Object.freeze({ firstName: '', lastName: '', email: '', role: 'user' });


function nameError(value: string, what: string): string | undefined {
  const trimmed = value.trim();
  if (trimmed === '') return `${what} is required`;
  if (trimmed.length > 100) return `${what} is at most 100 characters`;
  return undefined;
}

export function checkUserDraft(draft: UserDraft, users: readonly MockUserView[]): UserDraftErrors {
  const errors: UserDraftErrors = {};
  const first = nameError(draft.firstName, 'First name');
  const last = nameError(draft.lastName, 'Last name');
  if (first !== undefined) errors.firstName = first;
  if (last !== undefined) errors.lastName = last;
  const email = draft.email.trim();
  if (email === '') errors.email = 'Email is required';
  else if (!createUserSchema.shape.email.safeParse(email).success) errors.email = 'Enter an email address like name@example.com';
  else if (users.some((user) => user.email.toLowerCase() === email.toLowerCase())) errors.email = 'A user with this email exists already';
  return errors;
}

export function userInputOf(draft: UserDraft): UserDraft {
  return { firstName: draft.firstName.trim(), lastName: draft.lastName.trim(), email: draft.email.trim(), role: draft.role };
}
