import { useEffect, useRef } from 'preact/hooks'
import uPlot from 'uplot'
import 'uplot/dist/uPlot.min.css'

export interface Series {
  label: string
  values: (number | null)[]
}

const COLOURS = ['#0a7d50', '#1f5fbf', '#b5521b', '#7a3fb0']

/**
 * Lines over local days (`YYYY-MM-DD`, a day or a week's Monday), drawn by uPlot. The same numbers
 * are in the table under it (what screen readers and keyboard users read), so the canvas is hidden
 * from them.
 */
export function SeriesChart(props: { days: string[]; series: Series[]; testId?: string }) {
  const host = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const el = host.current
    if (!el) return
    const xs = props.days.map((d) => Date.parse(`${d}T12:00:00Z`) / 1000)
    const plot = new uPlot(
      {
        width: Math.max(320, el.clientWidth),
        height: 220,
        scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(5, max)] } },
        axes: [{}, { size: 60 }],
        series: [
          {},
          ...props.series.map((s, i) => ({
            label: s.label,
            stroke: COLOURS[i % COLOURS.length],
            width: 2,
            points: { show: props.days.length < 40 },
          })),
        ],
      },
      [xs, ...props.series.map((s) => s.values)],
      el,
    )
    return () => plot.destroy()
  }, [props.days, props.series])
  return <div class="chart" ref={host} aria-hidden="true" data-testid={props.testId ?? 'series-chart'} />
}
