"""Name lists: Thai, Chinese (Han), Japanese (kanji and kana), Korean (Hangul), Hindi.

Latin forms by hand: official romanization first (RTGS, pinyin, Hepburn as in passports,
Revised Romanization / passport usage, Hindi as usually spelled), then the spellings found
in other systems or regions (Wade-Giles, Cantonese, long vowels written ou/oh, McCune-
Reischauer). A hyphenated form also yields its spaced and joined forms (Min-jun, Min Jun,
Minjun). Format: see names._parse. Each list starts with the most common names: people.py
draws them with falling (Zipf-like) weights by rank. Korea and Vietnam have few family names
and many given names, as there.
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
            ปิยะ=Piya อำนาจ=Amnat/Amnart ไพโรจน์=Pairoj/Phairot สมบัติ=Sombat สมโภชน์=Sompot/Somphot
            ประยุทธ=Prayut/Prayuth ณรงค์=Narong ชัยยา=Chaiya สุทธิพงษ์=Sutthipong/Suttipong
            วรวุฒิ=Worawut/Vorawut อดิศักดิ์=Adisak/Adisuk ทวีศักดิ์=Thawisak/Taweesak
            ศักดิ์ชัย=Sakchai สมหมาย=Sommai สมคิด=Somkit/Somkid บุญชัย=Boonchai/Bunchai
            ประสิทธิ์=Prasit/Prasith วิทยา=Witthaya/Wittaya/Vitaya สุเทพ=Suthep/Sutep
            สุวิทย์=Suwit/Suwith ธวัชชัย=Thawatchai/Tawatchai จักรพันธ์=Chakkraphan/Jakkapan
            ปรีชา=Pricha/Preecha อนันต์=Anan/Anant สมเกียรติ=Somkiat/Somkiet
            ภานุวัฒน์=Phanuwat/Panuwat กฤษดา=Kritsada/Kridsada ณัฐวุฒิ=Natthawut/Nattawut
            พีระพงษ์=Phiraphong/Peerapong รัฐพล=Ratthaphon/Rattapol วัชระ=Watchara ชนาธิป=Chanathip
            อนุวัฒน์=Anuwat ธีรพงษ์=Thiraphong/Teerapong เกียรติศักดิ์=Kiattisak/Kiatisak
            นพดล=Noppadon/Nopphadon ปกรณ์=Pakorn/Pakon ภูมิ=Phum/Poom สิทธิชัย=Sitthichai/Sittichai
            ยุทธนา=Yutthana/Yuttana อรรถพล=Atthaphon/Attapol ชยพล=Chayaphon/Chayapol
            ปิยพงษ์=Piyaphong/Piyapong สุรศักดิ์=Surasak เฉลิม=Chaloem/Chalerm
            บุญส่ง=Bunsong/Boonsong ไชยา=Chaiya ทองสุข=Thongsuk/Tongsuk วันชัย=Wanchai
            ศรายุทธ=Sarayut/Sarayuth กฤษณะ=Kritsana/Krissana ธนวัฒน์=Thanawat/Tanawat
        """,
        "female": """
            สมหญิง=Somying มาลี=Malee/Mali สุดา=Suda นภา=Napa/Napha กาญจนา=Kanchana/Kanjana
            วันเพ็ญ=Wanpen/Wanphen ปิยะนุช=Piyanuch/Piyanut จันทร์เพ็ญ=Chanpen/Junpen
            รัตนา=Rattana/Ratana ศิริพร=Siriporn/Siriphon พรทิพย์=Porntip/Phonthip/Pornthip
            อรุณี=Arunee/Aruni นิภา=Nipa/Nipha สุภาพร=Supaporn/Suphaphon วิไล=Wilai/Vilai
            ดวงใจ=Duangjai/Duangchai ทองใบ=Thongbai/Tongbai บุษบา=Busaba/Butsaba ลำดวน=Lamduan
            อัญชลี=Anchalee/Anchali/Unchalee กมลา=Kamala ปราณี=Pranee/Prani เพ็ญศรี=Pensri/Phensri
            สายสุนีย์=Saisunee/Saisuni จินดา=Jinda/Chinda ปัทมา=Pattama/Phatthama สุนิสา=Sunisa
            สุกัญญา=Sukanya กัญญา=Kanya นันทนา=Nantana/Nanthana วราภรณ์=Waraporn/Waraphon
            ศิริรัตน์=Sirirat พัชรี=Patcharee/Phatchari อรทัย=Orathai/Oratai
            นงลักษณ์=Nongluk/Nongluck ทิพวรรณ=Tippawan/Thipphawan จิราพร=Jiraporn/Chiraphon
            ปวีณา=Paweena/Pawina มณีรัตน์=Maneerat/Manirat สมใจ=Somjai/Somchai
            บุญเรือน=Boonruen/Bunruean อำไพ=Ampai/Amphai ชุติมา=Chutima ณัฐธิดา=Natthida/Nattida
            ธิดารัตน์=Thidarat/Tidarat กนกวรรณ=Kanokwan จันทิมา=Chantima/Jantima
            รุ่งนภา=Rungnapa/Rungnapha อรอุมา=Onuma/Orn-uma ศศิธร=Sasithorn/Sasithon
            ปิยะพร=Piyaporn/Piyaphon นิตยา=Nittaya/Nitaya เยาวลักษณ์=Yaowalak
            สุพัตรา=Supattra/Suphattra พิมพ์ชนก=Pimchanok/Phimchanok วิภาวดี=Wipawadee/Wiphawadi
            ลัดดา=Ladda สุมาลี=Sumalee/Sumali บุญมา=Boonma/Bunma ทองพูน=Thongphun/Tongpoon
            พรรณี=Phannee/Pannee สุรีย์=Suree/Suri เบญจมาศ=Benjamas/Benchamat อุไรวรรณ=Uraiwan
            ศรีสุดา=Srisuda/Sisuda จารุวรรณ=Jaruwan/Charuwan ปรียา=Preeya/Priya กัลยา=Kanlaya/Kalaya
            ณัฐริกา=Nattharika/Nattarika มยุรี=Mayuree/Mayuri ขวัญใจ=Khwanchai/Kwanjai
            สุภาวดี=Supawadee/Suphawadi
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
            ทองประเสริฐ=Thongprasert/Tongprasoet แสงอรุณ=Saengarun/Sangaroon บุญยืน=Boonyuen/Bunyuen
            ศรีสวัสดิ์=Srisawat/Sisawat ทองมา=Thongma/Tongma แก้วประเสริฐ=Kaewprasert/Kaeoprasoet
            สุขเจริญ=Sukcharoen/Sukjaroen ชัยวงศ์=Chaiwong พึ่งทอง=Phuengthong/Puengtong
            จันทร์แก้ว=Chankaew/Jankaew บุญประเสริฐ=Boonprasert/Bunprasoet ศรีทอง=Srithong/Sithong
            สายทอง=Saithong/Saitong ทองสุข=Thongsuk/Tongsuk มณีวงศ์=Maneewong/Maniwong
            วงศ์ทอง=Wongthong/Wongtong แก้วดี=Kaewdee/Kaeodi อินทร์ทอง=Inthong/Intong
            สุขประเสริฐ=Sukprasert/Sukprasoet ศรีประเสริฐ=Sriprasert/Siprasoet
            บุญทอง=Boonthong/Buntong เรืองศรี=Ruangsri/Rueangsi คำแก้ว=Khamkaew/Kamkaew
            คำดี=Khamdee/Khamdi สีทอง=Seethong/Sithong พรหมวงศ์=Promwong/Phromwong
            ปานทอง=Panthong/Pantong เกตุแก้ว=Ketkaew/Ketkaeo รุ่งเรือง=Rungruang/Rungrueang
            ธนพัฒน์=Thanaphat/Tanapat ศรีบุญ=Sriboon/Sibun ทองอินทร์=Thong-in/Tongin
            สิทธิชัย=Sitthichai/Sittichai ประเสริฐสุข=Prasertsuk/Prasoetsuk
            วิเศษสุข=Wisetsuk/Visetsuk ชัยสวัสดิ์=Chaisawat/Chaisawad นิลสุวรรณ=Ninsuwan/Nilsuwan
            พุ่มพวง=Phumphuang/Pumpuang จันทร์หอม=Chanhom/Janhom ศรีจันทร์=Srichan/Sichan
            สุวรรณรัตน์=Suwannarat/Suwanrat แสงจันทร์=Saengchan/Sangjan ทรัพย์มาก=Sapmak/Submak
            บุญช่วย=Boonchuay/Bunchuai อุดมสุข=Udomsuk/Udomsook เพ็ชรดี=Phetdee/Petchdee
            ดีประเสริฐ=Deeprasert/Diprasoet นาคประเสริฐ=Nakprasert สมศรี=Somsri/Somsi
            ศรีสมบูรณ์=Srisomboon/Sisombun ทองเจริญ=Thongcharoen/Tongjaroen ใจบุญ=Jaiboon/Chaibun
            ศิริวงศ์=Siriwong สุขสมบูรณ์=Suksomboon/Suksombun กาญจนวงศ์=Kanchanawong/Kanjanawong
            รัตนวงศ์=Rattanawong/Ratanawong ศรีสุวรรณ=Srisuwan/Sisuwan
            เจริญวงศ์=Charoenwong/Jaroenwong ทองศรี=Thongsri/Tongsi
            แก้วกาญจนา=Kaewkanchana/Kaeokanjana มณีรัตน์=Maneerat/Manirat วงศ์ศรี=Wongsri/Wongsi
            อินทรสุวรรณ=Intarasuwan/Inthrasuwan สุขดี=Sukdee/Sukdi ปัญญาวงศ์=Panyawong
            พูลสวัสดิ์=Poonsawat/Phunsawat ชื่นชม=Chuenchom บุญญาศิริ=Boonyasiri/Bunyasiri
            ศรีเมือง=Srimuang/Simueang ทองนาค=Thongnak/Tongnak โพธิ์ทอง=Phothong/Photong
            โพธิ์ศรี=Phosri/Phosi จันทร์เพ็ญ=Chanpen/Janpen แก้วสว่าง=Kaewsawang/Kaeosawang
            ธรรมวงศ์=Thammawong/Tammawong ศรีอ่อน=Sri-on/Sion เทพสุวรรณ=Thepsuwan/Tepsuwan
            สุขใจ=Sukjai/Sukchai วงศ์คำ=Wongkham/Wongkam ประทุมทอง=Prathumthong/Pratumtong
            ชัยประเสริฐ=Chaiprasert/Chaiprasoet ทองอ่อน=Thong-on/Tongon บุญศรี=Boonsri/Bunsi
            ศรีสมัย=Srisamai/Sisamai แสงสว่าง=Saengsawang/Sangsawang มหาวงศ์=Mahawong
            พรหมสุวรรณ=Promsuwan/Phromsuwan ยอดดี=Yoddee/Yotdi ทองเพ็ง=Thongpheng/Tongpeng
            เสือทอง=Suethong/Seuatong
        """,
    },
    "CN": {
        "male": """
            伟=Wei 强=Qiang/Chiang/Keung 磊=Lei 军=Jun/Chun/Kwan 勇=Yong/Yung 杰=Jie/Chieh/Kit
            涛=Tao/Tou 明=Ming 超=Chao 刚=Gang/Kang 平=Ping 辉=Hui/Fai 鹏=Peng/Pang 华=Hua/Wah
            飞=Fei 斌=Bin/Pin 波=Bo/Po 鑫=Xin/Hsin 亮=Liang 林=Lin/Lam 峰=Feng/Fung 宇=Yu 浩=Hao/Ho
            凯=Kai/Hoi 健=Jian/Chien/Kin 建国=Jianguo/Jian-guo/Chien-kuo
            志强=Zhiqiang/Zhi-qiang/Chih-chiang 海峰=Haifeng/Hai-feng
            晓东=Xiaodong/Xiao-dong/Hsiao-tung 国华=Guohua/Guo-hua/Kuo-hua
            俊杰=Junjie/Jun-jie/Chun-chieh 文博=Wenbo/Wen-bo 浩然=Haoran/Hao-ran
            子轩=Zixuan/Zi-xuan/Tzu-hsuan 宇航=Yuhang/Yu-hang 建华=Jianhua/Jian-hua/Chien-hua
            建军=Jianjun/Jian-jun/Chien-chun 建平=Jianping/Jian-ping 志明=Zhiming/Zhi-ming/Chih-ming
            志勇=Zhiyong/Zhi-yong 国强=Guoqiang/Guo-qiang/Kuo-chiang 国平=Guoping/Guo-ping
            海涛=Haitao/Hai-tao 海波=Haibo/Hai-bo 晓明=Xiaoming/Xiao-ming/Hsiao-ming
            晓峰=Xiaofeng/Xiao-feng 文杰=Wenjie/Wen-jie 文涛=Wentao/Wen-tao 俊=Jun/Chun
            明辉=Minghui/Ming-hui 子豪=Zihao/Zi-hao/Tzu-hao 宇轩=Yuxuan/Yu-xuan 浩宇=Haoyu/Hao-yu
            梓豪=Zihao 一鸣=Yiming/Yi-ming 天宇=Tianyu/Tian-yu 皓轩=Haoxuan/Hao-xuan
            博文=Bowen/Bo-wen 思远=Siyuan/Si-yuan 家豪=Jiahao/Jia-hao/Ka-ho 建伟=Jianwei/Jian-wei
            永强=Yongqiang/Yong-qiang/Wing-keung 振华=Zhenhua/Zhen-hua/Chun-wah
            德华=Dehua/De-hua/Tak-wah 立新=Lixin/Li-xin 卫国=Weiguo/Wei-guo
            春生=Chunsheng/Chun-sheng 金龙=Jinlong/Jin-long/Kam-lung 成龙=Chenglong/Cheng-long
            志华=Zhihua/Zhi-hua/Chi-wah 明杰=Mingjie/Ming-jie 伟东=Weidong/Wei-dong
            东升=Dongsheng/Dong-sheng 俊熙=Junxi/Jun-xi
        """,
        "female": """
            芳=Fang/Fong 娜=Na 敏=Min/Man 静=Jing/Ching 丽=Li/Lai 艳=Yan/Yim 娟=Juan/Chuan
            霞=Xia/Hsia/Ha 秀英=Xiuying/Xiu-ying/Hsiu-ying 桂英=Guiying/Gui-ying/Kuei-ying
            玉兰=Yulan/Yu-lan 丽娟=Lijuan/Li-juan 海燕=Haiyan/Hai-yan
            晓燕=Xiaoyan/Xiao-yan/Hsiao-yen 婷婷=Tingting/Ting-ting 雪梅=Xuemei/Xue-mei/Hsueh-mei
            美玲=Meiling/Mei-ling 欣怡=Xinyi/Xin-yi/Hsin-yi 梓涵=Zihan/Zi-han 雨桐=Yutong/Yu-tong
            佳怡=Jiayi/Jia-yi/Chia-yi 思琪=Siqi/Si-qi/Szu-chi 红=Hong/Hung 梅=Mei/Mui 莉=Li/Lee
            燕=Yan/Yin 玲=Ling 洁=Jie/Chieh 琳=Lin/Lam 颖=Ying/Wing 慧=Hui/Wai 倩=Qian/Chien/Sin
            雪=Xue/Hsueh 萍=Ping 婷=Ting 晶=Jing/Ching 丹=Dan/Tan 秀兰=Xiulan/Xiu-lan/Hsiu-lan
            秀珍=Xiuzhen/Xiu-zhen/Hsiu-chen 桂兰=Guilan/Gui-lan 玉梅=Yumei/Yu-mei
            玉珍=Yuzhen/Yu-zhen 凤英=Fengying/Feng-ying 淑珍=Shuzhen/Shu-zhen/Shu-chen
            淑华=Shuhua/Shu-hua 丽华=Lihua/Li-hua/Lai-wah 丽萍=Liping/Li-ping 春梅=Chunmei/Chun-mei
            红梅=Hongmei/Hong-mei 金凤=Jinfeng/Jin-feng/Kam-fung 晓丽=Xiaoli/Xiao-li
            晓红=Xiaohong/Xiao-hong 晓梅=Xiaomei/Xiao-mei 晓静=Xiaojing/Xiao-jing 欣=Xin/Yan
            琪=Qi/Chi 悦=Yue/Yueh 佳琪=Jiaqi/Jia-qi/Chia-chi 子涵=Zihan 诗涵=Shihan/Shi-han
            梦琪=Mengqi/Meng-qi 一诺=Yinuo/Yi-nuo 可欣=Kexin/Ke-xin 雨萱=Yuxuan/Yu-xuan 语桐=Yutong
            雅婷=Yating/Ya-ting 慧敏=Huimin/Hui-min/Wai-man 静怡=Jingyi/Jing-yi/Ching-yi 心怡=Xinyi
            嘉欣=Jiaxin/Jia-xin/Ka-yan 晓婷=Xiaoting/Xiao-ting 美华=Meihua/Mei-hua/Mei-wah
            玉婷=Yuting/Yu-ting
        """,
        "family": """
            王=Wang/Wong 李=Li/Lee/Lei 张=Zhang/Chang/Cheung 刘=Liu/Lau/Lew 陈=Chen/Chan/Tan
            杨=Yang/Yeung/Young 黄=Huang/Wong/Hwang 赵=Zhao/Chao/Chiu 吴=Wu/Ng/Goh 周=Zhou/Chow/Chou
            徐=Xu/Hsu/Tsui 孙=Sun/Suen 马=Ma/Mah 朱=Zhu/Chu/Chue 胡=Hu/Woo 郭=Guo/Kuo/Kwok 何=He/Ho
            林=Lin/Lam/Lim 高=Gao/Kao/Ko 罗=Luo/Lo/Law 郑=Zheng/Cheng/Cheang 梁=Liang/Leung
            谢=Xie/Hsieh/Tse 宋=Song/Sung 唐=Tang/Tong 许=Xu/Hsu/Hui 韩=Han/Hon 冯=Feng/Fung
            邓=Deng/Teng/Tang 曹=Cao/Tsao/Tso 彭=Peng/Pang 曾=Zeng/Tseng/Tsang 肖=Xiao/Hsiao/Siu
            田=Tian/Tien 董=Dong/Tung 潘=Pan/Poon/Phua 袁=Yuan/Yuen 蔡=Cai/Tsai/Choi/Chua
            蒋=Jiang/Chiang/Tseung 余=Yu/Yue/Yee 于=Yu/Yue 杜=Du/Tu/To 叶=Ye/Yeh/Yip 程=Cheng/Ching
            魏=Wei/Ngai 苏=Su/So 吕=Lü/Lyu/Lu/Lui 丁=Ding/Ting 任=Ren/Jen/Yam 卢=Lu/Lo/Lou
            姚=Yao/Yiu 沈=Shen/Sum 钟=Zhong/Chung 姜=Jiang/Chiang/Keung 崔=Cui/Tsui/Chui
            谭=Tan/Tam/Tham 陆=Lu/Luk 范=Fan 汪=Wang/Wong 廖=Liao/Liu/Liew 石=Shi/Shih/Shek
            金=Jin/Chin/Kam 韦=Wei/Wai 贾=Jia/Chia/Ka 夏=Xia/Hsia/Ha 付=Fu 方=Fang/Fong
            邹=Zou/Tsou/Chau 熊=Xiong/Hsiung/Hung 白=Bai/Pai/Pak 孟=Meng/Mang 秦=Qin/Chin/Chun
            邱=Qiu/Chiu/Yau 侯=Hou/Hau 江=Jiang/Kong 尹=Yin/Wan 薛=Xue/Hsueh/Sit 闫=Yan/Yim
            段=Duan/Tuan/Tuen 雷=Lei/Lui 龙=Long/Lung 黎=Li/Lai 史=Shi/Shih/Sze 陶=Tao/Tou
            贺=He/Ho/Hor 毛=Mao/Mo 郝=Hao 顾=Gu/Ku/Koo 龚=Gong/Kung 邵=Shao/Siu 万=Wan/Man
            钱=Qian/Chien/Chin 严=Yan/Yen/Yim 武=Wu/Mo 戴=Dai/Tai 莫=Mo/Mok 孔=Kong/Kung/Hung
            向=Xiang/Hsiang 汤=Tang/Tong 常=Chang/Cheung 温=Wen/Wan/Wun 康=Kang/Hong 施=Shi/Shih/Sze
            文=Wen/Man 牛=Niu 樊=Fan 葛=Ge/Ko/Kot 邢=Xing/Hsing 安=An/On 齐=Qi/Chi 易=Yi/Yik
            乔=Qiao/Chiao/Kiu 伍=Wu/Ng 庞=Pang/Pong 颜=Yan/Yen/Ngan 倪=Ni/Ngai
            庄=Zhuang/Chuang/Chong 聂=Nie/Nieh/Nip 章=Zhang/Chang/Cheung 鲁=Lu/Lo 岳=Yue/Yueh/Ngok
            欧阳=Ouyang/Ou-yang/Au-yeung 司马=Sima/Ssu-ma/Sze-ma
            上官=Shangguan/Shang-kuan/Sheung-kwun 诸葛=Zhuge/Chu-ko 司徒=Situ/Szeto/Seto
            东方=Dongfang/Tung-fang
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
            용호=Yong-ho 병철=Byung-chul/Byeong-cheol 건우=Geon-u/Kun-woo 우진=U-jin/Woo-jin
            선우=Seon-u/Sun-woo 서진=Seo-jin 연우=Yeon-u/Yeon-woo 유준=Yu-jun/Yu-joon
            은우=Eun-u/Eun-woo 정우=Jeong-u/Jung-woo 승우=Seung-u/Seung-woo 시윤=Si-yun
            준우=Jun-u/Joon-woo 지우=Ji-u/Ji-woo 유찬=Yu-chan 이준=I-jun/I-joon
            도현=Do-hyeon/Do-hyun 수호=Su-ho/Soo-ho 지환=Ji-hwan 승민=Seung-min 민재=Min-jae
            준혁=Jun-hyeok/Joon-hyuk 현준=Hyeon-jun/Hyun-joon 지성=Ji-seong/Ji-sung
            민성=Min-seong/Min-sung 태민=Tae-min 태현=Tae-hyeon/Tae-hyun 재민=Jae-min
            재훈=Jae-hun/Jae-hoon 재원=Jae-won 동민=Dong-min 동욱=Dong-uk/Dong-ook
            동훈=Dong-hun/Dong-hoon 상민=Sang-min 상우=Sang-u/Sang-woo 상현=Sang-hyeon/Sang-hyun
            성호=Seong-ho/Sung-ho 성훈=Seong-hun/Sung-hoon 성진=Seong-jin/Sung-jin
            세훈=Se-hun/Se-hoon 세진=Se-jin 수민=Su-min/Soo-min 승호=Seung-ho
            승훈=Seung-hun/Seung-hoon 영호=Yeong-ho/Young-ho 영민=Yeong-min/Young-min
            영진=Yeong-jin/Young-jin 영훈=Yeong-hun/Young-hoon 용준=Yong-jun/Yong-joon
            우현=U-hyeon/Woo-hyun 원준=Won-jun/Won-joon 윤호=Yun-ho 은호=Eun-ho 인호=In-ho
            인수=In-su/In-soo 재석=Jae-seok/Jae-suk 재영=Jae-yeong/Jae-young 재호=Jae-ho
            정민=Jeong-min/Jung-min 정훈=Jeong-hun/Jung-hoon 종민=Jong-min 종현=Jong-hyeon/Jong-hyun
            주원=Ju-won/Joo-won 주환=Ju-hwan/Joo-hwan 준기=Jun-gi/Joon-gi 준영=Jun-yeong/Joon-young
            준호=Jun-ho/Joon-ho 지원=Ji-won 진호=Jin-ho 진혁=Jin-hyeok/Jin-hyuk 찬호=Chan-ho
            창민=Chang-min 철민=Cheol-min 태훈=Tae-hun/Tae-hoon 태호=Tae-ho 한결=Han-gyeol
            현석=Hyeon-seok/Hyun-suk 현수=Hyeon-su/Hyun-soo 형준=Hyeong-jun/Hyoung-joon
            혜성=Hye-seong/Hye-sung 호진=Ho-jin 경민=Gyeong-min/Kyoung-min 경수=Gyeong-su/Kyoung-soo
            경호=Gyeong-ho/Kyoung-ho 기현=Gi-hyeon/Ki-hyun 남준=Nam-jun/Nam-joon
            대현=Dae-hyeon/Dae-hyun 동건=Dong-geon/Dong-gun 명수=Myeong-su/Myoung-soo
            문수=Mun-su/Moon-soo 병현=Byeong-hyeon/Byoung-hyun 봉수=Bong-su/Bong-soo 상철=Sang-cheol
            석진=Seok-jin/Suk-jin 성수=Seong-su/Sung-soo 승준=Seung-jun/Seung-joon
            영철=Yeong-cheol/Young-cheol 용수=Yong-su/Yong-soo 정수=Jeong-su/Jung-soo
            종수=Jong-su/Jong-soo 창호=Chang-ho 춘식=Chun-sik/Choon-sik 치훈=Chi-hun/Chi-hoon
            학수=Hak-su/Hak-soo 형석=Hyeong-seok/Hyoung-suk
        """,
        "female": """
            서연=Seo-yeon/Suh-yeon 서윤=Seo-yun/Seo-yoon 지우=Ji-woo/Ji-u 서현=Seo-hyun/Seo-hyeon
            민서=Min-seo 하은=Ha-eun 지민=Ji-min 수빈=Su-bin/Soo-bin 지영=Ji-young/Ji-yeong
            미경=Mi-kyung/Mi-gyeong 은주=Eun-joo/Eun-ju 현정=Hyun-jung/Hyeon-jeong
            수진=Su-jin/Soo-jin 영희=Young-hee/Yeong-hui 혜진=Hye-jin 은지=Eun-ji
            지현=Ji-hyun/Ji-hyeon 미영=Mi-young/Mi-yeong 소영=So-young/So-yeong 유진=Yu-jin/Yoo-jin
            나연=Na-yeon 예린=Ye-rin 다은=Da-eun 민지=Min-ji 지아=Ji-a 하윤=Ha-yun 서아=Seo-a
            하린=Ha-rin 수아=Su-a/Soo-a 지유=Ji-yu 채원=Chae-won 지안=Ji-an 윤서=Yun-seo 아린=A-rin
            예은=Ye-eun 유나=Yu-na 다인=Da-in 소율=So-yul 시은=Si-eun 가은=Ga-eun/Ka-eun 예서=Ye-seo
            서영=Seo-yeong/Seo-young 수연=Su-yeon/Soo-yeon 지은=Ji-eun 지수=Ji-su/Ji-soo 지혜=Ji-hye
            지원=Ji-won 지연=Ji-yeon 민영=Min-yeong/Min-young 민정=Min-jeong/Min-jung
            민주=Min-ju/Min-joo 미진=Mi-jin 미숙=Mi-suk/Mi-sook 미정=Mi-jeong/Mi-jung 미란=Mi-ran
            미선=Mi-seon/Mi-sun 미희=Mi-hui 보람=Bo-ram 보영=Bo-yeong/Bo-young
            선영=Seon-yeong/Sun-young 선희=Seon-hui/Sun-hui 성희=Seong-hui/Sung-hui 소연=So-yeon
            소희=So-hui 수정=Su-jeong/Soo-jung 수경=Su-gyeong/Soo-gyoung 숙희=Suk-hui/Sook-hui
            순자=Sun-ja/Soon-ja 순희=Sun-hui/Soon-hui 승연=Seung-yeon 아름=A-reum 연희=Yeon-hui
            영미=Yeong-mi/Young-mi 영숙=Yeong-suk/Young-sook 영자=Yeong-ja/Young-ja
            영주=Yeong-ju/Young-joo 예진=Ye-jin 유리=Yu-ri 윤정=Yun-jeong/Yun-jung 윤희=Yun-hui
            은영=Eun-yeong/Eun-young 은정=Eun-jeong/Eun-jung 은비=Eun-bi 은경=Eun-gyeong/Eun-gyoung
            은혜=Eun-hye 인영=In-yeong/In-young 정희=Jeong-hui/Jung-hui 정은=Jeong-eun/Jung-eun
            정아=Jeong-a/Jung-a 주연=Ju-yeon/Joo-yeon 주희=Ju-hui/Joo-hui 지선=Ji-seon/Ji-sun
            지희=Ji-hui 진영=Jin-yeong/Jin-young 진희=Jin-hui 채은=Chae-eun 현주=Hyeon-ju/Hyun-joo
            현아=Hyeon-a/Hyun-a 혜원=Hye-won 혜린=Hye-rin 혜영=Hye-yeong/Hye-young
            혜수=Hye-su/Hye-soo 효진=Hyo-jin 효주=Hyo-ju/Hyo-joo 희정=Hui-jeong/Hui-jung
            가영=Ga-yeong/Ka-young 경희=Gyeong-hui/Kyoung-hui 경아=Gyeong-a/Kyoung-a 나래=Na-rae
            다현=Da-hyeon/Da-hyun 명숙=Myeong-suk/Myoung-sook 민아=Min-a 보은=Bo-eun 상희=Sang-hui
            선미=Seon-mi/Sun-mi 세영=Se-yeong/Se-young 세은=Se-eun 소현=So-hyeon/So-hyun
            수현=Su-hyeon/Soo-hyun 승희=Seung-hui 애리=Ae-ri 연주=Yeon-ju/Yeon-joo
            옥순=Ok-sun/Ok-soon 정숙=Jeong-suk/Jung-sook 정미=Jeong-mi/Jung-mi 춘자=Chun-ja/Choon-ja
            하나=Ha-na 한나=Han-na 해진=Hae-jin 향숙=Hyang-suk/Hyang-sook 화영=Hwa-yeong/Hwa-young
            희영=Hui-yeong/Hui-young
        """,
        "family": """
            김=Kim/Gim 이=Lee/Yi/Rhee/I 박=Park/Pak/Bak 최=Choi/Choe 정=Jung/Jeong/Chung
            강=Kang/Gang 조=Cho/Jo 윤=Yoon/Yun 장=Jang/Chang 임=Lim/Im/Rim 한=Han 오=Oh/O 서=Seo/Suh
            신=Shin/Sin 권=Kwon/Gwon 황=Hwang 안=Ahn/An 송=Song 류=Ryu/Yoo/Yu 전=Jeon/Jun/Chun
            홍=Hong 고=Ko/Go 문=Moon/Mun 양=Yang 손=Son/Sohn 배=Bae/Bai 백=Baek/Paik/Back
            허=Heo/Huh/Hur 남=Nam 노=Noh/Roh/No 심=Shim/Sim 유=Yoo/Yu 하=Ha 곽=Kwak/Gwak
            성=Sung/Seong 차=Cha 주=Joo/Ju 우=Woo/U 구=Koo/Gu 민=Min 진=Jin/Chin 나=Na 지=Ji/Jee
            엄=Eom/Um 채=Chae 원=Won 천=Cheon/Chun 방=Bang/Pang 공=Kong/Gong 현=Hyun/Hyeon 함=Ham
            변=Byun/Byeon 염=Yeom/Yum 여=Yeo/Yuh 추=Choo/Chu 도=Do/Doh 소=So 석=Seok/Suk 선=Sun/Seon
            설=Seol/Sul 마=Ma 길=Gil/Kil 연=Yeon/Youn 위=Wi/Wee 표=Pyo 명=Myung/Myeong 기=Ki/Gi
            반=Ban/Bahn 왕=Wang 금=Keum/Geum 옥=Ok 육=Yuk/Yook 인=In 맹=Maeng 제=Je/Jae 모=Mo 탁=Tak
            국=Kook/Guk 남궁=Namgung/Nam-gung 황보=Hwangbo/Hwang-bo 제갈=Jegal/Je-gal
            선우=Sunwoo/Seon-u 독고=Dokgo/Tokko
        """,
    },
    "JP": {
        "male": """
            翔太=Shota/Shouta/Shōta/Syota 大輔=Daisuke 健太=Kenta 拓也=Takuya 翔=Sho/Shou/Shō 蓮=Ren
            悠真=Yuma/Yuuma/Yūma 陽翔=Haruto 湊=Minato 大和=Yamato 誠=Makoto 浩=Hiroshi/Hirosi
            健一=Kenichi/Ken'ichi 隆=Takashi/Takasi 直樹=Naoki 和也=Kazuya 達也=Tatsuya/Tatuya
            修=Osamu 亮=Ryo/Ryou/Ryō 剛=Tsuyoshi/Takeshi 秀樹=Hideki 一郎=Ichiro/Ichirou/Ichirō
            康介=Kosuke/Kousuke/Kōsuke 雄太=Yuta/Yuuta/Yūta ケン=Ken 大樹=Daiki 颯太=Sota/Souta/Sōta
            悠斗=Yuto/Yuuto/Yūto 蒼=Aoi/Sou 陸=Riku 樹=Itsuki 大翔=Hiroto 結翔=Yuito 海斗=Kaito
            陽太=Hinata/Yota 悠人=Yuto/Haruto 隼人=Hayato 拓海=Takumi 翼=Tsubasa 優=Yu/Yuu/Masaru
            和樹=Kazuki 直人=Naoto 健二=Kenji 浩二=Koji/Kouji/Kōji 誠一=Seiichi 正=Tadashi
            茂=Shigeru 清=Kiyoshi 勝=Masaru/Katsu 博=Hiroshi 進=Susumu 学=Manabu 豊=Yutaka 実=Minoru
            稔=Minoru 明=Akira 昭=Akira 健=Ken/Takeshi 裕太=Yuta 翔平=Shohei/Shouhei/Shōhei
            雄一=Yuichi/Yuuichi/Yūichi 慎也=Shinya 哲也=Tetsuya/Tetuya 智也=Tomoya 一樹=Kazuki
            光=Hikaru 涼太=Ryota/Ryouta/Ryōta 圭=Kei 俊介=Shunsuke 賢治=Kenji 貴之=Takayuki
            義男=Yoshio 正男=Masao 三郎=Saburo/Saburou/Saburō
        """,
        "female": """
            さくら=Sakura 陽菜=Hina 結衣=Yui 美咲=Misaki 愛=Ai 優子=Yuko/Yuuko/Yūko 恵子=Keiko
            直美=Naomi 由美=Yumi 真由美=Mayumi 久美子=Kumiko 明美=Akemi 陽子=Yoko/Youko/Yōko
            香織=Kaori 彩=Aya 花子=Hanako 美穂=Miho 麻衣=Mai 千尋=Chihiro/Tihiro あおい=Aoi
            ひなた=Hinata みゆき=Miyuki ゆか=Yuka まゆ=Mayu マリア=Maria エミ=Emi 陽葵=Himari 凛=Rin
            芽依=Mei 結菜=Yuna 葵=Aoi 紬=Tsumugi 莉子=Riko 美月=Mizuki 彩花=Ayaka 真央=Mao
            七海=Nanami 杏=An/Anzu 咲=Saki 花=Hana 菜々子=Nanako 舞=Mai 智子=Tomoko 洋子=Yoko
            幸子=Sachiko 京子=Kyoko/Kyouko/Kyōko 和子=Kazuko 節子=Setsuko 裕子=Yuko 由紀=Yuki
            美紀=Miki 真理子=Mariko 典子=Noriko 純子=Junko 文子=Fumiko 美香=Mika 愛子=Aiko 奈々=Nana
            恵美=Emi 理恵=Rie 紀子=Noriko 明日香=Asuka 遥=Haruka 沙織=Saori 瞳=Hitomi 綾香=Ayaka
            千春=Chiharu 友美=Tomomi 美樹=Miki 春香=Haruka めぐみ=Megumi あゆみ=Ayumi ゆい=Yui
            ひかり=Hikari かおり=Kaori みき=Miki はるか=Haruka なつみ=Natsumi
        """,
        "family": """
            佐藤=Sato/Satou/Satoh/Satō 鈴木=Suzuki 高橋=Takahashi/Takahasi 田中=Tanaka
            伊藤=Ito/Itou/Itoh/Itō 渡辺=Watanabe 山本=Yamamoto 中村=Nakamura 小林=Kobayashi/Kobayasi
            加藤=Kato/Katou/Katoh/Katō 吉田=Yoshida/Yosida 山田=Yamada 佐々木=Sasaki
            山口=Yamaguchi/Yamaguti 松本=Matsumoto/Matumoto 井上=Inoue 木村=Kimura 林=Hayashi/Hayasi
            斎藤=Saito/Saitou/Saitoh/Saitō 清水=Shimizu/Simizu 山崎=Yamazaki/Yamasaki 森=Mori
            池田=Ikeda 橋本=Hashimoto/Hasimoto 阿部=Abe 石川=Ishikawa/Isikawa
            山下=Yamashita/Yamasita 中島=Nakajima/Nakashima/Nakazima 石井=Ishii/Isii 小川=Ogawa
            前田=Maeda 岡田=Okada 長谷川=Hasegawa 藤田=Fujita/Huzita 後藤=Goto/Gotou/Gotoh/Gotō
            近藤=Kondo/Kondou/Kondoh/Kondō 村上=Murakami 遠藤=Endo/Endou/Endoh/Endō 青木=Aoki
            坂本=Sakamoto 斉藤=Saito/Saitoh 福田=Fukuda/Hukuda 太田=Ota/Oota/Ohta/Ōta
            西村=Nishimura/Nisimura 藤井=Fujii/Huzii 金子=Kaneko 岡本=Okamoto 藤原=Fujiwara/Huziwara
            中野=Nakano 三浦=Miura 原田=Harada 中川=Nakagawa 松田=Matsuda/Matuda 竹内=Takeuchi
            小野=Ono 田村=Tamura 中山=Nakayama 和田=Wada 石田=Ishida/Isida 森田=Morita 上田=Ueda
            原=Hara 内田=Uchida/Utida 柴田=Shibata/Sibata 酒井=Sakai 宮崎=Miyazaki 横山=Yokoyama
            高木=Takagi 安藤=Ando/Andou/Andoh/Andō 宮本=Miyamoto 大野=Ono/Ohno/Ōno
            小島=Kojima/Kozima 工藤=Kudo/Kudou/Kudoh/Kudō 谷口=Taniguchi/Taniguti 今井=Imai
            高田=Takada 丸山=Maruyama 増田=Masuda 杉山=Sugiyama 村田=Murata
            大塚=Otsuka/Ootsuka/Ohtsuka/Ōtsuka 小山=Koyama 平野=Hirano 藤本=Fujimoto/Huzimoto
            河野=Kono/Kouno/Kohno/Kōno 上野=Ueno 野口=Noguchi/Noguti 武田=Takeda 松井=Matsui/Matui
            千葉=Chiba/Tiba 岩崎=Iwasaki 菅原=Sugawara 木下=Kinoshita/Kinosita 久保=Kubo 佐野=Sano
            野村=Nomura 松尾=Matsuo/Matuo 市川=Ichikawa/Itikawa 菊地=Kikuchi/Kikuti 杉本=Sugimoto
            古川=Furukawa/Hurukawa 大西=Onishi/Oonishi/Ōnishi 島田=Shimada/Simada 水野=Mizuno
            桜井=Sakurai 高野=Takano 渡部=Watanabe/Watabe 吉川=Yoshikawa/Yosikawa
            山内=Yamauchi/Yamauti 西田=Nishida/Nisida 飯田=Iida 菊池=Kikuchi/Kikuti
            西川=Nishikawa/Nisikawa 小松=Komatsu/Komatu 北村=Kitamura 安田=Yasuda
            五十嵐=Igarashi/Igarasi 川口=Kawaguchi/Kawaguti 平田=Hirata 関=Seki 中田=Nakata
            久保田=Kubota 服部=Hattori 東=Higashi/Azuma 岩田=Iwata 土屋=Tsuchiya/Tutiya
            川崎=Kawasaki 福島=Fukushima/Hukusima 本田=Honda 辻=Tsuji/Tuzi 樋口=Higuchi/Higuti
            秋山=Akiyama 田口=Taguchi/Taguti 永井=Nagai 山中=Yamanaka 中西=Nakanishi/Nakanisi
            吉村=Yoshimura/Yosimura 川上=Kawakami 石原=Ishihara/Isihara 大橋=Ohashi/Oohashi/Ōhashi
            松岡=Matsuoka/Matuoka 馬場=Baba 浜田=Hamada 森本=Morimoto 星野=Hoshino/Hosino 矢野=Yano
            浅野=Asano 大久保=Okubo/Ookubo/Ohkubo/Ōkubo 松下=Matsushita/Matusita
            吉岡=Yoshioka/Yosioka 小池=Koike 野田=Noda 荒木=Araki 大谷=Otani/Ootani/Ohtani/Ōtani
            内藤=Naito/Naitou/Naitoh/Naitō 松浦=Matsuura/Matuura 熊谷=Kumagai 黒田=Kuroda 尾崎=Ozaki
            永田=Nagata 川村=Kawamura 望月=Mochizuki/Motizuki 田辺=Tanabe 松村=Matsumura/Matumura
            荒井=Arai 堀=Hori 大島=Oshima/Ooshima/Ōshima 平井=Hirai 早川=Hayakawa 菅野=Kanno/Sugano
            栗原=Kurihara 西山=Nishiyama/Nisiyama 広瀬=Hirose 横田=Yokota
        """,
    },
    "IN": {
        "male": """
            राहुल=Rahul अमित=Amit राजेश=Rajesh सुनील=Sunil/Suneel विकास=Vikas/Vikash
            संजय=Sanjay/Sanjai अनिल=Anil मनोज=Manoj रवि=Ravi दीपक=Deepak/Dipak अजय=Ajay/Ajai
            विजय=Vijay/Vijai/Bijay अशोक=Ashok/Asok सुरेश=Suresh रमेश=Ramesh महेश=Mahesh
            प्रकाश=Prakash/Parkash अर्जुन=Arjun आदित्य=Aditya रोहित=Rohit अभिषेक=Abhishek
            गौरव=Gaurav/Gourav नितिन=Nitin/Nithin पंकज=Pankaj मुकेश=Mukesh राकेश=Rakesh राजू=Raju
            संतोष=Santosh/Santhosh विनोद=Vinod मोहन=Mohan श्याम=Shyam/Sham राम=Ram
            कृष्ण=Krishna/Krishan गणेश=Ganesh दिनेश=Dinesh नरेश=Naresh योगेश=Yogesh उमेश=Umesh
            हरीश=Harish/Hareesh सतीश=Satish/Sathish जितेंद्र=Jitendra/Jitender
            धर्मेंद्र=Dharmendra/Dharmender सुरेंद्र=Surendra/Surender राजेंद्र=Rajendra/Rajender
            महेंद्र=Mahendra/Mahender वीरेंद्र=Virendra/Virender प्रदीप=Pradeep/Pradip
            संदीप=Sandeep/Sandip कुलदीप=Kuldeep/Kuldip मनीष=Manish/Maneesh आशीष=Ashish/Aashish
            अंकित=Ankit अंकुर=Ankur विशाल=Vishal/Visal सौरभ=Saurabh/Sourabh हर्ष=Harsh विवेक=Vivek
            आकाश=Akash/Aakash अनुराग=Anurag करण=Karan वरुण=Varun तरुण=Tarun अरुण=Arun
            किशोर=Kishore/Kishor गोपाल=Gopal हरि=Hari शिव=Shiv/Shiva ओम=Om प्रेम=Prem भरत=Bharat
            सचिन=Sachin आयुष=Ayush विहान=Vihaan/Vihan रेयांश=Reyansh अयान=Ayaan/Ayan साहिल=Sahil
        """,
        "female": """
            प्रिया=Priya पूजा=Pooja/Puja अंजलि=Anjali सुनीता=Sunita/Sunitha नेहा=Neha रेखा=Rekha
            कविता=Kavita/Kavitha सीमा=Seema/Sima गीता=Geeta/Gita आरती=Aarti/Arti ममता=Mamta/Mamata
            ज्योति=Jyoti/Jyothi मीना=Meena/Mina लक्ष्मी=Lakshmi/Laxmi दिव्या=Divya शालिनी=Shalini
            स्वाति=Swati/Swathi रीता=Rita/Reeta सरिता=Sarita/Saritha किरण=Kiran निशा=Nisha उषा=Usha
            राधा=Radha पार्वती=Parvati/Parvathi सुमन=Suman अनीता=Anita/Aneeta
            संगीता=Sangeeta/Sangita मंजू=Manju पुष्पा=Pushpa/Puspa शांति=Shanti/Santhi
            सरस्वती=Saraswati/Saraswathi कमला=Kamala/Kamla सावित्री=Savitri/Savithri सुषमा=Sushma
            रजनी=Rajni/Rajani वंदना=Vandana/Bandana अर्चना=Archana रश्मि=Rashmi/Reshmi
            श्वेता=Shweta/Sweta सोनिया=Sonia/Soniya रिया=Riya/Ria तन्वी=Tanvi अनुष्का=Anushka
            आस्था=Aastha/Astha भावना=Bhavana/Bhawna चित्रा=Chitra देविका=Devika हेमा=Hema इंदु=Indu
            जया=Jaya काजल=Kajal कोमल=Komal माधुरी=Madhuri नंदिनी=Nandini पल्लवी=Pallavi
            प्रीति=Preeti/Priti रानी=Rani रुचि=Ruchi साक्षी=Sakshi सपना=Sapna शिल्पा=Shilpa/Silpa
            सोनम=Sonam तनुजा=Tanuja उर्मिला=Urmila वर्षा=Varsha/Barsha यामिनी=Yamini
            आराध्या=Aaradhya/Aradhya अदिति=Aditi ईशा=Isha/Esha मेघा=Megha नीलम=Neelam/Nilam
            पूनम=Poonam/Punam
        """,
        "family": """
            शर्मा=Sharma सिंह=Singh कुमार=Kumar वर्मा=Verma/Varma गुप्ता=Gupta यादव=Yadav पटेल=Patel
            जैन=Jain मिश्रा=Mishra/Misra तिवारी=Tiwari/Tewari पांडे=Pandey/Pande
            श्रीवास्तव=Srivastava/Shrivastav चौहान=Chauhan/Chouhan ठाकुर=Thakur
            राठौर=Rathore/Rathour अग्रवाल=Agarwal/Aggarwal/Agrawal दास=Das
            चौधरी=Chaudhary/Choudhary/Chowdhury मेहता=Mehta जोशी=Joshi राव=Rao रेड्डी=Reddy/Reddi
            नायर=Nair खान=Khan शेख=Shaikh/Sheikh दुबे=Dubey/Dube सक्सेना=Saxena भट्ट=Bhatt/Bhat
            कपूर=Kapoor/Kapur मल्होत्रा=Malhotra शुक्ला=Shukla त्रिपाठी=Tripathi/Tripathy
            द्विवेदी=Dwivedi/Dwivedy चतुर्वेदी=Chaturvedi उपाध्याय=Upadhyay/Upadhyaya
            दीक्षित=Dixit/Dikshit बाजपेयी=Bajpai/Vajpayee अवस्थी=Awasthi/Avasthi सिन्हा=Sinha
            प्रसाद=Prasad मौर्य=Maurya कुशवाहा=Kushwaha निषाद=Nishad पाल=Pal गोयल=Goyal/Goel
            बंसल=Bansal मित्तल=Mittal सिंघल=Singhal गर्ग=Garg खन्ना=Khanna अरोड़ा=Arora/Arorra
            चोपड़ा=Chopra भाटिया=Bhatia/Bhatiya सेठी=Sethi आहूजा=Ahuja बत्रा=Batra
            सहगल=Sehgal/Sahgal तलवार=Talwar ग्रोवर=Grover नारंग=Narang गिल=Gill संधू=Sandhu/Sindhu
            ढिल्लों=Dhillon बराड़=Brar सिद्धू=Sidhu ग्रेवाल=Grewal देसाई=Desai शाह=Shah
            पारेख=Parekh/Parikh त्रिवेदी=Trivedi व्यास=Vyas/Vyaas पंड्या=Pandya भावसार=Bhavsar
            कुलकर्णी=Kulkarni देशपांडे=Deshpande पाटिल=Patil जाधव=Jadhav शिंदे=Shinde
            पवार=Pawar/Powar गायकवाड़=Gaikwad/Gaekwad भोसले=Bhosale/Bhonsle कदम=Kadam
            सावंत=Sawant/Savant नाइक=Naik/Nayak मुखर्जी=Mukherjee/Mukherji बनर्जी=Banerjee/Banerji
            चटर्जी=Chatterjee/Chatterji घोष=Ghosh बोस=Bose/Basu सेन=Sen दत्ता=Dutta/Datta
            रॉय=Roy/Rai मंडल=Mondal/Mandal साहा=Saha सरकार=Sarkar पिल्लै=Pillai मेनन=Menon
            अय्यर=Iyer/Aiyar अयंगर=Iyengar नायडू=Naidu चौरसिया=Chaurasia रस्तोगी=Rastogi
            भारद्वाज=Bhardwaj/Bharadwaj कश्यप=Kashyap वशिष्ठ=Vashisht/Vashishtha गौतम=Gautam/Goutam
            राजपूत=Rajput तोमर=Tomar सोलंकी=Solanki परमार=Parmar राणा=Rana बिष्ट=Bisht नेगी=Negi
            रावत=Rawat अंसारी=Ansari कुरैशी=Qureshi/Kureshi सिद्दीकी=Siddiqui/Siddiqi मलिक=Malik
        """,
        "middle": """
            कुमार:कुमारी=Kumar:Kumari प्रसाद:देवी=Prasad:Devi लाल:रानी=Lal:Rani
            चंद्र:कुमारी=Chandra/Chander:Kumari नाथ:देवी=Nath:Devi
        """,
    },
}
