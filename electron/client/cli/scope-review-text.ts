/**
 * The least-privilege lines `diagnose` prints under its matrix. With `--needs` (the
 * endpoints the integration calls): the smallest set of scopes that covers them, what the
 * token lacks of it, and a warning for `admin`, each `{entity}:all` and each scope beyond
 * need. Without it: a warning for each `admin` or `{entity}:all` held, since those grant
 * more than any one call needs.
 *
 * @see ../diagnostics/least-privilege.ts
 * @see https://www.rfc-editor.org/rfc/rfc9700#section-2.3
 */
import type { EndpointId } from '../../../shared/catalogue';
import { parseScope } from '../../../shared/scopes';
import { reviewScopes, type ScopeReview } from '../diagnostics/least-privilege';

const quoted = (scopes: readonly string[]) => scopes.map((s) => `"${s}"`).join(', ');

/** The review for `--needs`, or undefined without it. */
export function scopeReviewFor(granted: readonly string[], needs: readonly EndpointId[] | undefined): ScopeReview | undefined {
  return needs === undefined ? undefined : reviewScopes(granted, needs);
}

/** The lines, each ending in a newline; empty when there is nothing to say. */
export function scopeReviewText(granted: readonly string[], needs: readonly EndpointId[] | undefined): string {
  const review = scopeReviewFor(granted, needs);
  if (review === undefined || needs === undefined) {
    const broad = [...new Set(granted)].filter((scope) => {
      const parsed = parseScope(scope);
      return parsed.ok && (parsed.value.kind === 'admin' || (parsed.value.kind === 'operation' && parsed.value.operation === 'all'));
    });
    if (broad.length === 0) return '';
    const lines = broad.map((scope) => `  warning: "${scope}" grants ${scope === 'admin' ? 'every scope' : 'every operation on its entity, definitions included'}`);
    return `least privilege:\n${lines.join('\n')}\n  give "--needs id,id" (the endpoints the integration calls) for the smallest set of scopes that covers them\n`;
  }
  const lines = [`least privilege for ${needs.join(', ')}: the smallest set of scopes is ${quoted(review.needed)}`];
  if (review.missing.length > 0) lines.push(`  missing: ${quoted(review.missing)}`);
  for (const warning of review.warnings) lines.push(`  warning: ${warning.message}`);
  if (review.missing.length === 0 && review.warnings.length === 0) lines.push('  the granted scopes are no wider than the integration needs');
  return `${lines.join('\n')}\n`;
}
