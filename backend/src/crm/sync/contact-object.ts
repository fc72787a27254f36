/** The object type our contacts are linked to in every CRM link row (`crm_record_links.object_type`). */
export const CONTACT_OBJECT = 'contact'
