import {
  ActionIcon,
  Alert,
  Anchor,
  AppShell,
  Group,
  NavLink,
  Text,
  useComputedColorScheme,
  useMantineColorScheme,
} from '@mantine/core'
import {
  IconFlask,
  IconGitBranch,
  IconMoon,
  IconPlugConnected,
  IconRocket,
  IconSun,
} from '@tabler/icons-react'
import { NavLink as RouterNavLink, Outlet } from 'react-router'
import { useAppEnvironment } from './app-context.ts'
import { ConnectionPanelHost } from './components/connection-panel-host.tsx'

export function Layout() {
  const { demo, configProblem } = useAppEnvironment()
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 'sm' }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="xs">
            <IconGitBranch size={22} aria-hidden />
            <Text fw={700} size="lg">
              Git Connector
            </Text>
          </Group>
          <ColorSchemeToggle />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label="Main">
        <NavLink
          component={RouterNavLink}
          to="/connections"
          label="Connections"
          leftSection={<IconPlugConnected size={18} />}
        />
        <NavLink
          component={RouterNavLink}
          to="/release-sources"
          label="Release Sources"
          leftSection={<IconRocket size={18} />}
        />
      </AppShell.Navbar>
      <AppShell.Main>
        {demo ? (
          <Alert color="grape" icon={<IconFlask size={18} />} mb="lg" title="Demo mode is on">
            Providers are simulated in this tab and demo connections are kept apart from real ones.
            Any token works; the token <code>revoked</code> is refused, and a token containing{' '}
            <code>read-only</code> (e.g. <code>ghp_demo_read-only</code>) reads everything but may
            not create webhooks.{' '}
            <Anchor href={`${import.meta.env.BASE_URL}?demo=off`}>Leave the demo</Anchor>
          </Alert>
        ) : null}
        {configProblem ? (
          <Alert color="yellow" mb="lg" title="Deployment settings ignored">
            {configProblem} The app runs with defaults: sign-in and proxies are off.
          </Alert>
        ) : null}
        <Outlet />
        <ConnectionPanelHost />
      </AppShell.Main>
    </AppShell>
  )
}

function ColorSchemeToggle() {
  const { setColorScheme } = useMantineColorScheme()
  // The scheme in effect: "auto" follows the system until the person picks one.
  const colorScheme = useComputedColorScheme('light')
  const next = colorScheme === 'dark' ? 'light' : 'dark'
  return (
    <ActionIcon
      variant="default"
      size="lg"
      aria-label={`Switch to ${next} mode`}
      title={`Switch to ${next} mode`}
      onClick={() => setColorScheme(next)}
    >
      {colorScheme === 'dark' ? <IconSun size={18} /> : <IconMoon size={18} />}
    </ActionIcon>
  )
}
