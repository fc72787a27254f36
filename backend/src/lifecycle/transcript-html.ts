/** Escapes text for HTML element content and attribute values: the transcript never renders markup a customer wrote. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (ch) => `&#${ch.charCodeAt(0)};`)
}

export interface TranscriptLine {
  at: string
  direction: 'inbound' | 'outbound'
  sender: string
  type: string
  text: string | null
  media: string | null
}

/**
 * A readable transcript of a person's messages: a self-contained page, no scripts, no external
 * loads (its own policy forbids them), every customer-written string escaped.
 */
export function transcriptHtml(title: string, lines: TranscriptLine[]): string {
  const rows = lines
    .map(
      (l) =>
        `<tr class="${l.direction}"><td>${escapeHtml(l.at)}</td><td>${escapeHtml(l.sender)}</td><td>${escapeHtml(
          l.type,
        )}</td><td>${l.text === null ? '' : escapeHtml(l.text).replace(/\n/g, '<br>')}${
          l.media ? ` <span class="media">[${escapeHtml(l.media)}]</span>` : ''
        }</td></tr>`,
    )
    .join('\n')
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'self'">
<title>${escapeHtml(title)}</title>
<style>body{font-family:sans-serif;margin:2em}td{padding:.3em .6em;vertical-align:top;border-bottom:1px solid #ddd}
tr.outbound td{background:#eef7ee}.media{color:#666}</style></head>
<body><h1>${escapeHtml(title)}</h1>
<table><thead><tr><th>When (UTC)</th><th>From</th><th>Type</th><th>Message</th></tr></thead>
<tbody>
${rows}
</tbody></table></body></html>
`
}
