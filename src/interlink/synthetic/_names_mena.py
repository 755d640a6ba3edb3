"""Name lists: Arabic (MA, EG, SY, IQ), Persian (IR), Hebrew (IL).

Abjads cannot be transliterated mechanically (the short vowels are not written), so every
entry lists its Latin forms by hand, the most common (or French-influenced, in the Maghreb)
spelling first. Format: see names._parse; ``_`` stands for a space.
"""

_ARABIC_MALE = """
    محمد=Mohamed/Mohammed/Muhammad/Mohammad/Mohamad أحمد=Ahmed/Ahmad علي=Ali
    حسن=Hassan/Hasan حسين=Hussein/Hussain/Husayn/Houssein محمود=Mahmoud/Mahmud
    مصطفى=Mostafa/Mustafa/Moustafa يوسف=Youssef/Yousef/Yusuf/Youcef
    إبراهيم=Ibrahim/Ebrahim/Brahim خالد=Khaled/Khalid عمر=Omar/Umar
    عبد_الله=Abdullah/Abdallah/Abdellah/Abd_Allah
    عبد_الرحمن=Abdulrahman/Abdul_Rahman/Abderrahmane/Abdelrahman/Abd_al-Rahman
    عبد_القادر=Abdelkader/Abdulqadir/Abdul_Kader/Abd_al-Qadir كريم=Karim/Kareem
    سعيد=Said/Saeed/Saïd طارق=Tarek/Tariq/Tarik هشام=Hicham/Hisham/Hesham
    رشيد=Rachid/Rashid/Rasheed ياسين=Yassine/Yasin/Yaseen نبيل=Nabil/Nabeel عادل=Adel/Adil
    سامي=Sami/Samy وليد=Walid/Waleed جمال=Jamal/Gamal/Djamel مراد=Mourad/Murad
    إسماعيل=Ismail/Ismael/Smail زكريا=Zakaria/Zakariya/Zakariyya فيصل=Faisal/Faycal/Faysal
    عماد=Imad/Emad
"""

_ARABIC_FEMALE = """
    فاطمة=Fatima/Fatma/Fatimah/Fatema عائشة=Aisha/Aicha/Aysha/Ayesha
    خديجة=Khadija/Khadidja/Khadeeja مريم=Mariam/Maryam/Meryem/Meriem
    زينب=Zainab/Zineb/Zaynab/Zeinab نور=Nour/Noor/Nur سارة=Sara/Sarah ليلى=Layla/Leila/Laila
    أمينة=Amina/Aminah/Ameena سلمى=Salma/Selma هدى=Houda/Huda/Hoda نادية=Nadia/Nadiya
    سميرة=Samira/Sameera رانيا=Rania/Raniya ياسمين=Yasmine/Yasmin/Jasmine حنان=Hanane/Hanan
    إيمان=Imane/Iman/Eman أسماء=Asmaa/Asma دعاء=Doaa/Duaa/Douaa رحمة=Rahma/Rahmah
    هاجر=Hajar/Hagar/Hajer سعاد=Souad/Suad/Soad نجاة=Najat/Nagat وفاء=Wafaa/Wafa
    لبنى=Loubna/Lubna غادة=Ghada منى=Mona/Muna رشا=Rasha دينا=Dina/Dena
    شيماء=Shaimaa/Chaimae/Shaima
"""

DATA: dict[str, dict[str, str]] = {
    "MA": {
        "male": _ARABIC_MALE,
        "female": _ARABIC_FEMALE,
        "family": """
            العلوي=Alaoui/El_Alaoui/Alawi الإدريسي=Idrissi/El_Idrissi/Drissi بناني=Bennani
            التازي=Tazi/Ettazi برادة=Berrada الفاسي=El_Fassi/Fassi/Elfassi
            الشرايبي=Chraibi/Cheraibi العمراني=El_Amrani/Amrani/Elamrani بنعلي=Benali/Ben_Ali
            بنجلون=Benjelloun/Benjeloun الوزاني=Ouazzani/El_Ouazzani/Wazzani
            الصديقي=Seddiki/Essadiki/Siddiqi بوزيان=Bouziane/Bouzian الحداد=El_Haddad/Haddad
            المنصوري=Mansouri/El_Mansouri الزياني=Ziani/Zayani بلحاج=Belhaj/Belhadj/Bel_Haj
            الخطيب=El_Khatib/Khatib بوعزة=Bouazza أمزيان=Amziane/Amezian
            العثماني=Othmani/El_Othmani/Otmani الرحموني=Rahmouni/Errahmouni
            الكتاني=Kettani/El_Kettani/Kattani الناصري=Naciri/Ennasiri/Nasiri
            بنسعيد=Bensaid/Ben_Said الغزالي=El_Ghazali/Ghazali
            الهاشمي=Hachimi/El_Hachimi/Hashemi الطاهري=Tahiri/Taheri/Ettahiri أوحمو=Ouhammou
            بوشعيب=Bouchaib
        """,
    },
    "EG": {
        "male": _ARABIC_MALE,
        "female": _ARABIC_FEMALE,
        "family": """
            حسن=Hassan/Hasan محمود=Mahmoud/Mahmud إبراهيم=Ibrahim
            السيد=El-Sayed/Elsayed/El_Sayed/Al-Sayyid مصطفى=Mostafa/Moustafa/Mustafa
            عبد_الحميد=Abdel_Hamid/Abdelhamid/Abdul_Hamid فاروق=Farouk/Farouq/Faruk
            سالم=Salem/Salim فهمي=Fahmy/Fahmi سليمان=Soliman/Suleiman/Sulaiman
            عبد_العزيز=Abdel_Aziz/Abdelaziz/Abdulaziz الشريف=El-Sherif/Elsherif/Al-Sharif
            رمضان=Ramadan عثمان=Osman/Othman منصور=Mansour/Mansur حسني=Hosny/Husni
            زكي=Zaki/Zaky شحاتة=Shehata/Shahata الجمال=El-Gamal/Elgamal/Al-Jamal
            نصر=Nasr/Nassr عطية=Attia/Atiyah جاد=Gad/Jad بدوي=Badawi/Badawy خليل=Khalil
            النجار=El-Naggar/Elnaggar/Al-Najjar درويش=Darwish يونس=Younes/Younis/Yunus
            صبري=Sabry/Sabri حمدي=Hamdy/Hamdi عوض=Awad
        """,
    },
    "SY": {
        "male": _ARABIC_MALE,
        "female": _ARABIC_FEMALE,
        "family": """
            الخطيب=Al-Khatib/Alkhatib/El_Khatib حداد=Haddad المصري=Al-Masri/Almasri/El_Masri
            خوري=Khoury/Khouri/Khuri الحلبي=Al-Halabi/Halabi الشامي=Al-Shami/Chami
            كنعان=Kanaan/Kanan درويش=Darwish/Darwich الأحمد=Al-Ahmad/Alahmad حمدان=Hamdan
            العلي=Al-Ali/Alali الحسن=Al-Hassan/Alhassan/El_Hassan قباني=Kabbani/Qabbani
            العطار=Al-Attar/Attar السعدي=Al-Saadi/Saadi الزعبي=Al-Zoubi/Alzoubi/Zoabi
            الحمصي=Al-Homsi/Homsi النعسان=Al-Naasan/Naasan شهاب=Shehab/Chehab/Shihab
            عيسى=Issa/Eissa صباغ=Sabbagh/Sabbag جبور=Jabbour/Jabour نجار=Najjar/Naggar
            إدلبي=Idlibi تركماني=Turkmani سليمان=Sleiman/Suleiman يوسف=Youssef/Yousef
            مراد=Mourad/Murad الرفاعي=Al-Rifai/Rifai/Refai قاسم=Kassem/Qasim/Kasem
        """,
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
            التميمي=Al-Tamimi/Altamimi/Tamimi العزاوي=Al-Azzawi/Alazawi
            الجنابي=Al-Janabi/Aljanabi الخفاجي=Al-Khafaji/Alkhafaji البياتي=Al-Bayati/Albayati
            الكبيسي=Al-Kubaisi/Al-Kubaysi العاني=Al-Ani/Alani الراوي=Al-Rawi/Alrawi
            السامرائي=Al-Samarrai/Al-Samarraie الأسدي=Al-Asadi/Alasadi الحلي=Al-Hilli/Alhilli
            الطائي=Al-Taie/Al-Tai/Altaee اللامي=Al-Lami/Allami الفتلاوي=Al-Fatlawi/Alfatlawi
            الكرخي=Al-Karkhi الياسري=Al-Yasiri/Alyasiri العامري=Al-Amiri/Alameri
            الشيخلي=Al-Sheikhly/Alsheikhly المشهداني=Al-Mashhadani/Almashhadani
            النعيمي=Al-Nuaimi/Alnuaimi/Al-Naimi
        """,
    },
    "IR": {
        "male": """
            رضا=Reza علی=Ali حسین=Hossein/Hosein/Hussein مهدی=Mehdi/Mahdi امیر=Amir حمید=Hamid
            سعید=Saeed/Said مجید=Majid بهنام=Behnam داریوش=Dariush/Dariusch
            کوروش=Kourosh/Kurosh بابک=Babak فرهاد=Farhad آرش=Arash امید=Omid نوید=Navid
            پیام=Payam پویا=Pouya/Puya سیاوش=Siavash/Siavosh کاوه=Kaveh/Kave محسن=Mohsen
            حسن=Hassan/Hasan جواد=Javad مصطفی=Mostafa محمدرضا=Mohammadreza/Mohammad_Reza
            علیرضا=Alireza/Ali_Reza
        """,
        "female": """
            مریم=Maryam فاطمه=Fatemeh/Fatemah زهرا=Zahra سارا=Sara لیلا=Leila/Leyla
            شیرین=Shirin پریسا=Parisa نازنین=Nazanin مهسا=Mahsa نیلوفر=Niloufar/Niloofar/Nilufar
            رویا=Roya یاسمن=Yasaman/Yasamin ستاره=Setareh/Setare مینا=Mina ندا=Neda
            آزاده=Azadeh سمیرا=Samira الهام=Elham گلناز=Golnaz شبنم=Shabnam فرزانه=Farzaneh
            سهیلا=Soheila/Soheyla فرشته=Fereshteh مژگان=Mojgan/Mozhgan زینب=Zeinab/Zeynab
            نرگس=Narges
        """,
        "family": """
            حسینی=Hosseini/Hoseini/Husseini محمدی=Mohammadi رضایی=Rezaei/Rezaee/Rezaie
            احمدی=Ahmadi کریمی=Karimi مرادی=Moradi جعفری=Jafari/Jafary رحیمی=Rahimi
            موسوی=Mousavi/Musavi هاشمی=Hashemi قاسمی=Ghasemi/Qasemi صادقی=Sadeghi/Sadeqi
            حیدری=Heidari/Heydari نظری=Nazari کاظمی=Kazemi امینی=Amini ابراهیمی=Ebrahimi
            رستمی=Rostami تهرانی=Tehrani شیرازی=Shirazi اصفهانی=Esfahani/Isfahani عزیزی=Azizi
            باقری=Bagheri/Baqeri علوی=Alavi نجفی=Najafi زمانی=Zamani سلطانی=Soltani
            یزدانی=Yazdani اکبری=Akbari صفوی=Safavi
        """,
    },
    "IL": {
        "male": """
            דוד=David משה=Moshe/Moche יוסף=Yosef/Yossef/Joseph אברהם=Avraham/Abraham
            יצחק=Yitzhak/Itzhak/Isaac יעקב=Yaakov/Yakov/Jacob דניאל=Daniel מיכאל=Michael/Mikhael
            אריאל=Ariel איתי=Itai/Itay נועם=Noam עומר=Omer איתן=Eitan/Eytan/Ethan
            יונתן=Yonatan/Jonathan עמית=Amit עידו=Ido אורן=Oren גיל=Gil רונן=Ronen
            שלמה=Shlomo/Schlomo אליהו=Eliyahu/Eliahu אורי=Uri תומר=Tomer גיא=Guy/Gai אבי=Avi
            יאיר=Yair
        """,
        "female": """
            שרה=Sarah/Sara רבקה=Rivka/Rebecca רחל=Rachel/Rahel לאה=Leah/Lea מרים=Miriam/Miryam
            נועה=Noa תמר=Tamar יעל=Yael/Jael שירה=Shira מאיה=Maya/Maia מיכל=Michal/Mikhal
            הילה=Hila אורלי=Orly/Orli אפרת=Efrat/Ephrat קרן=Keren ליאת=Liat דנה=Dana עדי=Adi
            ענבל=Inbal גלית=Galit איילת=Ayelet הדס=Hadas/Hadass סיגל=Sigal לימור=Limor
            עינת=Einat/Enat
        """,
        "family": """
            כהן=Cohen/Kohen/Cohn לוי=Levi/Levy מזרחי=Mizrahi/Mizrachi פרץ=Peretz/Perez
            ביטון=Biton/Bitton דהן=Dahan אברהם=Avraham/Abraham פרידמן=Friedman/Fridman
            מלכה=Malka אזולאי=Azoulay/Azulai כץ=Katz/Kats יוסף=Yosef/Yossef עמר=Amar
            אוחנה=Ohana חדד=Hadad/Haddad גבאי=Gabay/Gabai בן_דוד=Ben_David/Bendavid
            שפירא=Shapira/Shapiro לוין=Levin/Lewin רוזנברג=Rosenberg גולדברג=Goldberg
            אשכנזי=Ashkenazi שלום=Shalom וקנין=Vaknin/Wakhnin אלבז=Elbaz סגל=Segal
            חזן=Hazan/Chazan בן_חיים=Ben_Haim/Ben_Chaim אגבאריה=Agbaria/Ighbaria גרוס=Gross
        """,
    },
}
