import type { SentimentLayer } from './sentiment-layer'
import type { WorkspaceLayer } from './workspace-layer'

/** What one workspace's reps taught: its intent layer and its sentiment layer (either may be absent). */
export interface LearnedLayers {
  intent?: WorkspaceLayer
  sentiment?: SentimentLayer
}
