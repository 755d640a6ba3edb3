"""Japanese names written in kanji, with the Latin spelling Japanese passports use.

Why a table: a kanji name has no reading of its own. "田中" is Tanaka in Japanese and Tian
Zhong in Chinese; ICU's ``Any-Latin`` (and anyascii) read every Han character as Chinese
pinyin, and nothing in our stack reads Japanese names. Dictionary-based readers exist
(MeCab with a name dictionary, KAKASI/pykakasi) but bring large dictionaries, read given
names poorly (陽翔, 陽菜, 蓮, 千尋 come out as word readings) and pykakasi is GPL-3.0-or-later,
which we cannot ship. A name has one usual reading far more often than not, and a few
hundred family names cover most of the population, so a table of the common ones is
enough to meet a Latin query.

Where such lists come from: surname frequency rankings compiled from Japanese telephone
directories and the like (the public "most common Japanese surnames" lists), and the
yearly rankings of given names chosen for newborns, plus the common names of older
generations (…子, …郎, …也). The entries below are written from that general knowledge,
not copied from any one list; every name is a common name, not a person.

Spelling: passport (modified) Hepburn, in lower case: long vowels written without macron
or "u"/"h" (佐藤 sato, 伊藤 ito, 大野 ono, 優子 yuko), ん before b, m, p written m (本間
homma, 難波 namba), small っ doubled (服部 hattori). One reading per name, the most usual
one (陽翔 is also read Hiroto, 陽菜 Haruna; the table says haruto, hina).
"""

from __future__ import annotations

__all__ = ["FAMILY", "GIVEN"]


def _table(spec: str) -> dict[str, str]:
    return dict(pair.split("=", 1) for pair in spec.split())


# Family names: the ~250 most frequent, plus older spellings of a few of them (齋藤, 渡邊).
FAMILY: dict[str, str] = _table(
    """
    佐藤=sato 鈴木=suzuki 高橋=takahashi 田中=tanaka 伊藤=ito 渡辺=watanabe 山本=yamamoto
    中村=nakamura 小林=kobayashi 加藤=kato 吉田=yoshida 山田=yamada 佐々木=sasaki
    山口=yamaguchi 松本=matsumoto 井上=inoue 木村=kimura 林=hayashi 斎藤=saito 清水=shimizu
    山崎=yamazaki 森=mori 池田=ikeda 橋本=hashimoto 阿部=abe 石川=ishikawa 山下=yamashita
    中島=nakajima 石井=ishii 小川=ogawa 前田=maeda 岡田=okada 長谷川=hasegawa 藤田=fujita
    後藤=goto 近藤=kondo 村上=murakami 遠藤=endo 青木=aoki 坂本=sakamoto 斉藤=saito
    福田=fukuda 太田=ota 西村=nishimura 藤井=fujii 金子=kaneko 岡本=okamoto 藤原=fujiwara
    中野=nakano 三浦=miura 原田=harada 中川=nakagawa 松田=matsuda 竹内=takeuchi 小野=ono
    田村=tamura 中山=nakayama 和田=wada 石田=ishida 森田=morita 上田=ueda 原=hara
    内田=uchida 柴田=shibata 酒井=sakai 宮崎=miyazaki 横山=yokoyama 高木=takagi 安藤=ando
    宮本=miyamoto 大野=ono 小島=kojima 谷口=taniguchi 今井=imai 工藤=kudo 高田=takada
    増田=masuda 丸山=maruyama 杉山=sugiyama 村田=murata 大塚=otsuka 新井=arai 小山=koyama
    平野=hirano 藤本=fujimoto 河野=kono 上野=ueno 野口=noguchi 武田=takeda 松井=matsui
    千葉=chiba 岩崎=iwasaki 菅原=sugawara 木下=kinoshita 久保=kubo 佐野=sano 野村=nomura
    松尾=matsuo 市川=ichikawa 菊地=kikuchi 杉本=sugimoto 古川=furukawa 大西=onishi
    島田=shimada 水野=mizuno 桜井=sakurai 高野=takano 渡部=watanabe 吉川=yoshikawa
    山内=yamauchi 西田=nishida 飯田=iida 菊池=kikuchi 西川=nishikawa 小松=komatsu
    北村=kitamura 安田=yasuda 五十嵐=igarashi 川口=kawaguchi 平田=hirata 関=seki
    中田=nakata 久保田=kubota 東=higashi 服部=hattori 川崎=kawasaki 岩田=iwata
    土屋=tsuchiya 福島=fukushima 本田=honda 辻=tsuji 樋口=higuchi 秋山=akiyama 田口=taguchi
    永井=nagai 山中=yamanaka 中西=nakanishi 吉村=yoshimura 川上=kawakami 石原=ishihara
    大橋=ohashi 松岡=matsuoka 馬場=baba 浜田=hamada 森本=morimoto 星野=hoshino 矢野=yano
    浅野=asano 大久保=okubo 松下=matsushita 吉岡=yoshioka 小池=koike 野田=noda 荒木=araki
    大谷=otani 内藤=naito 松浦=matsuura 熊谷=kumagai 黒田=kuroda 尾崎=ozaki 永田=nagata
    川村=kawamura 望月=mochizuki 田辺=tanabe 松村=matsumura 荒井=arai 堀=hori 大島=oshima
    平井=hirai 早川=hayakawa 菅野=kanno 栗原=kurihara 西山=nishiyama 広瀬=hirose
    横田=yokota 石橋=ishibashi 萩原=hagiwara 岩本=iwamoto 片山=katayama 関口=sekiguchi
    宮田=miyata 大石=oishi 高山=takayama 本間=homma 吉井=yoshii 岡崎=okazaki 小田=oda
    伊東=ito 鎌田=kamata 上原=uehara 篠原=shinohara 小西=konishi 松原=matsubara
    福井=fukui 古田=furuta 大森=omori 成田=narita 南=minami 奥村=okumura 内山=uchiyama
    沢田=sawada 川田=kawada 桑原=kuwabara 三宅=miyake 宮下=miyashita 杉田=sugita
    新田=nitta 北川=kitagawa 小沢=ozawa 小野寺=onodera 中尾=nakao 北野=kitano 西=nishi
    岡=oka 谷=tani 堀内=horiuchi 堀田=hotta 長田=nagata 藤川=fujikawa 松永=matsunaga
    杉浦=sugiura 今村=imamura 野中=nonaka 大川=okawa 吉野=yoshino 小泉=koizumi
    竹田=takeda 田島=tajima 富田=tomita 青山=aoyama 水谷=mizutani 徳永=tokunaga
    安井=yasui 中井=nakai 森下=morishita 黒川=kurokawa 岩井=iwai 中谷=nakatani
    白石=shiraishi 山根=yamane 石塚=ishizuka 大山=oyama 岡村=okamura 竹中=takenaka
    宇野=uno 平山=hirayama 坂口=sakaguchi 佐久間=sakuma 三上=mikami 西尾=nishio
    福本=fukumoto 坂井=sakai 川島=kawashima 原口=haraguchi 高瀬=takase 山岸=yamagishi
    坂田=sakata 横井=yokoi 秋元=akimoto 浅井=asai 松山=matsuyama 中本=nakamoto
    西岡=nishioka 小倉=ogura 二宮=ninomiya 金田=kaneda 神田=kanda 宮内=miyauchi
    堀江=horie 吉本=yoshimoto 下田=shimoda 須藤=sudo 木原=kihara 日高=hidaka 上村=uemura
    大竹=otake 中原=nakahara 長尾=nagao 森山=moriyama 米田=yoneda 宮原=miyahara
    田代=tashiro 藤村=fujimura 吉沢=yoshizawa 高井=takai 桑田=kuwata 大沢=osawa
    小森=komori 西野=nishino 岩瀬=iwase 河合=kawai 野崎=nozaki 難波=namba 今田=imada
    金井=kanai 長野=nagano 三好=miyoshi 大村=omura 小原=ohara 並木=namiki 石黒=ishiguro
    長島=nagashima 川端=kawabata 小笠原=ogasawara 大和田=owada 宮川=miyagawa 細川=hosokawa
    榎本=enomoto 岡部=okabe 西原=nishihara 新谷=shintani 池上=ikegami 浜口=hamaguchi
    齋藤=saito 齊藤=saito 渡邊=watanabe 渡邉=watanabe 濱田=hamada 澤田=sawada 髙橋=takahashi
    """
)

# Given names: frequent names of newborns of the last decades and of older generations.
GIVEN: dict[str, str] = _table(
    """
    大輔=daisuke 和也=kazuya 大和=yamato 翔太=shota 拓也=takuya 健太=kenta 蓮=ren
    陽翔=haruto 湊=minato 悠真=yuma 翔=sho 誠=makoto 浩=hiroshi 健一=kenichi 隆=takashi
    直樹=naoki 達也=tatsuya 修=osamu 亮=ryo 剛=tsuyoshi 秀樹=hideki 一郎=ichiro
    康介=kosuke 雄太=yuta 大翔=hiroto 悠人=yuto 樹=itsuki 陸=riku 颯太=sota 悠斗=yuto
    新=arata 律=ritsu 朝陽=asahi 旭=asahi 奏太=sota 結翔=yuito 悠翔=yuto 颯=hayate
    海斗=kaito 陽斗=haruto 優斗=yuto 翼=tsubasa 大地=daichi 健=ken 翔平=shohei 大樹=daiki
    拓海=takumi 優太=yuta 直人=naoto 和樹=kazuki 大貴=daiki 亮太=ryota 涼太=ryota
    竜也=tatsuya 哲也=tetsuya 雅人=masato 拓真=takuma 駿=shun 俊介=shunsuke 健二=kenji
    健司=kenji 浩二=koji 浩一=koichi 洋平=yohei 直也=naoya 智也=tomoya 翔吾=shogo 圭=kei
    慎也=shinya 伸也=shinya 裕太=yuta 祐介=yusuke 雄介=yusuke 勇気=yuki 大介=daisuke
    将太=shota 太郎=taro 次郎=jiro 三郎=saburo 健太郎=kentaro 慎太郎=shintaro 雄一=yuichi
    裕一=yuichi 誠一=seiichi 正=tadashi 茂=shigeru 勇=isamu 進=susumu 実=minoru 明=akira
    清=kiyoshi 博=hiroshi 弘=hiroshi 豊=yutaka 稔=minoru 勝=masaru 武=takeshi
    隆之=takayuki 博之=hiroyuki 浩之=hiroyuki 裕之=hiroyuki 正人=masato 正樹=masaki
    雅之=masayuki 和彦=kazuhiko 俊彦=toshihiko 克也=katsuya 英樹=hideki 秀一=shuichi
    修一=shuichi 宏=hiroshi 学=manabu 聡=satoshi 智=satoshi 敦=atsushi 淳=jun 純=jun
    潤=jun 崇=takashi 孝=takashi 卓也=takuya 大輝=daiki 光=hikaru 悟=satoru 翔真=shoma
    陽向=hinata 颯真=soma 蒼真=soma 瑛太=eita 大雅=taiga 一輝=kazuki 和真=kazuma
    拓実=takumi 健人=kento 賢治=kenji 正和=masakazu 一=hajime 功=isao 徹=toru 透=toru
    昇=noboru 秀人=hideto 和夫=kazuo 正男=masao 幸男=yukio 義男=yoshio 昭=akira
    晃=akira 彰=akira 恵太=keita 啓太=keita 圭太=keita 航=wataru 渉=wataru 悠希=yuki
    大悟=daigo 友也=tomoya 優=yu 一樹=kazuki 隼人=hayato 勇太=yuta 健斗=kento 蒼=ao
    悠=yu 湊斗=minato 陽太=yota 蒼空=sora 大晴=taisei 翔馬=shoma 龍之介=ryunosuke
    光太郎=kotaro 幸太郎=kotaro 誠也=seiya 聖也=seiya 和人=kazuto 信也=shinya 俊=shun
    秀明=hideaki 明彦=akihiko 昌宏=masahiro 雅彦=masahiko 正之=masayuki 茂雄=shigeo
    健二郎=kenjiro 真一=shinichi 伸一=shinichi 信一=shinichi 浩司=koji 康弘=yasuhiro
    裕介=yusuke 賢一=kenichi 貴之=takayuki 智之=tomoyuki 良太=ryota 翔一=shoichi
    結衣=yui 陽菜=hina 美咲=misaki 葵=aoi 愛=ai 優子=yuko 恵子=keiko 直美=naomi 由美=yumi
    真由美=mayumi 久美子=kumiko 明美=akemi 陽子=yoko 香織=kaori 彩=aya 花子=hanako
    美穂=miho 麻衣=mai 千尋=chihiro 桜=sakura 咲良=sakura 凛=rin 紬=tsumugi 芽依=mei
    陽葵=himari 結菜=yuna 莉子=riko 美桜=mio 杏=an 結愛=yua 澪=mio 心春=koharu
    咲希=saki 楓=kaede 彩花=ayaka 美羽=miu 琴音=kotone 花=hana 美月=mizuki 七海=nanami
    彩乃=ayano 真央=mao 優奈=yuna 愛美=manami 沙織=saori 智子=tomoko 裕子=yuko
    京子=kyoko 洋子=yoko 幸子=sachiko 和子=kazuko 節子=setsuko 順子=junko 典子=noriko
    由美子=yumiko 美智子=michiko 真理子=mariko 由紀子=yukiko 美香=mika 美紀=miki
    恵=megumi 舞=mai 瞳=hitomi 綾=aya 遥=haruka 萌=moe 彩香=ayaka 明日香=asuka
    愛子=aiko 奈々=nana 菜々=nana 千春=chiharu 千夏=chinatsu 春香=haruka 麻美=asami
    美由紀=miyuki 真美=mami 亜美=ami 絵美=emi 恵美=emi 里美=satomi 聡子=satoko 理恵=rie
    理沙=risa 紗希=saki 早紀=saki 沙也加=sayaka 静香=shizuka 友美=tomomi 朋子=tomoko
    直子=naoko 尚子=naoko 久美=kumi 由佳=yuka 由香=yuka 美奈子=minako 加奈子=kanako
    佳子=yoshiko 良子=yoshiko 紀子=noriko 明子=akiko 敦子=atsuko 悦子=etsuko
    美穂子=mihoko 真紀=maki 夏美=natsumi 菜摘=natsumi 奈津子=natsuko 香=kaori 優衣=yui
    由衣=yui 唯=yui 美優=miyu 心=kokoro 日菜=hina 咲=saki 杏奈=anna 愛莉=airi 莉奈=rina
    里奈=rina 玲奈=rena 栞=shiori 詩織=shiori 真由=mayu 美保=miho 桃子=momoko 葉月=hazuki
    結月=yuzuki 乃愛=noa 一花=ichika 芽生=mei 彩葉=iroha 美結=miyu 薫=kaoru 千里=chisato
    美里=misato 知美=tomomi 由里=yuri 百合子=yuriko 冴子=saeko 弘子=hiroko 裕美=hiromi
    広美=hiromi 美和=miwa 文子=fumiko 信子=nobuko 久子=hisako 昌子=masako 雅子=masako
    正子=masako 美代子=miyoko 芳子=yoshiko 千代子=chiyoko 貴子=takako 孝子=takako
    綾香=ayaka 愛梨=airi 彩夏=ayaka 美帆=miho 真帆=maho 梨花=rika 理香=rika 里佳=rika
    実花=mika 瑞希=mizuki 美希=miki 亜希子=akiko 紗英=sae 奈央=nao 菜央=nao 若菜=wakana
    """
)
