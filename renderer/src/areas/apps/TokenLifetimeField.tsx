import { Group, Input, NumberInput } from '@mantine/core';
import type { LifetimeParts } from './token-lifetime';

export interface TokenLifetimeFieldProps {
  readonly value: LifetimeParts;
  readonly onChange: (value: LifetimeParts) => void;
  readonly onBlur?: () => void;
  readonly error?: string | undefined;
  readonly disabled?: boolean;
  /** Under a heading that already names it (the details drawer), the label and description are left out. */
  readonly bare?: boolean;
}

/** "Access Token Expiration": hours and minutes, 24 hours by default and at most. */
export function TokenLifetimeField({ value, onChange, onBlur, error, disabled = false, bare = false }: TokenLifetimeFieldProps) {
  return (
    <Input.Wrapper
      labelElement="div"
      label={bare ? undefined : 'Access token expiration'}
      description={bare ? undefined : 'Default is 24 hours, which is the maximum value. If your security requirements are more strict, specify a shorter expiration.'}
      error={error}
    >
      <Group role="group" aria-label="Access token expiration" gap="sm" mt={4} align="flex-end">
        <NumberInput
          label="Hours"
          w={110}
          min={0}
          max={24}
          allowDecimal={false}
          allowNegative={false}
          clampBehavior="none"
          value={value.hours}
          onChange={(hours) => onChange({ ...value, hours })}
          onBlur={onBlur}
          error={error !== undefined}
          disabled={disabled}
        />
        <NumberInput
          label="Minutes"
          w={110}
          min={0}
          max={59}
          step={5}
          allowDecimal={false}
          allowNegative={false}
          clampBehavior="none"
          value={value.minutes}
          onChange={(minutes) => onChange({ ...value, minutes })}
          onBlur={onBlur}
          error={error !== undefined}
          disabled={disabled}
        />
      </Group>
    </Input.Wrapper>
  );
}
