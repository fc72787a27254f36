import {
  lookBackMs,
  type MessageMatch,
  type RuleDefinition,
  ruleDefinitionSchema,
  type TextMatch,
} from './rule-definition'
import { TextMatcher } from './text-match'

/** A stored rule, parsed once and with its text conditions compiled to matchers. */
export interface CompiledRule {
  id: string
  workspaceId: string
  key: string
  name: string
  position: number
  enabled: boolean
  definition: RuleDefinition
  /** How far back its conditions look (ms). */
  lookBackMs: number
  /** Fires at most once or has a cool-down: needs the firing memory. */
  remembers: boolean
  createsTasks: boolean
  matcher(match: MessageMatch): TextMatcher | null
}

export interface RuleRow {
  id: string
  workspaceId: string
  key: string
  name: string
  position: number
  enabled: boolean
  definition: unknown
}

/** Throws a ZodError when the stored definition no longer parses. */
export function compileRule(row: RuleRow): CompiledRule {
  const definition = ruleDefinitionSchema.parse(row.definition)
  return compileDefinition(row, definition)
}

export function compileDefinition(
  row: Omit<RuleRow, 'definition'>,
  definition: RuleDefinition,
): CompiledRule {
  const matchers = new WeakMap<TextMatch, TextMatcher>()
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    key: row.key,
    name: row.name,
    position: row.position,
    enabled: row.enabled,
    definition,
    lookBackMs: lookBackMs(definition),
    remembers: definition.once_per_contact || definition.cooldown_hours != null,
    createsTasks: definition.actions.some((a) => a.type === 'create_task'),
    matcher(match) {
      if (!match.text) return null
      let m = matchers.get(match.text)
      if (!m) {
        m = new TextMatcher(
          Object.values(match.text.terms ?? {}).flatMap((list) => list ?? []),
          match.text.regex,
        )
        matchers.set(match.text, m)
      }
      return m
    },
  }
}

/** Evaluation order: position, then key, so equal positions still run in a stable order. */
export const byPosition = (a: CompiledRule, b: CompiledRule) =>
  a.position - b.position || a.key.localeCompare(b.key)
