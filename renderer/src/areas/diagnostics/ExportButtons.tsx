import { Button, Group } from '@mantine/core';
import { useState } from 'react';
import { saveFile } from '../../components/save-file';
import { useLabStores, useNotifyContractError } from '../../stores/lab-stores';

type ExportFormat = 'json' | 'csv';

/** Saves the last matrix as JSON or CSV (a download in browser mode, a save dialog in Electron). */
export function ExportButtons({ disabled }: { readonly disabled: boolean }) {
  const { client } = useLabStores();
  const notifyError = useNotifyContractError();
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const exportAs = async (format: ExportFormat) => {
    setBusy(format);
    try {
      saveFile(await client.diagnostics.export({ format }));
    } catch (error) {
      notifyError(error, `exporting the diagnostics as ${format.toUpperCase()}`);
    } finally {
      setBusy(null);
    }
  };
  return (
    <Group gap="xs">
      {(['csv', 'json'] as const).map((format) => (
        <Button
          key={format}
          variant="default"
          size="sm"
          loading={busy === format}
          disabled={disabled || (busy !== null && busy !== format)}
          onClick={() => void exportAs(format)}
        >
          Export {format.toUpperCase()}
        </Button>
      ))}
    </Group>
  );
}
