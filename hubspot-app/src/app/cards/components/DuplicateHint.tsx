import { Alert, Flex, Text } from '@hubspot/ui-extensions'
import type { CardDuplicateHint, CardIdentityChange } from '../api/schemas'
import { useI18n } from '../i18n/I18nContext'

/**
 * "Probably the same person as …, because …" for each open duplicate candidate, and the numbers
 * the person used before. Names and evidence are shown as plain text, never as markup.
 */
export function DuplicateHint({
  duplicates = [],
  identityChanges = [],
}: {
  duplicates?: CardDuplicateHint[]
  identityChanges?: CardIdentityChange[]
}) {
  const i18n = useI18n()
  const changes = identityChanges.filter((c) => c.kind === 'phone')
  if (duplicates.length === 0 && changes.length === 0) return null
  return (
    <Flex direction="column" gap="xs">
      {duplicates.map((d) => {
        const name = d.other.name ?? i18n.t('duplicate.unnamed', { phone: d.other.phone ?? '—' })
        const reasons = d.reasons
          .map((r) => i18n.maybeT(`duplicate.reason.${r.code}`, { detail: r.detail }) ?? r.detail)
          .join(', ')
        return (
          <Alert
            key={d.candidate_id}
            title={i18n.t('duplicate.title', { name })}
            variant="warning"
            testId={`duplicate-${d.candidate_id}`}
          >
            <Text>{i18n.t('duplicate.why', { reasons })}</Text>
            <Text variant="microcopy">{i18n.t('duplicate.review')}</Text>
          </Alert>
        )
      })}
      {changes.map((c) => (
        <Text key={`${c.from}-${c.at}`} variant="microcopy" testId="identity-change">
          {c.reason === 'merge'
            ? i18n.t('identity.merged', { from: c.from, at: i18n.formatDateTime(c.at) })
            : i18n.t('identity.numberChanged', {
                from: c.from,
                to: c.to ?? '—',
                at: i18n.formatDateTime(c.at),
              })}
        </Text>
      ))}
    </Flex>
  )
}
