/** An initials avatar as a `data:` URL: demo mode and tests never load an image from anywhere. */
export function initialsAvatar(initials: string, background: string): string {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 96 96">` +
    `<rect width="96" height="96" rx="48" fill="${background}"/>` +
    `<text x="48" y="60" font-family="sans-serif" font-size="36" fill="#fff" ` +
    `text-anchor="middle">${initials}</text></svg>`
  return `data:image/svg+xml,${encodeURIComponent(svg)}`
}
