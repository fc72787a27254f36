import sharp from 'sharp'
import { normalizeImage } from '../../backend/src/media/normalize-image'
import { noisyPhoto, type SampleImage, sidewaysPhoto } from '../simulators/whatsapp/sample-images'
import { fmt, percentile, round, sortedCopy } from './common'

/**
 * Media pipeline benchmark: camera-sized photos of 1–12 MB (noise, so no JPEG makes them small,
 * with GPS in their EXIF) through the normaliser every inbound image takes (orient, strip, bound,
 * step quality down under 5 MB, thumbnail), next to the least any conversion must do in the same
 * run: one plain decode and JPEG re-encode of the same file. Prints p50/p95 per image, output
 * sizes, and the share under 5 MB; the last line is one JSON object.
 */

const IMAGES = Number(process.env.BENCH_IMAGES || 60)
const LIMIT = 5_000_000
const TARGET_UNDER_LIMIT = 1
/** Source photos by megapixels; noise at quality 92 is about 0.8 MB per megapixel. */
const SIZES: [number, number][] = [
  [1200, 900],
  [2000, 1500],
  [2592, 1944],
  [3264, 2448],
  [4000, 3000],
]

const log = (line: string) => process.stdout.write(`${line}\n`)

async function main(): Promise<void> {
  const t0 = performance.now()
  const sources: SampleImage[] = [await sidewaysPhoto(3000, 2000)]
  for (const [w, h] of SIZES) sources.push(await noisyPhoto(w, h))
  log(
    `sources: ${sources.map((s) => `${round(s.bytes.byteLength / 1e6, 2)} MB`).join(', ')} (made in ${fmt(performance.now() - t0)} ms)`,
  )
  const pipeline: number[] = []
  const baseline: number[] = []
  const outBytes: number[] = []
  const inBytes: number[] = []
  let under = 0
  let maxSide = 0
  for (let i = 0; i < IMAGES; i++) {
    const source = sources[i % sources.length] as SampleImage
    const b0 = performance.now()
    await sharp(source.bytes).jpeg({ quality: 86 }).toBuffer()
    baseline.push(performance.now() - b0)
    const p0 = performance.now()
    const out = await normalizeImage(source.bytes, { maxSide: 2560, maxJpegBytes: LIMIT, thumbSide: 320 })
    pipeline.push(performance.now() - p0)
    inBytes.push(source.bytes.byteLength)
    outBytes.push(out.jpeg.byteLength)
    if (out.jpeg.byteLength < LIMIT) under += 1
    maxSide = Math.max(maxSide, out.width, out.height)
  }
  const p = sortedCopy(pipeline)
  const b = sortedCopy(baseline)
  const o = sortedCopy(outBytes)
  const total = pipeline.reduce((a, c) => a + c, 0)
  const result = {
    bench: 'media',
    images: IMAGES,
    input_mb: { min: round(Math.min(...inBytes) / 1e6, 2), max: round(Math.max(...inBytes) / 1e6, 2) },
    pipeline_ms: { p50: round(percentile(p, 0.5)), p95: round(percentile(p, 0.95)) },
    baseline_reencode_ms: { p50: round(percentile(b, 0.5)), p95: round(percentile(b, 0.95)) },
    p95_ratio_vs_baseline: round(percentile(p, 0.95) / percentile(b, 0.95), 2),
    images_per_second: round((IMAGES * 1000) / total, 2),
    output_mb: { p50: round(percentile(o, 0.5) / 1e6, 2), max: round(Math.max(...outBytes) / 1e6, 2) },
    max_side_px: maxSide,
    under_5mb_share: round(under / IMAGES, 3),
    target_met: under / IMAGES >= TARGET_UNDER_LIMIT,
  }
  log(`pipeline per image: p50 ${result.pipeline_ms.p50} ms, p95 ${result.pipeline_ms.p95} ms`)
  log(
    `plain re-encode:    p50 ${result.baseline_reencode_ms.p50} ms, p95 ${result.baseline_reencode_ms.p95} ms`,
  )
  log(`ratio (p95): ${result.p95_ratio_vs_baseline}× the plain re-encode`)
  log(`output: p50 ${result.output_mb.p50} MB, max ${result.output_mb.max} MB, longest side ${maxSide} px`)
  log(`under 5 MB: ${under}/${IMAGES}`)
  log(JSON.stringify(result))
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`media bench failed: ${(error as Error).stack ?? error}\n`)
    process.exit(1)
  },
)
