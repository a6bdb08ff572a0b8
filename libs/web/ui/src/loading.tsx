import { Center, Loader, Skeleton, Stack, VisuallyHidden } from '@mantine/core';

/** A table-shaped skeleton, announced to screen readers as loading. */
export function TableSkeleton({ label, rows = 5 }: { label: string; rows?: number }) {
  return (
    <Stack gap="sm" aria-busy="true">
      <VisuallyHidden role="status">{label}</VisuallyHidden>
      <Skeleton height={36} radius="sm" />
      {Array.from({ length: rows }, (_, index) => (
        <Skeleton key={index} height={28} radius="sm" />
      ))}
    </Stack>
  );
}

/** A centred spinner for a whole page or panel. */
export function PageLoader({ label }: { label: string }) {
  return (
    <Center mih={240} aria-busy="true">
      <Loader aria-hidden="true" />
      <VisuallyHidden role="status">{label}</VisuallyHidden>
    </Center>
  );
}
