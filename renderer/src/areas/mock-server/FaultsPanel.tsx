import { SimpleGrid } from '@mantine/core';
import { FaultForm } from './FaultForm';
import { FaultList } from './FaultList';
import { useFaults } from './use-faults';

/** Fault injection: the form, and the faults in force. */
export function FaultsPanel() {
  const { faults, reload } = useFaults();
  return (
    <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="md">
      <FaultForm onInjected={() => void reload()} />
      <FaultList faults={faults} onChanged={() => void reload()} />
    </SimpleGrid>
  );
}
