import { ActionIcon, CopyButton, Tooltip } from '@mantine/core';

export interface CopyValueButtonProps {
  readonly value: string;
  /** What is copied, for the accessible label: "Copy the client secret". */
  readonly label: string;
}

/** A small copy button with an accessible label and a "Copied" confirmation. */
export function CopyValueButton({ value, label }: CopyValueButtonProps) {
  return (
    <CopyButton value={value} timeout={1500}>
      {({ copied, copy }) => (
        <Tooltip label={copied ? 'Copied' : label} withArrow>
          <ActionIcon variant="subtle" color={copied ? 'teal' : 'gray'} aria-label={copied ? `${label}: copied` : label} onClick={copy}>
            <span aria-hidden="true">{copied ? '✓' : '⧉'}</span>
          </ActionIcon>
        </Tooltip>
      )}
    </CopyButton>
  );
}
