import type { RuleInputRaw } from './rule-definition'

/**
 * The rules every workspace starts with (README "Rules" lists them). They are ordinary rules:
 * admins edit or disable them, and `POST /api/v1/rules/defaults` puts them back as shipped.
 * Bump PACK_VERSION when the pack changes; the marker in workspace settings records what was seeded.
 */
export const PACK_VERSION = 1

const PRICE_TERMS = {
  en: ['discount*', 'coupon*', 'promo code*'],
  pt: ['desconto*', 'descontinho*', 'cupom', 'cupons', 'cupom de desconto'],
  es: ['descuento*', 'cupon*', 'rebaja*'],
  zh: ['折扣', '优惠', '打折', '优惠券', '折扣码'],
}

const SHIPPING_TERMS = {
  en: [
    'shipping cost*',
    'shipping fee*',
    'delivery fee*',
    'delivery cost*',
    'how much is shipping',
    'free shipping',
  ],
  pt: ['frete', 'fretes', 'valor do frete', 'taxa de entrega', 'custo de envio', 'frete gratis'],
  es: [
    'costo de envio',
    'costos de envio',
    'gastos de envio',
    'cuanto cuesta el envio',
    'envio gratis',
    'tarifa de envio',
  ],
  zh: ['运费', '邮费', '包邮', '配送费'],
}

const RETURNS_TERMS = {
  en: ['return policy', 'refund*', 'exchange policy', 'send it back', 'return it', 'return the'],
  pt: ['devolucao', 'devolver', 'trocar', 'troca', 'reembolso', 'politica de troca'],
  es: ['devolucion', 'devolver', 'reembolso', 'politica de devolucion', 'cambiar el producto'],
  zh: ['退货', '退款', '换货', '退换'],
}

const TOO_EXPENSIVE_TERMS = {
  en: ['too expensive', 'so expensive', 'very expensive', 'too pricey', 'overpriced', 'too much money'],
  pt: [
    'muito caro',
    'muito cara',
    'caro demais',
    'cara demais',
    'ta caro',
    'ta cara',
    'carissimo',
    'carissima',
    'muito salgado',
  ],
  es: [
    'muy caro',
    'muy cara',
    'demasiado caro',
    'demasiado cara',
    'carisimo',
    'carisima',
    'esta caro',
    'esta cara',
  ],
  zh: ['太贵', '好贵', '很贵', '贵了', '价格太高'],
}

const COMPLAINT_TERMS = {
  en: [
    'complain*',
    'terrible',
    'awful',
    'worst',
    'broken',
    'damaged',
    'defective',
    'refund*',
    'scam',
    'unacceptable',
    'disappointed',
    'not working',
    'doesnt work',
  ],
  pt: [
    'reclamacao',
    'reclamar',
    'pessimo',
    'pessima',
    'horrivel',
    'absurdo',
    'quebrado',
    'quebrada',
    'defeito*',
    'estragado*',
    'reembolso',
    'nao funciona',
    'decepcionado*',
    'procon',
    'golpe',
  ],
  es: [
    'queja*',
    'reclamo*',
    'reclamacion*',
    'pesimo',
    'pesima',
    'horrible',
    'roto',
    'rota',
    'defectuoso*',
    'reembolso',
    'estafa',
    'no funciona',
    'decepcionado*',
  ],
  zh: ['投诉', '差评', '坏了', '退款', '垃圾', '骗子', '太差', '质量问题', '不能用'],
}

const HUMAN_TERMS = {
  en: [
    'talk to a human',
    'speak to a human',
    'talk to a person',
    'speak to a person',
    'talk to someone',
    'speak to someone',
    'real person',
    'human agent',
    'talk to an agent',
    'speak to an agent',
    'representative',
  ],
  pt: [
    'falar com humano',
    'falar com um humano',
    'falar com uma pessoa',
    'falar com alguem',
    'falar com atendente',
    'falar com um atendente',
    'atendente humano',
    'atendimento humano',
    'pessoa de verdade',
    'pessoa real',
  ],
  es: [
    'hablar con una persona',
    'hablar con un humano',
    'hablar con alguien',
    'hablar con un agente',
    'hablar con un asesor',
    'persona real',
    'agente humano',
    'atencion humana',
  ],
  zh: ['人工', '真人', '转人工'],
}

export const DEFAULT_RULES: RuleInputRaw[] = [
  {
    key: 'welcome_back',
    name: 'Lost contact writes again',
    description: 'Someone marked lost writes again: drop the lost tag and priority, back to potential.',
    position: 5,
    trigger: 'message',
    conditions: { all: [{ type: 'tag', tag: 'lost', present: true }] },
    actions: [
      { type: 'remove_tag', tag: 'lost' },
      { type: 'set_priority', priority: 'normal' },
      { type: 'set_segment', segment: 'potential' },
    ],
  },
  {
    key: 'human_request',
    name: 'Request for a human',
    description: 'They ask for a person: automation pauses for 12 h and an agent is flagged.',
    position: 10,
    trigger: 'message',
    conditions: {
      any: [
        { type: 'message', match: { intents: ['human_request'], min_confidence: 0.6 } },
        { type: 'message', match: { text: { terms: HUMAN_TERMS } } },
      ],
    },
    actions: [
      { type: 'pause_automation', hours: 12 },
      { type: 'add_tag', tag: 'needs_agent', label: 'Needs an agent' },
      { type: 'set_priority', priority: 'high' },
    ],
  },
  {
    key: 'complaint',
    name: 'Complaint',
    description: 'A complaint (by intent, or complaint words in a negative message): tag and high priority.',
    position: 20,
    trigger: 'message',
    conditions: {
      any: [
        { type: 'message', match: { intents: ['complaint'], min_confidence: 0.6 } },
        { type: 'message', match: { text: { terms: COMPLAINT_TERMS }, sentiment_below: 0.35 } },
      ],
    },
    actions: [
      { type: 'add_tag', tag: 'complaint', label: 'Complaint' },
      { type: 'set_priority', priority: 'high' },
    ],
  },
  {
    key: 'order_status',
    name: 'Order-status question',
    description: 'Looks up their latest order and answers with status, ETA and tracking link.',
    position: 30,
    trigger: 'message',
    cooldown_hours: 1,
    conditions: { all: [{ type: 'message', match: { intents: ['order_status'], min_confidence: 0.6 } }] },
    actions: [
      { type: 'reply_order_status', quick_reply: 'order_status', not_found_quick_reply: 'order_not_found' },
    ],
  },
  {
    key: 'store_location',
    name: 'Store-location question',
    description: 'Answers where the nearest store is.',
    position: 40,
    trigger: 'message',
    cooldown_hours: 1,
    conditions: { all: [{ type: 'message', match: { intents: ['store_location'], min_confidence: 0.6 } }] },
    actions: [{ type: 'send_quick_reply', quick_reply: 'store_location' }],
  },
  {
    key: 'shipping_cost',
    name: 'Shipping-cost question',
    description: 'Answers how shipping is charged.',
    position: 42,
    trigger: 'message',
    cooldown_hours: 24,
    conditions: { all: [{ type: 'message', match: { text: { terms: SHIPPING_TERMS } } }] },
    actions: [{ type: 'send_quick_reply', quick_reply: 'shipping_cost' }],
  },
  {
    key: 'returns_policy',
    name: 'Returns and exchanges question',
    description: 'Answers with the returns and exchanges policy.',
    position: 44,
    trigger: 'message',
    cooldown_hours: 24,
    conditions: { all: [{ type: 'message', match: { text: { terms: RETURNS_TERMS } } }] },
    actions: [{ type: 'send_quick_reply', quick_reply: 'returns_policy' }],
  },
  {
    key: 'quote_request',
    name: 'Quote request',
    description: 'They ask for a quote: tag, and a task for the rep to prepare one.',
    position: 50,
    trigger: 'message',
    conditions: { all: [{ type: 'message', match: { intents: ['quote'], min_confidence: 0.5 } }] },
    actions: [
      { type: 'add_tag', tag: 'quote_request', label: 'Quote request' },
      {
        type: 'create_task',
        title: 'Prepare a quote',
        body: 'They asked for a quote on WhatsApp.',
        due_in_days: 1,
        priority: 'high',
      },
    ],
  },
  {
    key: 'too_expensive',
    name: '"Too expensive" twice in a row',
    description: 'Their last two messages say it is too expensive: explain the instalment plan.',
    position: 60,
    trigger: 'message',
    cooldown_hours: 24,
    conditions: {
      all: [
        {
          type: 'last_messages',
          count: 2,
          within: { days: 7 },
          match: { text: { terms: TOO_EXPENSIVE_TERMS } },
        },
      ],
    },
    actions: [{ type: 'send_quick_reply', quick_reply: 'instalment_plan' }],
  },
  {
    key: 'price_sensitive',
    name: 'Price-sensitive',
    description: 'Mentions discounts more than 3 times in 30 days.',
    position: 70,
    trigger: 'message',
    conditions: {
      all: [
        {
          type: 'count',
          unit: 'mentions',
          match: { text: { terms: PRICE_TERMS } },
          window: { days: 30 },
          op: 'gt',
          value: 3,
        },
      ],
    },
    actions: [{ type: 'add_tag', tag: 'price_sensitive', label: 'Price-sensitive' }],
  },
  {
    key: 'high_intent',
    name: 'High intent',
    description: '3 or more product inquiries in 7 days.',
    position: 80,
    trigger: 'message',
    conditions: {
      all: [
        {
          type: 'count',
          unit: 'messages',
          match: { intents: ['product_inquiry', 'purchase_intent'], min_confidence: 0.5 },
          window: { days: 7 },
          op: 'gte',
          value: 3,
        },
      ],
    },
    actions: [
      { type: 'add_tag', tag: 'high_intent', label: 'High intent' },
      { type: 'set_segment', segment: 'high_intent' },
    ],
  },
  {
    key: 'high_intent_offer',
    name: 'High intent: 10 % code, once',
    description: 'A high-intent contact gets a 10 % discount code, once.',
    position: 81,
    trigger: 'message',
    once_per_contact: true,
    conditions: { all: [{ type: 'tag', tag: 'high_intent', present: true }] },
    actions: [{ type: 'send_discount_code', pool: 'discount_10', quick_reply: 'discount_code_offer' }],
  },
  {
    key: 'potential',
    name: 'Potential',
    description: '1–2 conversations in 30 days: segment potential (unless further along).',
    position: 90,
    trigger: 'both',
    conditions: {
      all: [
        { type: 'interactions', window: { days: 30 }, min: 1, max: 2 },
        {
          type: 'contact',
          field: 'segment',
          op: 'not_in',
          value: ['high_intent', 'customer', 'at_risk', 'potential'],
        },
      ],
    },
    actions: [{ type: 'set_segment', segment: 'potential' }],
  },
  {
    key: 'potential_follow_up',
    name: 'Potential: weekly follow-up',
    description: 'A weekly follow-up task for the rep while they have 1–2 conversations in 30 days.',
    position: 91,
    trigger: 'schedule',
    cooldown_hours: 168,
    conditions: {
      all: [
        { type: 'contact', field: 'segment', op: 'eq', value: 'potential' },
        { type: 'interactions', window: { days: 30 }, min: 1, max: 2 },
      ],
    },
    actions: [
      {
        type: 'create_task',
        title: 'Weekly follow-up',
        body: 'A potential customer with 1–2 WhatsApp conversations in the last 30 days: check in.',
        due_in_days: 0,
        priority: 'medium',
      },
    ],
  },
  {
    key: 'churn_risk',
    name: 'Churn risk',
    description: 'Conversations fell from ~3 a week to 1 or fewer, and their last message was negative.',
    position: 100,
    trigger: 'both',
    conditions: {
      all: [
        { type: 'rate_drop', baseline_weeks: 4, baseline_min_per_week: 2.5, recent_days: 7, recent_max: 1 },
        { type: 'message', match: { sentiment_below: 0.3 } },
      ],
    },
    actions: [
      { type: 'add_tag', tag: 'churn_risk', label: 'Churn risk' },
      { type: 'set_segment', segment: 'at_risk' },
      { type: 'set_churn_risk', at_risk: true },
    ],
  },
  {
    key: 'churn_winback',
    name: 'Churn risk: 15 % win-back code, once',
    description: 'A contact at churn risk gets a 15 % win-back code, once.',
    position: 101,
    trigger: 'both',
    once_per_contact: true,
    conditions: { all: [{ type: 'tag', tag: 'churn_risk', present: true }] },
    actions: [
      {
        type: 'send_discount_code',
        pool: 'discount_15',
        quick_reply: 'winback_offer',
        // The sweep usually finds them after their window closed: then only a template can go.
        outside_window_template: {
          template: 'winback_offer',
          parameters: ['{{first_name}}', '{{discount_code}}'],
        },
      },
    ],
  },
  {
    key: 'churn_recovered',
    name: 'Churn risk over',
    description: 'A contact at risk is back: 2+ conversations in 7 days and a positive message.',
    position: 102,
    trigger: 'message',
    conditions: {
      all: [
        { type: 'tag', tag: 'churn_risk', present: true },
        { type: 'interactions', window: { days: 7 }, min: 2 },
        { type: 'message', match: { sentiment_at_least: 0.5 } },
      ],
    },
    actions: [
      { type: 'remove_tag', tag: 'churn_risk' },
      { type: 'set_churn_risk', at_risk: false },
      { type: 'set_segment', segment: 'potential' },
    ],
  },
  {
    key: 'lost',
    name: 'Lost',
    description: 'No message from them for more than 60 days: segment lost, low priority.',
    position: 110,
    trigger: 'schedule',
    conditions: { all: [{ type: 'inactive', days: 60 }] },
    actions: [
      { type: 'set_segment', segment: 'lost' },
      { type: 'set_priority', priority: 'low' },
      { type: 'add_tag', tag: 'lost', label: 'Lost' },
    ],
  },
]

/**
 * Quick replies the pack sends. `key` is the fallback (English); `key_pt`, `key_es`, `key_zh` are
 * picked for contacts whose language is known (see quick-reply-language.ts). Seeding never
 * overwrites a quick reply an admin already has under the same key.
 */
export const DEFAULT_QUICK_REPLIES: {
  key: string
  title: string
  body: Record<'en' | 'pt' | 'es' | 'zh', string>
  defaults: Record<'en' | 'pt' | 'es' | 'zh', Record<string, string>>
}[] = [
  {
    key: 'discount_code_offer',
    title: '10 % discount code',
    body: {
      en: 'Hi {{first_name}}! Thanks for your interest. Here is a 10% discount code just for you: {{discount_code}}',
      pt: 'Olá, {{first_name}}! Obrigado pelo interesse. Aqui está um cupom de 10% só para você: {{discount_code}}',
      es: '¡Hola, {{first_name}}! Gracias por tu interés. Aquí tienes un código de 10% de descuento: {{discount_code}}',
      zh: '{{first_name}}您好！感谢您的关注，这是专属于您的九折优惠码：{{discount_code}}',
    },
    defaults: names(),
  },
  {
    key: 'winback_offer',
    title: '15 % win-back code',
    body: {
      en: 'Hi {{first_name}}, we miss you! Here is 15% off your next order: {{discount_code}}',
      pt: 'Olá, {{first_name}}! Sentimos sua falta. Aqui está 15% de desconto na próxima compra: {{discount_code}}',
      es: '¡Hola, {{first_name}}! Te echamos de menos. Aquí tienes un 15% de descuento en tu próxima compra: {{discount_code}}',
      zh: '{{first_name}}您好，好久不见！送您一张下单立享八五折的优惠码：{{discount_code}}',
    },
    defaults: names(),
  },
  {
    key: 'instalment_plan',
    title: 'Instalment plan',
    body: {
      en: 'Hi {{first_name}}, I understand. You can split the payment into monthly instalments. Shall I send you the options?',
      pt: 'Olá, {{first_name}}! Entendo. Você pode parcelar o pagamento em prestações mensais. Quer que eu envie as opções?',
      es: '¡Hola, {{first_name}}! Te entiendo. Puedes pagar en cuotas mensuales. ¿Te envío las opciones?',
      zh: '{{first_name}}您好，理解您的顾虑。我们支持分期付款，需要我把分期方案发给您吗？',
    },
    defaults: names(),
  },
  {
    key: 'shipping_cost',
    title: 'Shipping cost',
    body: {
      en: 'Shipping: {{shipping_info}}',
      pt: 'Frete: {{shipping_info}}',
      es: 'Envío: {{shipping_info}}',
      zh: '运费说明：{{shipping_info}}',
    },
    defaults: {
      en: {
        shipping_info: 'it is calculated from your postcode at checkout, and free above the minimum order.',
      },
      pt: {
        shipping_info: 'calculado pelo seu CEP no fechamento do pedido, e grátis acima do pedido mínimo.',
      },
      es: {
        shipping_info:
          'se calcula con tu código postal al finalizar la compra, y es gratis sobre el pedido mínimo.',
      },
      zh: { shipping_info: '结算时按您的邮编计算，满最低消费包邮。' },
    },
  },
  {
    key: 'returns_policy',
    title: 'Returns and exchanges',
    body: {
      en: 'Returns and exchanges: {{returns_info}}',
      pt: 'Trocas e devoluções: {{returns_info}}',
      es: 'Cambios y devoluciones: {{returns_info}}',
      zh: '退换货说明：{{returns_info}}',
    },
    defaults: {
      en: {
        returns_info: 'within 30 days of delivery, unused and with the receipt; write "human" to talk to us.',
      },
      pt: {
        returns_info:
          'em até 30 dias após a entrega, sem uso e com a nota; escreva "humano" para falar conosco.',
      },
      es: {
        returns_info:
          'hasta 30 días después de la entrega, sin uso y con el recibo; escribe "humano" para hablar con nosotros.',
      },
      zh: { returns_info: '签收后30天内，商品未使用并保留凭证；回复“人工”联系客服。' },
    },
  },
  {
    key: 'store_location',
    title: 'Nearest store',
    body: {
      en: 'Our nearest store: {{nearest_store}}. See you soon!',
      pt: 'Nossa loja mais próxima: {{nearest_store}}. Até breve!',
      es: 'Nuestra tienda más cercana: {{nearest_store}}. ¡Te esperamos!',
      zh: '离您最近的门店：{{nearest_store}}。欢迎光临！',
    },
    defaults: {
      en: { nearest_store: 'see all our stores on our website' },
      pt: { nearest_store: 'veja todas as lojas no nosso site' },
      es: { nearest_store: 'consulta todas nuestras tiendas en la web' },
      zh: { nearest_store: '请在官网查看全部门店' },
    },
  },
  {
    key: 'order_status',
    title: 'Order status',
    body: {
      en: 'Your order {{order_id}} is {{order_status}}. Estimated delivery: {{order_eta}}. Track it here: {{tracking_url}}',
      pt: 'Seu pedido {{order_id}} está {{order_status}}. Previsão de entrega: {{order_eta}}. Acompanhe aqui: {{tracking_url}}',
      es: 'Tu pedido {{order_id}} está {{order_status}}. Entrega estimada: {{order_eta}}. Síguelo aquí: {{tracking_url}}',
      zh: '您的订单 {{order_id}} 当前状态：{{order_status}}，预计送达：{{order_eta}}。物流跟踪：{{tracking_url}}',
    },
    defaults: {
      en: { order_eta: 'to be confirmed', tracking_url: 'we will send it as soon as it ships' },
      pt: { order_eta: 'a confirmar', tracking_url: 'enviaremos assim que for despachado' },
      es: { order_eta: 'por confirmar', tracking_url: 'te lo enviaremos en cuanto salga' },
      zh: { order_eta: '待确认', tracking_url: '发货后我们会第一时间发给您' },
    },
  },
  {
    key: 'order_not_found',
    title: 'Order not found',
    body: {
      en: "Hi {{first_name}}, I couldn't find an order for this number. Could you send me the order number?",
      pt: 'Olá, {{first_name}}! Não encontrei um pedido para este número. Pode me enviar o número do pedido?',
      es: '¡Hola, {{first_name}}! No encontré ningún pedido para este número. ¿Me envías el número de pedido?',
      zh: '{{first_name}}您好，没有查到这个号码的订单，能把订单号发给我吗？',
    },
    defaults: names(),
  },
]

function names(): Record<'en' | 'pt' | 'es' | 'zh', Record<string, string>> {
  return {
    en: { first_name: 'there' },
    pt: { first_name: 'cliente' },
    es: { first_name: 'cliente' },
    zh: { first_name: '亲' },
  }
}
