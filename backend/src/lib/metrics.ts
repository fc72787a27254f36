import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client'

/**
 * The process's Prometheus metrics (prom-client). Counters live here, at the bottom layer, so any
 * module can count what it does without importing the HTTP side; gauges read from the database
 * are added by `metrics/` at scrape time. Labels never carry personal data: no phone numbers, no
 * names, no message text — only routes, outcomes, classes and opaque connection ids.
 *
 * One registry per process (Prometheus scrapes processes): several runtimes in one process (tests)
 * share these counters, which only ever go up.
 */
export const metricsRegistry = new Registry()
collectDefaultMetrics({ register: metricsRegistry, prefix: 'scrm_' })

export const httpRequests = new Counter({
  name: 'scrm_http_requests_total',
  help: 'HTTP requests answered, by method, matched route pattern and status code.',
  labelNames: ['method', 'route', 'status'] as const,
  registers: [metricsRegistry],
})

export const httpDuration = new Histogram({
  name: 'scrm_http_request_duration_seconds',
  help: 'Time to answer an HTTP request, by method and matched route pattern.',
  labelNames: ['method', 'route'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [metricsRegistry],
})

export const webhookDeliveries = new Counter({
  name: 'scrm_webhook_deliveries_total',
  help: 'Webhook deliveries by source (whatsapp or a CRM) and outcome: acked (stored, 200) or refused (4xx/5xx).',
  labelNames: ['source', 'outcome'] as const,
  registers: [metricsRegistry],
})

export const sendOutcomes = new Counter({
  name: 'scrm_sends_total',
  help: 'Cloud API send attempts by outcome: sent, retry (will be tried again), failed, unknown (awaiting a status).',
  labelNames: ['outcome'] as const,
  registers: [metricsRegistry],
})

export const metaErrors = new Counter({
  name: 'scrm_meta_errors_total',
  help: "Errors the Cloud API answered, by our class of Meta's error code (retry, backoff, stop ...).",
  labelNames: ['class'] as const,
  registers: [metricsRegistry],
})

export const crmRequests = new Counter({
  name: 'scrm_crm_requests_total',
  help: 'CRM batch calls by provider and outcome (ok, rate_limited, transient, permanent, auth).',
  labelNames: ['provider', 'outcome'] as const,
  registers: [metricsRegistry],
})

export const crmSyncStops = new Counter({
  name: 'scrm_crm_sync_stops_total',
  help: 'Times a connection stopped syncing to protect its API allocation (share reached, or the CRM refused).',
  labelNames: ['provider', 'reason'] as const,
  registers: [metricsRegistry],
})

export const ruleFirings = new Counter({
  name: 'scrm_rule_firings_total',
  help: 'Automation rule firings recorded by ingest and the sweeps.',
  registers: [metricsRegistry],
})

export const metricsCollectErrors = new Counter({
  name: 'scrm_metrics_collect_errors_total',
  help: 'Gauges that could not be read at scrape time (e.g. the database was away), by gauge.',
  labelNames: ['gauge'] as const,
  registers: [metricsRegistry],
})
