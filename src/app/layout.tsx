import {
  ActionIcon,
  Alert,
  Anchor,
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
import type { MouseEvent, ReactNode } from 'react'
import { NavLink, Outlet } from 'react-router'
import { useAppEnvironment } from './app-context.ts'
import { ConnectionPanelHost } from './components/connection-panel-host.tsx'
import { StorageStatusBanner } from './components/storage-status-banner.tsx'

/**
 * The page frame: a header, the main navigation and the page. Plain landmarks laid out by
 * global.css rather than Mantine's AppShell, whose resizing and collapsing code (and the scroll
 * lock it imports) would be in the first load for a layout that needs none of it.
 */
export function Layout() {
  const { demo, configProblem } = useAppEnvironment()
  return (
    <div className="app-shell">
      {/* The first stop of the Tab key. Focus moves itself: a hash in the URL would be a navigation. */}
      <a className="skip-link" href="#main" onClick={skipToContent}>
        Skip to content
      </a>
      <header className="app-header">
        <div className="app-brand">
          <IconGitBranch size={22} aria-hidden />
          <Text component="span" fw={700} size="lg">
            Git Connector
          </Text>
        </div>
        <ColorSchemeToggle />
      </header>
      <nav className="app-nav" aria-label="Main">
        <NavItem to="/connections" icon={<IconPlugConnected size={18} aria-hidden />}>
          Connections
        </NavItem>
        <NavItem to="/release-sources" icon={<IconRocket size={18} aria-hidden />}>
          Release Sources
        </NavItem>
      </nav>
      <main className="app-main" id="main" tabIndex={-1}>
        <StorageStatusBanner />
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
            {configProblem}
          </Alert>
        ) : null}
        <Outlet />
        <ConnectionPanelHost />
      </main>
    </div>
  )
}

function skipToContent(event: MouseEvent<HTMLAnchorElement>) {
  event.preventDefault()
  document.getElementById('main')?.focus()
}

function NavItem({ to, icon, children }: { to: string; icon: ReactNode; children: ReactNode }) {
  // React Router marks the current section with aria-current="page", which global.css styles.
  return (
    <NavLink className="app-nav-link" to={to}>
      {icon}
      <span>{children}</span>
    </NavLink>
  )
}

/**
 * Light or dark. The app follows the system until the person picks the other scheme; picking the
 * system's own scheme again goes back to following it ("auto"), so the choice never gets stuck.
 */
function ColorSchemeToggle() {
  const { setColorScheme } = useMantineColorScheme()
  // The scheme in effect: "auto" resolves to the system's.
  const colorScheme = useComputedColorScheme('light')
  const next = colorScheme === 'dark' ? 'light' : 'dark'
  const toggle = () => {
    const system = window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'
    setColorScheme(next === system ? 'auto' : next)
  }
  return (
    <ActionIcon
      variant="default"
      size="lg"
      aria-label={`Switch to ${next} mode`}
      title={`Switch to ${next} mode`}
      onClick={toggle}
    >
      {colorScheme === 'dark' ? (
        <IconSun size={18} aria-hidden />
      ) : (
        <IconMoon size={18} aria-hidden />
      )}
    </ActionIcon>
  )
}
