import { Badge } from '@mantine/core';
import type { FacilityStatus } from './api.ts';
import { useLabels } from './labels.ts';

const COLOURS: Record<FacilityStatus, string> = { open: 'teal', temporarily_closed: 'yellow', closed: 'red' };

export function StatusBadge({ status }: { status: FacilityStatus }) {
  const labels = useLabels();
  return (
    <Badge
      color={COLOURS[status] ?? 'gray'}
      variant="light"
      tt="none"
      data-testid="facility-status"
      style={{ flexShrink: 0 }}
    >
      {labels.status(status)}
    </Badge>
  );
}
