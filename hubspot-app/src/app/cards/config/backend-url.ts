// Written by `npm run hubspot:config` (hubspot-app/scripts/write-config.mjs) from SCRM_BACKEND_URL.
// Keep it in step with `permittedUrls.fetch` in ../../app-hsmeta.json; the script writes both.
export const BACKEND_URL = 'https://scrm-backend.example.com'
