/**
 * The catalogue as the diagnostics screen groups it: by the entity of each endpoint's
 * required scope (accounts, users, touchpoints…), in the catalogue's order.
 */
import { CATALOGUE, type CatalogueEndpoint, type EndpointId } from '../../../../shared/catalogue';
import { CATALOGUE_GROUPS, endpointEntity, type CatalogueEntry, type EndpointGroup } from '../../../../shared/catalogue-groups';

export type { CatalogueEntry, EndpointGroup };

/** The entity an endpoint belongs to: the one its required scope names. */
export const entityOfEndpoint = endpointEntity;

export const ENDPOINT_GROUPS = CATALOGUE_GROUPS;

const byId = new Map<string, CatalogueEndpoint>(CATALOGUE.map((e) => [e.id, e]));

export function endpointById(id: EndpointId | string): CatalogueEndpoint | undefined {
  return byId.get(id);
}

/** A capitalised entity label for headings: `Accounts`, `Totango users and teams`. */
export function groupHeading(group: EndpointGroup): string {
  return group.heading;
}
