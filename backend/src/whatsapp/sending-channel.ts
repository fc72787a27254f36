import { and, asc, eq } from 'drizzle-orm'
import type { Executor } from '../db/client'
import { type WhatsappChannel, whatsappChannels } from '../db/schema'

/**
 * The number to send from: the one named (only within the workspace), else the workspace's first
 * registered. Undefined when there is none, so each caller raises the refusal its users understand.
 */
export async function findSendingChannel(
  db: Executor,
  workspaceId: string,
  channelId?: string,
): Promise<WhatsappChannel | undefined> {
  const [channel] = await db
    .select()
    .from(whatsappChannels)
    .where(
      channelId
        ? and(eq(whatsappChannels.workspaceId, workspaceId), eq(whatsappChannels.id, channelId))
        : eq(whatsappChannels.workspaceId, workspaceId),
    )
    .orderBy(asc(whatsappChannels.createdAt))
    .limit(1)
  return channel
}
