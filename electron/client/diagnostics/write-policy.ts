/**
 * Which endpoints a diagnostic run may call. Against the local mock everything runs (its
 * data resets). Against a real region or a custom base URL, reads run freely and each
 * endpoint that writes or deletes runs only when the injected `confirm` says yes; the
 * others are reported as "skipped: not confirmed" and never sent.
 *
 * A custom base URL counts as real: the Lab cannot know that it is a mock, and must not
 * guess in the direction that writes to a customer's tenant.
 *
 * @see the team's DESIGN.md, "The client side" (writes against a real tenant run only when confirmed)
 */
import type { CatalogueEndpoint, EndpointId } from '../../../shared/catalogue';
import type { TargetDefinition } from '../targets/target';

export type TargetKind = 'mock' | 'us' | 'eu' | 'custom';

/** The kind of a target, as the write policy sees it: the mock, a Totango region, or custom (treated as real). */
export function targetKindOf(definition: TargetDefinition): TargetKind {
  switch (definition.kind) {
    case 'mock':
      return 'mock';
    case 'totango':
      return definition.region;
    case 'custom':
      return 'custom';
  }
}

/** Asks the user whether one write or delete endpoint may run against the real tenant. */
export type ConfirmEndpoint = (endpoint: CatalogueEndpoint) => boolean | Promise<boolean>;

export type WriteDecision = { readonly run: true } | { readonly run: false; readonly reason: string };

export const NOT_CONFIRMED = 'skipped: not confirmed';

/** Whether running `endpoint` against a target of this kind needs the user's confirmation. */
export function needsConfirmation(endpoint: CatalogueEndpoint, targetKind: TargetKind): boolean {
  return targetKind !== 'mock' && endpoint.effect !== 'read';
}

/**
 * The decision for each endpoint. Confirmations are asked one at a time, in the order
 * given, so that a window or a terminal shows one question at a time; without `confirm`
 * no write runs against a real target.
 */
export async function decideRuns(
  endpoints: readonly CatalogueEndpoint[],
  targetKind: TargetKind,
  confirm?: ConfirmEndpoint,
): Promise<Map<EndpointId, WriteDecision>> {
  const decisions = new Map<EndpointId, WriteDecision>();
  for (const endpoint of endpoints) {
    const id = endpoint.id as EndpointId;
    if (!needsConfirmation(endpoint, targetKind)) {
      decisions.set(id, { run: true });
      continue;
    }
    const yes = confirm === undefined ? false : await confirm(endpoint);
    decisions.set(id, yes === true ? { run: true } : { run: false, reason: NOT_CONFIRMED });
  }
  return decisions;
}
