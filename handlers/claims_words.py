"""The words a claim is written in: hedges, changes, comparisons and statement slots, per language.

The claim checker reads English, Korean and Russian sentences. What differs between them is
grammar, not data: how a hedge is written ("about 370", "약 370명", "около 370"), where it
stands (Korean writes "300여 명" and "400명 가까이" after the number), how a rise or a
comparison is said. This module holds those word lists and the readers that turn a sentence
into the parts of a statement the report can settle: an amount in words ("dozens", "수백",
"сотни"), a duration ("within 24 months", "1~2년", "одного-двух лет"), a date, a stance
("deny" against "admit") and a size ("small" against "large").

Pure functions of text; no data, no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# --- hedges ------------------------------------------------------------------------------------
# A hedge names how the claimed number relates to the true one. The checker widens its
# tolerance only to the rounding the number's own digits imply (see claims._agrees).

HEDGES_BEFORE: dict[str, list[tuple[str, str]]] = {
    "en": [
        # a negated bound first: "not more than 220" is at most 220, never "more than"
        ("not more than", "le"), ("not over", "le"), ("not above", "le"), ("not exceeding", "le"),
        ("not fewer than", "ge"), ("not less than", "ge"), ("not under", "ge"), ("not below", "ge"),
        ("slightly more than", "near_above"), ("just over", "near_above"), ("just above", "near_above"),
        ("a little over", "near_above"), ("just under", "near_below"), ("just below", "near_below"),
        ("slightly fewer than", "near_below"), ("slightly less than", "near_below"), ("just shy of", "near_below"),
        ("shy of", "near_below"), ("a little under", "near_below"), ("a little below", "near_below"),
        ("as many as", "near_below"), ("as much as", "near_below"), ("north of", "gt"), ("well over", "gt"),
        ("well above", "gt"), ("a little more than", "near_above"), ("a bit over", "near_above"),
        ("a bit more than", "near_above"), ("roughly some", "about"), ("an approximate", "about"),
        ("in the region of", "about"), ("on the order of", "about"), ("give or take", "about"),
        ("topped", "gt"), ("surpassed", "gt"), ("exceeded", "gt"), ("passed", "gt"),
        ("more than", "gt"), ("over", "gt"), ("above", "gt"), ("exceeding", "gt"), ("upwards of", "gt"),
        ("in excess of", "gt"), ("at least", "ge"), ("no fewer than", "ge"), ("no less than", "ge"),
        ("fewer than", "lt"), ("less than", "lt"), ("under", "lt"), ("below", "lt"),
        ("at most", "le"), ("up to", "le"), ("no more than", "le"),
        ("nearly", "near_below"), ("almost", "near_below"), ("close to", "near_below"), ("nigh on", "near_below"),
        ("about", "about"), ("around", "about"), ("roughly", "about"), ("approximately", "about"),
        ("approx", "about"), ("some", "about"), ("an estimated", "about"), ("estimated", "about"),
        ("circa", "about"), ("~", "about"), ("about a", "about"),
    ],
    "ko": [("약", "about"), ("대략", "about"), ("어림잡아", "about"), ("거의", "near_below"), ("무려", "exact")],
    "ru": [
        ("чуть более чем", "near_above"), ("чуть более", "near_above"), ("чуть больше", "near_above"),
        ("немногим более", "near_above"), ("чуть менее", "near_below"), ("чуть меньше", "near_below"),
        ("более чем", "gt"), ("более", "gt"), ("больше чем", "gt"), ("больше", "gt"), ("свыше", "gt"), ("не менее", "ge"),
        ("превысило", "gt"), ("превысил", "gt"), ("превысила", "gt"), ("превысили", "gt"),
        ("не меньше", "ge"), ("по меньшей мере", "ge"), ("менее чем", "lt"), ("менее", "lt"), ("меньше", "lt"),
        ("не более", "le"), ("не больше", "le"), ("почти", "near_below"), ("около", "about"),
        ("примерно", "about"), ("приблизительно", "about"), ("порядка", "about"), ("ориентировочно", "about"),
    ],
}

# Korean hedges follow the number and its counter: "300여 명", "350명이 넘는다", "400명 가까이".
KO_HEDGES_AFTER: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^\s*여"), "gt"),  # "300여 명": three hundred and some
    (re.compile(r"^\s*(?:명|%|퍼센트|배)?\s*(?:이|가|을|를|은|는)?\s*(?:넘|초과|웃돌)"), "gt"),
    (re.compile(r"^\s*(?:명|%|퍼센트|배)?\s*(?:가까이|가까운|에\s*가까|에\s*육박|남짓\s*모자)"), "near_below"),
    (re.compile(r"^\s*(?:명|%|퍼센트|배)?\s*(?:가량|정도|안팎|내외|쯤)"), "about"),
    (re.compile(r"^\s*(?:명|%|퍼센트|배)?\s*남짓"), "near_above"),
    (re.compile(r"^\s*(?:명|%|퍼센트|배)?\s*이상"), "ge"),
    (re.compile(r"^\s*(?:명|%|퍼센트|배)?\s*(?:미만|에\s*못\s*미(?:치|쳤)|이\s*안\s*되)"), "lt"),
    (re.compile(r"^\s*(?:명|%|퍼센트|배)?\s*이하"), "le"),
]

# --- changes and comparisons -------------------------------------------------------------------

UP = {
    "en": r"\b(?:rose|rise|rises|risen|rising|increase[sd]?|increasing|grew|grow|grows|growth|jump(?:ed|s)?|up|"
          r"surge[sd]?|surging|climb(?:ed|s)?|soar(?:ed|s)?|higher|more than doubled|doubled|tripled|quadrupled|"
          r"leap(?:t|ed)?|spike[sd]?|rebound(?:ed|ing|s)?|recover(?:ed|ing|s)?|bounced\s+back|picked\s+up)\b",
    "ko": r"(?:증가|늘었|늘어|늘고|늘린|급증|상승|뛰었|많아졌)",
    "ru": r"(?:вырос|выросл|рост|увелич|прирост|подскоч|возрос)",
}
DOWN = {
    "en": r"\b(?:fell|fall|falls|fallen|falling|drop(?:ped|s)?|decline[sd]?|declining|down|decrease[sd]?|"
          r"lower|shrank|shrunk|slump(?:ed)?|halved|dip|dips|dipped|dipping|plunged|plummeted|slid|sagged)\b",
    "ko": r"(?:감소|줄었|줄어|줄고|하락|급감|적어졌)",
    "ru": r"(?:сократ|снизи|снижен|упал|уменьш|падени|сниж)",
}
# Verbs of change alone, for claims without numbers ("arrivals rose"): "higher" there compares.
# A figure given per unit of time: "122 a month", "four a day", "2022's quarterly average".
# Each names the unit the data's total is spread over; "month" and "quarter" in months.
RATE_UNITS: dict[str, list[tuple[str, str]]] = {
    "en": [(r"\b(?:a|per|each|every)\s+day\b|\bdaily\b|\bday\s+on\s+average\b", "day"),
           (r"\b(?:a|per|each|every)\s+month\b|\bmonthly\b|\bmonth\s+on\s+average\b|\baverage\s+month\b", "month"),
           (r"\bquarterly\s+(?:level|average|rate|pace|mean|figure|norm)\b|\baverage\s+quarter\b|"
            r"\b(?:a|per)\s+quarter\s+on\s+average\b|\b(?:per|each|every)\s+quarter\b"
            # "averaged about 244 a quarter": right after the figure, "a quarter" is per quarter (never "a quarter of")
            r"|^\s*a\s+quarter\b(?!\s+of)", "quarter")],
    "ko": [(r"하루\s*평균|하루에|일평균|일\s*평균|매일", "day"), (r"월\s*평균|한\s*달\s*평균|매달|한\s*달에|월간\s*평균", "month"),
           (r"분기\s*평균|분기당\s*평균|매\s*분기|분기마다", "quarter")],
    "ru": [(r"в\s+день|в\s+сутки|ежедневно|за\s+день", "day"), (r"в\s+месяц|ежемесячно|за\s+месяц", "month"),
           (r"в\s+среднем\s+за\s+квартал|среднеквартальн\w*|ежеквартальн\w*|кажд\w+\s+квартал\w*|квартальн\w+\s+(?:уровн|средн)\w*", "quarter")],
}

# Two or more categories counted as one: "air and rail together", "교육과 개인 목적을 합치면", "вместе".
COMBINED = {"en": r"\b(?:together|combined|between them|taken together|put together|in all|altogether|came\s+to|add(?:ed|s)?\s+up\s+to|"
                  r"total(?:l?ed|s)?|sum(?:med)?\s+to)\b",
            "ko": r"합치면|합쳐|합하면|합산|모두\s*합",
            "ru": r"\bвместе\b|в\s+сумме|в\s+совокупности|суммарно"}

# A sum of a breakdown said just before its figure, in Korean and Russian ("교통수단별로 합하면 404명",
# "сумма по видам транспорта — 404"): the figure is the parts' sum, never the total. English has its
# own, finer patterns in claims.py (the "to the total of" reading).
SUM_BEFORE = {"en": r"(?!x)x",
              "ko": r"(?:합하면|합치면|합산하면|더하면|합계는?|합은|총합은?)\s*(?:모두\s*|총\s*)?$",
              "ru": r"(?:\bсумм\w*|\bв\s+сумме|\bв\s+совокупности|\bсуммарно)(?:\s+[\w-]+){0,7}\s*"
                    r"(?:[—–:-]|составля\w*|составил\w*|получа\w*|да(?:ют|ёт|ет)|равн\w*)?\s*$"}

# A breakdown's sum set against the total in one clause, with the total's figure the only number:
# "the purpose breakdown accounts for all 365", "adds up to more than the total of 365", "목적별로
# 합하면 전체 365명과 일치한다", "сумма по целям совпадает с общим числом 365". The clause must also
# name the parts as a whole (SUM_PARTS), so "the 253 business travellers were fewer than the total"
# stays a figure. Checked in order: "more" and "less" before "equal".
SUM_PARTS = {"en": r"\b(?:breakdown|breakdowns|categories|add|adds|added|sum|sums|summed|accounts?\s+for|covers?|"
                   r"modes|purposes|reasons)\b",
             "ko": r"합하면|합치면|합산|합계|총합|별\s*(?:입국자|인원|수치|합)",
             "ru": r"\bсумм\w*|\bпо\s+(?:вид\w*|цел\w*|категори\w*)|\bвместе\b"}
SUM_RELATION: dict[str, list[tuple[str, str]]] = {
    "en": [("more", r"\b(?:more\s+than|exceeds?|exceeded|exceeding|above|over|beyond)\s+(?:the\s+)?(?:[\d,]+\s+)?(?:overall\s+|published\s+|whole\s+)?total\b"),
           ("less", r"\bshort\s+of\s+(?:the\s+)?(?:[\d,]+\s+)?(?:overall\s+|published\s+)?total\b|\b(?:less|fewer)\s+than\s+(?:the\s+)?"
                    r"(?:[\d,]+\s+)?(?:overall\s+|published\s+)?total\b|\bbelow\s+(?:the\s+)?(?:[\d,]+\s+)?(?:overall\s+)?total\b"),
           ("equal", r"\baccounts?\s+for\s+(?:all|every|each)\b|\bcovers?\s+(?:all|every|each)\b|\b(?:match|matches|matched|equal|equals|equalled)\s+"
                     r"(?:the\s+)?(?:[\d,]+\s+)?(?:overall\s+|whole\s+|published\s+)?total\b")],
    "ko": [("more", r"(?:전체|총)\S*\s*(?:[\d,]+\s*명?\S*\s*)?(?:보다\s*(?:많|크|더)|을\s*(?:넘|초과|웃)|를\s*(?:넘|초과|웃))"),
           ("less", r"(?:전체|총)\S*\s*(?:[\d,]+\s*명?\S*\s*)?(?:보다\s*(?:적|작)|에\s*(?:못\s*미치|미달|미치지\s*못))"),
           ("equal", r"(?:전체|총)\S*\s*(?:[\d,]+\s*명?\S*\s*)?(?:과|와|에)\s*(?:정확히\s*)?(?:일치|같|맞아|들어맞)")],
    "ru": [("more", r"(?:превыша\w*|превысил\w*|больше)\s+(?:чем\s+)?(?:общ\w*|итог\w*)"),
           ("less", r"(?:меньше|не\s+дотягива\w*\s+до)\s+(?:чем\s+)?(?:общ\w*|итог\w*)"),
           ("equal", r"(?:совпада\w*|совпал\w*|сходится|сходятся|равн\w*)\s+(?:с\s+)?(?:общ\w*|итог\w*)")]}

# A meeting with a person, said by the other party ("the foreign minister met Putin"): the
# person's own event and the event where they were met can both be meant.
MEETING = {"en": r"\b(?:met|meet|meets|meeting|talks\s+with|sat\s+down\s+with)\b",
           "ko": r"만나|만났|만남|회담|면담", "ru": r"встреч\w*|встрет\w*|переговор\w*"}

# A count in words put down to the official figures ("official FSB statistics show hundreds of
# workers", "공식 통계상 수백 명", "официальная статистика зафиксировала сотни"): the figures decide it,
# not an expert's estimate that shares the words.
OFFICIAL = {"en": r"\b(?:official(?:ly)?|fsb|statistics|stats)\b",
            "ko": r"공식|통계|연방보안국|fsb",
            "ru": r"официальн|статистик|\bфсб\b"}

# Where a named expert works, as a sentence says it: the group is the institution's own name.
UNIVERSITY = {
    "en": r"(?:\b(?:of|at|from)\s+(?:the\s+)?)?\b((?:[A-Z][\w-]*\s+){1,3})University\b|\bUniversity\s+of\s+([A-Z][\w-]*)",
    "ko": r"([가-힣]{2,6}?)대(?:학교)?(?:에서|에|의|를|을|는|은|가|이|와|로|\s)",
    "ru": r"[Уу]ниверситет\w*\s+(?:имени\s+|им\.\s*)?([А-ЯЁA-Z][\w-]+)|([А-ЯЁ][\w-]+(?:\s+[а-яё]+)?)\s+университет\w*",
}

# Korean names a visit by its destination alone: 방북 is a visit to North Korea, 방러 to Russia.
VISIT_TO = {"ko": r"방북\w*|방러\w*"}
VISIT_TO_COUNTRY = {"방북": "north_korea", "방러": "russia"}

# "..., down from 153": the number after it is where a change started, and the words say which way.
FROM_CHANGE = {
    "en": r"\b(?:down|up|rising|falling|rose|fell|grew|dropped|declined|increased|decreased|climbing|dropping)\s+from\s+"
          r"(?:about\s+|around\s+|some\s+|roughly\s+|just\s+)?$",
    "ko": r"(?!x)x",  # Korean puts the change verb after both numbers; not read here
    "ru": r"(?:вырос\w*|увеличил\w*|сократил\w*|снизил\w*|упал\w*|уменьшил\w*|снижени\w*|рост\w*)\s+с\s+"
          r"(?:около\s+|примерно\s+)?$",
}

UP_VERB = {
    "en": r"\b(?:rose|rise|rises|risen|rising|increase[sd]?|increasing|grew|grow|grows|jump(?:ed|s)?|surge[sd]?|"
          r"climb(?:ed|s)?|soar(?:ed|s)?|went up|gone up|picked up|rebound(?:ed|ing|s)?|recover(?:ed|ing|s)?|bounced back)\b",
    "ko": UP["ko"],
    "ru": UP["ru"],
}
DOWN_VERB = {
    "en": r"\b(?:fell|fall|falls|fallen|falling|drop(?:ped|s)?|decline[sd]?|declining|decrease[sd]?|shrank|"
          r"slump(?:ed)?|dip|dips|dipped|dipping|plunged|went down|slid|sagged)\b",
    "ko": DOWN["ko"],
    "ru": DOWN["ru"],
}
# People present in a country ("were in Russia", "체류", "находятся в"): not entries.
STOCK = {
    "en": r"\b(?:were|was|are|is|lived|living|live|lives|stayed|staying|stay|working|worked|work|employed|based|resident)\s+in\b",
    "ko": r"(?:체류|거주|머물|살고)",
    "ru": r"(?:находи|прожива|работают\s+в|пребыва)",
}
# Word forms that are verbs of the claim's own wording, skipped when checking that a statement's
# words are the report's; verbs that reverse a statement are never skipped.
VERB_FORM = {
    # English: the verbs of reporting, being, moving and counting a paraphrase uses; any other verb
    # ("complied", "mining") is a word the report must say.
    "en": r"^(?:is|are|was|were|be|been|being|has|have|had|do|does|did|gets?|got|gives?|gave|given|made|makes?|"
          r"keeps?|kept|took|takes?|taken|went|goes|gone|seen|saw|written|wrote|known|shown|done|said|says?|told|"
          r"held|put|brought|thought|sent|came|comes?|coming|become|became|received|receiving|receives?|"
          r"entered|entering|arrived|arriving|visited|visiting|travell?ed|travell?ing|crossed|crossing|flew|flying|"
          r"reported|reporting|recorded|registered|counted|numbered|totall?ed|reached|stood|showed|shows?|"
          r"published|publishing|written|authored|noted|stated|added|according|citing|cited|quoted|named|listed|"
          r"estimated|estimates?|predicted|predicts?|expected|expects?|believed|believes?|thinks?|argued|argues?|"
          r"analy[sz]ed|analy[sz]es|claimed|claims?|puts?|putting|used|using|uses?|took|taking|headed|heading)$",
    "ko": r"(?:다|고|려|며|서|면|니|요|게|지|던|는|은|을|했|한|할)$",
    "ru": r"(?:ет|ёт|ют|ят|ит|ут|ла|ло|ли|ать|ить|ять|еть|ся|сь|ал|ил|ел|ол)$",
}
REVERSING = {
    "en": r"^(?:cancel|postpon|halt|suspend|refus|reject|deni|deny|fail|stop|end|ban|abandon|call|scrap|drop|"
          r"withdr|revers|lift|resum|admit|acknowledg|confirm|compl|fulfil|honou?r|obey|respect|implement|enforc|"
          r"leav|left|expel|deport|met$|meets?$|meeting)",
    "ko": r"(?:취소|중단|거부|연기|철회|무산|해제|인정|부인|준수|이행|지키|떠나|떠났|추방|그만)",
    "ru": r"^(?:отмен|отказ|прекрат|приостанов|отверг|отрица|призна|подтверд|сорва|отлож|соблюд|выполн|исполн|"
          r"покин|уех|уезжа|высл|переста)",
}
# Words that make a statement a report, a forecast or a suspicion rather than a fact: a claim
# that drops them ("Putin visited North Korea" for "a visit is expected to have been discussed")
# says more than the report, unless it names who said it.
MODAL = {
    "en": r"\b(?:expect\w*|discuss\w*|suspect\w*|suspicion\w*|alleg\w*|plan\w*|may|might|could|possib\w*|"
          r"likely|probably|predict\w*|believ\w*|estimat\w*|signal\w*|want\w*|wish\w*|seek\w*|hope\w*|"
          r"forecast\w*|think\w*|thought)\b",
    "ko": r"(?:예상|논의|의혹|의심|가능|추정|예측|전망|원한|원하|바라|계획|신호)",
    "ru": r"(?:ожида|обсужд|подозр|возможн|вероятн|предпола|прогноз|оценива|хотят|хочет|хотел|хотели|хотела|дали понять|дал понять|намерен|план|сигнал)",
}
# Places and bodies within a country: a figure for a city, region, airport or army is not the
# country's entry count.
PLACE_DETAIL = {
    "en": r"\b(?:far east|city|cities|region|regions|regional|province|embassy|military|army|weapons|ministry|"
          r"airport|airports|seaport|port|station|checkpoint|site|sites|area|areas|oblast|krai)\b",
    "ko": r"(?:극동|도시|지역|공항|항구|대사관|군대|무기|검문소)",
    "ru": r"(?<!\w)(?:дальн\w*\s+восток\w*|город\w*|регион\w*|област\w*|кра[йея]\b|аэропорт\w*|порт\b|порту\b|"
          r"порта\b|вокзал\w*|посольств\w*|арми[яиюей]\b|оружи\w*)",
}
# Claims about all of history, which a few periods of data cannot settle.
# A kind of vehicle narrower than the report's "by vehicle" category: the lexicon maps "bus" to
# road transport so that questions find the figure, but a claim that the 31 came by bus asserts a
# detail the report does not give (as a carrier does for the fliers), so the figure is not matched.
# "Car" and "автомобиль" are the ordinary words for the category itself and stay out.
VEHICLE_KIND = {
    "en": r"\b(?:bus|buses|coach|coaches|minibus|minibuses|truck|trucks|lorry|lorries|van|vans|taxi|taxis)\b",
    "ko": r"(?:버스|트럭|화물차|승합차|택시)",
    "ru": r"(?<!\w)(?:(?:микро)?автобус\w*|грузовик\w*|фур[аеуы]\w*|такси)",
}
HISTORY = {
    "en": r"\b(?:on record|ever|all[- ]time|in history|since records began|in (?:years|decades)|record (?:high|low|number)|"
          r"unprecedented|for the first time)\b"
          # "the highest since 2019", "the most in five years": a comparison with years the data lacks
          r"|\b(?:highest|lowest|most|fewest|biggest|largest|smallest|strongest|weakest)\b[^,.;]{0,25}?\b(?:since|in\s+(?:\w+\s+)?(?:years|decades))\b",
    "ko": r"(?:역대|사상\s*최|처음으로|최초로|(?:이후|이래|만에)\s*최(?:대|고|다|저|소))",
    "ru": r"(?:рекорд\w*|за\s+всю\s+историю|впервые|никогда|(?:максимальн|наибольш|минимальн|наименьш|самы\w+\s+(?:высок|низк))\w*\s+(?:\w+\s+)?(?:с|за)\b)",
}
# A clause that qualifies the figure before it: "most of them on Air Koryo", "mostly men".
# Two moves in a row ("dipped in Q2 before rebounding in Q3", "2분기에 줄었다가 3분기에 늘었다",
# "снизилось во втором квартале, а затем выросло"): each is judged, the claim holds only if both do.
THEN = {"en": r",?\s+(?:and\s+then|before|then|only\s+to|but\s+then|and\s+later)\s+",
        "ko": r"(?<=[었였았])다가\s+",
        "ru": r",?\s+(?:а\s+затем|а\s+потом|затем|потом|после\s+чего|но\s+затем|и\s+затем)\s+"}

# A share named just before its percentage ("the business share, 69.3 %,", "доля — 69,3 %", "비중은 69.3%").
SHARE_BEFORE = {"en": r"\bshare\s*(?:,|:|of|was|is|at|stood\s+at)?\s*$", "ru": r"\bдол\w*\s*(?:,|:|—|-|составил\w*)?\s*$",
                "ko": r"(?:비중|비율|점유율)\s*(?:은|는|이|가)?\s*$"}
# A gap in percentage points after its number ("11 percentage points", "11 п. п.", "11%포인트").
POINTS_AFTER = {"en": r"\s*(?:percentage|percent|per\s+cent)[\s-]+points?\b|\s*(?:pp|p\.p\.|ppt|ppts)\b",
                "ru": r"\s*(?:п\.\s*п\.|процентн\w*\s+пункт\w*|пп\b)",
                "ko": r"\s*(?:%\s*p\b|%\s*포인트|퍼센트\s*포인트|%p)"}

# People leaving, said right after a number with no country ("365 entered while 290 left",
# "290명이 출국했다", "290 выехали"): departures, which entry figures do not count.
DEPARTED_AFTER = {
    "en": r"\s*(?:(?:north\s+)?(?:koreans?|russians?|people|persons|citizens|nationals)\s+)?(?:had\s+|have\s+)?"
          r"(?:left|departed|exited|went\s+home|returned\s+home|flew\s+out|flew\s+home)\b",
    "ko": r"\s*명?\s*(?:이|가|은|는)?\s*(?:출국|떠났|떠난|귀국|빠져나)",
    "ru": r"\s*(?:\w+\s+)?(?:выехал\w*|покинул\w*|уехал\w*|выбыл\w*|вернулись\s+домой)",
}

# A clause that only says whose figures or words they are ("according to figures NK News attributes
# to the FSB", "по данным издания", "NK News에 따르면").
ATTRIBUTION = {
    "en": r"^(?:according\s+to|as\s+(?:reported|cited|quoted)|citing|per|reported\s+by|(?:it|the\s+\w+)\s+(?:said|reported|says))\b",
    "ko": r"(?:에\s*따르면|에\s*의하면|인용|보도했다|밝혔다)$",
    "ru": r"^(?:по\s+данным|согласно|как\s+(?:сообщает|сообщил\w*|пишет|писал\w*))\b",
}

QUALIFIER = {
    "en": r"(?:(?:nearly|almost|virtually|practically)\s+)?(?:most|many|some|all|half|none|few)\s+of\s+(?:them|whom)|mostly|mainly|largely|chiefly|including|among them|of whom|"
          r"(?:most|many|some|all|half|none|few)\s+(?:were|was|came|had|travell?ed|worked|bound|headed|heading|destined|going|sent)\b",
    "ko": r"(?:대부분|주로|그중|이 중|이중)",
    "ru": r"(?:большинство|в основном|главным образом|из них|среди них|в том числе)",
}
# A period named as the base of a change: "compared with H1", "from Q2", "on the first half".
BASE_BEFORE = {
    "en": r"\b(?:compared\s+(?:with|to)|from|since|against|than|relative\s+to|versus|vs\.?|over|on)\s+(?:the\s+)?(?:whole\s+)?(?:of\s+)?$",
    "ko": r"(?!x)x",  # never: Korean puts its base after the period
    "ru": r"(?:по\s+сравнению\s+со?|относительно|против|со?)\s+$",  # "со вторым": с before a consonant cluster
}
BASE_AFTER = {"en": r"(?!x)x", "ko": r"\s*(?:보다|대비|에\s*비해|에\s*비하면|와\s*비교|과\s*비교)", "ru": r"(?!x)x"}  # "(?!x)x" never matches; "$^" matched an empty tail
MORE = {
    "en": r"\b(?:more|larger|bigger|higher|greater|outnumber(?:ed|s)?|exceed(?:ed|s)?|surpass(?:ed|es)?|"
          r"outstripped|topped)\b",
    "ko": r"(?:보다\s*(?:더\s*)?많|더\s*많|넘어섰|앞질렀|웃돌)",
    "ru": r"(?:больше|превыш|превзош|опереди|превосход)",
}
FEWER = {
    "en": r"\b(?:fewer|less|smaller|lower)\b",
    "ko": r"(?:보다\s*(?:더\s*)?적|더\s*적|못\s*미쳤|밑돌)",
    "ru": r"(?:меньше|уступа)",
}
SAME = {
    "en": r"\b(?:same number|as many|equal(?:ly)?|level|tied|same as)\b",
    "ko": r"(?:같았|같은\s*수|동일|똑같)",
    "ru": r"(?:столько\s+же|одинаков|равн)",
}
# A period named as that of a sentence before ("in the same period", "같은 기간", "за тот же период").
SAME_PERIOD = {"en": r"\b(?:in\s+)?the\s+same\s+(?:period|quarter|months)\b|\bover\s+that\s+period\b",
               "ko": r"같은\s*기간|같은\s*분기|이\s*기간|동기간", "ru": r"(?:за|в)\s+(?:тот\s+же|этот\s+же|этот)\s+(?:период|квартал)"}
# Which way a gap in points goes: the first share named is said to be above or below the other.
POINTS_HIGHER = {"en": MORE["en"] + r"|\b(?:above|over|ahead\s+of)\b", "ko": MORE["ko"] + r"|높", "ru": MORE["ru"] + r"|выше"}
POINTS_LOWER = {"en": FEWER["en"] + r"|\b(?:below|under|behind)\b", "ko": FEWER["ko"] + r"|낮", "ru": FEWER["ru"] + r"|ниже"}
# A participle that gives a cause for the figure after it ("..., helping 253 arrive by air"): the
# report gives no causes, so only the figure is judged.
CAUSAL = {"en": r"\b(?:helping|helped|allowing|allowed|enabling|enabled|letting|bringing|prompting|spurring)\b",
          "ko": r"(?!x)x", "ru": r"(?!x)x"}
# An equality beside a figure ("23 came for maintenance, as many as came for education"); never a
# hedge ("as many as 400").
SAME_BESIDE = {"en": r"\bas\s+many\s+as\s+(?!\d|about\b|around\b|some\b|roughly\b)(?:\w+\s+){0,3}(?:came|went|entered|arrived|travell?ed|flew|for|by|on)\b"
                     r"|\bthe\s+same\s+(?:number|count)\s+as\b",
               "ko": r"(?:와|과)\s*같(?:은|았)", "ru": r"столько\s+же"}
ALMOST_AS_MANY = {"en": r"\b(?:almost|nearly)\s+as\s+many\b", "ko": r"거의\s*같", "ru": r"почти\s+столько\s+же"}
# The compared-with side of a comparison is the period's total ("lower than the total for Q2").
TOTAL_SIDE = {"en": r"\b(?:the\s+)?(?:total|overall\s+(?:figure|number|count)|all\s+(?:arrivals|entries|entrants)|"
                    r"whole\s+(?:quarter|half)'?s?\s+(?:figure|total))\b",
              "ko": r"전체|총\s*입국|총계", "ru": r"общ\w+\s+(?:числ|показател|количеств)\w*|всего\s+въехавш\w*|в\s+целом"}
EVERY_QUARTER = {"en": r"\b(?:every|each)\s+quarter\b", "ko": r"매\s*분기", "ru": r"кажд\w*\s+квартал"}
ANY_OF = {"en": r"\b(?:any|each|every one|all)\s+of\s+(?:the\s+)?", "ko": r"(?:어느|각|모든)\s*분기", "ru": r"(?:любо\w*|кажд\w*)\s+из"}

# Multipliers written as words ("doubled", "두 배", "вдвое") and the factor they claim.
MULTIPLIERS: dict[str, list[tuple[str, float]]] = {
    "en": [("doubled", 2.0), ("double", 2.0), ("twofold", 2.0), ("two-fold", 2.0), ("tripled", 3.0),
           ("triple", 3.0), ("threefold", 3.0), ("three-fold", 3.0), ("quadrupled", 4.0), ("fourfold", 4.0),
           ("halved", 0.5), ("tripling", 3.0), ("doubling", 2.0), ("twice", 2.0), ("thrice", 3.0)],
    "ko": [("두 배", 2.0), ("2배", 2.0), ("세 배", 3.0), ("3배", 3.0), ("네 배", 4.0), ("4배", 4.0), ("두배", 2.0),
           ("세배", 3.0)],
    "ru": [("вдвое", 2.0), ("втрое", 3.0), ("вчетверо", 4.0), ("в два раза", 2.0), ("в 2 раза", 2.0),
           ("в три раза", 3.0), ("в 3 раза", 3.0), ("в четыре раза", 4.0), ("в 4 раза", 4.0),
           ("в полтора раза", 1.5), ("в два с половиной раза", 2.5), ("в три с половиной раза", 3.5),
           ("в шесть с половиной раз", 6.5)],
}

PERCENT_AFTER = r"\s*(?:%|percent\b|per cent\b|pct\b|퍼센트|프로\b|процент\w*)"
TIMES_AFTER = r"\s*(?:times\b|x\b|-fold\b|fold\b|раза?\b)"

# Words a figure's claim may use that name no part of it: verbs of counting and reporting.
# Words a statement's claim may use for the report's own ("officials" for its "authorities"):
# a claim word is covered when its counterpart is something the report says. Only plain
# paraphrases, never a word that adds a detail (a place, an amount, a stance).
PARAPHRASES = {
    "en": {"meet": "met", "officials": "authorities", "official": "authorities", "regional": "local", "building": "construction",
           "earners": "earning", "earner": "earning", "gain": "momentum", "gaining": "momentum", "traction": "momentum",
           "labourers": "workers", "staff": "workers",
           "choi": "choe", "chwe": "choe", "teaches": "professor", "teaching": "professor", "inflow": "entered",
           "influx": "entered", "restarted": "resumed", "restored": "resumed", "reinstated": "resumed",
           "relaunched": "resumed", "lasted": "visited", "stayed": "visited", "trip": "visited", "stay": "visit",
           "home": "repatriat", "ease": "shortage", "easing": "shortage", "arms": "weapons", "armaments": "weapons",
           "munitions": "weapons", "impact": "significance", "importance": "significance", "weight": "significance",
           "bringing": "using", "bring": "using", "hiring": "using", "hire": "using", "areas": "regions", "area": "regions", "zones": "regions", "territories": "regions",
           # the noun of a statement's verb: "despite denials" is the report's "both deny it"
           "denials": "deny", "denial": "deny",
           "world": "international"},  # "the world suspects" is the report's "the international community"
    "ko": {"재개됐": "재개", "재운항": "재개", "다시": "재개", "운항": "직항", "시작": "재개", "머물렀": "방문", "체류": "방문", "관리": "당국", "관리들": "당국", "공무원": "당국", "건축": "건설",
           "당국자": "당국", "당국자들": "당국", "한두": "1~2", "의미": "의미", "의심": "의혹", "영향": "의미",
           "유입": "입국", "탄력": "동력", "추진력": "동력",
           # "논의됐을 것으로 관측된다" is the report's "예상된다"; "확보하고 싶다" its "들여오고 싶다";
           # "무기를 지원받았다" its "무기를 받았다" (who gave is checked apart, _giver_swapped)
           "관측": "예상", "확보": "들여오", "지원": "받았"},
    "ru": {"возобнов": "возобнов", "восстановл": "возобнов", "находил": "посети", "пробыл": "посети", "чиновник": "власт", "чиновники": "власт", "руководств": "власт", "требовани": "обязательств",
           "строительств": "строй", "работник": "рабоч", "работники": "рабоч",
           "цой": "чве", "чой": "чве", "чхве": "чве", "чо": "чве",  # transliterations of 최 (Choe)
           "региональн": "местн", "приток": "въех", "притока": "въех", "наплыв": "въех",
           # the country's adjective for its name and back ("северокорейского оружия" for "от КНДР")
           "северокорейск": "кндр", "кндр": "северокор",
           # "в ходе визита" is "во время"; "о желании привлечь" is "хотят привлечь"; "набрать темп" is
           # "набрать обороты"
           "ход": "время", "желани": "хот", "темп": "оборот"},
}

# A capital standing for its government in a statement ("Beijing and Moscow have been sidestepping
# ...", "Пхеньян отрицает ...", "평양과 모스크바는 부인한다"): read as the country. Never after a
# word of place ("in Moscow", "в Москве", "모스크바에서"), nor in a statement about travel (a visit,
# flights, the Pyongyang–Vladivostok route), where the city is a place.
CAPITALS = {
    "en": [(r"\bbeijing\b", "china"), (r"\bmoscow\b", "russia"), (r"\bpyongyang\b", "north korea")],
    "ru": [(r"\bпекин\w*", "китай"), (r"\bмоскв\w*", "россия"), (r"\bпхеньян\w*", "кндр")],
    "ko": [(r"베이징", "중국"), (r"모스크바", "러시아"), (r"평양", "북한")],
}
CAPITAL_AS_PLACE = {
    "en": r"(?:\b(?:in|into|at|visited|visit|visiting|near|around|via|between)\s+(?:the\s+)?)$",
    "ru": r"(?:\b(?:в|во|на|из|до|через|около|посетил\w*)\s+)$",
    "ko": r"^(?:에서|에|으로|로|까지|를\s*방문|을\s*방문|발|행|-|–)",
}
ROUTE = (r"vladivostok|владивосток|블라디보스토크|\btrav\w*|\bflew\b|\bfl(?:y|ies|ying|ight\w*)\b|\bvisit\w*|\btrip\w*|"
         r"\bwent\b|\barriv\w*|\broute\w*|\btrain\w*|\brail\w*|\bair\b|직항|항공|방문|노선|열차|"
         r"\bрейс\w*|\bавиа\w*|\bпосети\w*|\bпосещ\w*|\bвизит\w*|\bпоезд\w*|\bперел[её]т\w*|\bприлет\w*|\bпоехал\w*|\bездил\w*")

# Phrases a claim may use for a word the report (or its search keywords) has.
PHRASES = {
    "en": {r"\bchang(?:ed|ing|e)\s+hands\b": "transfer", r"\bsen[dt]\s+(?:them\s+)?(?:back\s+)?home\b": "repatriated",
           r"\bcome\s+back\b": "return", r"\bsat\s+down\s+with\b|\bsit\s+down\s+with\b": "met", r"\bno\s+longer\s+(?:come|coming|arrive|arriving|travel)\b": "stop"},
    "ko": {}, "ru": {},
}

# "Most Russians went on business": more than half, not the most common ("the most common purpose").
MAJORITY = {
    "en": r"\b(?:most|the\s+majority|a\s+majority|the\s+bulk|more\s+than\s+half)\b(?!\s+(?:common|popular|frequent|"
          r"frequently|often|used|usual|likely|cited|listed|important|numerous|widely|commonly)\b)",
    "ko": r"대부분|대다수|과반",
    "ru": r"большинств|больш(?:ая|ую)\s+часть",
}

# An amount stated with its bound ("не меньше трёх", "at least three", "3명 이상"): compared as the
# amount slot, so its words are no words of the claim the report lacks.
AMOUNT_WORDS = {"en": r"\b(?:at\s+least|no\s+fewer\s+than|no\s+less\s+than|fewer\s+than|less\s+than)\s+\S+|\b\S+\s+or\s+more\b",
                "ko": r"\S+\s*명?\s*(?:이상|미만)",
                "ru": r"(?:не\s+менее|не\s+меньше|по\s+меньшей\s+мере|как\s+минимум|менее|меньше)\s+\S+|\S+\s+(?:и|или)\s+(?:более|больше)"}
# A majority said of a group a figure names ("most of the 213 who ...", "большинство из 213 ...",
# "213명 중 대부분"): group 1 is what is taken out to read the majority without the figure.
MAJORITY_OF = {"en": r"^\s*(?:most|the\s+(?:vast\s+)?majority|the\s+bulk|more\s+than\s+half)(\s+of\s+(?:the|these|those)\s+)$",
               "ru": r"^\s*(?:большинство|большая\s+часть)(\s+(?:из\s+)?)$",
               "ko": r"^(.*)$(?!x)x"}
# "so far", "to date": a year the data covers in part, read as the part it covers.
SO_FAR = {"en": r"\bso\s+far\b|\bto\s+date\b|\byear[- ]to[- ]date\b|\bytd\b",
          "ko": r"지금까지|현재까지|이제까지|들어\s", "ru": r"с\s+начала\s+(?:20\d\d\s+)?года|до\s+сих\s+пор|пока\s+что|на\s+данный\s+момент"}
# "all the other listed purposes combined": the other published categories of the breakdown.
ALL_OTHERS = {"en": r"\b(?:all\s+)?(?:the\s+)?other\s+(?:listed\s+|published\s+|stated\s+)?(?:purposes|reasons|modes|categories|means)\b",
              "ko": r"나머지\s*(?:목적|교통수단|수단|항목)", "ru": r"(?:все\s+)?остальн\w+\s+(?:цел|вид|категор)"}

# A document a later clause may point back to with a pronoun ("..., and Russia complies with it").
# A year that names a document ("the 2017 sanctions resolution", "2017년 대북제재 결의", "резолюции 2017 года").
DOCUMENT_YEAR = {"en": r"\s*(?:un\s+|u\.n\.\s+|security\s+council\s+)?(?:sanctions?\s+)?resolution\b",
                 "ko": r"\s*년\s*(?:유엔\s*)?(?:안보리\s*)?(?:대북\s*)?(?:제재\s*)?결의",
                 "ru": r"\s*(?:г\.|года)\s+(?:о\s+санкциях\s+)?(?:\(?резолюц)"}
DOCUMENT = {"en": r"\bresolution\s+\d+", "ko": r"결의\s*\d+\s*호?", "ru": r"резолюци\w*\s+(?:№\s*)?\d+"}
PRONOUN_IT = {"en": r"\b(?:it|its)\b", "ko": r"(?:이를|그것을|이것을)", "ru": r"\b(?:её|ее|она|ей|неё|нее)\b"}

# "each" after a figure shared by several categories ("at 23 each", "각각 31명", "по 13 человек").
EACH = {"en": r"\beach\b|\bapiece\b", "ko": r"각각|각\s", "ru": r"\bкажд\w*|\bпо\s+\d"}

# Money around a number ("$500", "50만 원", "500 рублей"): the report gives no amounts of money, so
# such a number is never compared with a count of people.
MONEY = {
    "en": (r"(?:[$€£₩]|\b(?:usd|us\$|rub|krw)\s*)$", r"\s*(?:dollars?|usd|euros?|pounds?|roubles?|rubles?|won|bucks)\b"),
    "ko": (r"[$€£₩]$", r"\s*(?:만\s*|천\s*|억\s*)?(?:원|달러|루블|유로)"),
    "ru": (r"[$€£₩]$", r"\s*(?:тыс\.?\s*|тысяч\w*\s+)?(?:долл\w*|руб\w*|евро|вон\w*)"),
}

NEUTRAL_WORDS = {
    "appear", "appears", "appeared", "seem", "seems", "seemed",  # "appear to have topped 400": a hedge on the claim
    "accounted", "account", "accounts", "numbered", "number", "reached", "reach", "reaching", "recorded", "record",
    "records", "totalled", "totaled", "totalling", "totaling", "gave", "give", "saw", "see", "matched", "ran",
    "rising", "despite", "show", "shows", "showed", "shown", "made", "make", "makes", "making", "stood", "stands",
    "came", "comes", "coming", "took", "take", "taking", "used", "using", "flew", "fly", "flying", "walked",
    "arrived", "travelling", "traveling", "headed", "went", "crossed", "entering", "registered", "logged",
    "counted", "figure", "figures", "statistics", "stats", "compared", "comparison", "versus", "respectively",
    "while", "whereas", "yet", "but", "still", "only", "just", "alone", "nearly", "almost", "roughly", "some",
    "people", "persons", "individuals", "visitors", "arrivals", "entries", "crossings", "citizens", "nationals",
    "jumped", "rose", "fell", "grew", "climbed", "soared", "surged", "dropped", "declined", "increased",
    "decreased", "doubled", "tripled", "quadrupled", "halved", "tripling", "doubling", "times", "percent", "cent",
    "per", "pct", "from", "to", "by", "in", "on", "of", "the", "a", "an", "and", "or", "with", "for", "at",
    "thirteen", "thirty", "twenty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "fourteen",
    "eight", "nine", "seven", "six", "five", "four", "three", "two", "one", "ten", "eleven", "twelve", "fifteen",
    "sixteen", "seventeen", "eighteen", "nineteen", "hundred", "thousand", "dozen", "according", "fsb", "data",
    "official", "officially", "reportedly", "russia", "russian", "russians", "korea", "korean", "koreans",
    "north", "total", "whole", "all", "quarter", "quarterly", "figure", "visited", "visit", "visiting", "trip",
    "trips", "entry", "arrival", "crossing", "border", "half", "first", "second", "third", "year", "months",
    "rest", "remaining", "other", "others", "also", "another", "further", "additional", "extra", "more", "fewer",
    "less", "than", "higher", "lower", "outnumbered", "outnumber", "exceeded", "combined", "together", "cent",
    "respectively", "period", "same", "earlier", "later", "previous", "before", "after", "between", "through",
    "during", "over", "under", "around", "about", "approximately", "estimated", "share", "proportion", "part",
    "majority", "minority", "percentage", "rate", "increase", "rise", "jump", "growth", "drop", "decline",
    "fall", "climb", "surge", "mode", "modes", "means", "way", "ways", "purpose", "purposes", "reason", "reasons",
    "category", "categories", "breakdown", "add", "adds", "added", "sum", "sums", "summed", "come",
    "level", "levels", "figure's", "short", "shy", "below", "above", "gave", "given", "give", "cited", "cite", "citing", "listed", "named", "declared", "stated", "said", "reported",
    "most", "common", "least", "popular", "frequent", "second", "top", "leading", "main",
    "fifth", "fifths", "hit", "hits", "topped", "tops", "list", "lists", "led", "leads", "bulk", "указать", "назвать", "заявить",
}
# Korean hedges written after a multiplier or a count ("세 배 가까이로", "두 배가량"): a hedge, no detail.
NEUTRAL_WORDS |= {"가까이", "가까이로", "가까이에", "가량", "안팎", "남짓", "정도"}
# Words of a statement claim only ("officials in the LPR discussed the possibility of ..."): who
# in a body acted and "the possibility of" add nothing the statement must say (its action,
# "discussed", still must). Never for a figure: "365 North Korean officials visited" is a detail.
STATEMENT_NEUTRAL = {"officials", "possibility", "возможность", "возможности"}

# --- statement slots ---------------------------------------------------------------------------

VAGUE_AMOUNTS = {
    "en": [(r"\btens of thousands\b", "tens of thousands"), (r"\bdozens\b|\b(?:a\s+few|several|many)\s+dozen\b", "dozens"),
           (r"\bhundreds\b|\b(?:a\s+few|several|many)\s+hundred\b", "hundreds"),
           (r"\bthousands\b|\b(?:a\s+few|several|many)\s+thousand\b", "thousands")],
    "ko": [(r"수십", "dozens"), (r"수백", "hundreds"), (r"수천", "thousands"), (r"수만", "tens of thousands")],
    "ru": [(r"десятк\w*\s+тысяч", "tens of thousands"), (r"(?:нескольк\w*\s+|много\s+)?десят(?:ки|ков|кам|ками|ках)\b", "dozens"),
           (r"(?:несколько\s+|много\s+)?сот(?:ни|ен|ням|нями|нях)\b", "hundreds"),
           (r"(?:несколько|много)\s+тысяч\w*|тысяч(?:и|ам|ами|ах)\b", "thousands")],
}
VAGUE_RANGES = {"dozens": (24, 99), "hundreds": (200, 999), "thousands": (2000, 9999),
                "tens of thousands": (20000, 99999)}

_EN_NUM = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
           "ten": 10, "eleven": 11, "twelve": 12, "eighteen": 18, "twenty-four": 24, "twenty four": 24,
           "a": 1, "an": 1}
_RU_NUM = {"одного": 1, "один": 1, "одной": 1, "одну": 1, "двух": 2, "два": 2, "две": 2, "трёх": 3, "трех": 3,
           "три": 3, "четырёх": 4, "четырех": 4, "четыре": 4, "пяти": 5, "пять": 5, "шести": 6, "шесть": 6,
           "десяти": 10, "десять": 10, "двенадцати": 12, "двенадцать": 12, "полутора": 1.5}
_KO_NUM = {"한": 1, "두": 2, "세": 3, "네": 4, "다섯": 5, "열": 10}

NUMBER_WORDS = set(_EN_NUM) | set(_RU_NUM) | set(_KO_NUM) | {"одн", "двух", "трех", "пят"}

EN_MONTHS = {m: i for i, m in enumerate(["january", "february", "march", "april", "may", "june", "july", "august",
                                        "september", "october", "november", "december"], 1)}
RU_MONTH_STEMS = [("январ", 1), ("феврал", 2), ("март", 3), ("апрел", 4), ("ма", 5), ("июн", 6), ("июл", 7),
                  ("август", 8), ("сентябр", 9), ("октябр", 10), ("ноябр", 11), ("декабр", 12)]

STANCE = {
    # Each label belongs to a family (STANCE_FAMILY): a claim's stance is compared only with the
    # report's stance of the same family, so "met their obligations" differs from "avoiding" it
    # (a reversed statement), while "met Putin" is no stance at all. Negated and failed forms are
    # listed before the plain ones, because the first label that matches is the claim's.
    "en": [(r"\b(?:deny|denies|denied|denial|denying|reject(?:s|ed)?)\b", "deny"),
           (r"\b(?:admit(?:s|ted)?|acknowledg\w*|confirm(?:s|ed)?|conced\w*|own(?:ed)? up)\b", "admit"),
           (r"\b(?:(?:avoid\w*|sidestep\w*|evad\w*|evasion|dodg\w*|circumvent\w*|flout\w*|ignor\w*|violat\w*)"
            r"(?:\s+(?:compl\w*|implement\w*|fulfill?\w*|meeting|honou?ring|enforc\w*))?|"
            r"(?:not|never|n't|fail\w*\s+to)\s+(?:[\w']+\s+)?(?:(?:met|meet\w*)(?=\s+(?:[\w']+\s+){0,3}\(?(?:obligations?|dut(?:y|ies)|"
            r"requirements?|commitments?|resolution|sanctions|2397|it|them|deadlines?)\b)|compl\w*|fulfill?\w*|honou?r\w*|implement\w*|"
            r"enforc\w*|abid\w*|obey\w*|adher\w*|respect\w*))\b", "evade"),
           (r"\b(?:(?:met|meets?|meeting|fulfill?(?:ed|s|ing)?|honou?r(?:ed|s|ing)?|respect(?:ed|s|ing)?|discharg\w*|"
            r"implement(?:ed|s|ing)?|enforc(?:e|ed|es|ing)|carr(?:y|ied|ies|ying)\s+out)"
            r"\s+(?:[\w']+\s+){0,3}\(?(?:obligations?|dut(?:y|ies)|requirements?|commitments?|resolution|sanctions|2397)|"
            r"compl(?:y|ied|ies|ying|iance|iant)|abid(?:e|es|ed|ing)\s+by|obey\w*|adher\w*)\b", "comply"),
           (r"\b(?:incompatib\w*|not\s+compatible|mismatch\w*|(?:do\s+not|don't)\s+fit)\b", "unfit"),
           (r"\b(?:compatible|compatibility|complementar\w*|complement\s+each\s+other|dovetail\w*|fit\s+(?:well|together)|"
            r"(?:natural|good|perfect|close)\s+(?:fit|match))\b", "fit"),
           (r"\b(?:(?:no|not\s+a|without\s+a?)\s+(?:labou?r|worker|manpower)\s+shortage|(?:enough|sufficient|plenty\s+of)\s+"
            r"(?:labou?r|workers|manpower|hands|staff))\b", "surplus"),  # "no shortage" before "shortage"
           (r"\b(?:(?:labou?r|worker|manpower|staff)\s+shortages?|shortages?\s+of\s+(?:labou?r|workers|manpower)|"
            r"short\s+of\s+(?:labou?r|workers|hands))\b", "shortage"),
           (r"\b(?:(?:surplus|excess|glut|oversupply)\s+(?:of\s+)?(?:labou?r|workers|manpower)|"
            r"(?:labou?r|worker)\s+(?:surplus|glut)|too\s+many\s+workers)\b", "surplus"),
           (r"\b(?:rul(?:ed|es|ing|e)\s+out|refus\w*|declin(?:ed|es|ing)\s+to|turn(?:ed|s|ing)?\s+down|rebuff\w*|"
            r"shelv(?:ed|es|ing)|abandon(?:ed|s|ing)?|scrapp(?:ed|ing))\b", "refuse"),
           (r"\b(?:(?:do|does|did)\s+not|don't|doesn't|didn't)\s+(?:yet\s+)?(?:show|reflect)\w*|\bnot\s+(?:yet\s+)?"
            r"(?:visible|shown|reflected|evident|apparent|seen)\b|\binvisible\b", "unshown"),
           (r"\b(?:already\s+)?(?:visible|shown|reflected|evident|apparent|show(?:s|ing)?\s+up)\s+in\s+(?:the\s+)?(?:[\w-]+\s+){0,2}"
            r"(?:data|figures|statistics|numbers)\b|\b(?:data|figures|statistics|numbers)\s+(?:already\s+)?(?:show|reflect)"
            r"(?:s|ed)?\s+(?:it|this|the\s+return|their\s+return)\b", "shown"),
           (r"\bonly\s+(?:the\s+)?(?:newly[- ]hired|new(?:ly\s+arrived)?|recently\s+(?:hired|arrived)|some|a\s+(?:few|part|portion))\b"
            r"|\bnewly[- ]hired\b|\bnew\s+hires\b", "some"),
           (r"\ball\s+(?:the\s+)?(?:north\s+korean\s+)?workers\b", "all"),
           (r"\b(?:sign(?:ed|s|ing)?|contracts?|agreements?|deals?|conclud\w*|hired|recruited|agreed|"
            r"(?:fixed|set|settled|finali[sz]ed|confirmed)\s+(?:a\s+|the\s+)?(?:dates?|timing))\b", "signed"),
           (r"\b(?:discuss\w*|talks?|consider\w*|mull\w*)\b", "talks")],
    "ko": [(r"(?:부인|부정|否認)", "deny"), (r"(?:인정|시인|확인했)", "admit"),
           (r"(?:(?:(?:이행|준수)\S*\s*)?(?:회피|피해|피하)|어기|어겼|위반|(?:이행|준수|지키)(?:하지|지)\s*않)", "evade"),
           (r"(?:이행|준수|(?:의무|결의|제재|규정|약속)\S*\s*(?:\S+\s+)?(?:지키|지켜|지켰))", "comply"),
           (r"(?:맞지\s*않|안\s*맞|양립\s*(?:할\s*수\s*)?없|상충|불일치)", "unfit"),
           (r"(?:보완|잘\s*맞|양립\s*가능|호환)", "fit"),
           (r"(?:(?:인력|노동력|일손|노동자)\S*\s*(?:충분|부족하지\s*않))", "surplus"),
           (r"(?:(?:인력|노동력|일손|노동자)\S*\s*부족)", "shortage"),
           (r"(?:(?:인력|노동력|일손|노동자)\S*\s*(?:과잉|남아|남는|넘쳐))", "surplus"),
           (r"(?:거부|거절|배제|백지화|포기)", "refuse"),
           (r"(?:(?:통계|수치|자료)\S*\s*(?:아직\s*)?(?:나타나지|드러나지|반영되지)\s*않)", "unshown"),
           (r"(?:(?:통계|수치|자료)\S*\s*(?:이미\s*)?(?:나타나|드러나|반영되)(?!지\s*않))", "shown"),
           (r"(?:신규\s*(?:고용|채용)?|새로\s*(?:고용|채용)된|일부\s*(?:노동자)?만)", "some"),
           (r"(?:모든\s*(?:북한\s*)?노동자|노동자\s*(?:전원|전부))", "all"),
           (r"(?:서명|체결|계약|합의)", "signed"), (r"(?:논의|협의|검토)", "talks")],
    "ru": [(r"(?:отрица|опроверг)", "deny"), (r"(?:призна|подтверди|подтвержда)", "admit"),
           (r"(?:(?:уклоня|избега)\w*(?:\s+от\s+(?:\w+\s+){0,2}(?:выполнени|исполнени|соблюдени)\w*)?|обход|наруша|"
            r"игнориру|не\s+(?:[\w']+\s+)?(?:соблюд|выполня|выполнил|исполня|исполнил))", "evade"),
           (r"(?:соблюд|(?:выполн|исполн)\w*\s+(?:\w+\s+){0,2}(?:обязательств|требовани|резолюци|санкци|решени|её\b|ее\b))",
            "comply"),
           (r"(?:несовмест|не\s+совмест|не\s+сочета)", "unfit"),
           (r"(?:(?<!не)совместим|взаимодополня|дополня)", "fit"),
           (r"(?:(?:нет|никакой)\s+(?:нехватк|дефицит)\w*|достаточно|хватает)\s+(?:\w+\s+)?(?:рабоч|кадр|трудов)", "surplus"),
           (r"(?:нехватк|дефицит)\w*\s+(?:рабоч|кадр|трудов)", "shortage"),
           (r"(?:избыт|излиш|переизбыт)\w*\s+(?:рабоч|кадр|трудов)", "surplus"),
           (r"(?:отказа|отказыва|отверг|исключил|исключа)", "refuse"),
           (r"(?:(?:статистик|данны|цифр)\w*\s+(?:пока\s+|ещё\s+|еще\s+)?не\s+(?:\w+\s+)?(?:видн|отража|показыва|заметн))", "unshown"),
           (r"(?:(?:уже\s+)?(?:видн|заметн|отражен|отражён)\w*\s+(?:в|по)\s+(?:\w+\s+)?(?:статистик|данны|цифр))", "shown"),
           (r"(?:только\s+(?:новы|недавно|част)|новых\s+рабочих|вновь\s+нанят)", "some"),
           (r"(?:всех\s+(?:северокорейск\w+\s+)?рабоч|все\s+(?:северокорейск\w+\s+)?рабоч)", "all"),
           (r"(?:подписа|соглашени|договор|контракт)", "signed"), (r"(?:обсужд|обсуди|рассматрива)", "talks")],
}
# Russian stems are read as whole words, so no ending is left over as a word of its own.
STANCE["ru"] = [(pattern + r"\w*", label) for pattern, label in STANCE["ru"]]
# Korean endings stay on the stem ("맞지 않아"): the whole word is the stance, no syllable left over.
STANCE["ko"] = [(pattern + r"\S*", label) for pattern, label in STANCE["ko"]]

# A negation just before a stance turns it round ("have not been avoiding", "не отрицает"); a deal
# not signed is no stance at all.
STANCE_FLIP = {"evade": "comply", "comply": "evade", "deny": "admit", "admit": "deny", "fit": "unfit", "unfit": "fit",
               "shortage": "surplus", "surplus": "shortage", "signed": None, "talks": None, "refuse": "talks",
               "shown": "unshown", "unshown": "shown", "some": "all", "all": None}
NEGATED_BEFORE = {"en": r"\b(?:not|never|no\s+longer|neither|nor|hardly|n't)\s+(?:[\w']+\s+){0,3}$|n't\s+(?:[\w']+\s+){0,3}$",
                  "ko": r"(?!x)x", "ru": r"\b(?:не|ни|никогда\s+не)\s+(?:\w+\s+){0,1}$"}
NEGATED_AFTER = {"en": r"(?!x)x", "ko": r"^\S*\s*(?:하지|지|치)\s*(?:않|못)|^\S*\s*안\s", "ru": r"(?!x)x"}

# Stances compared with one another; a stance of another family is not a verdict on this one.
STANCE_FAMILY = {"deny": "acknowledge", "admit": "acknowledge", "evade": "duty", "comply": "duty",
                 "unfit": "fit", "fit": "fit", "shortage": "labour", "surplus": "labour",
                 "signed": "deal", "talks": "deal", "refuse": "deal",  # "ruled out" what the report says was discussed
                 "shown": "evidence", "unshown": "evidence",  # "already visible in the data" against "do not show it yet"
                 "some": "scope", "all": "scope"}  # "only newly hired workers" against "all workers"


def _blank(text: str, m: re.Match[str]) -> str:
    """``text`` with the match replaced by spaces, so later patterns skip it and offsets hold."""
    return text[:m.start()] + " " * (m.end() - m.start()) + text[m.end():]


def same_stance_family(a: str | None, b: str | None) -> bool:
    """Do two stances speak of the same thing ("met" and "avoiding" an obligation)?"""
    return a is not None and b is not None and STANCE_FAMILY.get(a) == STANCE_FAMILY.get(b)


SIZE = {
    "en": [(r"\b(?:not|wasn't|isn't|hardly|little)\s+(?:very\s+)?(?:significant|great|large|big|major|substantial|considerable)\b", "small"),
           (r"\b(?:small|minor|limited|negligible|insignificant|marginal|modest)\b", "small"),
           (r"\b(?:(?:real|significant|considerable|great|major|big|substantial|serious)\s+(?:economic\s+)?"
            r"(?:weight|impact|importance|clout)|weighty|carr(?:y|ied|ies)\s+(?:\w+\s+){0,2}weight)\b", "large"),
           (r"\b(?:significant|great|large|big|major|substantial|considerable|huge|enormous)\b", "large")],
    "ko": [(r"(?:크지\s*않|(?<![시제창공동])작(?:다|은|았|고|게|아|지)|미미|제한적)", "small"),  # not 시작 (start)
           (r"(?:크다|컸|상당|막대|큰)", "large")],
    "ru": [(r"(?:невелик|незначит|мал[оаы]|несуществ|невысок)\w*", "small"),
           (r"(?:значительн|велик|огромн|крупн|существенн)\w*", "large")],
}
NEGATION = {"en": r"\b(?:not|no|never|neither|nor|n't|without)\b|n't\b", "ko": r"(?:않|안\s|못|없)",
            "ru": r"(?:\bне\b|\bнет\b|\bни\b|\bникогда\b)"}
# Doubting what a statement says negates it ("doubts they will ever return" for "predicts they
# will return"); in English the group is the verb the doubt governs, as for a negation.
# (의심 is left out: in Korean it is the suspicion the report itself describes.)
DOUBT = {"en": r"\b(?:doubts?|doubted|doubting|doubtful|sceptical|skeptical|unconvinced)\b(?:\s+(?:that|whether|if))?"
               r"\s+(?:[\w'-]+\s+){0,6}?(?:will|would|can|could|is|are|was|were)\s+(?:ever\s+|really\s+)?([a-z]+)",
         "ko": r"(?:회의적|의문을\s*제기|의문이라)",
         "ru": r"(?:сомнева\w*|сомнительн\w*|скептич\w*)"}
DOUBT_WORD = {"en": r"doubts?|doubted|doubting|doubtful|sceptical|skeptical|unconvinced",
              "ko": r"회의\w*|의문\w*", "ru": r"сомнева\w*|сомнительн\w*|скептич\w*"}
SPEECH = {
    "en": r"\b(?:said|says|say|estimat\w*|predict\w*|forecast\w*|expect\w*|believ\w*|think\w*|thought|"
          r"argu\w*|analy[sz]\w*|reported|reports|claim\w*|told|stated|warned|noted|according to|reckon\w*|"
          r"put|puts|view|signal\w*|require[sd]?|stipulat\w*|adopted|deny|denies|denied|admit\w*|acknowledg\w*)\b",
    "ko": r"(?:말했|밝혔|추정|예측|전망|분석|봤|본다|보고|보도|주장|예상|규정|채택|부인|인정|요구|신호|지적|내다봤|내다본|언급|평가)",
    "ru": r"(?:считает|считают|заявил|сказал|оценил|оценивает|прогнозир|предсказ|ожида|полагает|полагают|"
          r"сообщ|утвержда|анализ|принята|принят|требует|отрица|призна|хотят|хотел|сигнализ|дали понять|"
          r"по\s+словам|по\s+мнению|по\s+оценк\w*|\bмнению\b|\bсловам\b)",
}
EXPERTS = {"en": r"\bexperts?\b|\banalysts?\b|\bspecialists?\b|\bscholars?\b", "ko": r"전문가|학자|분석가",
           "ru": r"эксперт|аналитик|специалист"}
EXPERT_KINDS = {"estimate", "prediction", "analysis"}

# What a statement of the report says about the figures' origin ("the figures come from X").
SOURCE_CLAIM = {
    "en": r"\b(?:figures?|data|statistics|numbers|stats)\b.{0,40}\b(?:come|came|comes|from|published|compiled|released|"
          r"provided|collected|sourced|originat\w*|issued|according|trace\w*|based|rel(?:y|ies|ied)|derived?)\b|"
          r"\b(?:based|drew|draws|sourced|obtained|published|released)\b.{0,25}\b(?:figures?|data|statistics|numbers|stats)\b",
    "ko": r"(?:통계|수치|자료|데이터).{0,20}(?:출처|발표|제공|집계|나온|인용|근거|바탕|기반)",
    "ru": r"(?:данные|статистик|цифры).{0,40}(?:источник|опубликова|предостав|собра|получен|приводит|взяты|основ|восходят)|"
          r"(?:опубликова|основыва|взял|получил)\w*.{0,25}(?:данные|статистик|цифры)",
}
# The words a claim about the figures' origin uses to say it ("compiled", "cited", "according"):
# they are the claim's verb, never a detail the report would have to state.
SOURCE_WORDS = {
    "en": r"^(?:figures?|data|statistics|numbers|stats|come|came|comes|coming|from|published|publish\w*|compiled|compile|"
          r"released|release|provided|provide|collected|collect|sourced|source|sources|originat\w*|issued|according|trace\w*|"
          r"based|bas\w*|rel(?:y|ies|ied|ying)|derived?|drew|draws|drawn|cit\w*|quot\w*|report\w*|carr\w*|relay\w*|"
          r"border|official|originally|first|ultimately|show\w*|count\w*|record\w*|kept|keeps|keep|crossings?|"
          r"obtain\w*|reach\w*|readers?|through|via|public|publicly|made|its|their)$",
    "ko": r"통계|수치|자료|데이터|출처|발표|제공|집계|나온|나오|인용|근거|바탕|기반|보도|국경|공식",
    "ru": r"данн|статистик|цифр|источник|опубликова|предостав|собра|получен|приводит|привод|привел|взят|основ|восход|"
          r"ссыл|сообщ|погранич|официальн",
}
# A trip and where it went ("travelled to North Korea", "поездка в КНДР", "방북"): the
# destination is the last group, compared with the place of the event a statement reports.
TRIP_TO = {
    "en": r"\b(?:travel+ed|travels|went|goes|visited|visits|flew|flies|came|arrived|headed|journeyed|trip|visit)\s+"
          r"(?:back\s+)?(?:to|in)\s+(?:the\s+)?([\w'-]+(?:\s+[\w'-]+)?)",
    "ko": r"(방북|방러|방중)|([가-힣]+?)(?:을|를|에|으로|로)\s*(?:방문|다녀|갔|찾)",
    "ru": r"(?:посети\w*|поеха\w*|съезди\w*|прибы\w*|поездк\w*|визит\w*|отправи\w*|прилете\w*|летал\w*)"
          r"(?:\s+\w+){0,3}?\s+(?:в|во)\s+(\w+(?:\s+\w+)?)",
}
KO_TRIP_WORDS = {"방북": "북한", "방러": "러시아", "방중": "중국"}
# A link of the chain passing on another's figures ("relayed", "cited"), and one said to have had
# them first: the order they give must be the chain's order.
RELAY = {
    "en": r"\b(?:relay\w*|carr(?:y|ies|ied|ying)|republish\w*|picked\s+up|pick\w*\s+up|cit(?:es|ed|ing)|quot(?:es|ed|ing)|"
          r"based\s+\w+\s+(?:\w+\s+)?on|drew\s+on|draws\s+on|obtained\s+\w+\s+(?:\w+\s+)?from|took\s+\w+\s+(?:\w+\s+)?from)\b",
}
FIRST_REPORTED = {"en": r"\b(?:first|originally)\s+(?:reported|published|released|broke|obtained|had)\b|\bbroke\s+the\s+(?:story|news)\b"}
# A figure counting everyone but one category ("other than business", "사업 목적을 제외한",
# "кроме деловых"), and one counting the rest after a category named before it ("the remaining 112").
COMPLEMENT = {
    "en": r"\b(?:other\s+than|except(?:\s+for)?|excluding|apart\s+from|aside\s+from|besides|not\s+(?:for|on|by)|non-)",
    "ko": r"(?:제외한|제외하면|뺀|빼면|외의|이외의?|아닌)",
    "ru": r"(?:кроме|помимо|за\s+исключением|не\s+(?:по|для|с)\s)",
}
THE_REST = {
    "en": r"\b(?:the\s+)?(?:remaining|rest|others)\b|\bother\s+(?:reasons|purposes|means|ways|modes)\b",
    "ko": r"나머지|기타|그\s*외",
    "ru": r"остальн\w*|прочи\w*|други\w+\s+(?:цел|причин|способ)",
}
# How many days something lasted, right after the number ("for 10 days", "a 5-day visit",
# "5일간", "10 дней").
DAYS_LONG = {"en": r"\s*-?\s*days?\b", "ko": r"\s*일\s*(?:간|동안)", "ru": r"\s*(?:дн(?:я|ей|ь)|сут\w*)\b"}
# An origin that is not a link of the figures' chain ("Russian customs statistics"), even when a
# link is named too ("NK News based its figures on customs data").
OTHER_SOURCE = {
    "en": r"\b(?:customs|ministry|intelligence|agency|institute|bureau|government|census|rosstat|migration|interior|"
          r"police|embassy|consulate|nis|kotra)\b",
    "ko": r"(?:세관|관세청|통계청|정부|부처|정보원|대사관|이민국)",
    "ru": r"(?:таможн|министерств|росстат|правительств|разведк|мвд|миграцион|посольств)",
}


@dataclass(frozen=True)
class Slots:
    """The parts of a statement that can be compared with the report's: all optional."""

    amount: tuple[str, float] | None = None  # ("vague", label) as ("dozens", 0) | ("ge"/"lt"/"exact", n)
    duration: tuple[float, float] | None = None  # months, (low, high)
    year: int | None = None
    month: int | None = None
    days: tuple[int, int] | None = None
    stance: str | None = None
    size: str | None = None

    def present(self) -> list[str]:
        return [k for k in ("amount", "duration", "year", "month", "days", "stance", "size") if getattr(self, k) is not None]


def _num(word: str, lang: str) -> float | None:
    word = word.strip().lower()
    if re.fullmatch(r"\d+(?:\.\d+)?", word):
        return float(word)
    table = {"en": _EN_NUM, "ru": _RU_NUM, "ko": _KO_NUM}[lang]
    return float(table[word]) if word in table else None


def read_slots(text: str, lang: str) -> Slots:
    """The amount, duration, date, stance and size a statement states, in any of the three languages."""
    t = text.lower()
    amount = duration = None
    year = month = None
    days = None
    # Dates are read first and blanked, so "14 to 18 January" is no amount and "December 2017" no duration.
    if lang == "en":
        months = "|".join(EN_MONTHS)
        m = re.search(rf"\b(\d{{1,2}})\s*(?:-|–|to|and|until|through)\s*(\d{{1,2}})\s+({months})\b", t) or \
            re.search(rf"\b({months})\s+(\d{{1,2}})\s*(?:-|–|to|and|until|through)\s*(\d{{1,2}})\b", t)
        if m:
            g = m.groups()
            if g[0].isdigit():
                days, month = (int(g[0]), int(g[1])), EN_MONTHS[g[2]]
            else:
                days, month = (int(g[1]), int(g[2])), EN_MONTHS[g[0]]
            t = _blank(t, m)
        else:
            m = re.search(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({months})\b|\b({months})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*\d{{3}})", t)
            if m:
                g = m.groups()
                if g[0]:
                    days, month = (int(g[0]), int(g[0])), EN_MONTHS[g[1]]
                else:
                    days, month = (int(g[3]), int(g[3])), EN_MONTHS[g[2]]
                t = _blank(t, m)
            else:
                m = re.search(rf"\b({months})\b", t)
                if m and not (m.group(1) == "may" and not re.search(r"\bmay\s+\d{4}", t)):
                    month = EN_MONTHS[m.group(1)]
                    t = _blank(t, m)
        y = re.search(r"\b(19[5-9]\d|20\d\d)\b(?!\s*(?:people|north|russian|workers))", t)
        if y:
            year = int(y.group(1))
            t = t[:y.start()] + "    " + t[y.end():]
        t = re.sub(r"\b(?:a|one)\s+decade\b", "ten years", t)
        t = re.sub(r"\b(?:a|one)\s+(year|month)\s+or\s+(two|three)\b", r"one to \2 \1s", t)
        m = re.search(r"\b(\d+|one|two|three|four|five|six|twelve|eighteen|twenty-four|a|an)\s*(?:-|to|or)\s*"
                      r"(\d+|one|two|three|four|five|six)\s+(years?|months?)\b", t)
        if m:
            k = 12 if m.group(3).startswith("year") else 1
            lo, hi = _num(m.group(1), "en"), _num(m.group(2), "en")
            if lo is not None and hi is not None:
                duration = (lo * k, hi * k)
        else:
            m = re.search(r"\b(\d+|one|two|three|four|five|six|ten|twelve|eighteen|twenty-four|twenty four|a|an)[\s-]+"
                          r"(years?|months?|year-|month-)", t)
            if m and _num(m.group(1), "en") is not None:
                k = 12 if m.group(2).startswith("year") else 1
                v = _num(m.group(1), "en") * k  # type: ignore[operator]
                duration = (v, v)
        if duration:
            t = re.sub(r"\b(?:\d+|one|two|three|four|five|six|twelve|eighteen|twenty-four|a|an)\s*(?:(?:-|to|or)\s*(?:\d+|one|two|three|four|five|six)\s+)?(?:years?|months?)\b", " ", t)
        m = re.search(r"\b(\d+|one|two|three|four|five)\s+or\s+more\b|\bat\s+least\s+(\d+|one|two|three|four|five)\b|"
                      r"\bno\s+fewer\s+than\s+(\d+|one|two|three|four|five)\b", t)
        if m:
            amount = ("ge", _num(next(g for g in m.groups() if g), "en") or 0)
        else:
            m = re.search(r"\b(?:fewer|less)\s+than\s+(\d+|one|two|three|four|five)\b", t)
            if m:
                amount = ("lt", _num(m.group(1), "en") or 0)
            else:
                m = re.search(r"\bmore\s+than\s+(\d+|one|two|three|four|five)\b", t)
                if m:
                    amount = ("ge", (_num(m.group(1), "en") or 0) + 1)
    elif lang == "ko":
        # "1월 14일부터 18일까지", or the days alone ("14일부터 18일까지") when the month is understood
        m = re.search(r"(?:(\d{1,2})\s*월\s*)?(\d{1,2})\s*일\s*(?:부터|~|-|에서)\s*(?:(\d{1,2})\s*월\s*)?(\d{1,2})\s*일", t)
        if m:
            month, days = (int(m.group(1)) if m.group(1) else None), (int(m.group(2)), int(m.group(4)))
            t = _blank(t, m)
        else:
            m = re.search(r"(\d{1,2})\s*월\s*(\d{1,2})\s*일", t)
            if m:
                month, days = int(m.group(1)), (int(m.group(2)), int(m.group(2)))
                t = _blank(t, m)
            else:
                m = re.search(r"(?<!\d)(\d{1,2})\s*월", t)
                if m:
                    month = int(m.group(1))
                    t = _blank(t, m)
        y = re.search(r"(19[5-9]\d|20\d\d)\s*년", t)
        if y:
            year = int(y.group(1))
            t = t[:y.start()] + " " * (y.end() - y.start()) + t[y.end():]
        m = re.search(r"(\d+|한|두|세|네|다섯)\s*(?:~|-|에서)\s*(\d+|두|세|네|다섯)\s*(년|개월)", t)
        if m and _num(m.group(1), "ko") is not None and _num(m.group(2), "ko") is not None:
            k = 12 if m.group(3) == "년" else 1
            duration = (_num(m.group(1), "ko") * k, _num(m.group(2), "ko") * k)  # type: ignore[operator]
        else:
            m = re.search(r"(?<!\d)(\d{1,2}|한|두|세|네|다섯)\s*(년|개월)", t)
            if m and _num(m.group(1), "ko") is not None:
                k = 12 if m.group(2) == "년" else 1
                v = _num(m.group(1), "ko") * k  # type: ignore[operator]
                duration = (v, v)
        m = re.search(r"(\d+)\s*명?\s*이상", t)
        if m:
            amount = ("ge", float(m.group(1)))
        else:
            m = re.search(r"(\d+)\s*명?\s*(?:미만|보다\s*적)", t)
            if m:
                amount = ("lt", float(m.group(1)))
    else:
        month_re = "|".join(s for s, _ in RU_MONTH_STEMS)
        m = re.search(rf"(?:с\s+)?(\d{{1,2}})\s*(?:-|–|по|до)\s*(\d{{1,2}})\s+({month_re})\w*", t)
        if m:
            days = (int(m.group(1)), int(m.group(2)))
            month = next(i for s, i in RU_MONTH_STEMS if m.group(3).startswith(s))
            t = _blank(t, m)
        else:
            m = re.search(rf"(\d{{1,2}})\s+({month_re})\w*", t)
            if m:
                days = (int(m.group(1)), int(m.group(1)))
                month = next(i for s, i in RU_MONTH_STEMS if m.group(2).startswith(s))
                t = _blank(t, m)
            else:
                m = re.search(r"\b(январ|феврал|март|апрел|ма[йяе]|июн|июл|август|сентябр|октябр|ноябр|декабр)\w*", t)
                if m:
                    month = next(i for s, i in RU_MONTH_STEMS if m.group(1).startswith(s))
                    t = _blank(t, m)
        y = re.search(r"\b(19[5-9]\d|20\d\d)\b", t)
        if y:
            year = int(y.group(1))
            t = t[:y.start()] + "    " + t[y.end():]
        words = "|".join(sorted(_RU_NUM, key=len, reverse=True))
        m = re.search(rf"\b(\d+|{words})\s*(?:-|–|или|до)\s*(\d+|{words})\s+(лет|года?|месяц\w*)", t)
        if m:
            k = 1 if m.group(3).startswith("месяц") else 12
            duration = (_num(m.group(1), "ru") * k, _num(m.group(2), "ru") * k)  # type: ignore[operator]
        else:
            m = re.search(rf"\b(\d+|{words})\s+(лет|года?|месяц\w*)", t)
            if m:
                if _num(m.group(1), "ru") is not None:
                    k = 1 if m.group(2).startswith("месяц") else 12
                    v = _num(m.group(1), "ru") * k  # type: ignore[operator]
                    duration = (v, v)
        # the count in digits or in words ("не меньше трёх", "трое и более")
        m = re.search(rf"(?:не\s+менее|не\s+меньше|по\s+меньшей\s+мере|как\s+минимум)\s+(\d+|{words})\b|"
                      rf"\b(\d+|{words})\s+(?:и|или)\s+(?:более|больше)", t)
        if m and _num(m.group(1) or m.group(2), "ru") is not None:
            amount = ("ge", float(_num(m.group(1) or m.group(2), "ru")))  # type: ignore[arg-type]
        else:
            m = re.search(rf"(?:менее|меньше)\s+(\d+|{words})\b", t)
            if m and _num(m.group(1), "ru") is not None:
                amount = ("lt", float(_num(m.group(1), "ru")))  # type: ignore[arg-type]
    if amount is None:
        for pattern, label in VAGUE_AMOUNTS[lang]:
            if re.search(pattern, t):
                amount = (label, 0.0)
                break
    stance = None
    for pattern, label in STANCE[lang]:
        m = re.search(pattern, t)
        if m:
            stance = label
            if re.search(NEGATED_BEFORE[lang], t[max(0, m.start() - 40):m.start()]) or re.search(NEGATED_AFTER[lang], t[m.end():]):
                stance = STANCE_FLIP[label]  # "have not been avoiding" is "comply"
            break
    size = None
    for pattern, label in SIZE[lang]:
        m = re.search(pattern, t)
        if m:
            size = label
            # the negation anywhere before it in the same clause: "does not consider their
            # significance to be large" is a judgement that it is small
            negated = {"en": r"(?:\b(?:not|never|hardly)\b|n't\b)(?:(?!\bbut\b)[^,;])*$",
                       "ko": r"(?!x)x", "ru": r"\bне\s+(?:\w+\s+){0,2}$"}[lang]
            if re.search(negated, t[max(0, m.start() - 100):m.start()]) or re.search(NEGATED_AFTER[lang], t[m.end():]):
                size = {"small": "large", "large": "small"}[label]  # "does not think they are significant"
            break
    return Slots(amount=amount, duration=duration, year=year, month=month, days=days, stance=stance, size=size)


def amounts_agree(claim: tuple[str, float], fact: tuple[str, float]) -> bool | None:
    """True if a claimed amount says what the report says, False if it contradicts it, None if the
    claim is more precise than the report ("300" against "hundreds")."""
    ck, cv = claim
    fk, fv = fact
    if ck == fk and cv == fv:
        return True
    if fk in VAGUE_RANGES and ck == "exact":
        lo, hi = VAGUE_RANGES[fk]
        return None if lo <= cv <= hi else False
    if fk in VAGUE_RANGES and ck in VAGUE_RANGES:
        return False
    if fk == "ge" and ck == "ge":
        return cv == fv
    if fk == "ge" and ck in VAGUE_RANGES:
        return None  # "three or more" does not say "hundreds", nor deny it
    return False

# Words that exclude one another: a claim that puts another member of the group where the report
# puts one ("Khabarovsk" for its Vladivostok, "farm work" for its construction, "leave Russia" for
# its "return to Russia") contradicts the report rather than adding to it. Each member is a pattern
# over the three languages, matched on a claim word and on the report's statement.
# A statement timed against another event: "a week after NK News published ...", "before the
# visit", "через неделю после публикации", "NK뉴스 보도 일주일 뒤". "rel" is the relation word,
# "ref" the other event's clause.
_GAP_EN = r"(?:(?:a|one|two|three|four|five|six|several|a\s+few|\d+)\s+(?:days?|weeks?|months?)\s+|(?:days|weeks|shortly|just|soon|right|immediately|only)\s+)?"
RELATIVE_TIMING = {
    "en": rf",?\s*{_GAP_EN}(?P<rel>after|before|prior\s+to|ahead\s+of|following|earlier\s+than|later\s+than)\s+"
          r"(?P<ref>(?:the\s+)?(?:nk\s*news|donga|choe|putin|publication|visit|report|resolution|trip)\b[^,;]*)",
    "ru": r",?\s*(?:(?:незадолго|вскоре|сразу)\s+)?(?:через\s+\S+(?:\s+\S+)?\s+|за\s+\S+(?:\s+\S+)?\s+)?(?P<rel>после|до|перед|спустя)\s+"
          r"(?P<ref>(?:того,\s+как\s+)?(?:nk\s*news|публикац|визит|поездк|доклад|отч[её]т|выход|донга)[^,;]*)",
    "ko": r"(?<!\S)(?P<ref>(?:nk\s*뉴스|동아)\S*(?:\s+\S+){0,3}?)\s*(?:(?:일주일|한\s*주|\d+일|며칠|사흘|닷새)\s*)?"
          r"(?P<rel>뒤|후|이후|전|이전|앞서)(?:에|인|의)?",
}
TIMING_AFTER = {"en": r"after|following|later", "ru": r"после|спустя", "ko": r"뒤|후"}


def timing_gap(phrase: str, lang: str) -> int | None:
    """The gap in days a timing clause states ("a week after": 7), or None."""
    low = phrase.lower()
    m = re.search(r"(a|one|two|three|four|five|six|\d+)\s+(day|week|month)", low) if lang == "en" else None
    if m:
        n = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}.get(m.group(1)) or int(m.group(1))
        return n * {"day": 1, "week": 7, "month": 30}[m.group(2)]
    if re.search(r"недел|일주일|한\s*주", low):
        return 7
    return None


# An expectation's pace: "momentum will build quickly" reverses "that effort will struggle for
# momentum" (a negated one, "won't be quick", is read as the other member).
PACE = {
    "easy": r"\b(?:quick\w*|easil\w*|easy|soon|fast|rapid\w*|smooth\w*|swift\w*)\b|быстр|легк|скоро|стремительн|빠르|빨리|쉽|곧|순조",
    "hard": r"\b(?:struggl\w*|hard|difficult\w*|slow\w*|uphill|tough)\b|трудн|с\s+трудом|сложн|медлен|어렵|어려|힘들|더디|쉽지\s*않",
}

# The people the report names in its events, against others a claim may put in their place: a
# name is swapped even when a search keyword of the statement covers it.
PEOPLE = {
    "choe": r"\bchoe\b|\bchoi\b|최선희|\bчве\b|\bцой\b|\bчхве\b|\bчо\b",
    "kim jong un": r"\bkim\b|김정은|^김정$|\bким\b",
    "lavrov": r"lavrov|라브로프|лавров",
    "shoigu": r"shoigu|쇼이구|шойгу",
}
ALTERNATIVES: list[dict[str, str]] = [
    {  # workers coming back against workers no longer coming
        "return": r"\breturn|\bcome\s+back|вернут|돌아",
        "stop": r"\bstop|\bceas|\bno\s+longer|прекрат|переста|그만|중단",
    },
    {  # flights that run again against flights that stopped
        "resumed": r"resum|restor|возобнов|восстанов|재개",
        "suspended": r"suspend|halt|stopp|cancel|grounded|приостанов|прекращ|отмен|중단|운항\s*중지|끊",
    },
    {  # cities and regions of Russia
        "vladivostok": r"vladivostok|владивосток|블라디보스토크",
        "khabarovsk": r"khabarovsk|хабаровск|하바롭스크",
        "moscow": r"moscow|москв|모스크바",
        "nakhodka": r"nakhodka|находк|나홋카",
        "novosibirsk": r"novosibirsk|новосибирск|노보시비르스크",
        "irkutsk": r"irkutsk|иркутск|이르쿠츠크",
        "petersburg": r"petersburg|петербург|페테르부르크",
        "sakhalin": r"sakhalin|сахалин|사할린",
    },
    {  # the kind of work
        "construction": r"construct|builder|building\s+site|стро[ий]|стройк|건설|공사",
        "agriculture": r"agricultur|farm|сельскохоз|аграр|ферм|농업|농장|농사",
        "logging": r"logging|forestry|lumber|лесозагот|лесоруб|벌목",
        "fishing": r"fishing|fisher|рыболов|рыбн|어업|수산",
        "mining": r"mining|\bmines?\b|шахт|горнодоб|광산|광업",
        "factory": r"factor(?:y|ies)|manufactur|завод|фабрик|공장|제조",
    },
    PEOPLE,
    {  # coming to a country or going from it
        "return": r"\breturn|come\s+back|coming\s+back|верн[уё]|возвра|돌아오|돌아올|복귀",
        "leave": r"\bleav|\bleft\b|withdraw|depart|pull\s+out|покин|уед|уйд|выед|철수|떠나|떠날",
    },
]

# Words that mark the country something came from: "weapons from Russia", "от России" (before the
# country), "러시아로부터/러시아에서" (after it, as the Korean analyser splits the particle off).
GIVER_BEFORE = {"en": frozenset({"from"}), "ko": frozenset(), "ru": frozenset({"от"})}
GIVER_AFTER = {"en": frozenset(), "ko": frozenset({"로부터", "으로부터", "에서", "에게서"}), "ru": frozenset()}
GIVER_WINDOW = 3  # tokens on the far side of the marker that must share a word with the statement
# "Only China has been avoiding it", "Китай, и только он": a word that makes one country the only
# one, just before it or ("China alone") just after it.
ONLY_BEFORE = {"en": frozenset({"only", "solely", "just"}), "ko": frozenset(), "ru": frozenset({"только", "лишь"})}
ONLY_AFTER = {"en": frozenset({"alone"}), "ko": frozenset(), "ru": frozenset()}
# A country after "to", with the thing or a giving verb just before it, receives ("Russia supplied
# weapons to North Korea"); the other country the claim names is then the giver.
RECEIVER_BEFORE = {"en": frozenset({"to"}), "ko": frozenset(), "ru": frozenset()}
GIVING_VERBS = {"en": frozenset({"supply", "supplies", "supplied", "supplying", "send", "sends", "sent", "sending",
                                 "give", "gives", "gave", "giving", "provide", "provides", "provided", "providing",
                                 "deliver", "delivers", "delivered", "delivering", "ship", "ships", "shipped",
                                 "shipping", "sell", "sells", "sold", "selling", "transfer", "transferred",
                                 "transferring"}),
                "ko": frozenset(), "ru": frozenset()}
# A country's adjective on the thing given names the giver too ("Russian weapons", "российское
# оружие", "북한 무기"): the things a transfer statement is about, and the adjective endings.
GIVEN_THINGS = {"en": frozenset({"weapons", "arms", "munitions", "ammunition", "shells", "missiles", "weaponry"}),
                "ko": frozenset({"무기", "무기를", "탄약", "포탄", "미사일"}),
                "ru": frozenset({"оружие", "оружия", "оружием", "вооружение", "вооружения", "боеприпасы", "боеприпасов",
                                 "снаряды", "снарядов", "ракеты", "ракет"})}
COUNTRY_ADJECTIVE = {"en": r"(?:an|ese|ian|ean)$", "ko": r"", "ru": r"(?:ое|ий|ый|ая|ые|ого|ому|ых|их|ой|ую|ым|ими|ыми)$"}
