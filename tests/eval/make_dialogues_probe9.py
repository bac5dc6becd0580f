"""Writes tests/eval/dialogues_probe9.jsonl: a tenth conversation set, for the follow-up classes
of blind conversation set 3 (issue 12, session 3), each in English, Korean and Russian:
three (or four) figures just given, summed or averaged ("those three together?", "the quarterly
average across those three?"); the last figure plus one category named ("add the air arrivals");
the last figure against the other direction ("how many times the North Koreans in that quarter
is that?"); the gap in points between shares of two breakdowns; "when did he say that?" after a
statement (the report gives no date for what was said; a visit or a resolution has one); "how
many were there?" after a fact that states an amount in words ("dozens"), never a number made
up; "within what time?", "why?"/"what for?" after a fact; "the total, then?" after a filter the
period lacks; a figure question about a fact with no figure word. Written by the engineer who
made the fixes, in wordings of his own (none copied from a blind set), so its first run is not a
blind score. Expected figures are the report's (data/figures.csv); derived ones were computed by
hand: 31 + 13 + 13 = 57; 213 + 134 + 31 = 378; 24 + 23 + 3 = 50 (mean 16.7); 153 + 213 + 365 = 731
(mean 243.7); 213 + 134 = 347; 253 + 24 = 277; 13 + 13 = 26; 134 + 31 = 165; 544 / 365 = 1.49;
366 / 222 = 1.65; 223 + 153 + 213 = 589; (13 + 13 + 31) / 3 = 19; 69.3 - 36.7 = 32.6 points; 58.4 - 6.6 = 51.8; 8.5 - 6.3 = 2.2.
Run: ``python -m tests.eval.make_dialogues_probe9``.
"""

from __future__ import annotations

from tests.eval.make_dialogues import A, F, numbered, write_jsonl

assert 31 + 13 + 13 == 57 and 213 + 134 + 31 == 378 and 24 + 23 + 3 == 50 and 153 + 213 + 365 == 731
assert round(731 / 3, 1) == 243.7 and round(50 / 3, 1) == 16.7 and round(544 / 365, 2) == 1.49
assert round(100 * 253 / 365 - 100 * 134 / 365, 1) == 32.6 and round(100 * 213 / 365 - 100 * 24 / 365, 1) == 51.8

EN = [
    # three figures just given: sum, mean; four asked when three were given: refused
    ("three_sum", [A("How many North Koreans travelled to Russia by plane in Q3 2023?", 213), A("and by rail?", 134),
                   A("and by road?", 31), A("add up all three for me", 378)]),
    ("three_mean", [A("North Koreans entering Russia in the first quarter of 2023?", 153), A("second quarter?", 213),
                    A("third?", 365), A("what's the average per quarter over those three?", "243.7")]),
    ("three_sum", [A("How many North Koreans came to Russia to study in Q3?", 24), A("what about personal visits?", 23),
                   A("and for work?", 3), A("what do the three come to altogether?", 50)]),
    ("four_refused", [A("How many North Koreans came by water in Q3?", 13), A("on foot?", 13), A("by car?", 31),
                      F("and all four together?")]),
    # the last figure plus one category named
    ("named_sum", [A("How many North Koreans arrived in Russia by air in Q3 2023?", 213),
                   A("combined with the rail arrivals, how many is that?", 347)]),
    ("named_sum", [A("How many North Koreans went to Russia on business in Q3?", 253),
                   A("together with education, what's the total?", 277)]),
    # the last figure against the other direction
    ("other_direction", [A("How many Russians visited North Korea in Q3 2023?", 544),
                         A("how many times the number of North Koreans who went to Russia that quarter is that?", "1.49")]),
    ("other_direction", [A("Russians entering North Korea in the first half of 2023?", 222),
                         A("how many times the number of North Koreans entering Russia in that half is that?", "1.65")]),
    # the gap in points between shares of two breakdowns of one total
    ("pp_gap_dims", [A("What share of North Koreans entering Russia in Q3 came by air?", "58.4"),
                     A("and what share came to study?", "6.6"), A("how far apart are those in percentage points?", "51.8")]),
    # "when" after a statement: no date for what was said; an event has one
    ("fact_when", [A("What does Lankov think about North Korea–Russia trade?", "trade"),
                   F("when did he say that?")]),
    ("fact_when", [A("What did NK News report about a construction site?", "Vladivostok"),
                   F("on what date did they see the workers there?")]),
    ("fact_when", [A("What did North Korea's foreign minister do in Russia?", "Putin"), A("when was that?", "January")]),
    # "how many" after a fact: the amount in its own words, or "the report doesn't say"
    ("fact_count", [A("Who wants North Korean labour for construction in Siberia?", "Siberia"),
                    A("how many of them do they want?", "thousands")]),
    ("fact_count", [A("What is Andrei Lankov's job?", "Kookmin"), F("how many are there of them?")]),
    ("fact_count", [A("What did Lankov estimate about the North Korean workers who came in Q3?", "hundreds"),
                    F("how many exactly?")]),
    # duration and reasons of a fact
    ("fact_duration", [A("What does UN resolution 2397 demand?", "2397"), A("how long do states have to do it?", "24 months")]),
    ("fact_why", [A("Which Russian authorities want North Korean workers?", "Siberia"), A("what for?", "construction")]),
    # the total asked in so many words after a filter the period lacks
    ("drop_filter", [A("How many North Koreans came to Russia for business in Q3 2023?", 253),
                     F("and in Q1?"), A("what was Q1's overall figure, then?", 153)]),
    ("drop_filter", [A("How many North Koreans entered Russia by train in Q3?", 134), F("and in 2022?"),
                     A("the 2022 total then?", 223)]),
    ("fact_why_none", [A("Have direct flights between Pyongyang and Vladivostok resumed?", "resumed"), F("why?")]),
    ("three_min", [A("How many North Koreans flew into Russia in Q3?", 213), A("and rail?", 134), A("road?", 31),
                   A("which of those three was the smallest?", 31, nots=(13,))]),
    ("three_mean_mixed", [A("North Koreans entering Russia in Q2 2023?", 213), A("and Q3?", 365), A("and 2022?", 223),
                          F("the average of those three?")]),
    ("three_sum", [A("How many North Koreans went to Russia in 2022?", 223), A("in Q1 2023?", 153), A("in Q2 2023?", 213),
                   A("what's the sum of those three?", 589)]),
]

KO = [
    ("three_sum", [A("작년 3분기 항공편으로 러시아에 들어간 북한 주민은 몇 명이었어요?", 213), A("기차는요?", 134),
                   A("자동차는요?", 31), A("세 가지를 다 더하면 몇 명이에요?", 378)]),
    ("three_mean", [A("2023년 1분기 러시아에 입국한 북한 주민 수는?", 153), A("2분기는?", 213), A("3분기는?", 365),
                    A("세 분기 평균은 얼마예요?", "243.7")]),
    ("three_sum", [A("2023년 1분기에 러시아로 간 북한 주민은 몇 명이에요?", 153), A("2분기는요?", 213), A("3분기는요?", 365),
                   A("세 개 합하면요?", 731)]),
    ("named_sum", [A("3분기에 도보로 러시아에 입국한 북한 주민은?", 13), A("배편 입국자와 합하면 몇 명이에요?", 26)]),
    ("named_sum", [A("지난해 3분기 기차로 러시아에 들어간 북한 사람은 몇 명?", 134), A("차량 입국자랑 합치면요?", 165)]),
    ("other_direction", [A("2023년 3분기 북한을 찾은 러시아인은 몇 명이에요?", 544),
                         A("그 분기 러시아에 간 북한 주민의 몇 배예요?", "1.49")]),
    ("other_direction", [A("2023년 상반기 북한에 입국한 러시아인은?", 222),
                         A("같은 기간 러시아에 입국한 북한 주민은 그것의 몇 배예요?", "1.65")]),
    ("pp_gap_dims", [A("3분기 러시아에 입국한 북한 주민 중 차량 이용 비율은?", "8.5"), A("개인 목적 비율은요?", "6.3"),
                     A("두 비율은 몇 퍼센트포인트 차이가 나요?", "2.2")]),
    ("fact_when", [A("란코프는 북한 노동자들이 언제 러시아로 돌아올 거라고 봤어요?", "1~2년"),
                   F("그 예측은 언제 나온 거예요?")]),
    ("fact_when", [A("안보리 결의 2397호는 무엇을 규정하나요?", "24"), A("그 결의는 언제 채택됐어요?", "2017")]),
    ("fact_count", [A("NK뉴스가 북한 노동자들을 본 건설 현장은 어느 도시에 있어요?", "블라디보스토크"),
                    A("거기 몇 명이나 있었대요?", "수십")]),
    ("fact_count", [A("시베리아 건설에 북한 노동자를 원하는 건 누구예요?", "시베리아"), A("몇 명이나요?", "수천")]),
    ("fact_count", [A("안드레이 란코프는 누구예요?", "국민대"), F("몇 명이에요?")]),
    ("fact_duration", [A("북한 노동자 송환을 요구하는 유엔 결의는?", "2397"), A("기한은 몇 개월이에요?", "24")]),
    ("fact_why", [A("시베리아 지방 당국이 원하는 게 뭐예요?", "노동자"), A("왜죠?", "부족")]),
    ("drop_filter", [A("3분기 사업 목적으로 러시아에 간 북한 주민은?", 253), F("2분기는요?"), A("그럼 2분기 전체는 몇 명이에요?", 213)]),
    ("fact_no_figure_word", [A("결의 2397호가 요구하는 건 뭐예요?", "24"), A("그 의무를 피해 온 나라는 어디예요?", "중국")]),
    ("four_refused", [A("3분기 교육 목적 입국자는?", 24), A("개인 목적은?", 23), A("노동 목적은?", 3), F("네 가지를 합하면?")]),
    ("fact_when", [A("북한 외무상은 러시아에서 누구를 만났어요?", "푸틴"), A("그게 언제였어요?", "2024")]),
    ("three_max", [A("3분기 도보로 들어간 북한 주민은?", 13), A("배편은?", 13), A("차량은?", 31), A("셋 중 가장 많은 건?", 31)]),
    ("three_mean", [A("3분기 도보로 러시아에 들어간 북한 주민은?", 13), A("배편은?", 13), A("차량은?", 31),
                    A("세 수단의 평균은?", 19)]),
]

RU = [
    ("three_sum", [A("Сколько граждан КНДР приехало в Россию пешком в III квартале 2023 года?", 13), A("а морем?", 13),
                   A("а на машине?", 31), A("сколько в сумме по этим трём?", 57)]),
    ("three_mean", [A("Сколько северокорейцев въехало в Россию в I квартале 2023 года?", 153), A("а во II?", 213),
                    A("а в III?", 365), A("какое среднее за квартал по этим трём?", "243.7")]),
    ("three_sum", [A("Сколько граждан КНДР въехало в Россию на учёбу в III квартале?", 24), A("а по личным делам?", 23),
                   A("а на работу?", 3), A("сколько всего по этим трём целям?", 50)]),
    ("named_sum", [A("Сколько северокорейцев прилетело в Россию самолётом в III квартале?", 213),
                   A("а вместе с приехавшими поездом сколько?", 347)]),
    ("named_sum", [A("Сколько граждан КНДР въехало в Россию по делам в III квартале 2023?", 253),
                   A("а если сложить с учёбой?", 277)]),
    ("other_direction", [A("Сколько россиян побывало в КНДР в III квартале 2023 года?", 544),
                         A("во сколько раз это больше числа граждан КНДР, въехавших в Россию в том же квартале?", "1.49")]),
    ("pp_gap_dims", [A("Какая доля северокорейцев, въехавших в Россию в III квартале, приехала по делам?", "69.3"),
                     A("а какая доля поездом?", "36.7"), A("какая между ними разница в процентных пунктах?", "32.6")]),
    ("fact_when", [A("Что Ланьков говорит о северокорейских рабочих, въехавших в III квартале?", "сотни"),
                   F("а когда он это сказал?")]),
    ("fact_when", [A("Что требует резолюция СБ ООН 2397?", "24"), A("когда её приняли?", "2017")]),
    ("fact_when", [A("С кем встречалась глава МИД КНДР в России?", "Путин"), A("а когда это было?", "январ")]),
    ("fact_count", [A("Где NK News видело северокорейских рабочих на стройке?", "Владивосток"),
                    A("сколько их там было?", "десятк")]),
    ("fact_count", [A("Кто хочет привлечь северокорейских рабочих в Сибирь?", "Сибир"), A("сколько рабочих им нужно?", "тысяч")]),
    ("fact_count", [A("Кто такой Андрей Ланьков?", "Кукмин"), F("сколько их?")]),
    ("fact_duration", [A("Какая резолюция ООН требует вернуть северокорейских рабочих на родину?", "2397"),
                       A("за какой срок?", "24")]),
    ("fact_why", [A("Что известно о планах местных властей в Сибири насчёт рабочих из КНДР?", "Сибир"),
                  A("почему они этого хотят?", "нехватк")]),
    ("drop_filter", [A("Сколько граждан КНДР въехало в Россию самолётом в III квартале?", 213), F("а во II квартале?"),
                     A("а всего во II квартале сколько?", 213)]),
    ("drop_filter", [A("Сколько северокорейцев въехало в Россию с деловыми целями в III квартале?", 253), F("а в 2022 году?"),
                     A("а в целом за 2022 год?", 223)]),
    ("four_refused", [A("Сколько граждан КНДР въехало в Россию самолётом в III квартале?", 213), A("а поездом?", 134),
                      A("а пешком?", 13), F("а все четыре вместе?")]),
    ("fact_why_none", [A("Возобновились ли прямые рейсы между Пхеньяном и Владивостоком?", "Владивосток"), F("почему?")]),
    ("three_max", [A("Сколько граждан КНДР въехало в Россию в I квартале 2023 года?", 153), A("а во II?", 213),
                   A("а в III?", 365), A("какой из этих трёх кварталов самый большой?", 365)]),
    ("fact_when", [A("Сколько северокорейских рабочих, по мнению экспертов, въехало на работу?", 3),
                   F("когда эксперты это заявили?")]),
]


def main() -> None:
    write_jsonl("dialogues_probe9.jsonl", numbered("probe9", EN, KO, RU))


if __name__ == "__main__":
    main()
