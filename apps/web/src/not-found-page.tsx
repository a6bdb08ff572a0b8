import { Link } from 'react-router';
import { Anchor, Stack, Text } from '@mantine/core';
import { PageHeader } from '@corroborate/web-ui';

export function NotFoundPage() {
  return (
    <>
      <PageHeader title="Page not found" />
      <Stack gap="sm">
        <Text>There is nothing at this address. The link may be mistyped or out of date.</Text>
        <Anchor component={Link} to="/">
          Go to the home page
        </Anchor>
      </Stack>
    </>
  );
}
