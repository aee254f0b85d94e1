import { setupServer } from 'msw/node'
import { handlers } from './handlers/index.ts'

/** MSW in Node for Vitest: the same handlers the demo mode's service worker uses. */
export const server = setupServer(...handlers)
