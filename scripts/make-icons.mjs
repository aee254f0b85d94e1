// Draws the web app manifest's PNG icons from public/favicon.svg in Debian's chromium (no network,
// no image library): 192 and 512 px as they are, and a 512 px maskable one whose glyph sits in the
// safe zone on a full-bleed background. Run again after changing the favicon:
//   node scripts/make-icons.mjs
import { readFileSync } from 'node:fs'
import { chromium } from '@playwright/test'

const svg = readFileSync('public/favicon.svg', 'utf8')
const background = svg.match(/<rect[^>]*fill="([^"]+)"/)?.[1] ?? '#1c7ed6'
// The glyph alone: the favicon without its rounded tile.
const glyph = svg.replace(/<rect[^>]*\/>/, '')

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
})
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 })
  const draw = async (size, html, path) => {
    await page.setViewportSize({ width: size, height: size })
    await page.setContent(
      `<html><body style="margin:0;background:transparent">${html}</body></html>`,
    )
    await page.screenshot({ path, omitBackground: true })
    console.log(`wrote ${path}`)
  }
  const plain = (size) => svg.replace('<svg ', `<svg width="${size}" height="${size}" `)
  await draw(192, plain(192), 'public/icons/icon-192.png')
  await draw(512, plain(512), 'public/icons/icon-512.png')
  // Maskable: launchers crop to a circle or squircle of 80% of the size; the glyph fits in 60%.
  const inner = glyph.replace('<svg ', '<svg width="307" height="307" ')
  await draw(
    512,
    `<div style="width:512px;height:512px;background:${background};display:grid;place-items:center">${inner}</div>`,
    'public/icons/icon-maskable-512.png',
  )
  // iOS home screens ignore the manifest's icons and round the corners themselves.
  await draw(
    180,
    `<div style="width:180px;height:180px;background:${background};display:grid;place-items:center">${glyph.replace('<svg ', '<svg width="150" height="150" ')}</div>`,
    'public/icons/apple-touch-icon.png',
  )
} finally {
  await browser.close()
}
