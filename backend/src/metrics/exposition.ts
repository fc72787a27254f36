import { Registry } from 'prom-client'
import type { Logger } from '../lib/logger'
import { metricsRegistry } from '../lib/metrics'
import { type RuntimeGaugeSources, runtimeGauges } from './runtime-gauges'

export interface MetricsExposition {
  contentType: string
  /** The Prometheus text format: this process's counters and this runtime's gauges. */
  render(): Promise<string>
}

export function metricsExposition(sources: RuntimeGaugeSources, logger: Logger): MetricsExposition {
  const gauges = runtimeGauges(sources, logger)
  return {
    contentType: metricsRegistry.contentType,
    render: () => Registry.merge([metricsRegistry, gauges]).metrics(),
  }
}
