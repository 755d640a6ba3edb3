"""Name lists: Thai, Chinese (Han), Japanese (kanji and kana), Korean (Hangul), Hindi.

Latin forms by hand: official romanization first (RTGS, pinyin, Hepburn as in passports,
Revised Romanization / passport usage, Hindi as usually spelled), then the spellings found
in other systems or regions (Wade-Giles, Cantonese, long vowels written ou/oh, McCune-
Reischauer). A hyphenated form also yields its spaced and joined forms (Min-jun, Min Jun,
Minjun). Format: see names._parse.
"""

DATA: dict[str, dict[str, str]] = {
    "TH": {
        "male": """
            สมชาย=Somchai สมศักดิ์=Somsak อนุชา=Anucha ธนากร=Thanakorn/Tanakorn
            วีระ=Weera/Veera/Wira สุรชัย=Surachai กิตติ=Kitti ชัยวัฒน์=Chaiwat/Chaiwath
            ณัฐพล=Nattapon/Natthaphon/Nuttapol พงศกร=Pongsakorn/Phongsakon
            ธีรวัฒน์=Teerawat/Thirawat/Theerawat ศุภชัย=Supachai/Suphachai
            อภิชาติ=Apichat/Aphichat/Apichart ประเสริฐ=Prasert/Prasoet วิชัย=Wichai/Vichai
            สุริยา=Suriya ธนพล=Thanaphon/Tanapol/Thanapol เอกชัย=Ekkachai/Ekachai
            บุญมี=Boonmee/Bunmi สมพงษ์=Sompong/Somphong มานพ=Manop/Manob ชาตรี=Chatri/Chatree
            ปิยะ=Piya อำนาจ=Amnat/Amnart ไพโรจน์=Pairoj/Phairot สมบัติ=Sombat
        """,
        "female": """
            สมหญิง=Somying มาลี=Malee/Mali สุดา=Suda นภา=Napa/Napha กาญจนา=Kanchana/Kanjana
            วันเพ็ญ=Wanpen/Wanphen ปิยะนุช=Piyanuch/Piyanut จันทร์เพ็ญ=Chanpen/Junpen
            รัตนา=Rattana/Ratana ศิริพร=Siriporn/Siriphon พรทิพย์=Porntip/Phonthip/Pornthip
            อรุณี=Arunee/Aruni นิภา=Nipa/Nipha สุภาพร=Supaporn/Suphaphon วิไล=Wilai/Vilai
            ดวงใจ=Duangjai/Duangchai ทองใบ=Thongbai/Tongbai บุษบา=Busaba/Butsaba
            ลำดวน=Lamduan อัญชลี=Anchalee/Anchali/Unchalee กมลา=Kamala ปราณี=Pranee/Prani
            เพ็ญศรี=Pensri/Phensri สายสุนีย์=Saisunee/Saisuni จินดา=Jinda/Chinda
            ปัทมา=Pattama/Phatthama
        """,
        "family": """
            ศรีสุข=Srisuk/Srisook/Sisuk สุขสวัสดิ์=Suksawat/Suksawad
            แก้วมณี=Kaewmanee/Kaewmani/Kaeomani จันทร์ดี=Chandee/Jandee/Chandi
            ทองดี=Thongdee/Tongdee/Thongdi บุญมา=Boonma/Bunma สมบูรณ์=Somboon/Sombun
            ใจดี=Jaidee/Chaidi พรหมมา=Promma/Phromma ศรีวงศ์=Sriwong/Siwong
            รัตนพันธ์=Rattanapan/Rattanaphan วงศ์สวัสดิ์=Wongsawat/Wongsawad มีสุข=Meesuk/Misuk
            อินทร์แก้ว=Inkaew/Inkaeo ชัยมงคล=Chaimongkol/Chaimongkhon ทองคำ=Thongkham/Tongkham
            เพชรรัตน์=Phetcharat/Petcharat แสงทอง=Saengthong/Sangtong สุวรรณ=Suwan/Suwanna
            ปัญญาดี=Panyadee/Panyadi นาคสุข=Naksuk/Naksook บุญเรือง=Boonruang/Bunrueang
            ศักดิ์ดี=Sakdee/Sakdi อ่อนศรี=Onsri/Onsi กิตติวงศ์=Kittiwong
            เจริญสุข=Charoensuk/Jaroensook วงศ์ใหญ่=Wongyai มั่นคง=Mankong/Munkong
            ทองประเสริฐ=Thongprasert/Tongprasoet แสงอรุณ=Saengarun/Sangaroon
        """,
    },
    "CN": {
        "male": """
            伟=Wei 强=Qiang/Chiang/Keung 磊=Lei 军=Jun/Chun/Kwan 勇=Yong/Yung 杰=Jie/Chieh/Kit
            涛=Tao/Tou 明=Ming 超=Chao 刚=Gang/Kang 平=Ping 辉=Hui/Fai 鹏=Peng/Pang 华=Hua/Wah
            飞=Fei 建国=Jianguo/Jian-guo/Chien-kuo 志强=Zhiqiang/Zhi-qiang/Chih-chiang
            海峰=Haifeng/Hai-feng 晓东=Xiaodong/Xiao-dong/Hsiao-tung 国华=Guohua/Guo-hua/Kuo-hua
            俊杰=Junjie/Jun-jie/Chun-chieh 文博=Wenbo/Wen-bo 浩然=Haoran/Hao-ran
            子轩=Zixuan/Zi-xuan/Tzu-hsuan 宇航=Yuhang/Yu-hang
        """,
        "female": """
            芳=Fang/Fong 娜=Na 敏=Min/Man 静=Jing/Ching 丽=Li/Lai 艳=Yan/Yim 娟=Juan/Chuan
            霞=Xia/Hsia/Ha 秀英=Xiuying/Xiu-ying/Hsiu-ying 桂英=Guiying/Gui-ying/Kuei-ying
            玉兰=Yulan/Yu-lan 丽娟=Lijuan/Li-juan 海燕=Haiyan/Hai-yan
            晓燕=Xiaoyan/Xiao-yan/Hsiao-yen 婷婷=Tingting/Ting-ting 雪梅=Xuemei/Xue-mei/Hsueh-mei
            美玲=Meiling/Mei-ling 欣怡=Xinyi/Xin-yi/Hsin-yi 梓涵=Zihan/Zi-han 雨桐=Yutong/Yu-tong
            佳怡=Jiayi/Jia-yi/Chia-yi 思琪=Siqi/Si-qi/Szu-chi 红=Hong/Hung 梅=Mei/Mui 莉=Li/Lee
        """,
        "family": """
            王=Wang/Wong 李=Li/Lee/Lei 张=Zhang/Chang/Cheung 刘=Liu/Lau/Lew 陈=Chen/Chan/Tan
            杨=Yang/Yeung/Young 黄=Huang/Wong/Hwang 赵=Zhao/Chao/Chiu 吴=Wu/Ng/Goh
            周=Zhou/Chow/Chou 徐=Xu/Hsu/Tsui 孙=Sun/Suen 马=Ma/Mah 朱=Zhu/Chu/Chue 胡=Hu/Woo
            郭=Guo/Kuo/Kwok 何=He/Ho 林=Lin/Lam/Lim 高=Gao/Kao/Ko 罗=Luo/Lo/Law
            郑=Zheng/Cheng/Cheang 梁=Liang/Leung 谢=Xie/Hsieh/Tse 宋=Song/Sung 唐=Tang/Tong
            许=Xu/Hsu/Hui 韩=Han/Hon 冯=Feng/Fung 邓=Deng/Teng/Tang 曹=Cao/Tsao/Tso
        """,
    },
    "JP": {
        "male": """
            翔太=Shota/Shouta/Shōta/Syota 大輔=Daisuke 健太=Kenta 拓也=Takuya 翔=Sho/Shou/Shō
            蓮=Ren 悠真=Yuma/Yuuma/Yūma 陽翔=Haruto 湊=Minato 大和=Yamato 誠=Makoto
            浩=Hiroshi/Hirosi 健一=Kenichi/Ken'ichi 隆=Takashi/Takasi 直樹=Naoki 和也=Kazuya
            達也=Tatsuya/Tatuya 修=Osamu 亮=Ryo/Ryou/Ryō 剛=Tsuyoshi/Takeshi 秀樹=Hideki
            一郎=Ichiro/Ichirou/Ichirō 康介=Kosuke/Kousuke/Kōsuke 雄太=Yuta/Yuuta/Yūta ケン=Ken
        """,
        "female": """
            さくら=Sakura 陽菜=Hina 結衣=Yui 美咲=Misaki 愛=Ai 優子=Yuko/Yuuko/Yūko 恵子=Keiko
            直美=Naomi 由美=Yumi 真由美=Mayumi 久美子=Kumiko 明美=Akemi 陽子=Yoko/Youko/Yōko
            香織=Kaori 彩=Aya 花子=Hanako 美穂=Miho 麻衣=Mai 千尋=Chihiro/Tihiro あおい=Aoi
            ひなた=Hinata みゆき=Miyuki ゆか=Yuka まゆ=Mayu マリア=Maria エミ=Emi
        """,
        "family": """
            佐藤=Sato/Satou/Satoh/Satō 鈴木=Suzuki 高橋=Takahashi/Takahasi 田中=Tanaka
            伊藤=Ito/Itou/Itoh/Itō 渡辺=Watanabe 山本=Yamamoto 中村=Nakamura
            小林=Kobayashi/Kobayasi 加藤=Kato/Katou/Katoh/Katō 吉田=Yoshida/Yosida 山田=Yamada
            佐々木=Sasaki 山口=Yamaguchi/Yamaguti 松本=Matsumoto/Matumoto 井上=Inoue
            木村=Kimura 林=Hayashi/Hayasi 斎藤=Saito/Saitou/Saitoh/Saitō 清水=Shimizu/Simizu
            山崎=Yamazaki/Yamasaki 森=Mori 池田=Ikeda 橋本=Hashimoto/Hasimoto 阿部=Abe
            石川=Ishikawa/Isikawa 山下=Yamashita/Yamasita 中島=Nakajima/Nakashima/Nakazima
            石井=Ishii/Isii 小川=Ogawa
        """,
    },
    "KR": {
        "male": """
            민준=Min-jun/Min-joon 서준=Seo-jun/Suh-joon 도윤=Do-yun/Do-yoon 예준=Ye-jun
            시우=Si-woo/Si-u 하준=Ha-jun 지호=Ji-ho 지훈=Ji-hoon/Ji-hun 준서=Jun-seo
            현우=Hyun-woo/Hyeon-u 성민=Sung-min/Seong-min 동현=Dong-hyun/Dong-hyeon
            영수=Young-soo/Yeong-su 정호=Jung-ho/Jeong-ho 상훈=Sang-hoon/Sang-hun
            재현=Jae-hyun/Jae-hyeon 승현=Seung-hyun/Seung-hyeon 민수=Min-su/Min-soo
            진우=Jin-woo/Jin-u 태양=Tae-yang 광수=Kwang-su/Gwang-su 철수=Chul-soo/Cheol-su
            용호=Yong-ho 병철=Byung-chul/Byeong-cheol
        """,
        "female": """
            서연=Seo-yeon/Suh-yeon 서윤=Seo-yun/Seo-yoon 지우=Ji-woo/Ji-u 서현=Seo-hyun/Seo-hyeon
            민서=Min-seo 하은=Ha-eun 지민=Ji-min 수빈=Su-bin/Soo-bin 지영=Ji-young/Ji-yeong
            미경=Mi-kyung/Mi-gyeong 은주=Eun-joo/Eun-ju 현정=Hyun-jung/Hyeon-jeong
            수진=Su-jin/Soo-jin 영희=Young-hee/Yeong-hui 혜진=Hye-jin 은지=Eun-ji
            지현=Ji-hyun/Ji-hyeon 미영=Mi-young/Mi-yeong 소영=So-young/So-yeong
            유진=Yu-jin/Yoo-jin 나연=Na-yeon 예린=Ye-rin 다은=Da-eun 민지=Min-ji
        """,
        "family": """
            김=Kim/Gim 이=Lee/Yi/Rhee/I 박=Park/Pak/Bak 최=Choi/Choe 정=Jung/Jeong/Chung
            강=Kang/Gang 조=Cho/Jo 윤=Yoon/Yun 장=Jang/Chang 임=Lim/Im/Rim 한=Han 오=Oh/O
            서=Seo/Suh 신=Shin/Sin 권=Kwon/Gwon 황=Hwang 안=Ahn/An 송=Song 류=Ryu/Yoo/Yu
            전=Jeon/Jun/Chun 홍=Hong 고=Ko/Go 문=Moon/Mun 양=Yang 손=Son/Sohn 배=Bae/Bai
            백=Baek/Paik/Back 허=Heo/Huh/Hur 남=Nam 노=Noh/Roh/No
        """,
    },
    "IN": {
        "male": """
            राहुल=Rahul अमित=Amit सुनील=Sunil/Suneel राजेश=Rajesh विकास=Vikas/Vikash
            संजय=Sanjay/Sanjai अनिल=Anil मनोज=Manoj रवि=Ravi दीपक=Deepak/Dipak अजय=Ajay/Ajai
            विजय=Vijay/Vijai/Bijay अशोक=Ashok/Asok सुरेश=Suresh रमेश=Ramesh महेश=Mahesh
            प्रकाश=Prakash/Parkash अर्जुन=Arjun आदित्य=Aditya रोहित=Rohit अभिषेक=Abhishek
            गौरव=Gaurav/Gourav नितिन=Nitin/Nithin पंकज=Pankaj मुकेश=Mukesh राकेश=Rakesh
        """,
        "female": """
            प्रिया=Priya पूजा=Pooja/Puja अंजलि=Anjali सुनीता=Sunita/Sunitha नेहा=Neha रेखा=Rekha
            कविता=Kavita/Kavitha सीमा=Seema/Sima गीता=Geeta/Gita आरती=Aarti/Arti
            ममता=Mamta/Mamata ज्योति=Jyoti/Jyothi मीना=Meena/Mina लक्ष्मी=Lakshmi/Laxmi
            दिव्या=Divya शालिनी=Shalini स्वाति=Swati/Swathi रीता=Rita/Reeta सरिता=Sarita/Saritha
            किरण=Kiran निशा=Nisha उषा=Usha राधा=Radha पार्वती=Parvati/Parvathi
        """,
        "family": """
            शर्मा=Sharma वर्मा=Verma/Varma सिंह=Singh कुमार=Kumar गुप्ता=Gupta यादव=Yadav
            पटेल=Patel जैन=Jain मिश्रा=Mishra/Misra तिवारी=Tiwari/Tewari पांडे=Pandey/Pande
            श्रीवास्तव=Srivastava/Shrivastav चौहान=Chauhan/Chouhan ठाकुर=Thakur
            राठौर=Rathore/Rathour अग्रवाल=Agarwal/Aggarwal/Agrawal दास=Das
            चौधरी=Chaudhary/Choudhary/Chowdhury मेहता=Mehta जोशी=Joshi राव=Rao रेड्डी=Reddy/Reddi
            नायर=Nair खान=Khan शेख=Shaikh/Sheikh दुबे=Dubey/Dube सक्सेना=Saxena भट्ट=Bhatt/Bhat
            कपूर=Kapoor/Kapur मल्होत्रा=Malhotra
        """,
        "middle": """
            कुमार:कुमारी=Kumar:Kumari प्रसाद:देवी=Prasad:Devi लाल:रानी=Lal:Rani
            चंद्र:कुमारी=Chandra/Chander:Kumari नाथ:देवी=Nath:Devi
        """,
    },
}
