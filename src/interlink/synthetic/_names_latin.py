"""Name lists: countries writing in Latin script, with their diacritics and particles.

The forms without diacritics, the ICAO umlauts (Müller -> Mueller), cedilla Romanian and
particle variants (van der Linden -> Vanderlinden, Linden) are derived in names.py.
Format: see names._parse; ``_`` stands for a space. Each list starts with the most common
names: people.py draws them with falling (Zipf-like) weights by rank.
"""

DATA: dict[str, dict[str, str]] = {
    "PL": {
        "male": """
            Piotr Krzysztof Andrzej Tomasz Paweł Michał Marcin Jan Grzegorz Łukasz Jakub Adam Marek
            Kamil Mateusz Wojciech Stanisław Dariusz Rafał Jacek Sebastian Józef Przemysław Zbigniew
            Mirosław Sławomir Bartłomiej Damian Szymon Robert Artur Mariusz Ryszard Janusz Kazimierz
            Henryk Tadeusz Jerzy Roman Daniel Dawid Maciej Filip Kacper Antoni Igor Hubert Oskar
            Patryk Dominik Norbert Krystian Konrad Karol Radosław Leszek Waldemar Zdzisław Bogdan
            Edward Czesław Wiesław Władysław Franciszek Aleksander Wiktor Marian Eugeniusz Adrian
            Mikołaj Witold Bogusław Arkadiusz Emil Julian Ignacy Leon Stefan Zenon
        """,
        "female": """
            Anna Katarzyna Maria Małgorzata Agnieszka Barbara Ewa Krystyna Elżbieta Magdalena Joanna
            Aleksandra Zofia Monika Teresa Danuta Dorota Beata Jadwiga Natalia Karolina Justyna
            Paulina Weronika Marta Urszula Grażyna Halina Bożena Żaneta Irena Janina Jolanta Iwona
            Renata Wiesława Sylwia Patrycja Emilia Julia Zuzanna Maja Hanna Lena Oliwia Alicja
            Wiktoria Gabriela Martyna Kinga Izabela Dominika Jagoda Helena Stanisława Kamila Edyta
            Marzena Anita Wanda Genowefa Mirosława Lucyna Kazimiera Sabina Ilona Klaudia Milena
            Amelia Laura Nikola Bogumiła Łucja
        """,
        "family": """
            Nowak Kowalski:Kowalska Wiśniewski:Wiśniewska Wójcik Kowalczyk Kamiński:Kamińska
            Lewandowski:Lewandowska Zieliński:Zielińska Szymański:Szymańska Woźniak
            Dąbrowski:Dąbrowska Kozłowski:Kozłowska Jankowski:Jankowska Mazur
            Wojciechowski:Wojciechowska Kwiatkowski:Kwiatkowska Krawczyk Kaczmarek
            Piotrowski:Piotrowska Grabowski:Grabowska Zając Pawłowski:Pawłowska Michalski:Michalska
            Król Wieczorek Jabłoński:Jabłońska Wróbel Nowakowski:Nowakowska Majewski:Majewska
            Olszewski:Olszewska Stępień Malinowski:Malinowska Jaworski:Jaworska Adamczyk Dudek
            Nowicki:Nowicka Pawlak Górski:Górska Witkowski:Witkowska Walczak Sikora Baran
            Rutkowski:Rutkowska Michalak Szewczyk Ostrowski:Ostrowska Tomaszewski:Tomaszewska
            Pietrzak Zalewski:Zalewska Wróblewski:Wróblewska Marciniak Jasiński:Jasińska
            Zawadzki:Zawadzka Sadowski:Sadowska Bąk Chmielewski:Chmielewska Włodarczyk
            Borkowski:Borkowska Czarnecki:Czarnecka Sawicki:Sawicka Sokołowski:Sokołowska
            Urbański:Urbańska Kubiak Maciejewski:Maciejewska Szczepański:Szczepańska
            Kucharski:Kucharska Wilk Kalinowski:Kalinowska Lis Mazurek Wysocki:Wysocka
            Adamski:Adamska Kaźmierczak Wasilewski:Wasilewska Sobczak Czerwiński:Czerwińska
            Andrzejewski:Andrzejewska Cieślak Głowacki:Głowacka Zakrzewski:Zakrzewska Kołodziej
            Sikorski:Sikorska Krajewski:Krajewska Gajewski:Gajewska Szymczak Szulc
            Baranowski:Baranowska Laskowski:Laskowska Brzeziński:Brzezińska Makowski:Makowska
            Ziółkowski:Ziółkowska Przybylski:Przybylska Domański:Domańska Nowacki:Nowacka
            Borowski:Borowska Błaszczyk Chojnacki:Chojnacka Ciesielski:Ciesielska Mróz Szczepaniak
            Wesołowski:Wesołowska Górecki:Górecka Krupa Kaczmarczyk Leszczyński:Leszczyńska
            Lipiński:Lipińska Kowalewski:Kowalewska Urbaniak Kozak Kania Mikołajczyk
            Czajkowski:Czajkowska Mucha Tomczak Kozieł Markowski:Markowska Kowalik Nawrocki:Nawrocka
            Brzozowski:Brzozowska Janik Musiał Wawrzyniak Markiewicz Orłowski:Orłowska Tomczyk
            Jarosz Kołodziejczyk Kurek Kopeć Żak Wolski:Wolska Łuczak Dziedzic Kot Stasiak
            Stankiewicz Piątek Jóźwiak Urban Dobrowolski:Dobrowolska
        """,
    },
    "CZ": {
        "male": """
            Jan Jiří Petr Josef Pavel Martin Tomáš Jaroslav Miroslav Zdeněk Václav Michal František
            Jakub Milan Karel Lukáš David Vladimír Ondřej Radek Marek Stanislav Aleš Roman Libor
            Antonín Ladislav Daniel Filip Adam Vojtěch Matěj Dominik Patrik Luboš Vít Jindřich
            Oldřich Vlastimil Rudolf Bohumil Ivan Miloslav Štěpán Kamil Dušan Igor Richard Robert
            Viktor Zbyněk Břetislav Bedřich Přemysl Radim Rostislav Lubomír Jaromír Vratislav Šimon
            Kryštof Matyáš Vojta Eduard Emil Leoš Ludvík Svatopluk Bořivoj Vítězslav Hynek Alois
            Denis
        """,
        "female": """
            Marie Jana Eva Hana Anna Lenka Kateřina Lucie Věra Alena Petra Veronika Jaroslava Tereza
            Martina Michaela Jitka Helena Ludmila Zdeňka Ivana Monika Markéta Barbora Šárka Žaneta
            Jarmila Zuzana Dana Jiřina Marcela Vlasta Božena Libuše Miroslava Irena Pavla Klára
            Andrea Simona Kristýna Nikola Adéla Natálie Eliška Karolína Denisa Aneta Dagmar Blanka
            Romana Renata Olga Milada Zdenka Radka Iveta Gabriela Drahomíra Růžena Stanislava
            Květoslava Alžběta Magdaléna Vendula Nela Sabina Julie Viktorie Emilie Radmila Bohumila
        """,
        "family": """
            Novák:Nováková Svoboda:Svobodová Novotný:Novotná Dvořák:Dvořáková Černý:Černá
            Procházka:Procházková Kučera:Kučerová Veselý:Veselá Horák:Horáková Němec:Němcová
            Marek:Marková Pospíšil:Pospíšilová Pokorný:Pokorná Hájek:Hájková Král:Králová
            Jelínek:Jelínková Růžička:Růžičková Beneš:Benešová Fiala:Fialová Sedláček:Sedláčková
            Doležal:Doležalová Zeman:Zemanová Kolář:Kolářová Navrátil:Navrátilová Čermák:Čermáková
            Vaněk:Vanňková Urban:Urbanová Blažek:Blažková Kříž:Křížová Kovář:Kovářová
            Kratochvíl:Kratochvílová Bartoš:Bartošová Vlček:Vlčková Polák:Poláková Musil:Musilová
            Kopecký:Kopecká Šimek:Šimková Konečný:Konečná Malý:Malá Holub:Holubová
            Štěpánek:Štěpánková Kadlec:Kadlecová Dostál:Dostálová Soukup:Soukupová Šťastný:Šťastná
            Mareš:Marešová Moravec:Moravcová Sýkora:Sýkorová Tichý:Tichá Valenta:Valentová
            Vávra:Vávrová Matoušek:Matoušková Bláha:Bláhová Říha:Říhová Ševčík:Ševčíková
            Bureš:Burešová Hruška:Hrušková Mašek:Mašková Pavlík:Pavlíková Dušek:Dušková
            Janda:Jandová Hrubý:Hrubá Mach:Machová Kašpar:Kašparová Pešek:Pešková Hudec:Hudcová
            Skála:Skálová Slavík:Slavíková Vacek:Vacková Kubát:Kubátová Brož:Brožová
            Šebesta:Šebestová Zedník:Zedníková Hanák:Hanáková Kos:Kosová Vojtěch:Vojtěchová
            Hora:Horová Kuba:Kubová Havlíček:Havlíčková Klíma:Klímová Vondra:Vondrová
            Šindelář:Šindelářová Jireš:Jirešová Toman:Tomanová Dvorský:Dvorská Bartošek:Bartošková
            Fišer:Fišerová Mráz:Mrázová Kubíček:Kubíčková Cibulka:Cibulková Staněk:Stanňková
            Hronek:Hronková Kazda:Kazdová Přibyl:Přibylová Šafránek:Šafránková Kolářík:Koláříková
            Lukáš:Lukášová Koubek:Koubková Hlaváček:Hlaváčková Vojtíšek:Vojtíšková Wagner:Wagnerová
            Tůma:Tůmová Řezníček:Řezníčková Kubík:Kubíková Nový:Nová Charvát:Charvátová Vrba:Vrbová
            Zima:Zimová Strnad:Strnadová Beran:Beranová Kocourek:Kocourková Uher:Uhrová
            Tomek:Tomková Hladík:Hladíková Kafka:Kafková Vlach:Vlachová Vitásek:Vitásková
        """,
    },
    "RO": {
        "male": """
            Ion Gheorghe Vasile Constantin Alexandru Andrei Mihai Ștefan Florin Adrian Marian
            Nicolae Daniel Cristian Ionuț Bogdan Gabriel Dumitru Lucian Sorin Cătălin Răzvan
            Valentin Ciprian Mircea Petru Ioan Marius Dan Radu Viorel Costel Cornel Emil Eugen Liviu
            Ovidiu Sergiu Silviu Tudor Traian Victor Aurel Cosmin Dragoș Iulian Laurențiu Marcel
            Matei Octavian Paul Remus Sebastian Teodor Vlad Virgil Valeriu Horia Iosif Grigore
            Nicușor Claudiu Costin Doru Florian Gelu Ilie Mihail Romeo Robert Darius David Luca
            Denis Fănel
        """,
        "female": """
            Maria Elena Ioana Ana Mihaela Andreea Gabriela Cristina Alexandra Florentina Nicoleta
            Georgiana Daniela Mariana Ionela Roxana Alina Simona Raluca Larisa Loredana Denisa
            Bianca Ștefania Adriana Oana Carmen Monica Irina Diana Camelia Rodica Doina Angela Lucia
            Aurelia Viorica Elisabeta Valentina Corina Claudia Ramona Lavinia Silvia Florica
            Gheorghița Paula Anca Teodora Sofia Antonia Iuliana Luminița Marinela Natalia Otilia
            Petronela Sabina Sorina Vasilica Violeta Amalia Anastasia Delia Emilia Lenuța Mirela
            Nadia Ecaterina Ileana Smaranda
        """,
        "family": """
            Popa Popescu Pop Radu Ionescu Dumitru Stan Stoica Gheorghe Matei Ciobanu Constantin Rusu
            Mihai Lungu Munteanu Marin Florea Ioniță Tudor Dinu Moldovan Barbu Nistor Preda
            Georgescu Oprea Voicu Toma Dobre Stănescu Diaconu Zamfir Manole Ene Sandu Dumitrescu
            Ștefan Dima Neagu Ilie Dragomir Nedelcu Ion Lazăr Nicolae Marinescu Cristea Sârbu Mocanu
            Dobrescu Stoian Vasile Iordache Roman Coman Bălan Constantinescu Niculescu Tănase Anghel
            Mihăilescu Stanciu Enache Dinca Grigore Andrei Petrescu Apostol Pavel Cojocaru Lupu
            Avram Oprescu Căpraru Iliescu Ardeleanu Bogdan Cazacu Chiriac Ciocan Cozma Crăciun
            Dănilă Dragnea Enescu Gavrilă Ghiță Iancu Ivan Jitaru Lăzărescu Manea Marcu Mitrea
            Moraru Mureșan Nechita Olteanu Pană Pîrvu Rădulescu Răducanu Sima Stancu Șerban Tomescu
            Ungureanu Vlad Zaharia Bucur Bratu Costea Drăgan Filip Ghica Hagi Ispas Mărginean Negru
            Paraschiv Suciu Surdu Bejan Bălănescu Rotaru
        """,
    },
    "HU": {
        "male": """
            László István József János Zoltán Sándor Gábor Ferenc Attila Péter Tamás Zsolt Tibor
            András Csaba Imre Lajos György Balázs Róbert Gyula Mihály Károly Norbert Dávid Bence
            Dániel Ádám Máté Krisztián Levente Gergely Márk Richárd Viktor Ákos Roland Szabolcs
            Dezső Béla Ernő Géza Jenő Kálmán Miklós Pál Antal Árpád Barnabás Botond Dominik Endre
            Győző Huba Kristóf Marcell Martin Milán Nándor Olivér Patrik Rudolf Szilárd Vilmos Zalán
            Benedek Bálint Csongor Elemér Iván Kornél Lőrinc
        """,
        "female": """
            Mária Erzsébet Katalin Éva Ilona Anna Zsuzsanna Margit Judit Ágnes Andrea Erika
            Krisztina Mónika Edit Gabriella Szilvia Anita Eszter Tímea Viktória Ildikó Dóra Réka
            Nikolett Zsófia Julianna Irén Piroska Rozália Magdolna Anikó Gyöngyi Marianna Veronika
            Kitti Klára Boglárka Csilla Enikő Hajnalka Noémi Orsolya Petra Rita Brigitta Emese Fanni
            Flóra Hanna Jázmin Lili Luca Nóra Panna Sára Zita Tünde Beáta Hedvig Kinga Bernadett
            Melinda Alexandra Emma Adrienn Ibolya Etelka Borbála Dorina Evelin Lilla
        """,
        "family": """
            Nagy Kovács Tóth Szabó Horváth Varga Kiss Molnár Németh Farkas Balogh Papp Takács Juhász
            Lakatos Mészáros Oláh Simon Rácz Fekete Szilágyi Török Fehér Balázs Gál Kis Szűcs Kocsis
            Orsós Pintér Fodor Szalai Sipos Magyar Lukács Gulyás Biró Király Katona László Jakab
            Bogdán Balog Sándor Boros Fazekas Kelemen Antal Orosz Somogyi Fülöp Veres Budai Vincze
            Hegedűs Deák Pap Bálint Illés Pál Vass Szőke Fenyő Vörös Lengyel Bodnár Hajdu Halász
            Máté Székely Gáspár Kozma Pásztor Bakos Dudás Major Virág Hegyi Orbán Barna Novák Soós
            Tamás Nemes Pataki Balla Faragó Kerekes Borbély Barta Péter Szekeres Csonka Mezei Márton
            Sárközi Berki Marton Vadász Jónás Kun Bognár Szénási Ács Dobos Csizmadia Erdős Lőrincz
            Madár Győri Bencze Benkő Vida Kállai Keresztes
        """,
    },
    "TR": {
        "male": """
            Mehmet Mustafa Ahmet Ali Hüseyin Hasan İbrahim İsmail Osman Yusuf Murat Ömer Ramazan
            Halil Süleyman Abdullah Mahmut Salih Kemal Recep Emre Burak Serkan Fatih Oğuz Çağlar
            Yaşar Hakan Mehmet_Ali Erkan Cem Can Kadir Orhan Sinan Volkan Tolga Uğur Ercan Selim
            Erdem Onur Barış Gökhan Tuncay Levent Metin Nihat Sedat Şükrü Tahir Zafer Yunus Enes
            Eren Furkan Emir Arda Kerem Berk Alper Cengiz Cihan Doğan Ersin Ferhat Kaan Koray Mert
            Necati Ozan Selçuk Taner Umut Yavuz Bülent Adem Bayram
        """,
        "female": """
            Fatma Ayşe Emine Hatice Zeynep Elif Meryem Şerife Zehra Sultan Hanife Merve Havva Zeliha
            Esra Fadime Özlem Hacer Melek Yasemin Gülsüm Leyla Büşra Tuğba Songül Derya Hülya
            Elif_Nur Kübra Sevgi Gül Dilek Filiz Nurcan Sibel Ebru Aysel Aynur Gülay Serpil Selin
            Seda Pınar Burcu Ceren Ece Gamze İrem Nazlı Duygu Eda Sena Zeynep_Nur Asiye Cemile Hava
            Nermin Nesrin Sevim Şükran Türkan Ümran Yıldız Aslı Defne Ecrin Azra Nisa Eylül Melike
            Rabia Şeyma
        """,
        "family": """
            Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan Kılıç
            Aslan Çetin Kara Koç Kurt Özkan Şimşek Polat Korkmaz Karataş Güneş Aksoy Kaplan Bulut
            Keskin Tekin Acar Erdoğan Ünal Yavuz Aktaş Güler Özer Bozkurt Turan Tunç Avcı Erdem
            Bayram Ateş Kurtuluş Coşkun Sarı Yüksel Altun Uçar Kılınç Temel Akın Karakaya Taş Sevim
            Işık Oral Durmaz Başaran Çakır Duman Önal Gündoğdu Aydoğan Ay Eren Gök Güneşli Uysal
            Kocabaş Sönmez Bilgin Çiftçi Özgür Uzun Akbulut Ekinci Gümüş Karaca Metin Toprak Yalçın
            Kalkan Yiğit Aktürk Akgül Altıntaş Arıkan Baysal Cengiz Çınar Dinç Duran Erol Gür Güven
            İnce Kahraman Karakuş Kaçar Keleş Mutlu Orhan Özbek Özçelik Özkaya Parlak Sağlam Savaş
            Soylu Tan Tatlı Tosun Türk Ural Vural Yaman Yazıcı Yücel Zengin Akyüz Atalay Balcı
            Bektaş Demirci Ergün
        """,
    },
    "VN": {
        "male": """
            Minh Hùng Dũng Tuấn Nam Hải Long Hoàng Sơn Thắng Thành Huy Khánh Phong Quang An Bình
            Cường Tùng Việt Đức Hiếu Hoà Trung Vinh Tâm Lộc Anh Bảo Đạt Duy Hưng Kiên Lâm Linh Nghĩa
            Phúc Quân Tài Thiện Tiến Toàn Trí Trọng Tú Tuệ Vũ Chiến Công Danh Định Giang Hào Hậu
            Hiển Hiệp Khải Khang Khoa Kỳ Lực Mạnh Nhân Nhật Phát Phước Quý Quyết Sang Tân Thái Thanh
            Thịnh Thông Thuận Tín Tuyên Vương Xuân Yên Châu Đông Hiền Kha
        """,
        "female": """
            Linh Anh Hương Lan Mai Ngọc Trang Hà Thảo Phương Hằng Huyền Nhung Thủy Yến Hạnh Hoa Loan
            Châu Dung Oanh Quỳnh Thu Tuyết Vân Xuân My Nga Nhi Vy Trâm Uyên Diệp Giang Hiền Hồng Hậu
            Khánh Kim Lệ Liên Ly Minh Nguyệt Như Quyên Tâm Thanh Thơ Thúy Tiên Trinh Tú Tường Vi Ánh
            Bích Chi Diễm Đào Hải Hoài Hòa Khuê Lam Lụa Mận Mỹ Nhàn Phượng Sen Thoa Thư Trúc
        """,
        "family": """
            Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Trương Lâm
            Mai Đoàn Cao Lưu Tạ Hà Vương Quách Tô Châu La Trịnh Đào Lương Lại Mạc Thái Kiều Chu Tăng
            Từ
        """,
        "middle": """
            Văn:Thị Đức:Ngọc Minh:Thu Quốc:Kim Hữu:Bích Thanh:Thanh Công:Mỹ Xuân:Thanh Hoàng:Hồng
            Đình:Thúy Trọng:Phương Gia:Bảo Tuấn:Hoài Quang:Diệu Bảo:Khánh Anh:Minh Duy:Thảo Hải:Hải
            Tiến:Kiều Thế:Cẩm Nhật:Như Phúc:Tường
        """,
    },
    "DE": {
        "male": """
            Thomas Michael Andreas Stefan Peter Christian Markus Klaus Alexander Daniel Wolfgang
            Jürgen Frank Uwe Matthias Martin Jan Tobias Sebastian Günter Jörg Lukas Felix Maximilian
            Jonas Florian Dirk Björn Hans Werner Dieter Manfred Bernd Ralf Sven Torsten Holger
            Rainer Horst Helmut Heinz Karl Gerhard Walter Kurt Dennis Patrick Philipp Benjamin Simon
            Niklas Leon Paul Finn Elias Noah Ben Luca Julian Moritz Tim David Fabian Kevin Marcel
            Oliver Kai René Jens Lars Timo Nils Henrik Johannes Friedrich Joachim Rüdiger Ulrich
            Volker
        """,
        "female": """
            Sabine Susanne Petra Andrea Claudia Nicole Stefanie Julia Katharina Anna Laura Lena
            Sarah Jana Birgit Monika Ursula Renate Gisela Brigitte Karin Heike Jessica Sophie Lea
            Bärbel Christina Sandra Melanie Kerstin Martina Angelika Gabriele Barbara Tanja Silke
            Anja Daniela Nadine Simone Manuela Christa Elke Ingrid Hannelore Helga Marion Jutta
            Jennifer Vanessa Lisa Marie Johanna Hannah Lara Mia Emma Lina Leonie Clara Maria Emilia
            Charlotte Annika Franziska Carina Nina Miriam Anke Doris Erika Ute Sonja Jasmin
        """,
        "family": """
            Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Schäfer Koch
            Bauer Richter Klein Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger Hofmann
            Hartmann Lange Schmitt Werner Schmitz Krause Meier Lehmann Schmid Schulze Maier Köhler
            Herrmann König Walter Mayer Huber Kaiser Fuchs Peters Lang Scholz Möller Weiß Jung Hahn
            Schubert Vogel Friedrich Keller Günther Frank Berger Winkler Roth Beck Lorenz Baumann
            Franke Albrecht Schuster Simon Ludwig Böhm Winter Kraus Martin Schumacher Krämer Vogt
            Stein Jäger Otto Sommer Groß Seidel Heinrich Brandt Haas Schreiber Graf Schulte Dietrich
            Ziegler Kuhn Kühn Pohl Engel Horn Busch Bergmann Thomas Voigt Sauer Arnold Wolff
            Pfeiffer Ernst Lindner Hübner Kramer Jansen Franz Hansen Wirth Brinkmann Dietz Fiedler
            Förster Hesse Kessler Kuhlmann Lindemann Marx Mertens Nagel Ott Paul Reuter Schilling
            Seifert Stark Thiel Ulrich von_Bergen van_der_Linden von_der_Heide von_Stein
            van_den_Berg
        """,
    },
    "FR": {
        "male": """
            Jean Pierre Michel Philippe Alain Nicolas Christophe Patrick Laurent Frédéric Stéphane
            Julien Sébastien Olivier Thierry Éric François Jérôme Mathieu Benoît Jean-Pierre
            Jean-Luc Hugo Lucas Théo Loïc David Daniel Bernard Gérard Jacques André Claude René
            Serge Didier Pascal Bruno Vincent Guillaume Antoine Thomas Alexandre Romain Maxime Kevin
            Nathan Louis Gabriel Raphaël Arthur Jules Léo Mathis Enzo Clément Quentin Florian
            Anthony Damien Cédric Yannick Fabrice Jean-Claude Jean-Marc Jean-François Emmanuel
            Xavier Lionel Arnaud Marc Henri Paul Yves Gilles Mickaël
        """,
        "female": """
            Marie Nathalie Isabelle Sylvie Catherine Françoise Christine Valérie Sandrine Sophie
            Céline Stéphanie Émilie Aurélie Julie Camille Léa Chloé Manon Inès Marie-Claire
            Anne-Sophie Hélène Mélanie Véronique Agnès Monique Nicole Martine Jacqueline Brigitte
            Sandra Laurence Patricia Corinne Caroline Virginie Audrey Élodie Charlotte Sarah Laura
            Pauline Marion Mathilde Clara Emma Jade Louise Alice Lina Léna Zoé Anaïs Océane Margaux
            Lucie Justine Claire Anne Annie Chantal Danielle Denise Madeleine Odile Colette Josiane
            Marie-Thérèse Marie-Christine Ginette Solène Maëlle Noémie
        """,
        "family": """
            Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent
            Lefèvre Michel Garcia David Bertrand Roux Vincent Fournier Morel Girard André Lefebvre
            Mercier Dupont Lambert Bonnet François Martinez Legrand Garnier Faure Rousseau Blanc
            Guérin Muller Henry Roussel Nicolas Perrin Morin Mathieu Clément Gauthier Dumont Lopez
            Fontaine Chevalier Robin Masson Sanchez Gérard Nguyen Boyer Denis Lemaire Duval Joly
            Gautier Roger Roche Roy Noël Meyer Lucas Meunier Jean Perez Marchand Dufour Blanchard
            Marie Barbier Brun Dumas Brunet Schmitt Leroux Colin Fernandez Pierre Renard Arnaud
            Rolland Caron Aubert Giraud Leclerc Vidal Bourgeois Renaud Lemoine Picard Gaillard
            Philippe Leclercq Lacroix Fabre Dupuis Olivier Rodriguez Da_Silva Hubert Louis Charles
            Guillot Rivière Le_Gall Guillaume Adam Rey Moulin Gonzalez Berger Lecomte Menard Fleury
            Deschamps Carpentier Julien Benoît Paris Maillard Marchal Aubry Vasseur Le_Roux Renault
            Jacquet Collet Prévost Poirier Charpentier Royer Huet Baron Dupuy Pons Paul Laine Carré
            Breton Rémy Schneider Perrot Guyot Barre Marty Cousin de_la_Roche Le_Goff Saint-Pierre
            de_la_Fontaine Le_Guen
        """,
    },
    "ES": {
        "male": """
            Antonio José Manuel Francisco David Juan Javier Daniel José_Antonio Francisco_Javier
            Carlos José_Luis Jesús Alejandro Miguel José_Manuel Rafael Pablo Pedro Ángel Sergio
            Fernando Jorge Luis Alberto Álvaro Adrián Diego Raúl Iván Juan_Carlos Miguel_Ángel
            Juan_José Ramón Enrique Andrés Joaquín Santiago Vicente Víctor Eduardo Mario Roberto
            Jaime Ignacio Alfonso Marcos Salvador Ricardo Hugo Emilio Guillermo Rubén Julio Tomás
            Gabriel Agustín Lucas Martín Mateo Nicolás Óscar Gonzalo Cristian Samuel Héctor Marc
            Jordi Xavier Iker Aitor Gorka Unai Íñigo Asier Borja Lorenzo Felipe Julián Sebastián
        """,
        "female": """
            María_Carmen María Carmen Ana_María Laura María_Pilar María_Dolores Isabel Josefa Ana
            Cristina Marta María_Teresa Francisca Lucía Antonia Dolores Sara Paula Elena
            María_Ángeles Raquel Rosa_María Pilar Concepción Manuela Mercedes María_José Julia
            Rosario Beatriz Silvia Nuria Inmaculada Teresa Alba Patricia Irene Andrea Rocío
            Montserrat Mónica Alicia Rosa Sonia Sandra Marina Ángela Encarnación Natalia Sofía
            Claudia Victoria Noelia Carolina Esther Eva Inés Miriam Verónica Lorena Ana_Isabel
            Gloria Amparo Yolanda Margarita Nerea Ainhoa Leire Aitana Alejandra Valeria Daniela
            Carla Martina Lola Begoña
        """,
        "family": """
            García Rodríguez González Fernández López Martínez Sánchez Pérez Gómez Martín Jiménez
            Ruiz Hernández Díaz Moreno Muñoz Álvarez Romero Alonso Gutiérrez Navarro Torres
            Domínguez Vázquez Ramos Gil Ramírez Serrano Blanco Molina Morales Suárez Ortega Delgado
            Castro Ortiz Rubio Marín Sanz Núñez Iglesias Medina Garrido Cortés Castillo Santos
            Lozano Guerrero Cano Prieto Méndez Cruz Calvo Gallego Vidal León Márquez Herrera Peña
            Flores Cabrera Campos Vega Fuentes Carrasco Diez Caballero Reyes Nieto Aguilar Pascual
            Santana Herrero Lorenzo Montero Hidalgo Giménez Ibáñez Ferrer Durán Santiago Benítez
            Mora Vicente Vargas Arias Carmona Crespo Román Pastor Soto Sáez Velasco Moya Soler Parra
            Esteban Bravo Gallardo Rojas Pardo Merino Franco Espinosa Izquierdo Lara Rivas Silva
            Rivera Casado Arroyo Redondo Camacho Rey Vera Otero Luque Galán Montes Ríos Sierra
            Segura Carrillo Marcos Martí Soriano Mendoza Robles Bernal Vila Valero Palacios Pereira
            Benito Varela Andrés Bueno Escobar de_la_Cruz de_la_Fuente del_Río de_la_Torre
        """,
    },
    "PT": {
        "male": """
            José João António Francisco Manuel Pedro Rui Paulo Luís Carlos Miguel Tiago Nuno Ricardo
            Bruno André Diogo Gonçalo Rodrigo Tomás Duarte Afonso Vítor Jorge Fernando Sérgio
            Joaquim Mário Daniel Hugo Filipe Marco Alexandre Henrique Martim Santiago Guilherme
            Gabriel Rafael Lourenço Salvador Simão Vasco Dinis Leonardo Lucas Gustavo Artur Samuel
            Tiago_Filipe Armando Augusto Domingos Fábio Hélder Jaime Júlio Leandro Luís_Miguel
            Márcio Raul Renato Sandro Valter Vicente Abel Alberto Álvaro Américo Eduardo Ivo
            Norberto Óscar
        """,
        "female": """
            Maria Ana Joana Beatriz Mariana Inês Catarina Sofia Marta Rita Sara Carolina Leonor
            Matilde Filipa Patrícia Cláudia Sónia Teresa Conceição Fátima Graça Helena Raquel
            Andreia Débora Isabel Luísa Margarida Alice Francisca Lara Camila Madalena Clara Diana
            Daniela Susana Vera Paula Cristina Sandra Manuela Rosa Lúcia Fernanda Rosário Emília
            Glória Olga Célia Liliana Mónica Tânia Vanessa Alexandra Adriana Bárbara Benedita Carla
            Constança Eva Gabriela Joana_Maria Júlia Laura Lívia Mafalda Maria_João Maria_José
            Natália Rute Salomé Yara Irene
        """,
        "family": """
            Silva Santos Ferreira Pereira Oliveira Costa Rodrigues Martins Jesus Sousa Fernandes
            Gonçalves Gomes Lopes Marques Alves Almeida Ribeiro Pinto Carvalho Teixeira Moreira
            Correia Mendes Nunes Soares Vieira Monteiro Cardoso Rocha Raposo Neves Coelho Cruz Cunha
            Pires Ramos Reis Simões Antunes Matos Fonseca Machado Araújo Barbosa Tavares Lourenço
            Castro Figueiredo Azevedo Freitas Silvestre Magalhães Baptista Borges Campos Pinheiro
            Henriques Miranda Valente Sá Batista Brito Guerreiro Leite Paiva Morais Torres Louro
            Faria Carneiro Abreu Vaz Amaral Nogueira Esteves Loureiro Pacheco Mota Garcia Domingues
            Rosa Dias Jorge Branco Barros Moura Quintela Sequeira Tomé Vasconcelos Rebelo Melo
            Falcão Brandão Bastos Leal Macedo Peixoto Patrício Bento Medeiros Lobo Salgado Serrano
            Gaspar Sampaio Guimarães Cabral Prata Queirós Ventura Cordeiro Caldeira Morgado da_Silva
            dos_Santos da_Costa de_Sousa da_Cunha dos_Reis da_Rocha de_Almeida
        """,
    },
    "BR": {
        "male": """
            José João Antônio Francisco Carlos Paulo Pedro Lucas Luiz Marcos Luís Gabriel Rafael
            Daniel Marcelo Bruno Eduardo Felipe Raimundo Rodrigo Gustavo Thiago Matheus Leandro
            Wellington Anderson Fernando Fábio Ricardo Sebastião Manoel Alexandre Diego Luiz_Carlos
            Jorge André Roberto Sérgio Márcio Vinícius Leonardo Guilherme Henrique Miguel Arthur
            Heitor Davi Bernardo Samuel Enzo Lorenzo Joaquim Caio Igor Renato Rogério Cláudio Edson
            Júlio Alex Adriano Jefferson Washington Cícero Severino Geraldo Benedito Luan Ryan Kauã
            Murilo Otávio
        """,
        "female": """
            Maria Ana Francisca Antônia Adriana Juliana Márcia Fernanda Patrícia Aline Sandra Camila
            Amanda Bruna Jéssica Letícia Júlia Luciana Vanessa Mariana Gabriela Larissa Thaís
            Raimunda Daniela Débora Ana_Paula Maria_José Vitória Beatriz Alice Sophia Helena Laura
            Valentina Isabela Manuela Giovanna Lara Lívia Cecília Luana Carla Simone Cristiane
            Rosângela Rosa Tatiana Renata Priscila Raquel Luciene Sônia Vera Lúcia Tânia Eliane Rita
            Joana Josefa Sebastiana Terezinha Aparecida Conceição Rafaela Natália Yasmin Heloísa
            Kamila Michele Roberta Elaine Cláudia Ana_Clara
        """,
        "family": """
            Silva Santos Oliveira Souza Rodrigues Ferreira Alves Pereira Lima Gomes Costa Ribeiro
            Martins Carvalho Almeida Lopes Soares Fernandes Vieira Barbosa Rocha Dias Nascimento
            Andrade Moreira Nunes Marques Machado Mendes Freitas Cardoso Ramos Gonçalves Santana
            Teixeira Araújo Cavalcanti Monteiro Moura Correia Pinto Castro Campos Batista Reis Cunha
            Miranda Sousa Farias Borges Pires Xavier Brito Tavares Cruz Melo Barros Aguiar Moraes
            Fonseca Medeiros Azevedo Nogueira Siqueira Freire Vasconcelos Matos Bezerra Coelho Leite
            Queiroz Macedo Rezende Pacheco Cavalcante Bueno Sales Garcia Duarte Lacerda Magalhães
            Assis Prado Abreu Viana Camargo Figueiredo Amaral Toledo Guimarães Paiva Peixoto Neves
            Mota Sampaio Leal Pessoa Brandão Menezes Rangel Valadares Ferraz Carneiro Jesus
            Conceição Franco Porto Salgado Vaz Holanda Barreto Lins Mello Paz Louzada Ribas Chagas
            da_Silva dos_Santos de_Souza do_Nascimento de_Oliveira da_Costa de_Jesus da_Conceição
        """,
    },
    "CO": {
        "male": """
            Juan Carlos Luis Jorge Andrés José Jhon Diego Óscar Jaime Fabián Alejandro Miguel Julián
            Camilo Sebastián Santiago Mauricio Hernán Édgar Wilson Fredy Nelson Germán Juan_Pablo
            Luis_Fernando Juan_Carlos José_Luis Carlos_Andrés Juan_David Juan_Sebastián Jhon_Jairo
            Jairo Gustavo Álvaro Fernando Eduardo Ricardo Rodrigo Javier Orlando Alberto Hugo Héctor
            William Henry Édison Jefferson Brayan Kevin Cristian Daniel David Felipe Esteban Mateo
            Samuel Nicolás Emiliano Gabriel Rafael Ramiro Rubén Libardo Efraín Gilberto Arley Yeison
            Yesid Duván Wilmer Jhonatan Alirio Omar
        """,
        "female": """
            María Luz Ana Sandra Martha Claudia Diana Paola Carolina Adriana Gloria Blanca Liliana
            Yolanda Natalia Valentina Daniela Luisa Marcela Yuliana Leidy Ángela Lorena Paula Andrea
            Luz_Marina Luz_Mery María_Fernanda Ana_María María_Camila Laura_Sofía Sofía Mariana
            Isabella Salomé Gabriela Juliana Catalina Alejandra Viviana Johana Yaneth Patricia Rosa
            Carmen Mónica Sonia Lina Margarita Esperanza Amparo Beatriz Cecilia Fanny Nancy Olga
            Stella Teresa Yesenia Yurani Angie Karen Lizeth Yenny Erika Ximena Manuela Antonella
            Luciana Isabel Dora Mercedes
        """,
        "family": """
            Rodríguez Gómez González Martínez García López Hernández Sánchez Ramírez Pérez Díaz
            Muñoz Rojas Moreno Jiménez Vargas Castro Gutiérrez Ortiz Álvarez Ruiz Suárez Torres
            Romero Herrera Valencia Quintero Restrepo Cardona Ospina Montoya Giraldo Rivera Mejía
            Castaño Medina Aguirre Salazar Osorio Zapata Arias Correa Marín Ramos Londoño Mendoza
            Guerrero Parra Cruz Vásquez Acosta Cárdenas Rincón Molina Reyes Morales Sierra Duque
            Pineda Bedoya Henao Ríos Peña Ortega Buitrago Murillo Gil Nieto Gallego Vélez Cortés
            Carvajal Echeverri Escobar Franco Ávila Barrera Bermúdez Cifuentes Delgado Estrada
            Galeano Hurtado Lozano Mosquera Navarro Orozco Palacios Patiño Quiroga Rueda Serna Tovar
            Uribe Villa Zuluaga Agudelo Betancur Cano Caicedo Córdoba Durango Forero Guzmán
            Jaramillo Lara Manrique Niño Ocampo Pulido Rengifo Sarmiento Trujillo Vallejo Zamora
            Ardila Bustos Chaparro Daza Fajardo Gaviria Hoyos Ibarra de_la_Hoz de_la_Rosa
            del_Castillo
        """,
    },
    "NG": {
        "male": """
            Ibrahim Musa Abubakar Chinedu Emeka Oluwaseun Tunde Adebayo Chukwuemeka Obinna Ifeanyi
            Babatunde Segun Olumide Kelechi Uchenna Nnamdi Yakubu Suleiman Aliyu Godwin Samuel
            Emmanuel Sunday Friday Oluwatobi Usman Muhammad Abdullahi Umar Sani Bello Yusuf Ahmed
            Haruna Garba Danjuma Chidi Chibuike Ikechukwu Kenechukwu Tochukwu Chinonso Ebuka Somto
            Olusegun Oluwafemi Femi Kunle Kayode Dele Wale Yemi Ayodele Damilola Adewale Adeola Tobi
            Daniel David Joseph John Michael Peter Paul Victor Stephen Ifeoluwa Babajide Ayo
            Temitayo Gbenga Bayo Lanre Rotimi Nonso Ugochukwu Chima Amadi Efe Osagie Ese
        """,
        "female": """
            Aisha Fatima Zainab Ngozi Chioma Amaka Adaeze Funmilayo Folake Yetunde Blessing Precious
            Joy Gift Mercy Chiamaka Nkechi Ifeoma Bukola Temitope Oluwakemi Hauwa Halima Esther
            Grace Patience Maryam Amina Hadiza Khadija Asmau Rukayat Zulaihat Hafsat Bilkisu Ruth
            Deborah Comfort Faith Hope Favour Peace Chinwe Chinyere Uchechi Obiageli Nneka Chidinma
            Ebere Ada Oluwaseun Omolara Abimbola Adenike Kemi Ronke Toyin Shade Titilayo Yewande
            Iyabo Folasade Damilola Mojisola Omotola Busola Oreoluwa Ayomide Osas Eseosa Ivie Ochuko
        """,
        "family": """
            Musa Abubakar Ibrahim Mohammed Bello Usman Yusuf Aliyu Abdullahi Sani Suleiman Umar
            Adamu Okafor Okeke Eze Nwosu Okonkwo Adeyemi Adebayo Ogunleye Balogun Okoro Chukwu
            Nwachukwu Obi Onyeka Oladipo Olawale Ogunbiyi Afolabi Akinola Danjuma Ekwueme Ojo
            Oyelaran Ade Adeleke Adewale Adewumi Adeniyi Ajayi Akande Alabi Babalola Bakare Fashola
            Ogundipe Ogunbanjo Oyewole Oyedepo Oladele Olatunji Omotosho Onyekachi Oni Salami Lawal
            Ogunlana Oyebanji Anyanwu Agu Ani Chukwuma Ezeh Igwe Iwu Madu Mbah Nnadi Nwankwo Nwafor
            Nwokolo Obiora Odoh Ofor Okechukwu Okoli Okonjo Onuoha Onwuka Orji Ugwu Uzor Garba
            Haruna Jibril Lawan Shehu Tijani Waziri Yahaya Zubairu Idris Isah Bala Dauda Ismail Nuhu
            Audu Ayuba Edet Effiong Etim Okon Bassey Ekpo Umoh Akpan Udo Inyang Ogbonna Osagie
            Omoregie Igbinedion Idahosa Ekanem Ebere Emenike Oshodi Ayodele
        """,
    },
    "PH": {
        "male": """
            Jose Juan Mark John_Paul Jayson Michael Christian Angelo Ramon Rodel Jerome Ronaldo
            Reynaldo Eduardo Rogelio Danilo Arnel Noel Romeo Ricardo Jomar Marvin Joel Dennis Ariel
            Niño John Antonio Roberto Rolando Manuel Ernesto Fernando Jesus Edgardo Alfredo Renato
            Rodrigo Bernardo Ferdinand Jonathan Jeffrey Joseph Ryan Kevin Carlo Paolo Miguel Gabriel
            Rafael Jericho John_Lloyd Mark_Anthony Kenneth Raymond Richard Allan Alvin Benjie
            Carlito Dante Efren Emmanuel Gilbert Jun Leonardo Marlon Nestor Oscar Ramil Rey Virgilio
            Wilfredo Jhon
        """,
        "female": """
            Maria Mary_Grace Mary_Joy Rosalie Lorna Marites Jocelyn Maricel Analyn Jennifer Rowena
            Liza Kristine Angelica Janine Jasmine Nicole Erlinda Rosario Teresita Gloria Cherry
            Lovely Princess Joy Aileen Ana Cristina Elizabeth Josephine Lourdes Marilyn Michelle
            Norma Remedios Rosemarie Ruby Shiela Sheryl Vilma Wilma Ma_Theresa Mary_Ann Mylene Nora
            Perla Rachelle Regina Rhea Rochelle Sarah Shane Trisha Althea Bea Camille Jamaica
            Jhoanna Kimberly Lea Lyka Mae Marjorie Precious Rica Angeline Arlene Charmaine Diana
            Evelyn Flordeliza Gemma Imelda
        """,
        "family": """
            Santos Reyes Cruz Bautista Ocampo Garcia Mendoza Torres Tomas Andrada Castillo Flores
            Villanueva Ramos Castro Rivera Aquino Navarro Salazar Mercado Gonzales Lopez Dela_Cruz
            De_Leon De_Guzman Del_Rosario Pascual Manalo Dizon Macaraeg Soriano Santiago Aguilar
            Alvarez Fernandez Hernandez Martinez Perez Rodriguez Sanchez Valdez Vergara Villareal
            Gutierrez Diaz Domingo Esguerra Francisco Gomez Jimenez Lim Mangubat Marquez Medina
            Miranda Morales Padilla Panganiban Quiambao Ramirez Roxas Sarmiento Tan Umali Vasquez
            Velasco Yap Zamora Abad Agbayani Alcantara Baltazar Buenaventura Cabrera Calderon
            Concepcion Corpuz David Enriquez Espiritu Evangelista Fajardo Galang Guevarra Ignacio
            Javier Lacson Lagman Macapagal Magbanua Malabanan Manalastas Manaloto Natividad Ortega
            Pangilinan Quiazon Rosales Salvador Samonte Tolentino Valencia Dimaculangan Dimaano
            Lacsamana Mallari Sison Tuazon Bernardo Cortez Estrada Lacanilao Magsaysay Mendiola
            Nepomuceno Pineda Robles
        """,
    },
    "AL": {
        "male": """
            Arben Artan Besnik Blerim Dritan Erion Fatmir Gentian Ilir Klodian Luan Mirjan Ervin
            Florian Gëzim Kastriot Leonard Marsel Olsi Redon Sokol Shpëtim Taulant Xhevdet Endrit
            Ndriçim Agim Afrim Albert Aleksandër Altin Andi Ardit Armand Bledar Edmond Elton Eriol
            Ermal Fation Flamur Genc Gjergj Hysen Ilirjan Jetmir Kujtim Lulzim Mentor Nikolla
            Pëllumb Petrit Qemal Rexhep Sabri Saimir Sali Skënder Spartak Shkëlqim Tomorr Valon
            Vladimir Ylli Arjan Bujar Dashamir Enver Fatos Isuf Klevis Lorenc Mikel Rigers Xhulio
        """,
        "female": """
            Anila Arta Blerina Brikena Dorina Elona Enkelejda Entela Fatjona Flutura Gentiana Klea
            Lindita Majlinda Manjola Mimoza Ornela Rezarta Shpresa Teuta Valbona Vjollca Xhesika
            Jonida Ermira Alketa Adelina Alma Anisa Arjola Besa Bukurije Drita Elda Eljona Enkela
            Erjona Esmeralda Fatbardha Flora Gjyste Greta Ilda Irena Jola Kaltrina Klodiana Lule
            Marjeta Merita Mirela Nora Olta Pranvera Rajmonda Rudina Sadete Sidita Suela Tefta Vera
            Xhensila Zamira Ana Amarda Dafina Egla Fjolla Ina Joana Kejsi Lira
        """,
        "family": """
            Hoxha Shehu Leka Krasniqi Gashi Kola Dervishi Çela Basha Marku Prifti Xhafa Mema Dushku
            Bushati Topalli Gjoka Gjini Kelmendi Hysa Lika Cani Bregu Malaj Muça Zeneli Hasani Sula
            Kuka Deda Berisha Rama Meta Duka Ahmeti Aliu Bajrami Beqiri Bytyqi Dema Dibra Doda
            Frashëri Gjika Gjoni Haxhiu Hoti Isufi Kastrati Kurti Lala Lleshi Mehmeti Murati Nika
            Pepa Pllumi Qosja Rexhepi Salihu Shala Sinani Spahiu Tafa Thaçi Toska Vata Veliu
            Xhaferri Zefi Zogu Alia Avdiu Balla Bardhi Bardhoku Brahimi Buzi Ceka Daci Dedja Deliu
            Dine Elezi Fejzo Gega Gjata Gjeka Hida Hysi Jaupi Kaba Koçi Kraja Lami Laçi Luli Mane
            Mara Mata Mehmetaj Mula Nano Ndoka Osmani Pali Pasha Pjetri Qama Reçi Ruci Selimi Sheqi
            Shkurti Tola Vrioni
        """,
    },
}
