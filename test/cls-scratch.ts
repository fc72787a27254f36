import { insightsFor } from '../backend/src/intelligence/message-insights'
for (const t of process.argv.slice(2)) console.log(JSON.stringify(insightsFor('text', t)), t)
