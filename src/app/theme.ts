import {
  createTheme,
  darken,
  luminance,
  type CSSVariablesResolver,
  type MantineTheme,
} from '@mantine/core'

/**
 * Mantine's defaults, adjusted so that every text meets WCAG AA contrast (4.5:1) in both colour
 * schemes, as tests/e2e/accessibility.spec.ts checks with axe. Components are configured by name,
 * never imported here: this file is in the first load.
 */
export const theme = createTheme({
  primaryColor: 'indigo',
  // indigo-6 under white text is 4.3:1; indigo-7 is 5.0:1.
  primaryShade: { light: 7, dark: 8 },
  // Filled badges and buttons of any colour take black or white text, whichever contrasts more:
  // 0.18 is the luminance at which both give the same contrast.
  autoContrast: true,
  luminanceThreshold: 0.18,
  defaultRadius: 'md',
  // A person who asked their system for less motion gets panels and dialogs without transitions.
  respectReducedMotion: true,
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: { fontWeight: '650' },
  components: {
    // Close buttons are icons: they need a name for screen readers.
    Drawer: { defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } },
    Modal: { defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } },
    Notification: {
      defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss notification' } },
      // Mantine greys a titled toast's text with gray-6 / dark-2, under 4.5:1.
      styles: { description: { color: 'var(--mantine-color-dimmed)' } },
    },
    // A <header> inside a dialog would be a second "banner" landmark beside the page's own.
    DrawerHeader: { defaultProps: { component: 'div' } },
    ModalHeader: { defaultProps: { component: 'div' } },
  },
})

const AA = 4.6 // 4.5:1, with a little room for rounding and anti-aliasing

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (light + 0.05) / (dark + 0.05)
}

/** The colour, darkened just enough to be read on the background. */
function readableOn(color: string, background: string): string {
  let result = color
  for (let amount = 0.05; contrast(result, background) < AA && amount < 1; amount += 0.05) {
    result = darken(color, amount)
  }
  return result
}

/**
 * Light mode's coloured text, made readable: Mantine's `light` variant (badges, light buttons)
 * writes shade 9 on shade 1 or 2 (teal, green, lime, yellow and orange fall short), and coloured
 * text and outlines use the filled shade on white (under 4.5:1 for most colours).
 */
function readableColorVariables(theme: MantineTheme): Record<string, string> {
  const cached = computed.get(theme)
  if (cached) return cached
  const variables: Record<string, string> = {}
  for (const [name, shades] of Object.entries(theme.colors)) {
    variables[`--mantine-color-${name}-light-color`] = readableOn(shades[9], shades[2])
    const filled = shades[7]
    variables[`--mantine-color-${name}-text`] = readableOn(filled, '#ffffff')
    variables[`--mantine-color-${name}-outline`] = readableOn(filled, '#ffffff')
  }
  computed.set(theme, variables)
  return variables
}

// A few milliseconds of colour arithmetic: once per theme, not on every provider render.
const computed = new WeakMap<MantineTheme, Record<string, string>>()

/** Dimmed text, links and errors: darker in light mode and lighter in dark mode than Mantine's. */
export const cssVariablesResolver: CSSVariablesResolver = (current) => ({
  variables: {},
  light: {
    ...readableColorVariables(current),
    // gray-6 on white is 3.3:1; gray-7 is 8.2:1.
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    // Links stay readable on the tinted backgrounds of alerts too.
    '--mantine-color-anchor': 'var(--mantine-color-indigo-9)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
  },
  dark: {
    // dark-2 on the dark body is 4.0:1; dark-1 is 7.8:1.
    '--mantine-color-dimmed': 'var(--mantine-color-dark-1)',
    '--mantine-color-anchor': 'var(--mantine-color-indigo-3)',
    '--mantine-color-error': 'var(--mantine-color-red-4)',
  },
})
