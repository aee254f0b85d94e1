/** The app's URLs, built in one place so that features link to each other through it. */
export const paths = {
  connections: () => '/connections',
  repositories: (connectionId: string) =>
    `/connections/${encodeURIComponent(connectionId)}/repositories`,
}
