// Stands in for `jsdom` in the root type-check (tsconfig.json `paths`). Nothing type-checked there
// runs on jsdom, but @types/jsdom is installed for the Salesforce package's Jest and vitest's
// optional types import it; its `/// <reference lib="dom" />` would swap Node's globals
// (ReadableStream, fetch bodies) for the browser's in backend code.
export {}
