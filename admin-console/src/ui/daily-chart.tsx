import { useEffect, useRef } from 'preact/hooks'
import uPlot from 'uplot'
import 'uplot/dist/uPlot.min.css'

export interface DailyPoint {
  day: string
  inbound: number
  outbound: number
}

/**
 * Received and sent messages per day, drawn by uPlot on a canvas. The numbers are also in a table
 * next to it (screen readers and keyboard users read that), so the canvas is hidden from them.
 */
export function DailyChart(props: { days: DailyPoint[]; labels: { inbound: string; outbound: string } }) {
  const host = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const el = host.current
    if (!el) return
    const xs = props.days.map((d) => Date.parse(`${d.day}T12:00:00Z`) / 1000)
    const plot = new uPlot(
      {
        width: Math.max(320, el.clientWidth),
        height: 220,
        scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(5, max)] } },
        axes: [{}, { size: 50 }],
        series: [
          {},
          { label: props.labels.inbound, stroke: '#0a7d50', fill: 'rgba(10,125,80,0.12)', width: 2 },
          { label: props.labels.outbound, stroke: '#1f5fbf', width: 2 },
        ],
      },
      [xs, props.days.map((d) => d.inbound), props.days.map((d) => d.outbound)],
      el,
    )
    return () => plot.destroy()
  }, [props.days, props.labels.inbound, props.labels.outbound])
  return <div class="chart" ref={host} aria-hidden="true" data-testid="daily-chart" />
}
