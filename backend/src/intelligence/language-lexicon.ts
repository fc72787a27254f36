/**
 * Words that give a language away, in normalized form (no accents, lower case). Function words
 * carry most of the signal in long messages; greetings, WhatsApp shorthand and retail words
 * carry it in the two-word messages customers actually send ("oi", "hola", "hi", "desconto?").
 * Words two languages share ("que", "para", "pedido") are listed under both with half weight.
 */
const PT = `
oi oie ola eai opa bom boa dia noite tarde tudo bem obrigado obrigada obg obgd brigado valeu vlw
blz beleza vc vcs voce voces voc ce nao sim entao tambem tb tbm hj hoje amanha ontem agora aqui ai
isso esse essa este esta aquele aquela meu minha meus minhas seu sua nosso nossa dele dela
eu ele ela nos eles elas mim comigo cmg um uma uns umas do da dos das no na nos nas ao aos pelo pela
com sem pra pro para por porque pq qdo quando onde cade kd qual quais quanto quanta quantos quantas qto
e é ou mas mais muito muita mt mto pouco tem ter tenho temos teve ja ainda so sempre nunca nada
fazer faz fiz feito vou vai vamos foi fui era estou esta estao to ta
quero queria gostaria poderia pode podem posso consegue consigo preciso precisa
comprar compra comprei pedido pedidos pedi encomenda entrega entregar frete rastreio correios
loja lojas endereco horario preco valor desconto cupom parcela parcelas orcamento
atendente atendimento falar ligar pessoa humano produto produtos tamanho cor cores estoque
chegou chega veio recebi enviado enviaram mandar manda me te lhe
troca trocar devolver reembolso dinheiro pessimo ruim horrivel
k rs rsrs haha ne pfv pf pfvr msm td tds qnd qnt
semana mes sabado domingo segunda terca quarta quinta sexta
camiseta camisa calca tenis bolsa vestido sapato celular capinha carregador
`
const ES = `
hola holi buenas buenos dias noches tardes gracias grax porfa xfa plis usted ustedes ud uds
si no tambien tmb hoy manana ayer ahora aqui ahi alli alla
eso ese esa este esta esto aquel mi mis tu tus su sus nuestro nuestra
yo el ella nosotros ellos ellas me te le les lo la los las un una unos unas del al
con sin para pa por porque xq xk porq cuando donde dnd cual cuales cuanto cuanta cuantos cuantas
y o pero mas muy mucho mucha poco tiene tienen tengo tenemos tuvo ya todavia aun solo siempre nunca nada
hacer hace hice hecho voy va vamos fue era estoy esta estan estamos
quiero quisiera queria podria puede pueden puedo necesito necesita
comprar compra compre pedido pedidos pedi encomienda envio enviar entrega
tienda local sucursal direccion horario precio valor descuento cupon cuotas cotizacion presupuesto
asesor atencion hablar llamar persona humano producto productos talla color colores
llego llega vino recibi enviaron mandar manda
cambio cambiar devolver reembolso plata pesimo malo horrible
jaja jajaja jeje xd pues bueno vale dale chevere genial oye
semana mes sabado domingo lunes martes miercoles jueves viernes
camiseta camisa pantalon zapatillas bolso vestido zapatos celular funda cargador
`
const EN = `
hi hello hey yo thanks thank thx ty pls please plz u ur you your yours i me my mine we our us
yes no not dont cant wont didnt doesnt isnt im ive ill id youre its
today tomorrow yesterday now here there
this that these those the a an of to in on at for from with without by about
he she they them his her their it
and or but more very much many little have has had do does did will would could should can may
is are was were be been am get got make made go going gonna wanna want need
buy bought order orders ordered delivery deliver shipping ship shipped tracking package parcel
store shop address hours price cost discount coupon quote estimate
agent talk speak call person human product products size color colors stock
arrived arrive came received sent send
exchange return refund money terrible bad awful worst
lol haha omg btw asap okay cool great nice awesome
week month saturday sunday monday tuesday wednesday thursday friday
shirt pants sneakers bag dress shoes phone case charger what where when how why which who
`

const SHARED_HALF = new Set(
  `que q k para por pedido pedidos comprar compra entrega me te no o a e y la las los mas pero semana mes sabado
   domingo humano producto productos color valor horario camiseta camisa vestido celular
   voy va vamos esta este ese esa eso tiene tienen solo nada nunca ya mi`.split(/\s+/),
)

function table(list: string): Set<string> {
  return new Set(list.split(/\s+/).filter(Boolean))
}
const SETS = { pt: table(PT), es: table(ES), en: table(EN) } as const

export type LatinLanguage = 'pt' | 'es' | 'en'
export const LATIN_LANGUAGES: readonly LatinLanguage[] = ['pt', 'es', 'en']

/** Per-language weight of one normalized word (0 when unknown). */
export function wordEvidence(word: string): Record<LatinLanguage, number> {
  const half = SHARED_HALF.has(word)
  const out = { pt: 0, es: 0, en: 0 }
  for (const lang of LATIN_LANGUAGES) if (SETS[lang].has(word)) out[lang] = half ? 0.5 : 1
  // A word found in two lists says less than a word found in one.
  const hits = LATIN_LANGUAGES.filter((l) => out[l] > 0).length
  if (hits > 1) for (const lang of LATIN_LANGUAGES) out[lang] /= hits
  return out
}
