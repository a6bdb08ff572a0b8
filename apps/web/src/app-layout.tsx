import { Link, Outlet, matchPath, useLocation } from 'react-router';
import {
  AppShell,
  Avatar,
  Badge,
  Burger,
  Group,
  Kbd,
  Menu,
  NavLink,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import {
  IconArticle,
  IconBuildingBank,
  IconBuilding,
  IconHistory,
  IconChevronDown,
  IconChartBar,
  IconFileExport,
  IconPackageExport,
  IconFileImport,
  IconFolders,
  IconKey,
  IconLock,
  IconKeyboard,
  IconListCheck,
  IconLogout,
  IconUsers,
} from '@tabler/icons-react';
import type { Role } from '@corroborate/graphql';
import { useSignOut } from '@corroborate/web-auth';
import { NotificationsBell } from '@corroborate/web-notifications';
import { DASHBOARD_ROLES } from '@corroborate/web-dashboard';
import { EXPORT_ROLES } from '@corroborate/web-export';
import {
  ADMIN_ROLES,
  CLAIM_WRITE_ROLES,
  ROLE_COLORS,
  ROLE_LABELS,
  ShortcutsHelp,
  useCurrentUser,
  usePageShortcuts,
} from '@corroborate/web-ui';
import { useEffect, type ReactNode } from 'react';

export const MAIN_CONTENT_ID = 'main-content';

interface NavItem {
  label: string;
  to: string;
  icon: ReactNode;
  /** Roles that see the item; everyone when omitted. */
  roles?: readonly Role[];
}

interface NavSection {
  label?: string;
  items: NavItem[];
}

/**
 * Navigation, filtered by role. Add items here as their pages land
 * (Queue, Sources, Dashboard go in the first section); never link to a page
 * that does not exist yet.
 */
const NAV_SECTIONS: NavSection[] = [
  {
    items: [
      { label: 'Queue', to: '/queue', icon: <IconListCheck size={18} aria-hidden="true" /> },
      {
        label: 'Dashboard',
        to: '/dashboard',
        icon: <IconChartBar size={18} aria-hidden="true" />,
        roles: DASHBOARD_ROLES,
      },
      { label: 'Projects', to: '/projects', icon: <IconFolders size={18} aria-hidden="true" /> },
      {
        label: 'Sources',
        to: '/sources',
        icon: <IconBuildingBank size={18} aria-hidden="true" />,
      },
      {
        label: 'Export',
        to: '/export',
        icon: <IconFileExport size={18} aria-hidden="true" />,
        roles: EXPORT_ROLES,
      },
      {
        label: 'Releases',
        to: '/releases',
        icon: <IconPackageExport size={18} aria-hidden="true" />,
        roles: EXPORT_ROLES,
      },
    ],
  },
  {
    label: 'Intake',
    items: [
      {
        label: 'Paste an article',
        to: '/intake/extract',
        icon: <IconArticle size={18} aria-hidden="true" />,
        roles: CLAIM_WRITE_ROLES,
      },
      {
        label: 'Import',
        to: '/import',
        icon: <IconFileImport size={18} aria-hidden="true" />,
        roles: CLAIM_WRITE_ROLES,
      },
    ],
  },
  {
    label: 'Administration',
    items: [
      {
        label: 'Users',
        to: '/admin/users',
        icon: <IconUsers size={18} aria-hidden="true" />,
        roles: ADMIN_ROLES,
      },
      {
        label: 'Organisation',
        to: '/admin/organisation',
        icon: <IconBuilding size={18} aria-hidden="true" />,
        roles: ADMIN_ROLES,
      },
      {
        label: 'Activity',
        to: '/admin/activity',
        icon: <IconHistory size={18} aria-hidden="true" />,
        roles: ADMIN_ROLES,
      },
    ],
  },
];

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0], parts[parts.length - 1]] : parts.slice(0, 1);
  return letters.map((part) => (part ?? '').charAt(0).toUpperCase()).join('') || '?';
}

export function AppLayout() {
  const user = useCurrentUser();
  const location = useLocation();
  const [navOpened, { toggle: toggleNav, close: closeNav }] = useDisclosure(false);
  const { signOut, signingOut } = useSignOut();
  const [shortcutsOpened, { open: openShortcuts, close: closeShortcuts }] = useDisclosure(false);
  usePageShortcuts({
    '?': (event) => {
      event.preventDefault();
      openShortcuts();
    },
  });
  // Below the `sm` breakpoint the collapsed navigation is only moved off-screen;
  // make it inert so keyboard focus cannot land on links nobody can see.
  const isSmallScreen = useMediaQuery('(max-width: 47.99em)') ?? false;

  // On small screens, close the navigation after moving to another page.
  useEffect(() => {
    closeNav();
  }, [location.pathname, closeNav]);

  const sections = NAV_SECTIONS.map((section) => ({
    ...section,
    items: section.items.filter(
      (item) => item.roles === undefined || item.roles.includes(user.role),
    ),
  })).filter((section) => section.items.length > 0);

  return (
    <>
      <a className="skip-link" href={`#${MAIN_CONTENT_ID}`}>
        Skip to content
      </a>
      <AppShell
        header={{ height: 56 }}
        navbar={{ width: 232, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
        padding="lg"
      >
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Burger
                opened={navOpened}
                onClick={toggleNav}
                hiddenFrom="sm"
                size="sm"
                aria-label={navOpened ? 'Close navigation' : 'Open navigation'}
                aria-expanded={navOpened}
                aria-controls="main-navigation"
              />
              <Text component={Link} to="/projects" fw={700} size="lg" c="indigo.9" td="none">
                Corroborate
              </Text>
            </Group>
            <Group gap="xs" wrap="nowrap">
              <NotificationsBell />
              <Menu position="bottom-end" width={240} withinPortal>
                <Menu.Target>
                  <UnstyledButton aria-label={`Account menu for ${user.displayName}`} p={4}>
                    <Group gap="xs" wrap="nowrap">
                      <Avatar size="sm" color="indigo" radius="xl" aria-hidden="true">
                        {initials(user.displayName)}
                      </Avatar>
                      <Text size="sm" fw={500} visibleFrom="xs" truncate maw={180}>
                        {user.displayName}
                      </Text>
                      <Badge color={ROLE_COLORS[user.role]} variant="light" visibleFrom="xs">
                        {ROLE_LABELS[user.role]}
                      </Badge>
                      <IconChevronDown size={14} aria-hidden="true" />
                    </Group>
                  </UnstyledButton>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Label>
                    <Stack gap={2}>
                      <Text size="sm" fw={600} c="dark.9" truncate>
                        {user.displayName}
                      </Text>
                      <Text size="xs" c="dimmed" truncate>
                        {user.email}
                      </Text>
                      <Text size="xs" c="dimmed">
                        Role: {ROLE_LABELS[user.role]}
                      </Text>
                    </Stack>
                  </Menu.Label>
                  <Menu.Divider />
                  <Menu.Item
                    component={Link}
                    to="/account/password"
                    leftSection={<IconLock size={16} aria-hidden="true" />}
                  >
                    Change password
                  </Menu.Item>
                  <Menu.Item
                    component={Link}
                    to="/account/tokens"
                    leftSection={<IconKey size={16} aria-hidden="true" />}
                  >
                    API tokens
                  </Menu.Item>
                  <Menu.Item
                    leftSection={<IconKeyboard size={16} aria-hidden="true" />}
                    rightSection={
                      <Kbd size="xs" aria-hidden="true">
                        ?
                      </Kbd>
                    }
                    aria-keyshortcuts="?"
                    onClick={openShortcuts}
                  >
                    Keyboard shortcuts
                  </Menu.Item>
                  <Menu.Item
                    leftSection={<IconLogout size={16} aria-hidden="true" />}
                    disabled={signingOut}
                    onClick={() => void signOut()}
                  >
                    Sign out
                  </Menu.Item>
                </Menu.Dropdown>
              </Menu>
            </Group>
          </Group>
        </AppShell.Header>

        <AppShell.Navbar
          p="sm"
          id="main-navigation"
          aria-label="Main"
          inert={isSmallScreen && !navOpened}
        >
          <AppShell.Section grow component={ScrollArea}>
            <Stack gap="md">
              {sections.map((section, index) => (
                <Stack
                  gap={2}
                  key={section.label ?? index}
                  role={section.label !== undefined ? 'group' : undefined}
                  aria-labelledby={section.label !== undefined ? `nav-section-${index}` : undefined}
                >
                  {section.label !== undefined && (
                    <Text
                      id={`nav-section-${index}`}
                      size="xs"
                      fw={700}
                      c="dimmed"
                      tt="uppercase"
                      px="sm"
                      pb={4}
                    >
                      {section.label}
                    </Text>
                  )}
                  {section.items.map((item) => {
                    const active =
                      matchPath({ path: item.to, end: false }, location.pathname) !== null;
                    return (
                      <NavLink
                        key={item.to}
                        component={Link}
                        to={item.to}
                        label={item.label}
                        leftSection={item.icon}
                        active={active}
                        aria-current={active ? 'page' : undefined}
                      />
                    );
                  })}
                </Stack>
              ))}
            </Stack>
          </AppShell.Section>
        </AppShell.Navbar>

        <AppShell.Main id={MAIN_CONTENT_ID} tabIndex={-1}>
          <Outlet />
        </AppShell.Main>
      </AppShell>
      <ShortcutsHelp opened={shortcutsOpened} onClose={closeShortcuts} />
    </>
  );
}
