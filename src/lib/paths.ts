/** The app's URLs, built in one place so that features link to each other through it. */
export const paths = {
  connections: () => '/connections',
  repositories: (connectionId: string) =>
    `/connections/${encodeURIComponent(connectionId)}/repositories`,
  /** A repository's history; the name rides along for display, the id addresses it. */
  repository: (connectionId: string, repo: { id: string; fullName: string }, branch?: string) => {
    const query = new URLSearchParams({ name: repo.fullName, ...(branch ? { branch } : {}) })
    // Slashes stay slashes (`…/repositories/owner/name`): readable, and routers decode %2F anyway.
    const id = repo.id.split('/').map(encodeURIComponent).join('/')
    return `${paths.repositories(connectionId)}/${id}?${query.toString()}`
  },
  releaseSources: () => '/release-sources',
  releaseSource: (sourceId: string) => `/release-sources/${encodeURIComponent(sourceId)}`,
}
