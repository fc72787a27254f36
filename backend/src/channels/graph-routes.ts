import { eq } from 'drizzle-orm'
import type { Database } from '../db/client'
import { whatsappApiRoutes } from '../db/schema'

/** How long a process trusts the route it read: a failover reaches every sender within this. */
const TTL_MS = 15_000

/**
 * The Graph API base a workspace's sends go to: the standby while the health probe has failed
 * over (whatsapp_api_routes), else the primary. Read through a short cache so a send costs no
 * extra query; without a standby configured it is always the primary.
 */
export class GraphRoutes {
  private readonly cache = new Map<string, { url: string; until: number }>()

  constructor(
    private readonly db: Database,
    private readonly primary: string,
    private readonly standby: string | undefined,
  ) {}

  async graphUrlFor(workspaceId: string, now = Date.now()): Promise<string> {
    if (!this.standby) return this.primary
    const cached = this.cache.get(workspaceId)
    if (cached && cached.until > now) return cached.url
    const [row] = await this.db
      .select({ route: whatsappApiRoutes.route })
      .from(whatsappApiRoutes)
      .where(eq(whatsappApiRoutes.workspaceId, workspaceId))
    const url = row?.route === 'standby' ? this.standby : this.primary
    this.cache.set(workspaceId, { url, until: now + TTL_MS })
    return url
  }
}
