/**
 * @fileoverview What `zet pack` accepts for a Zoho CRM widget (zoho-extension-toolkit 1.0.24,
 * shared/reference/zoho.md §1.9), checked offline so a package Zoho would refuse or silently strip
 * never leaves the build. Stricter than zet in one way: zet drops files of other types (`.map`,
 * `.ts`, ...) without failing; here they refuse the package, since a dropped file means the upload
 * is not what was built (or sources leaked into it).
 */

export const ALLOWED_EXTENSIONS = [
  '.jpg',
  '.jpeg',
  '.png',
  '.gif',
  '.svg',
  '.css',
  '.woff',
  '.woff2',
  '.ttf',
  '.eot',
  '.webm',
  '.js',
  '.mp3',
  '.mp4',
  '.json',
  '.txt',
  '.md',
  '.xml',
  '.dre',
  '.html',
] as const
export const MAX_FILES = 250
export const MAX_FILE_BYTES = 5 * 1024 * 1024
export const MAX_NAME_LENGTH = 250
const FILE_NAME = /^[A-Za-z0-9_.$-]*$/
const FOLDER_NAME = /^[A-Za-z0-9_$-]*$/
/** The page Zoho opens: the widget's start page, given when the widget is created. */
export const START_PAGE = 'app/widget.html'

export interface PackageFile {
  /** Relative to the project folder, `/`-separated, e.g. `app/assets/index-F4SA8PaQ.js`. */
  path: string
  bytes: number
}

/** Every reason the package would be refused or changed by `zet pack`; empty when it passes. */
export function packageProblems(files: PackageFile[]): string[] {
  const problems: string[] = []
  if (files.length > MAX_FILES) problems.push(`${files.length} files: at most ${MAX_FILES} are allowed.`)
  if (!files.some((f) => f.path === START_PAGE)) problems.push(`${START_PAGE} is missing.`)
  for (const file of files) {
    const parts = file.path.split('/')
    const name = parts.at(-1) ?? ''
    if (parts[0] !== 'app' || parts.length < 2) {
      problems.push(`${file.path}: only files under app/ go into the package.`)
      continue
    }
    for (const folder of parts.slice(1, -1)) {
      if (!FOLDER_NAME.test(folder) || folder === '')
        problems.push(`${file.path}: folder name "${folder}" is not allowed (A-Z a-z 0-9 _ $ -).`)
    }
    if (!FILE_NAME.test(name) || name === '')
      problems.push(`${file.path}: file name "${name}" is not allowed (A-Z a-z 0-9 _ . $ -).`)
    if (name.length > MAX_NAME_LENGTH)
      problems.push(`${file.path}: file name longer than ${MAX_NAME_LENGTH} characters.`)
    const dot = name.lastIndexOf('.')
    const extension = dot >= 0 ? name.slice(dot).toLowerCase() : ''
    if (!(ALLOWED_EXTENSIONS as readonly string[]).includes(extension))
      problems.push(`${file.path}: "${extension || '(none)'}" files are not allowed in a Zoho package.`)
    if (file.bytes > MAX_FILE_BYTES) problems.push(`${file.path}: ${file.bytes} bytes, more than 5 MB.`)
  }
  return problems
}

/**
 * What the built start page must look like to work from Zoho's storage: assets by relative URL
 * (Zoho serves the zip under its own path) and the embedded-app SDK loaded from Zoho's CDN.
 */
export function startPageProblems(html: string): string[] {
  const problems: string[] = []
  for (const match of html.matchAll(/\b(?:src|href)="([^"]+)"/g)) {
    const url = match[1] as string
    if (url.startsWith('https://live.zwidgets.com/')) continue
    if (!url.startsWith('./'))
      problems.push(`${START_PAGE} loads "${url}": assets must use relative URLs (./...).`)
  }
  if (!/src="https:\/\/live\.zwidgets\.com\/js-sdk\/[\d.]+\/ZohoEmbededAppSDK\.min\.js"/.test(html))
    problems.push(`${START_PAGE} does not load Zoho's embedded-app SDK at a pinned version.`)
  return problems
}
