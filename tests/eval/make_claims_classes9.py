"""Writes tests/eval/claims_classes9.jsonl: claims of our own (en, ko, ru) for the classes blind set 7
showed (a breakdown's sum against the total, a meeting said from the other side, hedged bounds,
the LPR/DPR statement), written from the report after the first fixes of the class; their first
run found three more misses (one a false "matches": "the purpose breakdown matches the 365 total"),
fixed as classes: a figure between "matches" and "total", a Korean hedge on the total, a long
Russian "сумма по ... — 404". Later batches, written after their classes were fixed (so their figures are no first runs):
statements in other words, givers as adjectives ("Russian weapons"),
counts in words put down to the official figures, "no fewer than" bounds.
Run from the project root: python tests/eval/make_claims_classes9.py"""

from __future__ import annotations

import json

L: list[dict] = []


def add(i: int, lang: str, text: str, claims: list[tuple[str | None, str]], tags: list[str]) -> None:
    """One sentence with its expected verdicts, in the eval set's shape."""
    L.append({"id": f"c9-{i:03d}", "lang": lang, "text": text, "claims": [{"value": v, "verdict": d} for v, d in claims], "tags": tags})
n = iter(range(1, 999))
S = ["breakdown_sum"]
# sums of a breakdown against the total (figure is the total; the relation decides)
add(next(n), "en", "The purpose breakdown for Q3 2023 accounts for all 365 North Koreans who entered Russia.", [("365", "differs")], S)
add(next(n), "en", "In the third quarter the transport categories cover every one of the 365 arrivals exactly.", [("365", "differs")], S)
add(next(n), "en", "The transport modes listed for Q3 add up to more than the 365 total.", [("365", "matches")], S)
add(next(n), "en", "The purposes listed for Q3 add up to more than the total of 365.", [("365", "differs")], S)
add(next(n), "en", "The Q3 purpose figures come to fewer than the 365 total.", [("365", "matches")], S)
add(next(n), "en", "The transport breakdown for Q3 falls short of the 365 total.", [("365", "differs")], S)
add(next(n), "en", "The purpose breakdown for Q3 does not add up to the total of 365.", [("365", "matches")], S)
add(next(n), "en", "The transport breakdown for the third quarter sums exactly to the total of 365.", [("365", "differs")], S)
add(next(n), "en", "The purpose breakdown for Q3 matches the 365 total.", [("365", "differs")], S)
add(next(n), "en", "The transport categories for Q3 add up to 404, more than the 365 total.", [("404", "matches"), ("365", "matches")], S)
add(next(n), "en", "The purpose categories for Q3 add up to 326, above the 365 total.", [("326", "matches"), ("365", "differs")], S)
add(next(n), "ko", "3분기 교통수단별 입국자를 합하면 404명이다.", [("404", "matches")], S)
add(next(n), "ko", "3분기 목적별 입국자를 합하면 336명이다.", [("336", "differs")], S)
add(next(n), "ko", "3분기 목적별 입국자를 합하면 326명으로 전체 365명보다 적다.", [("326", "matches"), ("365", "matches")], S)
add(next(n), "ko", "3분기 목적별 입국자를 합하면 전체 365명과 정확히 일치한다.", [("365", "differs")], S)
add(next(n), "ko", "3분기 교통수단별 합계는 404명으로 전체 365명을 넘는다.", [("404", "matches"), ("365", "matches")], S)
add(next(n), "ru", "Сумма по видам транспорта за третий квартал — 404 человека.", [("404", "matches")], S)
add(next(n), "ru", "По целям въезда в третьем квартале в сумме получается 346 человек.", [("346", "differs")], S)
add(next(n), "ru", "Сумма по целям въезда в третьем квартале совпадает с общим числом 365.", [("365", "differs")], S)
add(next(n), "ru", "Сумма по видам транспорта за третий квартал превышает общее число 365.", [("365", "matches")], S)
# named categories summed are no whole breakdown
add(next(n), "ko", "3분기 항공과 열차 이용자를 합치면 347명이다.", [("347", "matches")], ["combined"])
add(next(n), "ru", "В третьем квартале самолётом и поездом вместе въехали 347 человек.", [("347", "matches")], ["combined"])
M = ["meeting"]
add(next(n), "en", "North Korea's foreign minister met Vladimir Putin during her January visit.", [(None, "matches")], M)
add(next(n), "en", "The North Korean foreign minister did not meet Putin in Russia.", [(None, "differs")], M)
add(next(n), "en", "The foreign minister from Pyongyang never sat down with President Putin.", [(None, "differs")], M)
add(next(n), "en", "President Putin visited Pyongyang in January 2024.", [(None, "not_in_data")], M)
add(next(n), "ko", "북한 외무상은 러시아 방문 중 푸틴 대통령을 만나지 않았다.", [(None, "differs")], M)
add(next(n), "ru", "Глава МИД КНДР не встречалась с Путиным.", [(None, "differs")], M)
add(next(n), "ru", "Чо Сон Хи встретилась с Путиным.", [(None, "matches")], M)
H = ["hedged_bound"]
add(next(n), "en", "At least 250 North Koreans came to Russia on business in Q3 2023.", [("250", "matches")], H)
add(next(n), "en", "At least 300 North Koreans came to Russia on business in Q3 2023.", [("300", "differs")], H)
add(next(n), "en", "Not fewer than 130 North Koreans came by rail in Q3 2023.", [("130", "matches")], H)
add(next(n), "en", "At least 230 North Koreans arrived by air in Q3 2023.", [("230", "differs")], H)
D = ["lpr_dpr", "statement"]
add(next(n), "en", "Officials in Luhansk and Donetsk have reportedly discussed bringing in North Korean workers to rebuild war-damaged infrastructure.", [(None, "matches")], D)
add(next(n), "en", "Officials in the LPR discussed the possibility of bringing in Chinese workers.", [(None, "not_in_data")], D)
add(next(n), "en", "The LPR and DPR have already hired 5,000 North Korean workers.", [("5,000", "not_in_data")], D)
add(next(n), "ru", "В ЛНР и ДНР, по сообщениям, обсуждали возможность привлечения северокорейских рабочих к восстановлению инфраструктуры.", [(None, "matches")], D)
add(next(n), "en", "About 250 North Korean officials came to Russia on business in Q3 2023.", [("250", "not_in_data")], D)
P = ["statement", "paraphrase"]
add(next(n), "en", "Despite denials from both capitals, the world suspects Russia has received arms from North Korea.", [(None, "matches")], P)
add(next(n), "ko", "최 외무상의 방러 기간 푸틴 대통령의 방북 문제도 논의됐을 것으로 관측된다.", [(None, "matches")], P)
add(next(n), "ko", "최 외무상의 방러 기간 푸틴 대통령의 방중 문제가 논의됐을 것으로 관측된다.", [(None, "not_in_data")], P)
add(next(n), "ru", "В ходе поездки Чве Сон Хи, как ожидается, обсуждался и визит Путина в КНДР.", [(None, "matches")], P)
add(next(n), "ru", "По данным NK News, на стройке во Владивостоке работали несколько десятков рабочих из КНДР.", [(None, "matches")], P)
add(next(n), "ru", "По данным NK News, на стройке во Владивостоке работали несколько сотен рабочих из КНДР.", [(None, "differs")], P)
add(next(n), "ru", "Местные власти в Сибири заявили о желании привлечь тысячи северокорейских рабочих.", [(None, "matches")], P)
add(next(n), "ko", "국제사회는 러시아가 북한으로부터 무기를 지원받았다는 의혹을 제기한다.", [(None, "matches")], P)
G = ["transfer_direction", "adjective_giver"]
add(next(n), "en", "The international community suspects North Korea has been getting Russian weapons.", [(None, "differs")], G)
add(next(n), "en", "The world suspects Russia has been receiving North Korean arms.", [(None, "matches")], G)
add(next(n), "ru", "Международное сообщество подозревает, что КНДР получает российское оружие.", [(None, "differs")], G)
add(next(n), "ru", "Международное сообщество подозревает, что Россия получает северокорейское оружие.", [(None, "matches")], G)
add(next(n), "ko", "국제사회는 북한이 러시아 무기를 받았다고 의심한다.", [(None, "differs")], G)
add(next(n), "ko", "국제사회는 북한이 러시아로부터 무기를 지원받았다는 의혹을 제기한다.", [(None, "differs")], G)
add(next(n), "en", "No fewer than 130 North Koreans travelled by rail in Q3 2023.", [("130", "matches")], H)
add(next(n), "en", "No fewer than 150 North Koreans travelled by rail in Q3 2023.", [("150", "differs")], H)
add(next(n), "en", "No less than 360 North Koreans entered Russia in Q3 2023.", [("360", "matches")], H)
O = ["official_vague", "statement"]
add(next(n), "en", "Official FSB statistics show hundreds of North Koreans came to Russia for work in Q3 2023.", [("hundreds", "differs")], O)
add(next(n), "en", "Official statistics show hundreds of North Koreans entered Russia in Q3 2023.", [("hundreds", "matches")], O)
add(next(n), "en", "Official FSB statistics show thousands of North Koreans entered Russia in Q3 2023.", [("thousands", "differs")], O)
add(next(n), "ko", "공식 통계상 2023년 3분기 노동 목적 북한인 입국자는 수백 명이었다.", [("수백", "differs")], O)
add(next(n), "ko", "공식 통계상 2023년 3분기 북한인 입국자는 수백 명이었다.", [("수백", "matches")], O)
add(next(n), "ru", "Официальная статистика ФСБ зафиксировала сотни граждан КНДР, въехавших на работу в третьем квартале 2023 года.", [("сотни", "differs")], O)
add(next(n), "ru", "Официальная статистика ФСБ зафиксировала сотни граждан КНДР, въехавших в Россию в третьем квартале 2023 года.", [("сотни", "matches")], O)
add(next(n), "en", "Lankov estimates that hundreds of North Korean workers came in Q3 2023, more than the official count shows.", [("hundreds", "matches")], O)
with open("tests/eval/claims_classes9.jsonl", "w") as f:
    for x in L:
        f.write(json.dumps(x, ensure_ascii=False) + "\n")
print(len(L))
