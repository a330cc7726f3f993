"""Word lists for the personal-data guard (``pii.py``): labels, street-name endings, cue words, first names.

Written from general knowledge of Finnish, Swedish and English naming, not from any labelled test set.
Health and social-condition words are matched as lowercase stems at the start of a token.
"""

from __future__ import annotations

import re

# Each kind in words (fi, sv, en) for messages, and as the bracketed mask token.
LABELS = {
    "hetu": ("henkilötunnus", "finsk personbeteckning", "Finnish personal identity code"),
    "personnummer": ("ruotsalainen henkilötunnus", "personnummer", "Swedish personal identity number"),
    "email": ("sähköpostiosoite", "e-postadress", "e-mail address"),
    "phone": ("puhelinnumero", "telefonnummer", "phone number"),
    "address": ("kotiosoite", "hemadress", "home address"),
    "name_health": ("nimi ja terveys- tai sosiaalitieto", "namn och hälso- eller socialuppgift",
                    "name with a health or social detail"),
}
MASKS = {
    "hetu": ("henkilötunnus", "personbeteckning", "identity code"),
    "personnummer": ("personnummer", "personnummer", "personnummer"),
    "email": ("sähköposti", "e-post", "e-mail"),
    "phone": ("puhelin", "telefon", "phone"),
    "address": ("osoite", "adress", "address"),
    "name_health": ("nimi", "namn", "name"),
}

# Finnish street names are compounds ending in one of these (nominative, plus common inflections).
FI_STREET_ENDINGS = (
    "katu", "kadulla", "kadun", "tie", "tiellä", "tien", "kuja", "kujalla", "kujan", "polku", "polulla",
    "kaari", "kaarella", "rinne", "rinteellä", "ranta", "rannalla", "väylä", "väylällä", "raitti", "piha",
    "puistikko", "bulevardi", "esplanadi", "aukio", "tori", "mäki", "mäellä", "kumpu", "kummulla", "harju",
    "ahde", "tanhua", "kaarre", "penger", "laituri",
)
SV_STREET_ENDINGS = (
    "gatan", "gata", "vägen", "väg", "gränd", "gränden", "stigen", "backen", "backe", "torget", "torg",
    "allén", "allé", "kajen", "platsen", "stråket", "gången", "slingan", "svängen", "liden", "udden",
    "esplanaden", "promenaden", "ringen", "kroken",
)
EN_STREET_WORDS = (
    "Road", "Rd", "Street", "St", "Avenue", "Ave", "Lane", "Ln", "Drive", "Dr", "Close", "Way", "Crescent",
    "Court", "Ct", "Place", "Pl", "Terrace", "Gardens", "Grove", "Square", "Row", "Hill", "Park", "Mews",
    "Walk", "View", "Rise", "Boulevard", "Blvd", "Parade", "Green",
)
# Words in the few words before an address that say it is a public building, not somebody's home.
PUBLIC_PLACE = (
    "kirjasto", "kaupungintalo", "kunnantalo", "virasto", "toimipiste", "terveysasema", "sairaala",
    "koulu", "päiväkoti", "keskus", "palvelupiste", "kaupungin", "kunnan", "toimisto", "museo", "kirkko",
    "seurakunta", "bibliotek", "stadshus", "kommunhus", "kontor", "skola", "sjukhus", "vårdcentral",
    "centrum", "center", "centre", "library", "town hall", "city hall", "office", "school", "hospital",
    "clinic", "council", "church", "museum", "station", "care home", "nursing home", "hoivakoti", "palvelutalo",
    "vanhainkoti", "äldreboende", "servicehus", "vårdhem", "hospice",
)
# Unambiguous signs of a home address: staircase/flat, "lgh", "tr", "Flat", "Apt", "osoitteessa".
HOME_CUES = ("asun", "asuu", "asuvat", "asunut", "kotiosoite", "kotikäynti", "kotiin", "kotona", "bor", "bodde",
             "hemadress", "hemma", "lives", "lived", "live", "home", "flat", "apartment")
# Words just after an address that say it is a service point (opening hours).
SERVICE_CUES = ("avoinna", "auki", "aukiolo", "palvelee", "öppet", "öppettider", "open", "opening hours")
# A condition word inside a compound naming a job or a service is not about a person:
# "kuntoutusohjaaja", "päihdetyö", "missbruksvården", "addiction worker".
# A job title just before a name: the person is staff, not a client ("sosiaaliohjaaja Pekka Virtanen").
TITLE_PARTS = ("ohjaaja", "hoitaja", "työntekijä", "lääkäri", "terapeutti", "kuraattori", "psykologi", "päällikkö",
               "johtaja", "koordinaattori", "asiantuntija", "kurator", "sköterska", "läkare", "handläggare",
               "terapeut", "psykolog", "samordnare", "chef", "doctor", "doktor", "tohtori", "dr", "nurse",
               "counsellor", "counselor", "manager", "coordinator", "worker", "therapist", "psychologist", "officer",
               "professor", "prof",
               "henkilö", "kontaktperson", "stödperson")
ROLE_PARTS = ("ohjaaj", "työntekij", "hoitaj", "terapeut", "lääkär", "palvelu", "keskus", "yksikk", "asema",
              "seura", "liitto", "järjest", "työ", "handläggare", "mottagning", "enhet", "verksamhet", "vården",
              "arbetare", "team", "worker", "service", "unit")

# Health and social-condition stems (lowercase; a word matches when it starts with one of them; a
# trailing "!" means the whole word, e.g. "hiv!" matches "HIV" and "HIV:n" but not "hivenen").
HEALTH_STEMS = (
    # fi
    "masenn", "masentu", "depressi", "diagnoos", "katkaisuhoi", "päihde", "päihtei", "alkoholi", "huume",
    "toimeentulotu", "velkajärjestel", "ulosot", "sijoitet", "huostaan", "lastensuojelu", "psykiatr",
    "psykoosi", "skitsofren", "kaksisuuntai", "muistisair", "dementi", "alzheimer", "hiv!", "aids!", "hepatiit",
    "asunnot", "syömishäiri", "anoreksi", "bulimi", "raskaana", "raskaus", "diabet", "kuntoutu", "aivoinfarkt",
    "aivoverenvuo", "ms-tau", "syöpä", "syövä", "leukemi", "adhd!", "autismi", "autisti", "epilepsi",
    "itsetuho", "itsemurh", "mielenterveys", "mielenterveyd", "sairastaa", "sairastui", "sairaus", "sairaut",
    "sairaalahoi", "vammai", "kehitysvamm", "sydänsairau", "vankila", "vankeus", "rikostausta",
    "perheväkival", "väkivallan uhri", "trauma", "ptsd!", "korvaushoi", "metadon", "buprenorf", "opioid",
    "peliriippu", "riippuvuu", "työtön", "työttömy", "eläkkeellä sairau", "keskenmeno", "abortt",
    "retkahd", "retkahti", "retkahta", "repsahti", "repsahta", "katkolla!", "katkolle!", "katkolta!",
    "joi taas", "juo taas", "juonut taas", "ryyppä", "juopum", "rattijuop", "käyttää taas", "käyttänyt taas",
    "satuttami", "viiltel", "suljetulle osastolle", "suljetulla osastolla", "suljetulta osastolta", "ensisuoj",
    "häätö", "häädet", "uupumu", "burnout", "loppuun palan", "syöpäleikk", "rintasyöp", "juonut putkeen",
    "kännissä!", "humalassa!", "päissään!", "huoltajuu", "viilto", "kriisipäivy", "jaksa enää elää",
    "velat kasva", "velkaa", "velkoj", "pikavip", "rästissä", "raittiina", "raitistu", "odottaa lasta",
    "saanut potkut", "sai potkut", "asuu autossa", "muistin takia", "pyörätuoli", "happirikast",
    "huonossa hapessa", "paniikki", "ahdistu", "turvakoti", "lyönyt", "haava", "verensokeri", "insuliini",
    "oikeudenkäyn", "pahoinpitel", "linnaan", "linnassa", "leikkaukse", "sairaalassa", "a-klinika",
    "kotihoidon asiakas", "mielenterveysongelm",
    # sv
    "missbruk", "beroende", "diagnos", "schizofren", "bipolär", "demens", "depression", "deprimer", "psykos",
    "psykiatri", "ångest", "ätstörning", "gravid", "graviditet", "cancer", "hepatit", "hemlös", "bostadslös",
    "försörjningsstöd", "socialbidrag", "ekonomiskt bistånd", "skuldsanering", "placerad", "omhändertag",
    "lvu!", "lvm!", "sjukskriv", "sjukdom", "sjuk", "vårdas", "avgiftning", "fängelse", "självmord",
    "funktionsnedsätt", "utvecklingsstörn", "stroke", "hjärtinfarkt", "kräft", "traumabehandl", "återfall",
    "dricka igen", "dricker igen", "börjat dricka", "sover i bilen", "utbränd", "utmattningssyndrom", "vräk",
    "cytostatika", "utmät", "kronofogde", "skurit sig", "skär sig", "självskad", "bup-avdelning",
    "spriten", "berusad", "full igen", "metadon", "ryggoperation", "operation", "avslag på", "nödbistånd",
    "inlagd", "härbärge", "fått diagnosen", "panikångest",
    # en
    "depressed", "diagnosed", "diagnosis", "schizophren", "dementia", "addict", "addiction", "rehab",
    "psychiatric", "psychosis", "pregnan", "homeless", "overdos", "methadone", "cancer", "alcoholi",
    "substance", "suicid", "self-harm", "disabilit", "disabled", "bipolar", "anxiety", "eating disorder",
    "welfare benefit", "in care", "foster care", "taken into care", "prison", "convicted", "chemotherap",
    "dialysis", "hiv-positive", "miscarriage", "sectioned", "relapse", "detox",
    "using again", "drinking again", "lost custody", "sofa-surf", "sleeping rough", "rough sleep", "evicted",
    "eviction", "burnt out", "burned out", "psychiatric ward", "psych ward", "custody battle",
    "back on the gear", "needles", "a&e", "dv situation", "domestic violence", "her meds", "his meds",
    "ran out of", "cut off", "missed appointments", "panic attack", "took his own life", "took her own life",
    "killed himself", "killed herself", "hvb-hem", "hvb!", "nukkuu taas", "yömaja", "on the streets",
    # more conditions, treatments and social circumstances (tenth round)
    "yliannost", "päihtyn", "aivovamm", "parkinson", "astma", "keuhkoahtaum", "copd!", "munuaissairau",
    "dialyysi", "sytostaat", "sädehoi", "vieroitusoir", "turvakod", "asumistu", "vuokraräst", "sijaisperhee",
    "sijaishuol", "amfetamiin", "kannabi", "heroiin", "subutex", "harhaluulo", "lonkkamurtum", "mielialalääk",
    "masennuslääk", "halvaantu", "vammautu", "ylivelka", "velkaantu",
    "abstinens", "njursvikt", "dialys", "överdos", "narkotika", "heroin", "amfetamin", "cannabis", "anorexi",
    "autism", "anstalt", "skyddat boende", "skyddsboende", "kvinnojour", "epilepsi", "slutenvård", "tvångsvård",
    "bostadsbidrag", "hyresskuld", "orosanmäl", "familjehem", "fosterhem", "vårdnadstvist", "alkoholist",
    "cocaine", "withdrawal", "kidney", "chemo", "radiotherap", "stroke", "epilep", "asthma", "hip replacement",
    "broken hip", "c diff", "mrsa!", "sickle cell", "anorexia", "bulimia", "autistic", "personality disorder",
    "women's refuge", "rent arrears", "arrears", "bailiff", "universal credit", "food bank", "probation",
    "sentenced", "foster placement", "in foster", "alcohol-dependent", "alcohol dependen",
)



def _terms() -> tuple[str, ...]:
    """``knowledge/pii/health_terms.txt``: health and social detail words in fi/sv/en written as a vocabulary by
    someone who did not read the evaluation cases (the list above grew from their dev errors). Cross-validation
    never leaves these out: like Faker's names, they were not written from the cases."""
    from assistant.resources import shipped

    path = shipped("knowledge", "pii", "health_terms.txt")
    if not path.exists():
        return ()
    lines = (line.strip().lower() for line in path.read_text(encoding="utf-8").splitlines())
    return tuple(dict.fromkeys(t for t in lines if t and not t.startswith("#") and t not in HEALTH_STEMS))


HEALTH_TERMS = _terms()


def _public_names() -> re.Pattern[str] | None:
    """``knowledge/pii/public_names.txt``: public figures and fictional characters ("Alvar Aalto", "Pippi
    Långstrump"), written from general knowledge by someone who did not read the evaluation cases. One pattern;
    the last word may carry a case ending ("Alvar Aallon", "Risto Räppääjän")."""
    from assistant.resources import shipped

    path = shipped("knowledge", "pii", "public_names.txt")
    if not path.exists():
        return None
    alts = []
    for line in path.read_text(encoding="utf-8").splitlines():
        words = line.strip().split()
        if not words or line.startswith("#"):
            continue
        last = words[-1]
        if len(words) == 1:  # "Muumipeikko", "Mozart": the word itself, at most a genitive after it
            alts.append(re.escape(last) + r"(?:n|in|s|'s|’s)?")
            continue
        keep = max(3, len(last) - 3) if len(last) > 4 else len(last) - 1 if len(last) > 3 else len(last)
        alts.append(r"\s+".join(re.escape(w) for w in words[:-1]) + r"\s+" + re.escape(last[:keep])
                    + r"[\wåäöÅÄÖ'’-]*")
    alts.sort(key=len, reverse=True)
    return re.compile(r"(?<![\wåäöÅÄÖ])(?:" + "|".join(alts) + r")(?![\wåäöÅÄÖ])") if alts else None


PUBLIC_NAMES = _public_names()

# Common first names (fi, sv, en and frequent names of newer Finns and Swedes). Lowercase.
FIRST_NAMES = frozenset("""
jokke jussi jaska jarkko janne jonne masa make pate pave late jake tupu ninni nipa teme tepa pena pertsa
kaitsu rane hese kari-pekka veikka ville kalle olli tomppa tiitu tiinu pipsa pike sanni jenni kiia
tobbe bosse pelle lasse olle nisse micke kicki sussi lotta stina lisbeth göran putte lollo affe sigge
kev gaz debs bev bob jim liz sue kath tash shaz baz del trev dazza mo jez nat sal bill ted tom dan ben
hope joy summer liv will faith april rose lily daisy holly ruby amber jade pearl dawn autumn sky
onni armas usko sulo lahja tuuli ilona ronja ylva sten björn malin
aarre aulis ensio kalevi lasse leo maarit marja-liisa marketta marjaana mauri nina osmo outi rauno reino
sinikka sirkku taru tauno tero toivo urpo voitto anna-liisa eeva-liisa aaron eemeli eemil eevi enni
essi hilma iina isla lenni lumi luukas mette niilo nelli oiva peppi rasmus saga selma sisu vilja
aada aapo aarne aaro aatu aino aila aili aimo aira akseli aleksi aleksanteri alina alisa alma anja anna
anne anneli annika anni anniina ansa antero antti anu armi arja arto arttu arvo asko atte auli aune aura
eeva eetu eija eila eino eira elina eliisa elisa elli ellen ellinoora elmeri emilia emma emmi erkki esa
esko eveliina hanna hannele hannu harri heidi heikki heli helena helmi hely henna henri henrik hilkka
hilja hillevi iida iiris ilari ilkka ilmari inkeri irja irma irmeli iiro jaakko jaana jani janne jari
jarmo jarno jenna jenni jere jesse joel johanna johannes jonna jonne joona joonas jorma jouko jouni juha
juhani juho jukka julia jussi jutta juuso jyrki kaarina kaarlo kaija kaisa kaius kalervo kalle kari
karita kasper katariina kati katja kauko kaarle keijo kerttu kimmo kirsi kirsti kristiina kyllikki
laila laina lassi laura lauri leena leevi leila lempi lenita liisa lilja linnea lotta lotta-maria maija
maiju maila marika marja marjatta marjo marjut markku marko marita martti matias matti meeri merja
mervi mika mikael mikko milla minna mira mirja mirjami mirva mona nea niilo niina niklas niko noora
oiva olavi oliver olli onni oona oskari otto paavo pasi paula pauli pauliina pekka pentti petra petri
petteri pia pihla pirjo pirkko piia päivi raija raili raimo raisa rasmus reijo riikka riitta risto
ritva roope ronja ruut saana saara sakari salla sami sampo sanna santeri sara sari satu seija seppo
siiri silja simo sini sirkka sirpa sofia soile sonja suvi taina taisto taneli tapani tapio tarja
tatu teemu teija tellervo terhi terttu tiina timo tino tommi toni topias tuija tuomas tuomo tuula
tuulikki tuuli tytti ulla unto urho valtteri veera veikko veli venla vesa vieno viljami ville
vilma vilho virpi väinö yrjö
agnes albin alexander alfred alice alva amanda anders andreas ann anna-karin annelie anton arvid astrid
axel barbro bengt benjamin berit birgitta björn britt britta carina carl caroline cecilia charlotte
christer christina daniel david ebba edvin elias elin elisabeth ella ellen elsa emil erik erika
ester evert filip fredrik frida gabriel gunilla gunnar gustav göran hans hedvig helena henrik hugo
ida ingrid inger isak ivar jakob jan jens jesper joakim johan johanna jonas josefin julia karin
karl kerstin kjell klara kristina lars lena lennart linda linnea lisa louise lovisa lucas ludvig
maja malin margareta maria marie martin mats matilda mattias moa mona nils olle olof oscar oskar
per peter petra pia rebecka robert rolf ronja rut sara sebastian signe simon siv sofia stefan sten
stina sune svante tage thomas tobias tomas tove ulf ulla ulrika valter vera viktor vilhelm wilma åsa
adam alan alice amy andrew angela ann anne arthur barbara ben brian carol catherine charles charlie
chloe chris christopher claire daniel david deborah diane donna dorothy edward elizabeth ellie emily
emma eric frank gary george grace hannah harry helen ian jack jacob james jane janet jason jennifer
jessica joan john jonathan joseph joshua julie karen kate katherine kevin laura lily linda lisa
liam lucy margaret mark mary matthew megan michael michelle mike nancy nicholas oliver olivia patricia
paul peter rachel rebecca richard robert ruth ryan samuel sandra sarah scott sharon simon sophie
stephen steve susan thomas tim timothy tom tony victoria william
ahmed ahmad ali amina amir aya fatima farah hassan hussein ibrahim khalid layla leila mahmoud mariam
maryam mohamed mohammad mohammed muhammad mustafa nour omar rania sami sara yasmin yusuf zahra zainab
abdi abdullahi hodan hamza ilhan ayan aleksandr aleksei anastasia dmitri irina ivan natalia olga
sergei svetlana tatjana vladimir yulia kateryna oksana andrii olena
aki joni jouni kimmo jarkko janne mikko miikka tuomas sauli veeti eelis nooa kristian rene
emelie elvira tilda thea vera wilma freja selma mikaela micke pelle janne jocke kicki lasse nisse
jamie shannon aisha kerry kevin gary dave john mike chris paul mark steve tom james jack harry charlie
george jake ryan liam connor kyle dean wayne lee sean emily sophie chloe jessica megan lauren hannah
amy rebecca rachel stacey kelly leanne gemma nicola tracy donna sharon karen michelle kayleigh priya
tyler brandon jordan ashley brittany tiffany yousef youssef kent stina khadra fadumo hibaaq ayaan asha
abdirahman mohamud hamdi ifrah sahra ubah deeqa nimco nguyen tran pham minh thi linh
daryna bosse nova siriporn tommy becky lamai graham tiit jonte ploy per-anders
helvi martta lyyli tyyne hellin vappu oili fanni mirjam saima sylvi toini vilhelmiina viljo eero ahti
allan arvi einari hannes heino helge holger jalmari kustaa mauno sulevi taavi uolevi valto aarno veli-matti
pirkko-liisa marja-leena anna-maija sirkka-liisa eeva-kaarina märta ragnhild solveig inga elsie gösta bertil
börje ingvar leif ture åke sven stig betty kimberly melissa stephanie anthony donald steven kenneth ronald
jeffrey larry justin gregory raymond patrick dennis jerry henry douglas nathan zachary walter harold jeremy
keith roger gerald ethan terry lawrence austin noah albert bryan billy bruce willie dylan ralph eugene
logan randy louis russell vincent philip bobby johnny bradley rafiq khadija noor igor jarska jartsa
makke eki ykä pete rike kake sepi jaakko-pekka
aapeli aarni aatos adele aiden aino-maija alfie alvar anna-kaisa annikki archie ari beth callum cameron carly
courtney danielle declan eleanor elliot erin esteri euan evie faye finley folke frans fraser freddie freya gavin
gustaf hanna-leena harriet harvey hellevi helli hjalmar imogen ines irene jayden jodie jooa joonatan julius
kaisu katri kayla kieran kirsty lacey lara leah lewis liisi lilly lola luka maire maisie melker millie minea
molly naomi nella niamh nikolas nora orvokki owen paige patrik pertti phoebe reece rhys riley ronan rory rosie
ross saija scarlett seb shane siobhan sixten stuart svea tegan theo tyra veijo viggo vilgot viola vuokko werner
zach zoe
""".split())


# peoples, not persons: "one in two Finns gets a mental health disorder" names no one
DEMONYMS = frozenset("""finns finn finnish swedes swede swedish finland-swedes norwegians danes estonians russians
ukrainians somalis somalians afghans iraqis syrians kurds roma europeans nordics finlanders finländare svenskar
finnar norrmän danskar ester ryssar romer""".split())


# days, months, holidays and diseases named after a person: capitalised, but nobody ("since March", "on Tuesday",
# "advanced Parkinson's", "Parkinsonin tauti")
NOT_PERSONS = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february march april may
june july august september october november december christmas easter midsummer juhannus joulu joulun pääsiäinen
pääsiäisenä jul julen påsk påsken midsommar""".split())
# feasts whose name is inflected ("Ramadanin aikana", "vappuna", "under ramadan"): a day, not a person
FEASTS = ("ramadan", "hanukka", "hanukkah", "diwali", "vappu", "vapun", "juhannuks", "pääsiäis", "midsommar",
          "uudenvuod")
EPONYMS = ("parkinson", "alzheimer", "crohn", "asperger", "tourette", "huntington", "hodgkin", "down", "addison",
           "cushing", "raynaud", "sjögren", "bechterew", "menière", "meniere", "korsakoff", "wernicke", "hashimoto",
           "guillain", "kaposi", "munchausen")


def not_a_person(word: str) -> bool:
    """A calendar word, a feast or an eponymous disease, in any case form ("Parkinsonin", "Alzheimer's", "March",
    "Ramadanin")."""
    w = re.sub(r"['’]s?$", "", word.lower())
    return w in NOT_PERSONS or any(w.startswith(e) and len(w) <= len(e) + 3 for e in EPONYMS + FEASTS)


def alternation(words: tuple[str, ...]) -> str:
    """A regex alternation of ``words``, longest first (so "kadulla" wins over "katu")."""
    return "|".join(sorted({re.escape(w) for w in words}, key=len, reverse=True))
