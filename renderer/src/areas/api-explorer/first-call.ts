/**
 * The endpoint the explorer's empty state suggests first: GET whoami when the current token
 * covers it (or there is no token yet), else the first read the token's scopes do cover.
 */
import { CATALOGUE, type EndpointId } from '../../../../shared/catalogue';
import { covers } from '../../../../shared/scopes';

export interface FirstCall {
  readonly id: EndpointId;
  /** "GET The user the token acts as". */
  readonly label: string;
  /** Why this one, in a sentence. */
  readonly why: string;
}

const WHOAMI = CATALOGUE.find((entry) => entry.id === 'whoami');

/** `scopes` null: there is no current token. */
export function firstCallFor(scopes: readonly string[] | null): FirstCall {
  const whoami = { id: 'whoami' as EndpointId, label: 'GET whoami' };
  const whoamiScope = WHOAMI?.requiredScope ?? 'system_user:read';
  if (scopes === null) return { ...whoami, why: `GET whoami says who a token acts as; it needs ${whoamiScope}.` };
  if (covers(scopes, whoamiScope).covered) return { ...whoami, why: `GET whoami is a good first call: it says who the token acts as, and the current token covers ${whoamiScope}.` };
  const read = CATALOGUE.find((entry) => entry.method === 'GET' && covers(scopes, entry.requiredScope).covered);
  if (read === undefined) {
    return { ...whoami, why: `The current token covers none of the catalogued reads: GET whoami needs ${whoamiScope}, so expect a 403 that names it.` };
  }
  return {
    id: read.id,
    label: `GET ${read.summary}`,
    why: `GET whoami needs ${whoamiScope}, which the current token lacks; “${read.summary}” is a read its scopes cover (${read.requiredScope}).`,
  };
}
