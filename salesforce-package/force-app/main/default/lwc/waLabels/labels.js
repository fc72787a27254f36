// One import per Custom Label (labels/CustomLabels.labels-meta.xml, translated in translations/).
// Keys mirror the HubSpot card's message keys so both cards say the same things.

import WA_Card_Empty_Body from '@salesforce/label/c.WA_Card_Empty_Body'
import WA_Card_Empty_Title from '@salesforce/label/c.WA_Card_Empty_Title'
import WA_Card_Error_Http from '@salesforce/label/c.WA_Card_Error_Http'
import WA_Card_Error_Invalid_Response from '@salesforce/label/c.WA_Card_Error_Invalid_Response'
import WA_Card_Error_Network from '@salesforce/label/c.WA_Card_Error_Network'
import WA_Card_Error_NoAccess from '@salesforce/label/c.WA_Card_Error_NoAccess'
import WA_Card_Error_NotConfigured from '@salesforce/label/c.WA_Card_Error_NotConfigured'
import WA_Card_Error_NotConnected from '@salesforce/label/c.WA_Card_Error_NotConnected'
import WA_Card_Error_RequestId from '@salesforce/label/c.WA_Card_Error_RequestId'
import WA_Card_Error_Retry from '@salesforce/label/c.WA_Card_Error_Retry'
import WA_Card_Error_Timeout from '@salesforce/label/c.WA_Card_Error_Timeout'
import WA_Card_Error_Title from '@salesforce/label/c.WA_Card_Error_Title'
import WA_Card_Loading from '@salesforce/label/c.WA_Card_Loading'
import WA_Card_Refresh from '@salesforce/label/c.WA_Card_Refresh'
import WA_Card_Title from '@salesforce/label/c.WA_Card_Title'
import WA_Composer_Mode from '@salesforce/label/c.WA_Composer_Mode'
import WA_Composer_Mode_Quick_Reply from '@salesforce/label/c.WA_Composer_Mode_Quick_Reply'
import WA_Composer_Mode_Template from '@salesforce/label/c.WA_Composer_Mode_Template'
import WA_Composer_Mode_Text from '@salesforce/label/c.WA_Composer_Mode_Text'
import WA_Composer_Send from '@salesforce/label/c.WA_Composer_Send'
import WA_Composer_Text_Label from '@salesforce/label/c.WA_Composer_Text_Label'
import WA_Composer_Text_Placeholder from '@salesforce/label/c.WA_Composer_Text_Placeholder'
import WA_Composer_Title from '@salesforce/label/c.WA_Composer_Title'
import WA_Contact_MarketingOptedOut from '@salesforce/label/c.WA_Contact_MarketingOptedOut'
import WA_Contact_OptedOut from '@salesforce/label/c.WA_Contact_OptedOut'
import WA_Duplicate_Reason_Name_Similar from '@salesforce/label/c.WA_Duplicate_Reason_Name_Similar'
import WA_Duplicate_Reason_Previous_Phone from '@salesforce/label/c.WA_Duplicate_Reason_Previous_Phone'
import WA_Duplicate_Reason_Same_Address from '@salesforce/label/c.WA_Duplicate_Reason_Same_Address'
import WA_Duplicate_Reason_Same_Bsuid from '@salesforce/label/c.WA_Duplicate_Reason_Same_Bsuid'
import WA_Duplicate_Reason_Same_Crm_Record from '@salesforce/label/c.WA_Duplicate_Reason_Same_Crm_Record'
import WA_Duplicate_Reason_Same_Email from '@salesforce/label/c.WA_Duplicate_Reason_Same_Email'
import WA_Duplicate_Reason_Same_Phone from '@salesforce/label/c.WA_Duplicate_Reason_Same_Phone'
import WA_Duplicate_Reason_Same_Sku_90d from '@salesforce/label/c.WA_Duplicate_Reason_Same_Sku_90d'
import WA_Duplicate_Reason_Same_Store from '@salesforce/label/c.WA_Duplicate_Reason_Same_Store'
import WA_Duplicate_Review from '@salesforce/label/c.WA_Duplicate_Review'
import WA_Duplicate_Title from '@salesforce/label/c.WA_Duplicate_Title'
import WA_Duplicate_Unnamed from '@salesforce/label/c.WA_Duplicate_Unnamed'
import WA_Duplicate_Why from '@salesforce/label/c.WA_Duplicate_Why'
import WA_Identity_Merged from '@salesforce/label/c.WA_Identity_Merged'
import WA_Identity_NumberChanged from '@salesforce/label/c.WA_Identity_NumberChanged'
import WA_Insights_Churn_Risk from '@salesforce/label/c.WA_Insights_Churn_Risk'
import WA_Insights_Intent from '@salesforce/label/c.WA_Insights_Intent'
import WA_Insights_Segment from '@salesforce/label/c.WA_Insights_Segment'
import WA_Insights_Sentiment from '@salesforce/label/c.WA_Insights_Sentiment'
import WA_Insights_Title from '@salesforce/label/c.WA_Insights_Title'
import WA_Insights_Why from '@salesforce/label/c.WA_Insights_Why'
import WA_Intent_Correct from '@salesforce/label/c.WA_Intent_Correct'
import WA_Intent_Error from '@salesforce/label/c.WA_Intent_Error'
import WA_Intent_Suggested from '@salesforce/label/c.WA_Intent_Suggested'
import WA_Media_Audio from '@salesforce/label/c.WA_Media_Audio'
import WA_Media_Document from '@salesforce/label/c.WA_Media_Document'
import WA_Media_File from '@salesforce/label/c.WA_Media_File'
import WA_Media_Image from '@salesforce/label/c.WA_Media_Image'
import WA_Media_Open from '@salesforce/label/c.WA_Media_Open'
import WA_Media_Sticker from '@salesforce/label/c.WA_Media_Sticker'
import WA_Media_Video from '@salesforce/label/c.WA_Media_Video'
import WA_Message_Contacts from '@salesforce/label/c.WA_Message_Contacts'
import WA_Message_Deleted from '@salesforce/label/c.WA_Message_Deleted'
import WA_Message_Edited from '@salesforce/label/c.WA_Message_Edited'
import WA_Message_Location from '@salesforce/label/c.WA_Message_Location'
import WA_Message_NoText from '@salesforce/label/c.WA_Message_NoText'
import WA_Message_OpenMap from '@salesforce/label/c.WA_Message_OpenMap'
import WA_Message_Original from '@salesforce/label/c.WA_Message_Original'
import WA_Message_Reactions from '@salesforce/label/c.WA_Message_Reactions'
import WA_Message_Unsupported from '@salesforce/label/c.WA_Message_Unsupported'
import WA_QuickReply_Label from '@salesforce/label/c.WA_QuickReply_Label'
import WA_QuickReply_LoadError from '@salesforce/label/c.WA_QuickReply_LoadError'
import WA_QuickReply_Loading from '@salesforce/label/c.WA_QuickReply_Loading'
import WA_QuickReply_Missing from '@salesforce/label/c.WA_QuickReply_Missing'
import WA_QuickReply_None from '@salesforce/label/c.WA_QuickReply_None'
import WA_QuickReply_Preview from '@salesforce/label/c.WA_QuickReply_Preview'
import WA_QuickReply_PreviewError from '@salesforce/label/c.WA_QuickReply_PreviewError'
import WA_QuickReply_PreviewLoading from '@salesforce/label/c.WA_QuickReply_PreviewLoading'
import WA_QuickReply_Variable from '@salesforce/label/c.WA_QuickReply_Variable'
import WA_Refusal_Automation_Paused from '@salesforce/label/c.WA_Refusal_Automation_Paused'
import WA_Refusal_Broadcast_Duplicate from '@salesforce/label/c.WA_Refusal_Broadcast_Duplicate'
import WA_Refusal_Cap_Exceeded_Event_Notification from '@salesforce/label/c.WA_Refusal_Cap_Exceeded_Event_Notification'
import WA_Refusal_Cap_Exceeded_Marketing_Weekly from '@salesforce/label/c.WA_Refusal_Cap_Exceeded_Marketing_Weekly'
import WA_Refusal_Cap_Exceeded_No_Opt_In_Daily_Template from '@salesforce/label/c.WA_Refusal_Cap_Exceeded_No_Opt_In_Daily_Template'
import WA_Refusal_Cap_Exceeded_Same_Content from '@salesforce/label/c.WA_Refusal_Cap_Exceeded_Same_Content'
import WA_Refusal_Channel_Paused from '@salesforce/label/c.WA_Refusal_Channel_Paused'
import WA_Refusal_Contact_Unreachable from '@salesforce/label/c.WA_Refusal_Contact_Unreachable'
import WA_Refusal_Invalid_Recipient from '@salesforce/label/c.WA_Refusal_Invalid_Recipient'
import WA_Refusal_Marketing_Blocked_Us from '@salesforce/label/c.WA_Refusal_Marketing_Blocked_Us'
import WA_Refusal_Marketing_Opted_Out from '@salesforce/label/c.WA_Refusal_Marketing_Opted_Out'
import WA_Refusal_No_Channel from '@salesforce/label/c.WA_Refusal_No_Channel'
import WA_Refusal_Opted_Out from '@salesforce/label/c.WA_Refusal_Opted_Out'
import WA_Refusal_Quick_Reply_Not_Found from '@salesforce/label/c.WA_Refusal_Quick_Reply_Not_Found'
import WA_Refusal_Quick_Reply_Variable_Missing from '@salesforce/label/c.WA_Refusal_Quick_Reply_Variable_Missing'
import WA_Refusal_Template_Params_Mismatch from '@salesforce/label/c.WA_Refusal_Template_Params_Mismatch'
import WA_Refusal_Unknown_Template from '@salesforce/label/c.WA_Refusal_Unknown_Template'
import WA_Refusal_Window_Closed_Template_Required from '@salesforce/label/c.WA_Refusal_Window_Closed_Template_Required'
import WA_Send_ErrorTitle from '@salesforce/label/c.WA_Send_ErrorTitle'
import WA_Send_Queued from '@salesforce/label/c.WA_Send_Queued'
import WA_Send_RefusedTitle from '@salesforce/label/c.WA_Send_RefusedTitle'
import WA_Send_UnknownReason from '@salesforce/label/c.WA_Send_UnknownReason'
import WA_Sender_Agent from '@salesforce/label/c.WA_Sender_Agent'
import WA_Sender_Api from '@salesforce/label/c.WA_Sender_Api'
import WA_Sender_Automation from '@salesforce/label/c.WA_Sender_Automation'
import WA_Sender_Business_App from '@salesforce/label/c.WA_Sender_Business_App'
import WA_Sender_Customer from '@salesforce/label/c.WA_Sender_Customer'
import WA_Status_Delivered from '@salesforce/label/c.WA_Status_Delivered'
import WA_Status_Failed from '@salesforce/label/c.WA_Status_Failed'
import WA_Status_FailedReason from '@salesforce/label/c.WA_Status_FailedReason'
import WA_Status_FailedUnknown from '@salesforce/label/c.WA_Status_FailedUnknown'
import WA_Status_Pending from '@salesforce/label/c.WA_Status_Pending'
import WA_Status_Played from '@salesforce/label/c.WA_Status_Played'
import WA_Status_Queued from '@salesforce/label/c.WA_Status_Queued'
import WA_Status_Read from '@salesforce/label/c.WA_Status_Read'
import WA_Status_Received from '@salesforce/label/c.WA_Status_Received'
import WA_Status_Sent from '@salesforce/label/c.WA_Status_Sent'
import WA_Tags_Add from '@salesforce/label/c.WA_Tags_Add'
import WA_Tags_Error from '@salesforce/label/c.WA_Tags_Error'
import WA_Tags_Input from '@salesforce/label/c.WA_Tags_Input'
import WA_Tags_None from '@salesforce/label/c.WA_Tags_None'
import WA_Tags_Remove from '@salesforce/label/c.WA_Tags_Remove'
import WA_Tags_Title from '@salesforce/label/c.WA_Tags_Title'
import WA_Tags_TooLong from '@salesforce/label/c.WA_Tags_TooLong'
import WA_Tags_Unavailable from '@salesforce/label/c.WA_Tags_Unavailable'
import WA_Takeover_Error from '@salesforce/label/c.WA_Takeover_Error'
import WA_Takeover_Label from '@salesforce/label/c.WA_Takeover_Label'
import WA_Takeover_Off from '@salesforce/label/c.WA_Takeover_Off'
import WA_Takeover_On from '@salesforce/label/c.WA_Takeover_On'
import WA_Template_Label from '@salesforce/label/c.WA_Template_Label'
import WA_Template_LoadError from '@salesforce/label/c.WA_Template_LoadError'
import WA_Template_Loading from '@salesforce/label/c.WA_Template_Loading'
import WA_Template_None from '@salesforce/label/c.WA_Template_None'
import WA_Template_Preview from '@salesforce/label/c.WA_Template_Preview'
import WA_Template_Variable from '@salesforce/label/c.WA_Template_Variable'
import WA_Thread_Archived from '@salesforce/label/c.WA_Thread_Archived'
import WA_Thread_LoadOlder from '@salesforce/label/c.WA_Thread_LoadOlder'
import WA_Thread_NoMessages from '@salesforce/label/c.WA_Thread_NoMessages'
import WA_Thread_OlderError from '@salesforce/label/c.WA_Thread_OlderError'
import WA_Time_FullDay from '@salesforce/label/c.WA_Time_FullDay'
import WA_Time_HoursMinutes from '@salesforce/label/c.WA_Time_HoursMinutes'
import WA_Time_Minutes from '@salesforce/label/c.WA_Time_Minutes'
import WA_Value_At_Risk from '@salesforce/label/c.WA_Value_At_Risk'
import WA_Value_Complaint from '@salesforce/label/c.WA_Value_Complaint'
import WA_Value_Customer from '@salesforce/label/c.WA_Value_Customer'
import WA_Value_High from '@salesforce/label/c.WA_Value_High'
import WA_Value_High_Intent from '@salesforce/label/c.WA_Value_High_Intent'
import WA_Value_Human_Request from '@salesforce/label/c.WA_Value_Human_Request'
import WA_Value_Lost from '@salesforce/label/c.WA_Value_Lost'
import WA_Value_Low from '@salesforce/label/c.WA_Value_Low'
import WA_Value_Medium from '@salesforce/label/c.WA_Value_Medium'
import WA_Value_Negative from '@salesforce/label/c.WA_Value_Negative'
import WA_Value_Neutral from '@salesforce/label/c.WA_Value_Neutral'
import WA_Value_New from '@salesforce/label/c.WA_Value_New'
import WA_Value_Order_Status from '@salesforce/label/c.WA_Value_Order_Status'
import WA_Value_Other from '@salesforce/label/c.WA_Value_Other'
import WA_Value_Positive from '@salesforce/label/c.WA_Value_Positive'
import WA_Value_Potential from '@salesforce/label/c.WA_Value_Potential'
import WA_Value_Price_Discount from '@salesforce/label/c.WA_Value_Price_Discount'
import WA_Value_Product_Inquiry from '@salesforce/label/c.WA_Value_Product_Inquiry'
import WA_Value_Purchase_Intent from '@salesforce/label/c.WA_Value_Purchase_Intent'
import WA_Value_Quote from '@salesforce/label/c.WA_Value_Quote'
import WA_Value_Store_Location from '@salesforce/label/c.WA_Value_Store_Location'
import WA_Window_Closed from '@salesforce/label/c.WA_Window_Closed'
import WA_Window_ClosedHint from '@salesforce/label/c.WA_Window_ClosedHint'
import WA_Window_Open from '@salesforce/label/c.WA_Window_Open'

export const LABELS = {
  'card.loading': WA_Card_Loading,
  'card.error.title': WA_Card_Error_Title,
  'card.error.retry': WA_Card_Error_Retry,
  'card.error.timeout': WA_Card_Error_Timeout,
  'card.error.network': WA_Card_Error_Network,
  'card.error.invalid_response': WA_Card_Error_Invalid_Response,
  'card.error.http': WA_Card_Error_Http,
  'card.error.requestId': WA_Card_Error_RequestId,
  'card.empty.title': WA_Card_Empty_Title,
  'card.empty.body': WA_Card_Empty_Body,
  'card.refresh': WA_Card_Refresh,
  'contact.optedOut': WA_Contact_OptedOut,
  'contact.marketingOptedOut': WA_Contact_MarketingOptedOut,
  'window.open': WA_Window_Open,
  'window.closed': WA_Window_Closed,
  'window.closedHint': WA_Window_ClosedHint,
  'time.hoursMinutes': WA_Time_HoursMinutes,
  'time.minutes': WA_Time_Minutes,
  'takeover.label': WA_Takeover_Label,
  'takeover.on': WA_Takeover_On,
  'takeover.off': WA_Takeover_Off,
  'takeover.error': WA_Takeover_Error,
  'tags.title': WA_Tags_Title,
  'tags.none': WA_Tags_None,
  'tags.input': WA_Tags_Input,
  'tags.add': WA_Tags_Add,
  'tags.remove': WA_Tags_Remove,
  'tags.error': WA_Tags_Error,
  'tags.tooLong': WA_Tags_TooLong,
  'insights.title': WA_Insights_Title,
  'insights.segment': WA_Insights_Segment,
  'insights.intent': WA_Insights_Intent,
  'insights.sentiment': WA_Insights_Sentiment,
  'insights.churn_risk': WA_Insights_Churn_Risk,
  'insights.why': WA_Insights_Why,
  'value.order_status': WA_Value_Order_Status,
  'value.price_discount': WA_Value_Price_Discount,
  'value.product_inquiry': WA_Value_Product_Inquiry,
  'value.store_location': WA_Value_Store_Location,
  'value.complaint': WA_Value_Complaint,
  'value.quote': WA_Value_Quote,
  'value.human_request': WA_Value_Human_Request,
  'value.purchase_intent': WA_Value_Purchase_Intent,
  'value.other': WA_Value_Other,
  'value.negative': WA_Value_Negative,
  'value.neutral': WA_Value_Neutral,
  'value.positive': WA_Value_Positive,
  'value.low': WA_Value_Low,
  'value.medium': WA_Value_Medium,
  'value.high': WA_Value_High,
  'thread.loadOlder': WA_Thread_LoadOlder,
  'thread.olderError': WA_Thread_OlderError,
  'thread.archived': WA_Thread_Archived,
  'thread.noMessages': WA_Thread_NoMessages,
  'sender.customer': WA_Sender_Customer,
  'sender.agent': WA_Sender_Agent,
  'sender.automation': WA_Sender_Automation,
  'sender.business_app': WA_Sender_Business_App,
  'sender.api': WA_Sender_Api,
  'status.received': WA_Status_Received,
  'status.queued': WA_Status_Queued,
  'status.pending': WA_Status_Pending,
  'status.sent': WA_Status_Sent,
  'status.delivered': WA_Status_Delivered,
  'status.read': WA_Status_Read,
  'status.played': WA_Status_Played,
  'status.failed': WA_Status_Failed,
  'status.failedReason': WA_Status_FailedReason,
  'status.failedUnknown': WA_Status_FailedUnknown,
  'message.edited': WA_Message_Edited,
  'message.original': WA_Message_Original,
  'message.deleted': WA_Message_Deleted,
  'message.reactions': WA_Message_Reactions,
  'message.location': WA_Message_Location,
  'message.openMap': WA_Message_OpenMap,
  'message.contacts': WA_Message_Contacts,
  'message.unsupported': WA_Message_Unsupported,
  'message.noText': WA_Message_NoText,
  'media.image': WA_Media_Image,
  'media.video': WA_Media_Video,
  'media.audio': WA_Media_Audio,
  'media.document': WA_Media_Document,
  'media.sticker': WA_Media_Sticker,
  'media.file': WA_Media_File,
  'media.open': WA_Media_Open,
  'composer.title': WA_Composer_Title,
  'composer.mode': WA_Composer_Mode,
  'composer.mode.text': WA_Composer_Mode_Text,
  'composer.mode.quick_reply': WA_Composer_Mode_Quick_Reply,
  'composer.mode.template': WA_Composer_Mode_Template,
  'composer.text.label': WA_Composer_Text_Label,
  'composer.text.placeholder': WA_Composer_Text_Placeholder,
  'composer.send': WA_Composer_Send,
  'template.label': WA_Template_Label,
  'template.loading': WA_Template_Loading,
  'template.none': WA_Template_None,
  'template.variable': WA_Template_Variable,
  'template.preview': WA_Template_Preview,
  'template.loadError': WA_Template_LoadError,
  'quickReply.label': WA_QuickReply_Label,
  'quickReply.loading': WA_QuickReply_Loading,
  'quickReply.none': WA_QuickReply_None,
  'quickReply.preview': WA_QuickReply_Preview,
  'quickReply.missing': WA_QuickReply_Missing,
  'quickReply.loadError': WA_QuickReply_LoadError,
  'send.queued': WA_Send_Queued,
  'send.refusedTitle': WA_Send_RefusedTitle,
  'send.errorTitle': WA_Send_ErrorTitle,
  'send.unknownReason': WA_Send_UnknownReason,
  'refusal.window_closed_template_required': WA_Refusal_Window_Closed_Template_Required,
  'refusal.opted_out': WA_Refusal_Opted_Out,
  'refusal.marketing_opted_out': WA_Refusal_Marketing_Opted_Out,
  'refusal.cap_exceeded:no_opt_in_daily_template': WA_Refusal_Cap_Exceeded_No_Opt_In_Daily_Template,
  'refusal.cap_exceeded:same_content': WA_Refusal_Cap_Exceeded_Same_Content,
  'refusal.cap_exceeded:marketing_weekly': WA_Refusal_Cap_Exceeded_Marketing_Weekly,
  'refusal.cap_exceeded:event_notification': WA_Refusal_Cap_Exceeded_Event_Notification,
  'refusal.automation_paused': WA_Refusal_Automation_Paused,
  'refusal.marketing_blocked_us': WA_Refusal_Marketing_Blocked_Us,
  'refusal.invalid_recipient': WA_Refusal_Invalid_Recipient,
  'refusal.contact_unreachable': WA_Refusal_Contact_Unreachable,
  'refusal.no_channel': WA_Refusal_No_Channel,
  'refusal.channel_paused': WA_Refusal_Channel_Paused,
  'refusal.unknown_template': WA_Refusal_Unknown_Template,
  'refusal.template_params_mismatch': WA_Refusal_Template_Params_Mismatch,
  'refusal.quick_reply_not_found': WA_Refusal_Quick_Reply_Not_Found,
  'refusal.quick_reply_variable_missing': WA_Refusal_Quick_Reply_Variable_Missing,
  'refusal.broadcast_duplicate': WA_Refusal_Broadcast_Duplicate,
  'card.title': WA_Card_Title,
  'card.error.notConnected': WA_Card_Error_NotConnected,
  'card.error.notConfigured': WA_Card_Error_NotConfigured,
  'card.error.noAccess': WA_Card_Error_NoAccess,
  'time.fullDay': WA_Time_FullDay,
  'tags.unavailable': WA_Tags_Unavailable,
  'quickReply.variable': WA_QuickReply_Variable,
  'quickReply.previewLoading': WA_QuickReply_PreviewLoading,
  'quickReply.previewError': WA_QuickReply_PreviewError,
  'value.new': WA_Value_New,
  'value.potential': WA_Value_Potential,
  'value.high_intent': WA_Value_High_Intent,
  'value.customer': WA_Value_Customer,
  'value.at_risk': WA_Value_At_Risk,
  'value.lost': WA_Value_Lost,
  'duplicate.title': WA_Duplicate_Title,
  'duplicate.unnamed': WA_Duplicate_Unnamed,
  'duplicate.why': WA_Duplicate_Why,
  'duplicate.review': WA_Duplicate_Review,
  'duplicate.reason.same_phone': WA_Duplicate_Reason_Same_Phone,
  'duplicate.reason.same_bsuid': WA_Duplicate_Reason_Same_Bsuid,
  'duplicate.reason.same_email': WA_Duplicate_Reason_Same_Email,
  'duplicate.reason.same_crm_record': WA_Duplicate_Reason_Same_Crm_Record,
  'duplicate.reason.previous_phone': WA_Duplicate_Reason_Previous_Phone,
  'duplicate.reason.name_similar': WA_Duplicate_Reason_Name_Similar,
  'duplicate.reason.same_sku_90d': WA_Duplicate_Reason_Same_Sku_90d,
  'duplicate.reason.same_address': WA_Duplicate_Reason_Same_Address,
  'duplicate.reason.same_store': WA_Duplicate_Reason_Same_Store,
  'identity.numberChanged': WA_Identity_NumberChanged,
  'identity.merged': WA_Identity_Merged,
  'intent.suggested': WA_Intent_Suggested,
  'intent.correct': WA_Intent_Correct,
  'intent.error': WA_Intent_Error,
}
