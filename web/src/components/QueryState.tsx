import { Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { errorText } from './api-errors.ts';
import { Loading } from './Loading.tsx';

/**
 * What a section shows of its query: the one loading state while it loads, the error in words if it
 * failed, else what `children` makes of the data.
 *
 * @example
 * <QueryState query={due}>{(data) => <DueList items={data.items} />}</QueryState>
 */
export function QueryState<T>({
  query,
  children,
}: {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
}) {
  const i18n = useI18n();
  if (query.isPending) return <Loading />;
  if (query.isError)
    return (
      <Text size="sm" c="red.9">
        {errorText(query.error, i18n)}
      </Text>
    );
  return children(query.data);
}
