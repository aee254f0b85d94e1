/**
 * The browsing pages, each its own chunk so the first load stays the connections list. One home
 * for the imports: the router loads them, and the connections page warms them while idle.
 */
export const loadRepositoriesPage = () => import('./repositories-page.tsx')
export const loadRepositoryPage = () => import('./repository-page.tsx')
export const loadReleaseSourcesPage = () => import('./release-sources-page.tsx')
export const loadReleaseSourcePage = () => import('./release-source-page.tsx')
export const loadOAuthCallbackPage = () => import('./oauth-callback-page.tsx')
