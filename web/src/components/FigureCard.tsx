import { Card, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** One headline figure in a card: what it counts, the value in the reader's format, and a detail line. */
export function FigureCard({
  label,
  value,
  detail,
  testId,
}: {
  label: string;
  value: string;
  detail?: ReactNode;
  testId?: string;
}) {
  return (
    <Card withBorder padding="sm" data-testid={testId}>
      <Text size="sm" c="gray.7">
        {label}
      </Text>
      <Text fw={700} fz={24} lh={1.3}>
        {value}
      </Text>
      {detail && (
        <Text size="sm" component="div">
          {detail}
        </Text>
      )}
    </Card>
  );
}
