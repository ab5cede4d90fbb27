/**
 * The catalogue as the diagnostics screen groups it: by the entity of each endpoint's
 * required scope (accounts, users, touchpoints…), in the catalogue's order.
 */
import { CATALOGUE, type CatalogueEndpoint, type EndpointId } from '../../../../shared/catalogue';
import { ENTITIES, entityLabel, parseScope, type Entity } from '../../../../shared/scopes';

/** A catalogued endpoint, its id typed as one of the 29. */
export type CatalogueEntry = (typeof CATALOGUE)[number];

export interface EndpointGroup {
  readonly entity: Entity;
  /** `accounts`, `Totango users and teams`… */
  readonly label: string;
  readonly endpoints: readonly CatalogueEntry[];
}

/** The entity an endpoint belongs to: the one its required scope names. */
export function entityOfEndpoint(endpoint: CatalogueEndpoint): Entity | undefined {
  const parsed = parseScope(endpoint.requiredScope);
  return parsed.ok && parsed.value.kind !== 'admin' ? parsed.value.entity : undefined;
}

export const ENDPOINT_GROUPS: readonly EndpointGroup[] = Object.freeze(
  ENTITIES.map((entity) => ({ entity, label: entityLabel(entity), endpoints: CATALOGUE.filter((e) => entityOfEndpoint(e) === entity) })).filter(
    (group) => group.endpoints.length > 0,
  ),
);

const byId = new Map<string, CatalogueEndpoint>(CATALOGUE.map((e) => [e.id, e]));

export function endpointById(id: EndpointId | string): CatalogueEndpoint | undefined {
  return byId.get(id);
}

/** A capitalised entity label for headings: `Accounts`, `Totango users and teams`. */
export function groupHeading(group: EndpointGroup): string {
  return group.label.charAt(0).toUpperCase() + group.label.slice(1);
}
