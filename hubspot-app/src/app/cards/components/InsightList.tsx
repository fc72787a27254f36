import { DescriptionList, DescriptionListItem, Flex, Text } from '@hubspot/ui-extensions'
import type { CardContact } from '../api/schemas'
import { useI18n } from '../i18n/I18nContext'
import { insightsOf } from '../utils/insights'

/** Segment, intent, sentiment and churn risk with their "why", only those the backend sent. */
export function InsightList({ contact }: { contact: CardContact }) {
  const i18n = useI18n()
  const insights = insightsOf(contact, i18n)
  if (insights.length === 0) return null
  return (
    <DescriptionList direction="row" testId="insights">
      {insights.map((insight) => (
        <DescriptionListItem key={insight.kind} label={i18n.t(`insights.${insight.kind}`)}>
          <Flex direction="column" gap="flush">
            <Text testId={`insight-${insight.kind}`}>{insight.value}</Text>
            {insight.reason ? (
              <Text variant="microcopy" testId={`insight-${insight.kind}-why`}>
                {i18n.t('insights.why', { reason: insight.reason })}
              </Text>
            ) : null}
          </Flex>
        </DescriptionListItem>
      ))}
    </DescriptionList>
  )
}
