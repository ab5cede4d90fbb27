import { Grid } from '@mantine/core';
import { EndpointList } from './EndpointList';
import { EndpointWorkspace } from './EndpointWorkspace';

/**
 * The API explorer: the 29 catalogued endpoints by entity, each with the scope it needs
 * and whether the current token covers it; the selected one's request to edit and send,
 * and its last response.
 */
export function ApiExplorerScreen() {
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 5, xl: 4 }}>
        <EndpointList />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 7, xl: 8 }}>
        <EndpointWorkspace />
      </Grid.Col>
    </Grid>
  );
}
