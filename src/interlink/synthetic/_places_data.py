"""Per-country material besides names: phone plans, document patterns, places, addresses.

Phone plans hold mobile prefixes that the phonenumbers metadata accepts as valid (checked
by tests/synthetic), so numbers can be built without calling the library per row. Document
patterns: ``L`` a letter, ``9`` a digit, ``X`` a letter or digit, anything else as is.
Cities use the name format of names._parse. Streets are written as a local officer would
in Latin script.
"""

# country: (calling code, trunk prefix, mobile prefixes, national number length)
PHONES: dict[str, tuple[str, str, str, int]] = {
    "UA": ("380", "0", "50 63 66 67 68 73 93 95 96 97 98 99", 9),
    "RU": ("7", "8", "903 905 909 915 916 925 926 964 977 985", 10),
    "BG": ("359", "0", "87 88 89 98", 9),
    "GR": ("30", "", "690 693 694 695 697 698 699", 10),
    "MA": ("212", "0", "61 62 65 66 67 70", 9),
    "EG": ("20", "0", "10 11 12 15", 10),
    "SY": ("963", "0", "93 94 95 96 98 99", 9),
    "IQ": ("964", "0", "750 770 771 780 781 790", 10),
    "IR": ("98", "0", "901 902 912 913 919 930 935 936 937 938 939", 10),
    "IL": (
        "972",
        "0",
        "502 503 504 505 506 507 508 522 523 524 525 526 527 528 53 542 545 546 547 548 549",
        9,
    ),
    "TH": (
        "66",
        "0",
        "61 62 63 64 65 80 81 82 83 84 85 86 87 88 89 90 91 92 93 94 95 96 97 98 99",
        9,
    ),
    "CN": (
        "86",
        "",
        "130 131 132 133 135 136 137 138 139 150 151 152 155 156 158 159 186 187 188 189",
        11,
    ),
    "JP": (
        "81",
        "0",
        "701 702 703 704 705 706 707 708 709 801 802 803 804 805 806 807 808 809 "
        "901 902 903 904 905 906 907 908 909",
        10,
    ),
    "KR": ("82", "0", "102 103 104 106 107 108 109", 10),
    "IN": ("91", "0", "90 93 94 95 96 97 98 99", 10),
    "AM": ("374", "0", "55 77 91 93 94 95 96 98 99", 8),
    "GE": ("995", "", "555 557 558 568 571 574 577 591 592 593 595 596 597 598 599", 9),
    "PL": ("48", "", "50 51 53 57 60 66 69 72 73 78 79 88", 9),
    "CZ": (
        "420",
        "",
        "601 602 603 604 605 606 607 608 702 703 704 721 722 723 724 725 730 "
        "731 732 733 734 736 737 739 773 774 775 776 777",
        9,
    ),
    "RO": ("40", "0", "72 73 74 75 76 77", 9),
    "HU": ("36", "06", "20 30 31 70", 9),
    "TR": (
        "90",
        "0",
        "505 506 507 530 531 532 533 535 536 537 538 539 541 542 543 544 545 551 552 553 554 555",
        10,
    ),
    "VN": (
        "84",
        "0",
        "32 33 34 35 36 37 38 39 70 76 77 78 79 81 82 83 84 85 86 88 90 91 93 94 96 97 98",
        9,
    ),
    "DE": ("49", "0", "151 152 157 159 160 162 163 170 171 172 173 174 175 176 177 178 179", 11),
    "FR": ("33", "0", "60 61 62 64 65 66 67 68 75 76 77 78", 9),
    "ES": ("34", "", "6 71 72 73 74", 9),
    "PT": ("351", "", "91 92 93 96", 9),
    "NG": (
        "234",
        "0",
        "803 806 813 816 703 706 805 807 815 705 802 808 812 701 708 809 817 818 909 908",
        10,
    ),
    "PH": (
        "63",
        "0",
        "905 906 915 916 917 926 927 935 936 937 945 953 954 955 956 965 966 "
        "967 975 977 995 997 908 918 919 920 921 928 929 939 947 949 998 999",
        10,
    ),
    "BR": ("55", "0", "119 219 319 419 519 619 719 819 859", 11),
    "CO": (
        "57",
        "",
        "300 301 302 304 310 311 312 313 314 315 316 317 318 319 320 321 322 323 350 351",
        10,
    ),
    "AL": ("355", "0", "69 672 674 676 678 682 684 686 688", 9),
}

# country: (document number patterns, postal code pattern, address format, legal forms)
FORMATS: dict[str, tuple[str, str, str, str]] = {
    "UA": (
        "FE999999 FA999999 EA999999 999999999",
        "99999",
        "{street}, {house}, kv. {flat}, {city}, {postal}",
        "TOV|PP",
    ),
    "RU": (
        "75_9999999 76_9999999 4599_999999",
        "999999",
        "{street}, d. {house}, kv. {flat}, {city}, {postal}",
        "OOO|IP",
    ),
    "BG": (
        "389999999 649999999",
        "9999",
        "{street} {house}, ap. {flat}, {postal} {city}",
        "EOOD|OOD",
    ),
    "GR": ("LL9999999", "999_99", "{street} {house}, {postal} {city}", "IKE|EPE"),
    "MA": ("LL9999999", "99999", "{house}, {street}, {city} {postal}", "SARL|SARL AU"),
    "EG": ("A99999999", "99999", "{house} {street}, {city}", "LLC|Co."),
    "SY": ("N99999999 999999999", "", "{street}, building {house}, {city}", "LLC|Co."),
    "IQ": ("A99999999", "99999", "{street}, house {house}, {city}", "Co.|LLC"),
    "IR": (
        "K99999999 L99999999",
        "99999-99999",
        "{street}, No. {house}, {city}, {postal}",
        "Co.|PJS",
    ),
    "IL": ("99999999", "9999999", "{street} {house}, {city} {postal}", "Ltd"),
    "TH": (
        "AA9999999 AB9999999",
        "99999",
        "{house}/{flat} {street}, {city} {postal}",
        "Co., Ltd.|Ltd. Part.",
    ),
    "CN": (
        "E99999999 EA9999999",
        "999999",
        "{street} No. {house}, Room {flat}, {city} {postal}",
        "Co., Ltd.|Trading Co., Ltd.",
    ),
    "JP": (
        "TK9999999 TR9999999",
        "999-9999",
        "{house}-{flat} {street}, {city} {postal}",
        "K.K.|G.K.",
    ),
    "KR": ("M99999999", "99999", "{house} {street}, {city} {postal}", "Co., Ltd."),
    "IN": ("L9999999", "999999", "{house}, {street}, {city} {postal}", "Pvt. Ltd.|LLP"),
    "AM": (
        "AT9999999 AU9999999",
        "9999",
        "{house} {street}, apt. {flat}, {city} {postal}",
        "LLC|CJSC",
    ),
    "GE": ("99LL99999", "9999", "{house} {street}, {city} {postal}", "LLC|JSC"),
    "PL": ("LL9999999", "99-999", "{street} {house}/{flat}, {postal} {city}", "Sp. z o.o.|S.A."),
    "CZ": ("99999999", "999_99", "{street} {house}, {postal} {city}", "s.r.o.|a.s."),
    "RO": ("059999999", "999999", "{street} nr. {house}, ap. {flat}, {city} {postal}", "SRL|SA"),
    "HU": ("LL9999999", "9999", "{postal} {city}, {street} {house}.", "Kft.|Bt."),
    "TR": (
        "U99999999",
        "99999",
        "{street} No: {house} D: {flat}, {postal} {city}",
        "Ltd. Şti.|A.Ş.",
    ),
    "VN": ("C9999999 P9999999", "999999", "{house} {street}, {city}", "Co., Ltd.|JSC"),
    "DE": ("CXXXXXXXX", "99999", "{street} {house}, {postal} {city}", "GmbH|UG|KG"),
    "FR": ("99LL99999", "99999", "{house} {street}, {postal} {city}", "SARL|SAS"),
    "ES": ("LLL999999", "99999", "{street} {house}, {flat}º, {postal} {city}", "S.L.|S.A."),
    "PT": (
        "LL999999 L999999",
        "9999-999",
        "{street} {house}, {flat}º, {postal} {city}",
        "Lda.|S.A.",
    ),
    "NG": ("A99999999 B99999999", "999999", "{house} {street}, {city}", "Ltd|Enterprises"),
    "PH": ("P9999999L", "9999", "{house} {street}, {city} {postal}", "Inc.|Corp."),
    "BR": ("LL999999", "99999-999", "{street}, {house}, apto {flat}, {city}, {postal}", "Ltda.|ME"),
    "CO": ("LL999999 AO999999", "999999", "{street} # {house}-{flat}, {city}", "S.A.S.|Ltda."),
    "AL": (
        "BL9999999 BA9999999",
        "9999",
        "{street}, Nr. {house}, {city} {postal}",
        "sh.p.k.|sh.a.",
    ),
}

# country: (cities, capital first, in names._parse format; streets separated by "|";
#           border crossing points separated by "|")
PLACES: dict[str, tuple[str, str, str]] = {
    "UA": (
        "Київ=Kyiv/Kiev Одеса=Odesa/Odessa Харків=Kharkiv/Kharkov Львів=Lviv/Lvov "
        "Дніпро=Dnipro Чернівці=Chernivtsi Ужгород=Uzhhorod/Uzhgorod",
        "vul. Shevchenka|vul. Franka|prosp. Peremohy|vul. Sadova|vul. Hrushevskoho|"
        "vul. Lesi Ukrainky|vul. Zelena|vul. Naberezhna",
        "Boryspil Airport|Chop road crossing|Odesa seaport",
    ),
    "RU": (
        "Москва=Moscow/Moskva Санкт-Петербург=Saint_Petersburg/Sankt-Peterburg "
        "Ростов-на-Дону=Rostov-on-Don/Rostov-na-Donu Новосибирск=Novosibirsk "
        "Екатеринбург=Yekaterinburg/Ekaterinburg Краснодар=Krasnodar",
        "ul. Lenina|ul. Sadovaya|pr. Mira|ul. Gagarina|ul. Pushkina|ul. Sovetskaya|"
        "ul. Molodezhnaya|ul. Tsentralnaya",
        "Sheremetyevo Airport|Pulkovo Airport|Verkhny Lars",
    ),
    "BG": (
        "София=Sofia/Sofiya Пловдив=Plovdiv Варна=Varna Бургас=Burgas Русе=Ruse/Rousse "
        "Сливен=Sliven",
        "ul. Rakovski|bul. Vitosha|ul. Shipka|ul. Graf Ignatiev|bul. Bulgaria|ul. Tsar Simeon",
        "Sofia Airport|Kapitan Andreevo|Ruse Danube Bridge",
    ),
    "GR": (
        "Αθήνα=Athens/Athina Θεσσαλονίκη=Thessaloniki/Salonica Πειραιάς=Piraeus/Peiraias "
        "Πάτρα=Patras/Patra Ηράκλειο=Heraklion/Irakleio Λάρισα=Larissa/Larisa",
        "Odos Ermou|Leoforos Syngrou|Odos Patision|Odos Aiolou|Odos Egnatias|Odos Tsimiski",
        "Athens International Airport|Kipoi|Evzonoi",
    ),
    "MA": (
        "الدار_البيضاء=Casablanca/Dar_el_Beida الرباط=Rabat مراكش=Marrakech/Marrakesh "
        "فاس=Fes/Fez طنجة=Tangier/Tanger أكادير=Agadir",
        "Rue Mohammed V|Avenue Hassan II|Rue des Oranges|Boulevard Zerktouni|"
        "Derb Sidi Bouloukat|Rue Ibn Batouta",
        "Casablanca Mohammed V Airport|Tanger Med port|Bab Sebta",
    ),
    "EG": (
        "القاهرة=Cairo/Al-Qahira الإسكندرية=Alexandria/El_Iskandariya الجيزة=Giza/El_Giza "
        "بورسعيد=Port_Said المنصورة=Mansoura/El_Mansura أسيوط=Asyut/Assiut",
        "Sharia El Tahrir|Sharia Ramses|El Haram Street|Corniche El Nil|Shubra Street|"
        "Sharia Gamal Abdel Nasser",
        "Cairo International Airport|Salloum|Port of Alexandria",
    ),
    "SY": (
        "دمشق=Damascus/Dimashq حلب=Aleppo/Halab حمص=Homs اللاذقية=Latakia/Lattakia "
        "حماة=Hama إدلب=Idlib",
        "Baghdad Street|Al-Hamra Street|Al-Thawra Street|Souq Al-Hamidiyah|"
        "Abu Rummaneh Street|Al-Jalaa Street",
        "Damascus International Airport|Jdeidet Yabous|Bab al-Hawa",
    ),
    "IQ": (
        "بغداد=Baghdad البصرة=Basra/Basrah الموصل=Mosul أربيل=Erbil/Arbil النجف=Najaf "
        "كربلاء=Karbala/Kerbala",
        "Al-Rasheed Street|Al-Mutanabbi Street|Palestine Street|Al-Karrada Street|"
        "Al-Saadoun Street|Abu Nuwas Street",
        "Baghdad International Airport|Ibrahim Khalil|Trebil",
    ),
    "IR": (
        "تهران=Tehran/Teheran مشهد=Mashhad/Meshed اصفهان=Isfahan/Esfahan شیراز=Shiraz "
        "تبریز=Tabriz کرج=Karaj",
        "Khiaban-e Enghelab|Khiaban-e Azadi|Khiaban-e Vali Asr|Khiaban-e Ferdowsi|"
        "Kuche-ye Bahar|Khiaban-e Shariati",
        "Imam Khomeini Airport|Bazargan|Mehran",
    ),
    "IL": (
        "ירושלים=Jerusalem/Yerushalayim תל_אביב=Tel_Aviv חיפה=Haifa/Hefa "
        "באר_שבע=Beersheba/Be'er_Sheva נתניה=Netanya אשדוד=Ashdod",
        "Rehov Herzl|Rehov Jabotinsky|Rehov Allenby|Rehov Ben Yehuda|Derech Hevron|Rehov HaNevi'im",
        "Ben Gurion Airport|Allenby Bridge|Taba",
    ),
    "TH": (
        "กรุงเทพมหานคร=Bangkok/Krung_Thep เชียงใหม่=Chiang_Mai พัทยา=Pattaya "
        "ขอนแก่น=Khon_Kaen อุดรธานี=Udon_Thani ภูเก็ต=Phuket",
        "Sukhumvit Road|Ratchadaphisek Road|Soi Nana|Phetchaburi Road|Rama IV Road|"
        "Charoen Krung Road",
        "Suvarnabhumi Airport|Mae Sot|Sadao",
    ),
    "CN": (
        "北京=Beijing/Peking 上海=Shanghai 广州=Guangzhou/Canton 深圳=Shenzhen "
        "福州=Fuzhou/Foochow 温州=Wenzhou 沈阳=Shenyang",
        "Jiefang Road|Renmin Road|Zhongshan Road|Jianshe Road|Heping Street|Xinhua Road",
        "Beijing Capital Airport|Lo Wu|Ruili",
    ),
    "JP": (
        "東京=Tokyo/Tōkyō 大阪=Osaka/Ōsaka 名古屋=Nagoya 横浜=Yokohama 福岡=Fukuoka 札幌=Sapporo",
        "Kabukicho|Ikebukuro|Namba|Nakasu|Susukino|Ueno",
        "Narita Airport|Kansai Airport|Port of Fukuoka",
    ),
    "KR": (
        "서울=Seoul 부산=Busan/Pusan 인천=Incheon/Inchon 대구=Daegu/Taegu 광주=Gwangju/Kwangju "
        "대전=Daejeon/Taejon",
        "Sejong-daero|Teheran-ro|Itaewon-ro|Haeundae-ro|Gangnam-daero|Jong-ro",
        "Incheon Airport|Gimhae Airport|Port of Busan",
    ),
    "IN": (
        "नई_दिल्ली=New_Delhi मुंबई=Mumbai/Bombay कोलकाता=Kolkata/Calcutta "
        "बेंगलुरु=Bengaluru/Bangalore चेन्नई=Chennai/Madras जयपुर=Jaipur लखनऊ=Lucknow",
        "MG Road|Station Road|Nehru Nagar|Gandhi Marg|Park Street|Lajpat Nagar",
        "Indira Gandhi Airport|Attari-Wagah|Raxaul",
    ),
    "AM": (
        "Երևան=Yerevan/Erevan Գյումրի=Gyumri/Gumri Վանաձոր=Vanadzor "
        "Վաղարշապատ=Vagharshapat/Echmiadzin Աբովյան=Abovyan Կապան=Kapan",
        "Abovyan St.|Mashtots Ave.|Tigran Mets Ave.|Baghramyan Ave.|Komitas Ave.|Nalbandyan St.",
        "Zvartnots Airport|Bagratashen|Meghri",
    ),
    "GE": (
        "თბილისი=Tbilisi/Tiflis ბათუმი=Batumi ქუთაისი=Kutaisi რუსთავი=Rustavi გორი=Gori "
        "ზუგდიდი=Zugdidi",
        "Rustaveli Ave.|Chavchavadze Ave.|Aghmashenebeli Ave.|Pekini St.|Gorgasali St.|"
        "Tsereteli Ave.",
        "Tbilisi Airport|Sarpi|Kazbegi",
    ),
    "PL": (
        "Warszawa Kraków Łódź Wrocław Poznań Gdańsk",
        "ul. Marszałkowska|ul. Długa|ul. Polna|ul. Lipowa|ul. Kościuszki|ul. Mickiewicza",
        "Warsaw Chopin Airport|Dorohusk|Terespol",
    ),
    "CZ": (
        "Praha Brno Ostrava Plzeň Liberec Olomouc",
        "Národní|Vinohradská|Husova|Nádražní|Palackého|Masarykova",
        "Prague Airport|Rozvadov|Brno Airport",
    ),
    "RO": (
        "București Cluj-Napoca Timișoara Iași Constanța Craiova",
        "Strada Victoriei|Bulevardul Unirii|Strada Libertății|Strada Mihai Eminescu|"
        "Calea Moșilor|Strada Florilor",
        "Henri Coandă Airport|Siret|Nădlac",
    ),
    "HU": (
        "Budapest Debrecen Szeged Miskolc Pécs Győr",
        "Kossuth Lajos utca|Petőfi Sándor utca|Rákóczi út|Fő utca|Széchenyi tér|Váci utca",
        "Budapest Airport|Röszke|Záhony",
    ),
    "TR": (
        "İstanbul Ankara İzmir Antalya Bursa Gaziantep",
        "Atatürk Caddesi|İstiklal Caddesi|Cumhuriyet Caddesi|Gül Sokak|Lale Sokak|Bağdat Caddesi",
        "Istanbul Airport|Kapıkule|Sarp",
    ),
    "VN": (
        "Hà_Nội Thành_phố_Hồ_Chí_Minh Hải_Phòng Đà_Nẵng Cần_Thơ Vinh",
        "Phố Huế|Đường Lê Lợi|Đường Trần Hưng Đạo|Phố Hàng Bạc|Đường Nguyễn Trãi|"
        "Đường Hai Bà Trưng",
        "Noi Bai Airport|Tan Son Nhat Airport|Mong Cai",
    ),
    "DE": (
        "Berlin Hamburg München Köln Frankfurt_am_Main Dortmund",
        "Hauptstraße|Bahnhofstraße|Schillerstraße|Gartenstraße|Goethestraße|Lindenstraße",
        "Frankfurt Airport|Munich Airport|Frankfurt (Oder)",
    ),
    "FR": (
        "Paris Marseille Lyon Toulouse Nice Lille",
        "rue de la République|avenue Victor Hugo|rue Pasteur|boulevard Voltaire|"
        "rue du Moulin|rue de l'Église",
        "Paris Charles de Gaulle Airport|Menton|Calais port",
    ),
    "ES": (
        "Madrid Barcelona Valencia Sevilla Málaga Murcia",
        "Calle Mayor|Calle Real|Avenida de la Constitución|Calle de Alcalá|Calle Nueva|"
        "Calle del Sol",
        "Madrid Barajas Airport|Algeciras port|Ceuta Tarajal",
    ),
    "PT": (
        "Lisboa Porto Braga Coimbra Faro Setúbal",
        "Rua Augusta|Avenida da Liberdade|Rua de Santa Catarina|Rua do Comércio|"
        "Rua Direita|Travessa do Carmo",
        "Lisbon Airport|Porto Airport|Vilar Formoso",
    ),
    "NG": (
        "Lagos Abuja Kano Ibadan Benin_City Port_Harcourt",
        "Allen Avenue|Broad Street|Ahmadu Bello Way|Airport Road|Murtala Mohammed Way|"
        "Herbert Macaulay Way",
        "Murtala Muhammed Airport|Seme|Nnamdi Azikiwe Airport",
    ),
    "PH": (
        "Manila Quezon_City Cebu_City Davao_City Makati Angeles_City",
        "Rizal Avenue|Mabini Street|Bonifacio Street|Aurora Boulevard|Taft Avenue|Roxas Boulevard",
        "Ninoy Aquino Airport|Mactan-Cebu Airport|Zamboanga port",
    ),
    "BR": (
        "São_Paulo Rio_de_Janeiro Salvador Fortaleza Belo_Horizonte Recife",
        "Rua das Flores|Avenida Paulista|Rua São João|Avenida Brasil|Rua Sete de Setembro|"
        "Rua XV de Novembro",
        "Guarulhos Airport|Foz do Iguaçu|Galeão Airport",
    ),
    "CO": (
        "Bogotá Medellín Cali Barranquilla Cartagena Pereira",
        "Calle 45|Carrera 7|Avenida Boyacá|Calle 80|Carrera 15|Avenida Caracas",
        "El Dorado Airport|Rumichaca|Simón Bolívar bridge",
    ),
    "AL": (
        "Tiranë=Tirana Durrës=Durres/Durazzo Vlorë=Vlora Shkodër=Shkodra Elbasan Fier",
        "Rruga e Durrësit|Bulevardi Zogu I|Rruga Myslym Shyri|Rruga e Kavajës|"
        "Rruga Sami Frashëri|Rruga Ismail Qemali",
        "Tirana Airport|Kakavija|Durrës port",
    ),
}
