"""Name lists: Arabic (MA, EG, SY, IQ), Persian (IR), Hebrew (IL).

Abjads cannot be transliterated mechanically (the short vowels are not written), so every
entry lists its Latin forms by hand, the most common (or French-influenced, in the Maghreb)
spelling first. Format: see names._parse; ``_`` stands for a space. Each list starts with the
most common names: people.py draws them with falling (Zipf-like) weights by rank.
"""

_ARABIC_MALE = """
    محمد=Mohamed/Mohammed/Muhammad/Mohammad/Mohamad أحمد=Ahmed/Ahmad علي=Ali حسن=Hassan/Hasan
    حسين=Hussein/Hussain/Husayn/Houssein محمود=Mahmoud/Mahmud مصطفى=Mostafa/Mustafa/Moustafa
    يوسف=Youssef/Yousef/Yusuf/Youcef إبراهيم=Ibrahim/Ebrahim/Brahim خالد=Khaled/Khalid عمر=Omar/Umar
    عبد_الله=Abdullah/Abdallah/Abdellah/Abd_Allah
    عبد_الرحمن=Abdulrahman/Abdul_Rahman/Abderrahmane/Abdelrahman/Abd_al-Rahman
    عبد_القادر=Abdelkader/Abdulqadir/Abdul_Kader/Abd_al-Qadir كريم=Karim/Kareem سعيد=Said/Saeed/Saïd
    طارق=Tarek/Tariq/Tarik هشام=Hicham/Hisham/Hesham رشيد=Rachid/Rashid/Rasheed
    ياسين=Yassine/Yasin/Yaseen نبيل=Nabil/Nabeel عادل=Adel/Adil سامي=Sami/Samy وليد=Walid/Waleed
    جمال=Jamal/Gamal/Djamel مراد=Mourad/Murad إسماعيل=Ismail/Ismael/Smail
    زكريا=Zakaria/Zakariya/Zakariyya فيصل=Faisal/Faycal/Faysal عماد=Imad/Emad
    عبد_العزيز=Abdelaziz/Abdulaziz/Abdel_Aziz عبد_الكريم=Abdelkarim/Abdulkarim/Abdel_Karim
    عبد_الحميد=Abdelhamid/Abdulhamid/Abdel_Hamid عبد_الرحيم=Abderrahim/Abdulrahim/Abdel_Rahim
    أيمن=Ayman/Aymen أسامة=Oussama/Osama/Usama أنس=Anas بلال=Bilal/Belal حمزة=Hamza/Hamzah
    سليمان=Suleiman/Soliman/Slimane/Sulaiman صالح=Saleh/Salah/Salih صلاح=Salah/Salaheddine
    عثمان=Othman/Osman/Outhmane عمرو=Amr/Amro فارس=Fares/Faris ماجد=Majed/Majid منصور=Mansour/Mansur
    ناصر=Nasser/Nasir/Naser نور_الدين=Noureddine/Nour_El-Din/Nuruddin هاني=Hani/Hany وائل=Wael/Wail
    ياسر=Yasser/Yasir/Yaser يحيى=Yahya/Yehia/Yahia يونس=Younes/Yunus/Younis إدريس=Idriss/Idris
    أمين=Amine/Amin/Ameen أنور=Anwar/Anouar بشير=Bachir/Bashir/Basheer توفيق=Taoufik/Tawfiq/Tawfik
    جلال=Jalal/Galal/Djalal حامد=Hamed/Hamid حسام=Hossam/Hussam/Houssam حمدي=Hamdi/Hamdy
    رامي=Rami/Ramy رضا=Reda/Rida زياد=Ziad/Ziyad سمير=Samir/Sameer شريف=Sherif/Charif/Sharif
    صابر=Saber/Sabir عبد_السلام=Abdesalam/Abdulsalam/Abdel_Salam عدنان=Adnan علاء=Alaa/Ala
    عيسى=Issa/Eissa/Aissa غسان=Ghassan فؤاد=Fouad/Fuad قاسم=Kassem/Qasim/Kacem لؤي=Louay/Luay
    مازن=Mazen/Mazin مهدي=Mehdi/Mahdi موسى=Moussa/Musa/Mousa نادر=Nader/Nadir هيثم=Haitham/Haytham
    وسيم=Wassim/Waseem ميلود=Miloud عزيز=Aziz
"""

_ARABIC_FEMALE = """
    فاطمة=Fatima/Fatma/Fatimah/Fatema مريم=Mariam/Maryam/Meryem/Meriem
    عائشة=Aisha/Aicha/Aysha/Ayesha خديجة=Khadija/Khadidja/Khadeeja زينب=Zainab/Zineb/Zaynab/Zeinab
    نور=Nour/Noor/Nur سارة=Sara/Sarah ليلى=Layla/Leila/Laila أمينة=Amina/Aminah/Ameena
    سلمى=Salma/Selma هدى=Houda/Huda/Hoda نادية=Nadia/Nadiya سميرة=Samira/Sameera رانيا=Rania/Raniya
    ياسمين=Yasmine/Yasmin/Jasmine حنان=Hanane/Hanan إيمان=Imane/Iman/Eman أسماء=Asmaa/Asma
    دعاء=Doaa/Duaa/Douaa رحمة=Rahma/Rahmah هاجر=Hajar/Hagar/Hajer سعاد=Souad/Suad/Soad
    نجاة=Najat/Nagat وفاء=Wafaa/Wafa لبنى=Loubna/Lubna غادة=Ghada منى=Mona/Muna رشا=Rasha
    دينا=Dina/Dena شيماء=Shaimaa/Chaimae/Shaima آمنة=Amna/Amina/Aamna أمل=Amal آية=Aya/Ayah
    بشرى=Bouchra/Bushra حليمة=Halima/Halimah حياة=Hayat خلود=Kholoud/Khulud رقية=Ruqayya/Roqia/Rokia
    ريم=Reem/Rim زهرة=Zahra/Zohra سناء=Sanaa/Sana سهام=Siham/Seham سوسن=Sawsan/Soussan
    صفاء=Safaa/Safa عبير=Abir/Abeer فرح=Farah كريمة=Karima/Karimah لطيفة=Latifa/Latifah
    ملك=Malak/Malek مروة=Marwa/Maroua منال=Manal ناديا=Nadya نجلاء=Naglaa/Najlaa نوال=Nawal
    هالة=Hala/Halla هبة=Heba/Hiba وداد=Wedad/Widad/Ouidad يسرى=Yousra/Yusra/Yosra
    إسراء=Israa/Esraa/Isra أميرة=Amira/Ameera جميلة=Jamila/Gamila/Djamila حسناء=Hasnaa/Hasna
    خولة=Khawla/Khaoula رباب=Rabab رجاء=Rajaa/Ragaa زهراء=Zahraa سلوى=Salwa/Saloua
    سميّة=Soumaya/Sumaya/Soumia شهد=Shahad عزيزة=Aziza فدوى=Fadwa/Fadoua مها=Maha
    نسرين=Nesrine/Nisreen/Nesreen نهى=Noha/Nuha هند=Hind/Hend يمنى=Youmna/Yumna بسمة=Basma/Bassma
    رحاب=Rehab/Rihab
"""

# Family names across the Arab countries (many are a forefather's given name).
_ARABIC_FAMILY = """
    حسن=Hassan/Hasan علي=Ali أحمد=Ahmed/Ahmad محمد=Mohamed/Mohammed/Muhammad إبراهيم=Ibrahim
    محمود=Mahmoud/Mahmud مصطفى=Mostafa/Moustafa/Mustafa سليمان=Soliman/Suleiman/Sulaiman
    عثمان=Osman/Othman منصور=Mansour/Mansur خليل=Khalil يوسف=Youssef/Yousef/Yusuf
    عبد_الله=Abdullah/Abdallah/Abdellah صالح=Saleh/Salih عمر=Omar/Umar قاسم=Kassem/Qasim/Kacem
    إسماعيل=Ismail/Ismael موسى=Moussa/Musa عيسى=Issa/Eissa حمدان=Hamdan سالم=Salem/Salim
    نصر=Nasr/Nassr عباس=Abbas جابر=Jaber/Gaber/Jabir رشيد=Rachid/Rashid
    عبد_الرحمن=Abdelrahman/Abdulrahman سعيد=Said/Saeed ناصر=Nasser/Nasir حمود=Hammoud/Hamoud
"""

DATA: dict[str, dict[str, str]] = {
    "MA": {
        "male": _ARABIC_MALE,
        "female": _ARABIC_FEMALE,
        "family": """
            العلوي=Alaoui/El_Alaoui/Alawi الإدريسي=Idrissi/El_Idrissi/Drissi بناني=Bennani
            التازي=Tazi/Ettazi برادة=Berrada الفاسي=El_Fassi/Fassi/Elfassi الشرايبي=Chraibi/Cheraibi
            العمراني=El_Amrani/Amrani/Elamrani بنعلي=Benali/Ben_Ali بنجلون=Benjelloun/Benjeloun
            الوزاني=Ouazzani/El_Ouazzani/Wazzani الصديقي=Seddiki/Essadiki/Siddiqi
            بوزيان=Bouziane/Bouzian الحداد=El_Haddad/Haddad المنصوري=Mansouri/El_Mansouri
            الزياني=Ziani/Zayani بلحاج=Belhaj/Belhadj/Bel_Haj الخطيب=El_Khatib/Khatib بوعزة=Bouazza
            أمزيان=Amziane/Amezian العثماني=Othmani/El_Othmani/Otmani الرحموني=Rahmouni/Errahmouni
            الكتاني=Kettani/El_Kettani/Kattani الناصري=Naciri/Ennasiri/Nasiri
            بنسعيد=Bensaid/Ben_Said الغزالي=El_Ghazali/Ghazali الهاشمي=Hachimi/El_Hachimi/Hashemi
            الطاهري=Tahiri/Taheri/Ettahiri أوحمو=Ouhammou بوشعيب=Bouchaib
            الشرقاوي=Cherkaoui/Charkaoui الغربي=Gharbi/El_Gharbi البقالي=Bakkali/El_Bakkali
            التوزاني=Touzani الجزولي=Jazouli/El_Jazouli الحسني=Hassani/El_Hassani
            الدكالي=Doukkali/Dukkali الرايس=Rais/Errais الزروالي=Zerouali/Zarouali
            السوسي=Soussi/Essoussi الصنهاجي=Senhaji/Sanhaji الطنجاوي=Tanjaoui
            الفيلالي=Filali/El_Filali القادري=Kadiri/Qadiri/El_Kadiri اللمطي=Lamti
            المراكشي=Marrakchi/El_Marrakchi النجاري=Najjari/Ennajari اليعقوبي=Yacoubi/El_Yacoubi
            أيت_علي=Ait_Ali/Aitali أيت_أحمد=Ait_Ahmed/Aitahmed أوعلي=Ouali
            بنموسى=Benmoussa/Ben_Moussa بنكيران=Benkirane بنعبد_الله=Benabdellah/Ben_Abdellah
            بوطالب=Boutaleb بوخريص=Boukhris بلقاسم=Belkacem/Belkassem
            بنشقرون=Bencheqroun/Benchekroun تاج_الدين=Tajeddine/Taj_Eddine حجي=Hajji/Hadji
            زروق=Zerrouk/Zarrouk شاكر=Chaker/Shaker عزيزي=Azizi لحلو=Lahlou مكوار=Mekouar
            نعيمي=Naimi/Nouaimi ورياغلي=Ouriaghli/Riaghli يحياوي=Yahyaoui/Yahiaoui بوستة=Boucetta
            بنشريف=Bencherif/Ben_Cherif حمداوي=Hamdaoui/Hamdawi خياري=Khiari/Khayari
        """
        + _ARABIC_FAMILY,
    },
    "EG": {
        "male": _ARABIC_MALE,
        "female": _ARABIC_FEMALE,
        "family": """
            السيد=El-Sayed/Elsayed/El_Sayed/Al-Sayyid عبد_الحميد=Abdel_Hamid/Abdelhamid/Abdul_Hamid
            فاروق=Farouk/Farouq/Faruk فهمي=Fahmy/Fahmi عبد_العزيز=Abdel_Aziz/Abdelaziz/Abdulaziz
            الشريف=El-Sherif/Elsherif/Al-Sharif رمضان=Ramadan حسني=Hosny/Husni زكي=Zaki/Zaky
            شحاتة=Shehata/Shahata الجمال=El-Gamal/Elgamal/Al-Jamal عطية=Attia/Atiyah جاد=Gad/Jad
            بدوي=Badawi/Badawy النجار=El-Naggar/Elnaggar/Al-Najjar درويش=Darwish
            يونس=Younes/Younis/Yunus صبري=Sabry/Sabri حمدي=Hamdy/Hamdi عوض=Awad
            عبد_الفتاح=Abdel_Fattah/Abdelfattah/Abdulfattah عبد_المنعم=Abdel_Moneim/Abdelmoneim
            عبد_الغني=Abdel_Ghani/Abdelghany عبد_الرازق=Abdel_Razek/Abdelrazek
            عبد_اللطيف=Abdel_Latif/Abdellatif عبد_الوهاب=Abdel_Wahab/Abdelwahab
            عبد_السلام=Abdel_Salam/Abdelsalam توفيق=Tawfik/Tawfiq رفعت=Refaat/Rifaat
            شوقي=Shawky/Shawki فتحي=Fathy/Fathi مرسي=Morsi/Mursi/Morsy سعد=Saad عزت=Ezzat/Izzat
            الشافعي=El-Shafei/Elshafei عاشور=Ashour/Ashur الصاوي=El-Sawy/Elsawy
            المصري=El-Masry/Elmasry/Al-Masri البنا=El-Banna/Elbanna الدسوقي=El-Desouky/Eldesouky
            الفقي=El-Feky/Elfeky الشاذلي=El-Shazly/Elshazly القاضي=El-Kady/Elkady
            العربي=El-Araby/Elaraby الطحان=El-Tahan/Eltahan الحسيني=El-Husseiny/Elhusseiny
            سرور=Sorour/Srour حجازي=Hegazy/Hijazi غنيم=Ghoneim/Ghonim مجاهد=Mogahed/Mujahid
            متولي=Metwally/Metwalli هلال=Helal/Hilal عبده=Abdou/Abduh شعبان=Shaaban/Shaban
            رجب=Ragab/Rajab عامر=Amer أبو_زيد=Abou_Zeid/Abuzeid أبو_العلا=Abou_El-Ela/Abulela
            قنديل=Kandil/Qandil الشناوي=El-Shenawy/Elshenawy سلامة=Salama/Salameh مرعي=Marei/Mari
            عبد_الباقي=Abdel_Baky/Abdelbaky البحيري=El-Beheiry/Elbeheiry الزيات=El-Zayat/Elzayat
        """
        + _ARABIC_FAMILY,
    },
    "SY": {
        "male": _ARABIC_MALE,
        "female": _ARABIC_FEMALE,
        "family": """
            الخطيب=Al-Khatib/Alkhatib/El_Khatib حداد=Haddad المصري=Al-Masri/Almasri/El_Masri
            خوري=Khoury/Khouri/Khuri الحلبي=Al-Halabi/Halabi الشامي=Al-Shami/Chami
            كنعان=Kanaan/Kanan درويش=Darwish/Darwich الأحمد=Al-Ahmad/Alahmad العلي=Al-Ali/Alali
            الحسن=Al-Hassan/Alhassan/El_Hassan قباني=Kabbani/Qabbani العطار=Al-Attar/Attar
            السعدي=Al-Saadi/Saadi الزعبي=Al-Zoubi/Alzoubi/Zoabi الحمصي=Al-Homsi/Homsi
            النعسان=Al-Naasan/Naasan شهاب=Shehab/Chehab/Shihab صباغ=Sabbagh/Sabbag
            جبور=Jabbour/Jabour نجار=Najjar/Naggar إدلبي=Idlibi تركماني=Turkmani مراد=Mourad/Murad
            الرفاعي=Al-Rifai/Rifai/Refai الأسعد=Al-Asaad/Alasaad الحموي=Al-Hamwi/Hamwi
            الدمشقي=Al-Dimashqi/Dimashki الحريري=Al-Hariri/Hariri الأتاسي=Al-Atassi/Atassi
            الجابري=Al-Jabri/Jabri القدسي=Al-Qudsi/Kudsi العظمة=Al-Azmeh/Azmeh
            البيطار=Al-Bitar/Bitar الشهابي=Al-Shehabi/Chehabi الكردي=Al-Kurdi/Kurdi
            العمر=Al-Omar/Alomar المحمد=Al-Mohammad/Almohammad الحسين=Al-Hussein/Alhussein
            الخليل=Al-Khalil العبدالله=Al-Abdullah/Alabdallah السيد=Al-Sayed/Alsayed حمادة=Hamadeh
            سلوم=Salloum/Saloum عساف=Assaf معروف=Maarouf/Marouf نصار=Nassar ديب=Dib/Deeb
            عبود=Abboud/Aboud الأيوبي=Al-Ayoubi/Ayoubi مخلوف=Makhlouf عيد=Eid/Id حلاق=Hallak/Hallaq
            زيدان=Zeidan/Zidan سعادة=Saadeh/Saada طرابلسي=Trabulsi/Tarabulsi عرنوس=Arnous
            قطان=Kattan/Qattan ميداني=Midani/Maydani نحاس=Nahhas/Nahas يازجي=Yazigi/Yaziji
            الأخرس=Al-Akhras/Akhras الجاسم=Al-Jasem/Aljasem الدرويش=Al-Darwish/Aldarwish
            السقا=Al-Sakka/Sakka الشيخ=Al-Sheikh/Alsheikh/Cheikh
        """
        + _ARABIC_FAMILY,
    },
    "IQ": {
        "male": _ARABIC_MALE,
        "female": _ARABIC_FEMALE,
        "family": """
            الجبوري=Al-Jubouri/Al-Juburi/Aljubouri العبيدي=Al-Obaidi/Al-Ubaydi/Alobaidi
            الدليمي=Al-Dulaimi/Al-Dulaymi/Aldulaimi الشمري=Al-Shammari/Alshammari/Shammari
            الزبيدي=Al-Zubaidi/Al-Zubaydi/Alzubaidi الربيعي=Al-Rubaie/Al-Rubaiy/Alrubaye
            الساعدي=Al-Saadi/Alsaadi الحسيني=Al-Husseini/Al-Husaini/Alhusseini
            الموسوي=Al-Mousawi/Al-Musawi/Almousawi الكعبي=Al-Kaabi/Alkaabi
            التميمي=Al-Tamimi/Altamimi/Tamimi العزاوي=Al-Azzawi/Alazawi الجنابي=Al-Janabi/Aljanabi
            الخفاجي=Al-Khafaji/Alkhafaji البياتي=Al-Bayati/Albayati الكبيسي=Al-Kubaisi/Al-Kubaysi
            العاني=Al-Ani/Alani الراوي=Al-Rawi/Alrawi السامرائي=Al-Samarrai/Al-Samarraie
            الأسدي=Al-Asadi/Alasadi الحلي=Al-Hilli/Alhilli الطائي=Al-Taie/Al-Tai/Altaee
            اللامي=Al-Lami/Allami الفتلاوي=Al-Fatlawi/Alfatlawi الكرخي=Al-Karkhi
            الياسري=Al-Yasiri/Alyasiri العامري=Al-Amiri/Alameri الشيخلي=Al-Sheikhly/Alsheikhly
            المشهداني=Al-Mashhadani/Almashhadani النعيمي=Al-Nuaimi/Alnuaimi/Al-Naimi
            الكناني=Al-Kinani/Alkinani الحكيم=Al-Hakim/Alhakim الصدر=Al-Sadr/Alsadr
            البصري=Al-Basri/Albasri الموصلي=Al-Mosuli/Almosuli البغدادي=Al-Baghdadi/Albaghdadi
            النجفي=Al-Najafi/Alnajafi الكربلائي=Al-Karbalai/Alkarbalai العبادي=Al-Abadi/Alabadi
            الجزائري=Al-Jazairi/Aljazairi الحمداني=Al-Hamdani/Alhamdani الدوري=Al-Douri/Aldouri
            التكريتي=Al-Tikriti/Altikriti الهاشمي=Al-Hashimi/Alhashimi العتابي=Al-Attabi/Alattabi
            الغريري=Al-Ghariri/Alghariri المالكي=Al-Maliki/Almaliki الخزرجي=Al-Khazraji/Alkhazraji
            الحربي=Al-Harbi/Alharbi الكرعاوي=Al-Karawi/Alkarawi السوداني=Al-Sudani/Alsudani
            الجوراني=Al-Jourani/Aljourani المحمداوي=Al-Mohammadawi/Almohammadawi
            العكيلي=Al-Ogaili/Al-Aqeeli/Alogaili الشويلي=Al-Shuwaili/Alshuwaili
            البهادلي=Al-Bahadli/Albahadli الحيدري=Al-Haidari/Alhaidari
            الطالباني=Talabani/Al-Talabani البرزاني=Barzani/Al-Barzani الكردي=Al-Kurdi/Kurdi
            الآلوسي=Al-Alusi/Alalousi الدباغ=Al-Dabbagh/Aldabbagh القيسي=Al-Qaisi/Alkaisi
            المياحي=Al-Mayahi/Almayahi الدراجي=Al-Daraji/Aldaraji السعدون=Al-Saadoun/Alsaadoun
        """
        + _ARABIC_FAMILY,
    },
    "IR": {
        "male": """
            محمد=Mohammad/Mohamad/Muhammad علی=Ali حسین=Hossein/Hosein/Hussein رضا=Reza
            مهدی=Mehdi/Mahdi امیر=Amir حسن=Hassan/Hasan علیرضا=Alireza/Ali_Reza
            محمدرضا=Mohammadreza/Mohammad_Reza حمید=Hamid سعید=Saeed/Said مجید=Majid محسن=Mohsen
            جواد=Javad مصطفی=Mostafa ابوالفضل=Abolfazl امیرحسین=Amirhossein/Amir_Hossein
            محمدعلی=Mohammadali/Mohammad_Ali احمد=Ahmad بهنام=Behnam داریوش=Dariush/Dariusch
            کوروش=Kourosh/Kurosh بابک=Babak فرهاد=Farhad آرش=Arash امید=Omid نوید=Navid پیام=Payam
            پویا=Pouya/Puya سیاوش=Siavash/Siavosh کاوه=Kaveh/Kave مسعود=Masoud/Masood مرتضی=Morteza
            مهران=Mehran مهرداد=Mehrdad بهزاد=Behzad فرشید=Farshid شهرام=Shahram کامران=Kamran
            رامین=Ramin سامان=Saman سجاد=Sajjad/Sajad عباس=Abbas اکبر=Akbar اصغر=Asghar
            یوسف=Yousef/Yusef ابراهیم=Ebrahim/Ibrahim اسماعیل=Esmaeil/Ismail کیوان=Keyvan/Kayvan
            بیژن=Bijan/Bizhan پرویز=Parviz هومن=Houman/Human شاهین=Shahin افشین=Afshin ایمان=Iman
            حامد=Hamed وحید=Vahid یاسر=Yaser/Yasser میلاد=Milad عرفان=Erfan آرین=Arian/Aryan
            حمیدرضا=Hamidreza/Hamid_Reza غلامرضا=Gholamreza/Gholam_Reza منصور=Mansour/Mansoor
            نادر=Nader فرزاد=Farzad سینا=Sina مازیار=Maziar/Mazyar بردیا=Bardia/Bardiya اشکان=Ashkan
            رستم=Rostam
        """,
        "female": """
            فاطمه=Fatemeh/Fatemah زهرا=Zahra مریم=Maryam سارا=Sara لیلا=Leila/Leyla شیرین=Shirin
            پریسا=Parisa نازنین=Nazanin مهسا=Mahsa نیلوفر=Niloufar/Niloofar/Nilufar رویا=Roya
            یاسمن=Yasaman/Yasamin ستاره=Setareh/Setare مینا=Mina ندا=Neda آزاده=Azadeh سمیرا=Samira
            الهام=Elham گلناز=Golnaz شبنم=Shabnam فرزانه=Farzaneh سهیلا=Soheila/Soheyla
            فرشته=Fereshteh مژگان=Mojgan/Mozhgan زینب=Zeinab/Zeynab نرگس=Narges
            معصومه=Masoumeh/Masoome طاهره=Tahereh اعظم=Azam منیژه=Manijeh/Manizheh شهلا=Shahla
            پروین=Parvin فریبا=Fariba مهناز=Mahnaz نسرین=Nasrin ژیلا=Zhila/Jila سیمین=Simin
            هانیه=Hanieh/Haniyeh کوثر=Kowsar/Kosar حدیث=Hadis/Hadith ریحانه=Reyhaneh/Reihaneh
            محدثه=Mohaddeseh نگار=Negar بهاره=Bahareh ترانه=Taraneh تینا=Tina آیدا=Aida
            آناهیتا=Anahita مهتاب=Mahtab مرجان=Marjan نسیم=Nasim پرستو=Parastoo/Parastu سحر=Sahar
            سمانه=Samaneh صدف=Sadaf عاطفه=Atefeh فائزه=Faezeh کیمیا=Kimia/Kimiya لادن=Ladan
            مهشید=Mahshid نیکی=Niki هستی=Hasti شقایق=Shaghayegh/Shaqayeq ملیکا=Melika/Malika
            الناز=Elnaz آتنا=Atena رعنا=Rana زری=Zari گلاره=Gelareh
        """,
        "family": """
            محمدی=Mohammadi حسینی=Hosseini/Hoseini/Husseini احمدی=Ahmadi رضایی=Rezaei/Rezaee/Rezaie
            موسوی=Mousavi/Musavi کریمی=Karimi جعفری=Jafari/Jafary رحیمی=Rahimi حیدری=Heidari/Heydari
            هاشمی=Hashemi مرادی=Moradi قاسمی=Ghasemi/Qasemi صادقی=Sadeghi/Sadeqi کاظمی=Kazemi
            ابراهیمی=Ebrahimi نظری=Nazari امینی=Amini رستمی=Rostami عزیزی=Azizi باقری=Bagheri/Baqeri
            اکبری=Akbari نجفی=Najafi سلطانی=Soltani زمانی=Zamani علوی=Alavi تهرانی=Tehrani
            شیرازی=Shirazi اصفهانی=Esfahani/Isfahani یزدانی=Yazdani صفوی=Safavi کرمانی=Kermani
            عباسی=Abbasi رحمانی=Rahmani سلیمانی=Soleimani/Soleymani محمودی=Mahmoudi/Mahmudi
            اسدی=Asadi یوسفی=Yousefi/Yusefi جلالی=Jalali نوری=Nouri/Noori فتحی=Fathi
            قربانی=Ghorbani/Qorbani شریفی=Sharifi طاهری=Taheri عسگری=Asgari/Askari فرهادی=Farhadi
            خسروی=Khosravi منصوری=Mansouri کامرانی=Kamrani بهرامی=Bahrami نوروزی=Nowruzi/Norouzi
            سعیدی=Saeedi/Saidi حسنی=Hassani مختاری=Mokhtari فرجی=Faraji مهدوی=Mahdavi/Mahdavy
            رنجبر=Ranjbar ملکی=Maleki شکوری=Shakouri زارعی=Zarei/Zareie کیانی=Kiani/Kiyani
            طالبی=Talebi نیکزاد=Nikzad پورمحمدی=Pourmohammadi حسین‌زاده=Hosseinzadeh/Hoseinzadeh
            علی‌زاده=Alizadeh رضازاده=Rezazadeh حسن‌زاده=Hassanzadeh قلی‌زاده=Gholizadeh/Qolizadeh
            ولی‌زاده=Valizadeh تقوی=Taghavi/Taqavi نقوی=Naghavi/Naqavi فاطمی=Fatemi
            میرزایی=Mirzaei/Mirzaie خلیلی=Khalili دهقان=Dehghan/Dehqan کشاورز=Keshavarz
            بابایی=Babaei/Babaie پاکزاد=Pakzad شجاعی=Shojaei/Shojaie صالحی=Salehi عطایی=Ataei
            فرخی=Farrokhi قنبری=Ghanbari/Qanbari لطفی=Lotfi مرادزاده=Moradzadeh نادری=Naderi
            وحیدی=Vahidi همتی=Hemmati یگانه=Yeganeh آقایی=Aghaei/Aqaei اسلامی=Eslami/Islami
            افشار=Afshar امیری=Amiri بیگی=Beigi/Beygi پناهی=Panahi توکلی=Tavakoli ثابتی=Sabeti
            جهانگیری=Jahangiri چراغی=Cheraghi حقیقی=Haghighi/Haqiqi خدایی=Khodaei/Khodaie
            داوودی=Davoudi ذوالفقاری=Zolfaghari/Zolfaqari رسولی=Rasouli/Rasuli زندی=Zandi
            سبحانی=Sobhani شاکری=Shakeri صفری=Safari ضیایی=Ziaei طباطبایی=Tabatabaei/Tabatabai
            عابدی=Abedi غفاری=Ghaffari/Ghafari فلاحی=Fallahi قدیری=Ghadiri گودرزی=Goudarzi/Gudarzi
            محبی=Mohebbi/Mohebi نصیری=Nasiri هدایتی=Hedayati یعقوبی=Yaghoubi/Yaqubi اشرفی=Ashrafi
            بختیاری=Bakhtiari/Bakhtiyari
        """,
    },
    "IL": {
        "male": """
            דוד=David יוסף=Yosef/Yossef/Joseph משה=Moshe/Moche אברהם=Avraham/Abraham
            יצחק=Yitzhak/Itzhak/Isaac יעקב=Yaakov/Yakov/Jacob דניאל=Daniel מיכאל=Michael/Mikhael
            אריאל=Ariel איתי=Itai/Itay נועם=Noam עומר=Omer איתן=Eitan/Eytan/Ethan
            יונתן=Yonatan/Jonathan עמית=Amit עידו=Ido אורן=Oren גיל=Gil רונן=Ronen
            שלמה=Shlomo/Schlomo אליהו=Eliyahu/Eliahu אורי=Uri תומר=Tomer גיא=Guy/Gai אבי=Avi
            יאיר=Yair חיים=Haim/Chaim/Hayim שמואל=Shmuel/Samuel אהרון=Aharon/Aaron
            בנימין=Binyamin/Benjamin מנחם=Menachem/Menahem אליעזר=Eliezer ישראל=Israel/Yisrael
            נתן=Natan/Nathan רפאל=Refael/Raphael עזרא=Ezra מאיר=Meir/Mayer צבי=Tzvi/Zvi
            ברוך=Baruch/Barukh אלון=Alon ארז=Erez אסף=Asaf/Assaf בועז=Boaz גלעד=Gilad דור=Dor
            הראל=Harel זיו=Ziv חן=Chen/Hen טל=Tal ליאור=Lior מתן=Matan נדב=Nadav עוז=Oz עמרי=Omri
            רועי=Roy/Roi שגיא=Sagi שי=Shai/Shay שחר=Shahar/Schachar תמיר=Tamir יהודה=Yehuda/Judah
            אלעד=Elad אופיר=Ofir/Ophir ניר=Nir ערן=Eran קובי=Kobi/Kobe רז=Raz שלום=Shalom
            צחי=Tzachi/Tsahi יגאל=Yigal מרדכי=Mordechai/Mordecai אליאור=Elior הלל=Hillel
            נחום=Nachum/Nahum
        """,
        "female": """
            שרה=Sarah/Sara רחל=Rachel/Rahel נועה=Noa מרים=Miriam/Miryam רבקה=Rivka/Rebecca
            לאה=Leah/Lea תמר=Tamar יעל=Yael/Jael שירה=Shira מאיה=Maya/Maia מיכל=Michal/Mikhal
            הילה=Hila אורלי=Orly/Orli אפרת=Efrat/Ephrat קרן=Keren ליאת=Liat דנה=Dana עדי=Adi
            ענבל=Inbal גלית=Galit איילת=Ayelet הדס=Hadas/Hadass סיגל=Sigal לימור=Limor
            עינת=Einat/Enat אסתר=Esther/Ester חנה=Hana/Hannah/Chana רות=Ruth/Rut
            אביגיל=Avigail/Abigail טליה=Talia/Taliya רוני=Roni/Ronny שני=Shani/Shany אלה=Ela/Ella
            נוי=Noy/Noi ליה=Lia יהודית=Yehudit/Judith דבורה=Devora/Deborah אורית=Orit אתי=Etti/Eti
            בתיה=Batya/Batia גאולה=Geula דליה=Dalia/Dahlia הדר=Hadar זהבה=Zehava חגית=Hagit/Chagit
            טובה=Tova/Tovah יפית=Yafit כנרת=Kinneret/Kineret לילך=Lilach/Lilakh מירב=Merav
            מורן=Moran נעמה=Naama/Naamah סתיו=Stav עדן=Eden פנינה=Pnina רונית=Ronit
            שושנה=Shoshana/Shoshanna תהילה=Tehila/Tehilla אביטל=Avital אנה=Ana/Anna יעלי=Yaeli
            מעיין=Maayan/Mayan רעות=Reut שקד=Shaked צליל=Tslil/Tzlil אגם=Agam אמונה=Emuna
        """,
        "family": """
            כהן=Cohen/Kohen/Cohn לוי=Levi/Levy מזרחי=Mizrahi/Mizrachi פרץ=Peretz/Perez
            ביטון=Biton/Bitton דהן=Dahan אברהם=Avraham/Abraham פרידמן=Friedman/Fridman מלכה=Malka
            אזולאי=Azoulay/Azulai כץ=Katz/Kats יוסף=Yosef/Yossef עמר=Amar אוחנה=Ohana
            חדד=Hadad/Haddad גבאי=Gabay/Gabai בן_דוד=Ben_David/Bendavid שפירא=Shapira/Shapiro
            לוין=Levin/Lewin רוזנברג=Rosenberg גולדברג=Goldberg אשכנזי=Ashkenazi שלום=Shalom
            וקנין=Vaknin/Wakhnin אלבז=Elbaz סגל=Segal חזן=Hazan/Chazan בן_חיים=Ben_Haim/Ben_Chaim
            אגבאריה=Agbaria/Ighbaria גרוס=Gross יעקב=Yaakov בירנבאום=Birnbaum ברגר=Berger
            גרינברג=Greenberg/Grinberg וייס=Weiss/Vaiss זילברמן=Silberman/Zilberman יונה=Yona/Jonah
            כהנא=Kahana/Cahana לנדאו=Landau מימון=Maimon/Maymon סויסה=Suissa/Swissa
            פישר=Fischer/Fisher צור=Tzur/Zur קליין=Klein רבינוביץ=Rabinovich/Rabinowitz שטרן=Stern
            שמעוני=Shimoni/Simoni תורג'מן=Turgeman/Tourjman אדלר=Adler אוחיון=Ohayon/Ohayun
            אלמוג=Almog אפשטיין=Epstein/Epshtein בוזגלו=Buzaglo/Bouzaglo בכר=Bachar/Bakar
            בן_שושן=Ben_Shoshan/Benshoshan ברק=Barak גולן=Golan גורן=Goren דיין=Dayan
            הורוביץ=Horowitz/Hurvitz הלוי=Halevi/Halevy ויצמן=Weizmann/Weizman זכאי=Zakai
            חביב=Haviv/Habib טייב=Tayeb/Taieb ישראלי=Israeli כרמי=Karmi/Carmi לביא=Lavi
            מנסור=Mansour מרקוביץ=Markovich/Markowitz נגר=Nagar נחמיאס=Nahmias/Nachmias
            סבג=Sabag/Sabbagh עטיה=Atia/Attias פולק=Pollak/Polak צדוק=Tzadok/Zadok קפלן=Kaplan
            רוזן=Rosen/Rozen שרעבי=Sharabi/Sharaby אבוטבול=Abutbul/Aboutboul אלקיים=Elkayam/Elkaim
            בן_עמי=Ben_Ami/Benami גולדשטיין=Goldstein/Goldshtein דאהר=Daher דגן=Dagan
            הרשקוביץ=Hershkovitz/Herskovits ולך=Walach/Valach זלצמן=Salzman/Zaltsman
            חורי=Khoury/Houri טנא=Tene יצחקי=Yitzhaki/Itzhaki כחלון=Kahlon/Cahlon
            ליבוביץ=Leibovitz/Leibowitz מוסאי=Mussai/Moussai נסים=Nissim סלאמה=Salameh/Salama
            פלד=Peled צרפתי=Tzarfati/Sarfati קורן=Koren רביבו=Revivo שוורץ=Schwartz/Shvarts
            אליהו=Eliyahu אלמקייס=Almakayes מוסקוביץ=Moskovitz/Moskowitz
        """,
    },
}
