"""Name lists: countries writing in Latin script, with their diacritics and particles.

The forms without diacritics, the ICAO umlauts (Müller -> Mueller), cedilla Romanian and
particle variants (van der Linden -> Vanderlinden, Linden) are derived in names.py.
Format: see names._parse; ``_`` stands for a space.
"""

DATA: dict[str, dict[str, str]] = {
    "PL": {
        "male": """
            Piotr Krzysztof Andrzej Tomasz Paweł Michał Marcin Grzegorz Łukasz Jakub Adam Marek
            Kamil Mateusz Wojciech Dariusz Rafał Jacek Sebastian Przemysław Zbigniew Mirosław
            Sławomir Bartłomiej Damian Szymon
        """,
        "female": """
            Anna Katarzyna Małgorzata Agnieszka Barbara Ewa Krystyna Magdalena Joanna Aleksandra
            Zofia Monika Dorota Beata Jadwiga Natalia Karolina Justyna Paulina Weronika Marta
            Urszula Grażyna Halina Bożena Żaneta
        """,
        "family": """
            Nowak Kowalski:Kowalska Wiśniewski:Wiśniewska Wójcik Kowalczyk Kamiński:Kamińska
            Lewandowski:Lewandowska Zieliński:Zielińska Szymański:Szymańska Woźniak
            Dąbrowski:Dąbrowska Kozłowski:Kozłowska Jankowski:Jankowska Mazur
            Wojciechowski:Wojciechowska Kwiatkowski:Kwiatkowska Krawczyk Kaczmarek
            Piotrowski:Piotrowska Grabowski:Grabowska Zając Pawłowski:Pawłowska
            Michalski:Michalska Król Wieczorek Jabłoński:Jabłońska Wróbel Majewski:Majewska
            Olszewski:Olszewska Stępień Górski:Górska
        """,
    },
    "CZ": {
        "male": """
            Jan Jiří Petr Josef Pavel Martin Tomáš Jaroslav Miroslav Zdeněk Václav Michal
            František Jakub Milan Karel Lukáš David Vladimír Ondřej Radek Marek Stanislav Aleš
            Roman Libor
        """,
        "female": """
            Marie Jana Eva Hana Anna Lenka Kateřina Lucie Věra Alena Petra Veronika Jaroslava
            Tereza Martina Michaela Jitka Helena Ludmila Zdeňka Ivana Monika Markéta Barbora Šárka
            Žaneta
        """,
        "family": """
            Novák:Nováková Svoboda:Svobodová Novotný:Novotná Dvořák:Dvořáková Černý:Černá
            Procházka:Procházková Kučera:Kučerová Veselý:Veselá Horák:Horáková Němec:Němcová
            Marek:Marková Pospíšil:Pospíšilová Pokorný:Pokorná Hájek:Hájková Král:Králová
            Jelínek:Jelínková Růžička:Růžičková Beneš:Benešová Fiala:Fialová
            Sedláček:Sedláčková Doležal:Doležalová Zeman:Zemanová Kolář:Kolářová
            Navrátil:Navrátilová Čermák:Čermáková Urban:Urbanová Vaněk:Vaňková Blažek:Blažková
            Kříž:Křížová Kovář:Kovářová
        """,
    },
    "RO": {
        "male": """
            Ion Gheorghe Vasile Constantin Alexandru Andrei Mihai Ștefan Florin Adrian Marian
            Nicolae Daniel Cristian Ionuț Bogdan Gabriel Dumitru Lucian Sorin Cătălin Răzvan
            Valentin Ciprian Mircea Petru
        """,
        "female": """
            Maria Elena Ioana Ana Mihaela Andreea Gabriela Cristina Alexandra Florentina Nicoleta
            Georgiana Daniela Mariana Ionela Roxana Alina Simona Raluca Larisa Loredana Denisa
            Bianca Ștefania Adriana Oana
        """,
        "family": """
            Popescu Ionescu Popa Pop Radu Dumitru Stan Stoica Gheorghe Matei Ciobanu Constantin
            Rusu Mihai Lungu Munteanu Marin Florea Ioniță Tudor Dinu Moldovan Barbu Nistor Preda
            Georgescu Oprea Voicu Toma Dobre Stănescu Diaconu Zamfir Manole
        """,
    },
    "HU": {
        "male": """
            László István József János Zoltán Sándor Gábor Ferenc Attila Péter Tamás Zsolt Tibor
            András Csaba Imre Lajos György Balázs Róbert Gyula Mihály Károly Norbert Dávid Bence
        """,
        "female": """
            Mária Erzsébet Katalin Éva Ilona Anna Zsuzsanna Margit Judit Ágnes Andrea Erika
            Krisztina Mónika Edit Gabriella Szilvia Anita Eszter Tímea Viktória Ildikó Dóra Réka
            Nikolett Zsófia
        """,
        "family": """
            Nagy Kovács Tóth Szabó Horváth Varga Kiss Molnár Németh Farkas Balogh Papp Takács
            Juhász Lakatos Mészáros Oláh Simon Rácz Fekete Szilágyi Török Fehér Balázs Gál Kis
            Szűcs Kocsis Orsós Pintér Szőke
        """,
    },
    "TR": {
        "male": """
            Mehmet Mustafa Ahmet Ali Hüseyin Hasan İbrahim İsmail Osman Yusuf Murat Ömer Ramazan
            Halil Süleyman Abdullah Mahmut Salih Kemal Recep Emre Burak Serkan Fatih Oğuz Çağlar
        """,
        "female": """
            Fatma Ayşe Emine Hatice Zeynep Elif Meryem Şerife Zehra Sultan Hanife Merve Havva
            Zeliha Esra Fadime Özlem Hacer Melek Yasemin Gülsüm Leyla Büşra Tuğba Songül Derya
        """,
        "family": """
            Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan
            Kılıç Aslan Çetin Kara Koç Kurt Özkan Şimşek Polat Korkmaz Karataş Güneş Aksoy
            Kaplan Bulut Keskin Tekin Acar
        """,
    },
    "VN": {
        "male": """
            An Bình Cường Dũng Hải Hùng Huy Khánh Long Minh Nam Phong Quang Sơn Thắng Thành Tuấn
            Tùng Việt Đức Hiếu Hoà Trung Vinh Tâm Lộc
        """,
        "female": """
            Anh Châu Dung Hà Hạnh Hằng Hoa Hương Lan Linh Loan Mai Ngọc Nhung Oanh Phương Quỳnh
            Thảo Thu Thủy Trang Tuyết Vân Yến Xuân My
        """,
        "family": """
            Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Trương
            Lâm Mai Đoàn Cao Lưu Tạ Hà Vương Quách Tô Châu La
        """,
        "middle": "Văn:Thị Đức:Ngọc Minh:Thu Quốc:Kim Hữu:Bích Thanh:Thanh Công:Mỹ",
    },
    "DE": {
        "male": """
            Thomas Michael Andreas Stefan Christian Markus Alexander Daniel Jan Tobias Sebastian
            Matthias Jürgen Uwe Frank Klaus Wolfgang Günter Jörg Lukas Felix Maximilian Jonas
            Florian Dirk Björn
        """,
        "female": """
            Sabine Susanne Petra Andrea Claudia Nicole Stefanie Julia Katharina Anna Laura Lena
            Sarah Jana Birgit Monika Ursula Renate Gisela Brigitte Karin Heike Jessica Sophie Lea
            Bärbel
        """,
        "family": """
            Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Schäfer
            Koch Bauer Richter Klein Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger
            Hofmann Hartmann Lange Schmitt Werner Krause Lehmann von_Bergen van_der_Linden Groß
            Weiß Köhler
        """,
    },
    "FR": {
        "male": """
            Jean Pierre Michel Philippe Alain Nicolas Christophe Patrick Laurent Frédéric
            Stéphane Julien Sébastien Olivier Thierry Éric François Jérôme Mathieu Benoît
            Jean-Pierre Jean-Luc Hugo Lucas Théo Loïc
        """,
        "female": """
            Marie Nathalie Isabelle Sylvie Catherine Françoise Christine Valérie Sandrine Sophie
            Céline Stéphanie Émilie Aurélie Julie Camille Léa Chloé Manon Inès Marie-Claire
            Anne-Sophie Hélène Mélanie Véronique Agnès
        """,
        "family": """
            Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent
            Lefèvre Michel Garcia David Bertrand Roux Vincent Fournier Morel Girard André
            Lefebvre Mercier Dupont Lambert Bonnet de_la_Roche Le_Goff Saint-Pierre
        """,
    },
    "ES": {
        "male": """
            José Antonio Manuel Francisco Juan David Javier Daniel Carlos Jesús Alejandro Miguel
            Rafael Pablo Pedro Ángel Sergio Fernando Jorge Luis Alberto Álvaro Adrián Diego Raúl
            Iván José_Luis Juan_Carlos Miguel_Ángel
        """,
        "female": """
            María Carmen Ana Isabel Laura Cristina Marta Lucía Pilar Elena Dolores Paula Raquel
            Sara Rosa Manuela Mercedes Teresa Rocío Beatriz Silvia Nuria Inmaculada María_José
            María_Carmen Ángela
        """,
        "family": """
            García Rodríguez González Fernández López Martínez Sánchez Pérez Gómez Martín Jiménez
            Ruiz Hernández Díaz Moreno Muñoz Álvarez Romero Alonso Gutiérrez Navarro Torres
            Domínguez Vázquez Ramos Gil Ramírez Serrano Blanco Molina de_la_Cruz de_la_Fuente
        """,
    },
    "PT": {
        "male": """
            João José António Francisco Manuel Pedro Rui Paulo Luís Carlos Miguel Tiago Nuno
            Ricardo Bruno André Diogo Gonçalo Rodrigo Tomás Duarte Afonso Vítor Jorge Fernando
            Sérgio
        """,
        "female": """
            Maria Ana Joana Beatriz Mariana Inês Catarina Sofia Marta Rita Sara Carolina Leonor
            Matilde Filipa Patrícia Cláudia Sónia Teresa Conceição Fátima Graça Helena Raquel
            Andreia Débora
        """,
        "family": """
            Silva Santos Ferreira Pereira Oliveira Costa Rodrigues Martins Jesus Sousa Fernandes
            Gonçalves Gomes Lopes Marques Alves Almeida Ribeiro Pinto Carvalho Teixeira Moreira
            Correia Mendes Nunes Soares Vieira Monteiro da_Silva dos_Santos da_Costa de_Sousa
        """,
    },
    "BR": {
        "male": """
            José João Antônio Francisco Carlos Paulo Pedro Lucas Luiz Marcos Luís Gabriel Rafael
            Daniel Marcelo Bruno Eduardo Felipe Raimundo Rodrigo Gustavo Thiago Matheus Leandro
            Wellington Anderson
        """,
        "female": """
            Maria Ana Francisca Antônia Adriana Juliana Márcia Fernanda Patrícia Aline Sandra
            Camila Amanda Bruna Jéssica Letícia Júlia Luciana Vanessa Mariana Gabriela Larissa
            Thaís Raimunda Daniela Débora
        """,
        "family": """
            Silva Santos Oliveira Souza Rodrigues Ferreira Alves Pereira Lima Gomes Costa Ribeiro
            Martins Carvalho Almeida Lopes Soares Fernandes Vieira Barbosa Rocha Dias Nascimento
            Andrade Moreira Nunes Marques Machado Mendes Freitas da_Silva dos_Santos de_Souza
            do_Nascimento
        """,
    },
    "CO": {
        "male": """
            Juan Carlos Luis Jorge Andrés José Jhon Diego Óscar Jaime Fabián Alejandro Miguel
            Julián Camilo Sebastián Santiago Mauricio Hernán Édgar Wilson Fredy Nelson Germán
            Juan_Pablo Luis_Fernando
        """,
        "female": """
            María Luz Ana Sandra Martha Claudia Diana Paola Carolina Adriana Gloria Blanca
            Liliana Yolanda Natalia Valentina Daniela Luisa Marcela Yuliana Leidy Ángela Lorena
            Paula Andrea Luz_Marina
        """,
        "family": """
            Rodríguez Gómez González Martínez García López Hernández Sánchez Ramírez Pérez Díaz
            Muñoz Rojas Moreno Jiménez Vargas Castro Gutiérrez Ortiz Álvarez Ruiz Suárez Torres
            Romero Herrera Valencia Quintero Restrepo Cardona Ospina Montoya de_la_Hoz
        """,
    },
    "NG": {
        "male": """
            Chinedu Emeka Oluwaseun Tunde Adebayo Ibrahim Musa Abubakar Chukwuemeka Obinna
            Ifeanyi Babatunde Segun Olumide Kelechi Uchenna Nnamdi Yakubu Suleiman Aliyu Godwin
            Samuel Emmanuel Sunday Friday Oluwatobi
        """,
        "female": """
            Ngozi Chioma Amaka Adaeze Funmilayo Folake Yetunde Aisha Fatima Zainab Blessing
            Precious Joy Gift Mercy Chiamaka Nkechi Ifeoma Bukola Temitope Oluwakemi Hauwa
            Halima Esther Grace Patience
        """,
        "family": """
            Okafor Okeke Eze Nwosu Okonkwo Adeyemi Adebayo Ogunleye Balogun Bello Abubakar
            Mohammed Ibrahim Usman Okoro Chukwu Nwachukwu Obi Onyeka Oladipo Olawale Ogunbiyi
            Afolabi Akinola Danjuma Yusuf Aliyu Ekwueme Ojo Oyelaran
        """,
    },
    "PH": {
        "male": """
            Jose Juan Mark John_Paul Jayson Michael Christian Angelo Ramon Rodel Jerome Ronaldo
            Reynaldo Eduardo Rogelio Danilo Arnel Noel Romeo Ricardo Jomar Marvin Joel Dennis
            Ariel Niño
        """,
        "female": """
            Maria Mary_Grace Mary_Joy Rosalie Lorna Marites Jocelyn Maricel Analyn Jennifer
            Rowena Liza Kristine Angelica Janine Jasmine Nicole Erlinda Rosario Teresita Gloria
            Cherry Lovely Princess Joy Aileen
        """,
        "family": """
            Santos Reyes Cruz Bautista Ocampo Garcia Mendoza Torres Tomas Andrada Castillo Flores
            Villanueva Ramos Castro Rivera Aquino Navarro Salazar Mercado Gonzales Lopez Dela_Cruz
            De_Leon De_Guzman Del_Rosario Pascual Manalo Dizon Macaraeg Soriano Santiago
        """,
    },
    "AL": {
        "male": """
            Arben Artan Besnik Blerim Dritan Erion Fatmir Gentian Ilir Klodian Luan Mirjan Ervin
            Florian Gëzim Kastriot Leonard Marsel Olsi Redon Sokol Shpëtim Taulant Xhevdet Endrit
            Ndriçim
        """,
        "female": """
            Anila Arta Blerina Brikena Dorina Elona Enkelejda Entela Fatjona Flutura Gentiana Klea
            Lindita Majlinda Manjola Mimoza Ornela Rezarta Shpresa Teuta Valbona Vjollca Xhesika
            Jonida Ermira Alketa
        """,
        "family": """
            Hoxha Shehu Leka Krasniqi Gashi Kola Dervishi Çela Basha Marku Prifti Xhafa Mema
            Dushku Bushati Topalli Gjoka Gjini Kelmendi Hysa Lika Cani Bregu Malaj Muça Zeneli
            Hasani Sula Kuka Deda
        """,
    },
}
