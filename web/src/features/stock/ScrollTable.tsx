import { ScrollArea, Table } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A striped table that scrolls sideways on a phone (a focusable region named `label`), with its
 * header: the stock pages' one table. `right` columns are numbers, aligned right.
 */
export function ScrollTable({
  label,
  testId,
  minWidth,
  columns,
  children,
}: {
  label: string;
  testId: string;
  minWidth: number;
  columns: readonly { label: string; right?: boolean }[];
  children: ReactNode;
}) {
  return (
    <ScrollArea type="auto" viewportProps={{ tabIndex: 0, role: 'region', 'aria-label': label }}>
      <Table striped miw={minWidth} data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => (
              <Table.Th key={c.label} ta={c.right ? 'right' : undefined}>
                {c.label}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </ScrollArea>
  );
}
