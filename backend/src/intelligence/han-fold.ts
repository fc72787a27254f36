/**
 * Chinese folding shared by every scorer: traditional characters to simplified, Cantonese function
 * words to Mandarin. Data tables more than logic, kept apart from normalize.ts so both stay short.
 */

/**
 * Traditional → simplified for the characters this domain's vocabulary uses, so that one
 * lexicon and one set of model features serve customers from Taiwan and Hong Kong too.
 */
const TRAD_TO_SIMP: Record<string, string> = Object.fromEntries(
  `
  價价 錢钱 訂订 單单 貨货 買买 賣卖 們们 這这 麼么 嗎吗 點点 發发 處处 問问 題题 謝谢 對对 說说 話话 優优 運运 達达 還还
  沒没 幾几 號号 門门 東东 開开 關关 讓让 聯联 係系 繫系 務务 員员 報报 現现 實实 體体 樣样 顏颜 碼码 個个 張张 裡里 裏里
  來来 時时 間间 營营 業业 試试 質质 壞坏 換换 退退 給给 寄寄 郵邮 遞递 記记 帳账 戶户 億亿 萬万 塊块 幫帮 請请 聽听 見见
  滿满 意意 氣气 態态 紅红 綠绿 藍蓝 黃黄 與与 區区 邊边 車车 場场 長长 飯饭 館馆 為为 哪哪 么么 寶宝 貝贝 隊队 線线 電电
  腦脑 機机 鏈链 總总 經经 過过 錯错 難难 歡欢 愛爱 讚赞 慢慢 齊齐 補补 差差 數数 庫库 存存 貼贴 費费 幣币 產产 購购 詢询
  資资 訊讯 爛烂 條条 鋪铺 舖铺 傾倾 靚靓 後后 轉转 結结 規规 動动 際际 準准 護护 頸颈 筆笔 項项 環环 煩烦 寫写 頁页 啟启
  灣湾 臺台 離离 當当 層层 約约 貴贵 盞盏 燈灯 雙双 襪袜 褲裤 網网 廣广 週周 國国 辦办 讀读 認认 識识 誤误 確确 該该 遙遥
  遠远 鐘钟 錶表 剛刚 紙纸 師师 親亲 領领 類类 選选 擇择 鏡镜 頭头 專专 將将 從从 嚴严 壓压 損损 殼壳 盤盘 闆板 會会 歸归
  調调 風风 顯显 舊旧 亂乱 鍵键 檔档 樂乐 禮礼 廠厂 圖图 證证 據据 鈕钮 釦扣 鍊链 濕湿 髒脏 聲声 蓋盖 裝装 騙骗 賠赔 責责
  負负 擔担 遲迟 趕赶 級级 議议 賬账 櫃柜 顧顾 義义 陽阳 樓楼 錄录 計计 囉啰 匯汇 額额 餘余 團团 隻只 兩两 顆颗 臉脸 緊紧
  嗰嗰 佈布 啲啲 碟碟 窿窿 靈灵 誠诚 鬆松 織织 絲丝 純纯 棉棉 縮缩 鞋鞋 銷销 嘅嘅 協协 標标 備备 廳厅 飾饰 戲戏 節节 漲涨
  減减 獎奖 劵券 摺折 稅税 檢检 驗验 隨随 繼继 續续 憑凭 寬宽 窄窄 輕轻 厚厚 薄薄 軟软 硬硬 漏漏 缺缺 少少 掉掉
`
    .split(/\s+/)
    .filter((pair) => pair.length === 2)
    .map((pair) => [pair[0], pair[1]]),
)
const TRADITIONAL = new RegExp(`[${Object.keys(TRAD_TO_SIMP).join('')}]`, 'gu')

export function toSimplified(han: string): string {
  return han.replace(TRADITIONAL, (ch) => TRAD_TO_SIMP[ch] ?? ch)
}

/**
 * Hong Kong customers write Cantonese, not Mandarin: its function words and a few verbs are
 * folded to their Mandarin equivalents (on the simplified form) so the lexicon and the model
 * features written for Mandarin read them too ("幾錢" → "多少钱", "寄咗未" → "寄了没").
 * Longest first; `係` is folded before the traditional table turns it into `系`.
 */
const CANTONESE: [string, string][] = [
  ['唔该晒', '谢谢'],
  ['多谢晒', '谢谢'],
  ['唔该', '请'],
  ['几多钱', '多少钱'],
  ['几钱', '多少钱'],
  ['几多', '多少'],
  ['几时', '什么时候'],
  ['点解', '为什么'],
  ['点样', '怎么'],
  ['乜嘢', '什么'],
  ['咩', '什么'],
  ['边度', '哪里'],
  ['边个', '谁'],
  ['边间', '哪间'],
  ['而家', '现在'],
  ['收铺', '关门'],
  ['返工', '上班'],
  ['早晨', '早上好'],
  ['佢哋', '他们'],
  ['你哋', '你们'],
  ['我哋', '我们'],
  ['哋', '们'],
  ['佢', '他'],
  ['咗', '了'],
  ['嘅', '的'],
  ['喺', '在'],
  ['冇', '没有'],
  ['唔', '不'],
  ['嚟', '来'],
  ['啲', '些'],
  ['搵', '找'],
  ['俾', '给'],
  ['畀', '给'],
  ['睇', '看'],
  ['攞', '拿'],
  ['窿', '洞'],
  ['咁', '这么'],
  ['嗰', '那'],
  ['喇', '了'],
  ['啱', '对'],
  ['靓', '漂亮'],
  ['落单', '下单'],
]
const CANTONESE_RE = new RegExp(CANTONESE.map(([from]) => from).join('|'), 'gu')
const CANTONESE_TO = new Map(CANTONESE)
/** "呢" before a measure word is Cantonese "this" ("呢件"), not the Mandarin question particle. */
const CANTONESE_THIS = /呢(?=[个件款对盏条双张本只部套支把台])/gu
const CANTONESE_IS = /(?<![關关])係/gu

/** Traditional → simplified, then Cantonese → Mandarin. */
export function foldHan(han: string): string {
  return toSimplified(han.replace(CANTONESE_IS, '是'))
    .replace(CANTONESE_THIS, '这')
    .replace(CANTONESE_RE, (w) => CANTONESE_TO.get(w) ?? w)
}
