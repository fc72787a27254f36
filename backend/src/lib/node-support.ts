/**
 * The oldest Node major the backend runs on. Root package.json `engines` says the same
 * (`test/server/node-version.test.ts` keeps the two equal); `npm install` puts this Node in
 * node_modules (the `node` dev dependency), so npm scripts run on it whatever the system Node is.
 */
export const MIN_NODE_MAJOR = 24

/** One line telling what to do, or null when this Node is supported. */
export function unsupportedNodeMessage(version: string, execPath: string): string | null {
  const major = Number(/^v?(\d+)\./.exec(version)?.[1] ?? 0)
  if (major >= MIN_NODE_MAJOR) return null
  return (
    `whatsapp-scrm needs Node.js ${MIN_NODE_MAJOR} or later, but ${execPath} is ${version}: ` +
    `start it through npm (\`npm start\`, \`npm run worker\`: npm scripts use the Node ${MIN_NODE_MAJOR} that ` +
    `\`npm install\` puts in node_modules) or install Node.js ${MIN_NODE_MAJOR} LTS.`
  )
}
