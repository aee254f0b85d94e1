import { createContext, useContext } from 'react'

/** Facts fixed at start-up that the layout shows. */
export interface AppEnvironment {
  demo: boolean
  /** Why config.json could not be used, if it could not. */
  configProblem: string | null
  /** Demo mode's control endpoint (publishing a simulated release); null outside demo mode. */
  demoControlUrl: string | null
}

export const AppEnvironmentContext = createContext<AppEnvironment>({
  demo: false,
  configProblem: null,
  demoControlUrl: null,
})

export function useAppEnvironment(): AppEnvironment {
  return useContext(AppEnvironmentContext)
}
