"""Writes classes6_en.jsonl: English questions written by hand (branch fix6en) for the classes the
blind sets 1-5 showed and their neighbouring combinations (category shares of partial spans, per-day
rates of categories, quarters against 2022's quarterly average, a category across directions, "all
but" sets, wrong premises mid-question, details the report lacks asked as if it had them, shorthand
and typos). The first 151 (c6-*) were scored before any change (86.1 % right, 6.0 % wrong), the next
50 (c6b-*) after the first fixes (first run 90.0 %, 8.0 % wrong), the last 50 (c6c-*) after the
second round (first run 88.0 %, 8.0 % wrong), 50 more (c6d-*) after the third (first run 84.0 %,
6.0 % wrong), 45 more (c6e-*) after the fourth (first run 80.0 %, 8.9 % wrong; one of those 4
was our own ambiguous expectation, "q/q ru", reworded to "q/q russians into nk"); each batch was
run once before the fixes it led to. Every derived
figure is checked by an assert below. Run: python -m tests.eval.make_classes6
"""
import json
from pathlib import Path

A, F = "answer", "fallback"
Q3, Q2, Q1, Y22 = 365, 213, 153, 223
R_H1, R_Q3, R_B = 222, 544, 196
biz, edu, per, vm, work = 253, 24, 23, 23, 3
air, rail, road, foot, water = 213, 134, 31, 13, 13
r1 = lambda x: f"{x:.1f}"
assert Q1 + Q2 + Q3 == 731 and R_H1 + R_Q3 == 766 and Q1 + Q2 == 366
assert r1(365 / 731 * 100) == "49.9" and r1(153 / 731 * 100) == "20.9" and r1(213 / 731 * 100) == "29.1"
assert r1(365 / 92) == "4.0" and r1(365 / 3) == "121.7" and r1(253 / 92) == "2.8" and r1(213 / 3) == "71.0"
assert r1(544 / 92) == "5.9" and r1(544 / 3) == "181.3" and r1(731 / 9) == "81.2" and r1(731 / 3) == "243.7"
assert r1(365 / (223 / 4)) == "6.5" and r1(213 / (223 / 4)) == "3.8" and r1(153 / (223 / 4)) == "2.7"
assert r1(544 / 111) == "4.9" and r1(196 / 544 * 100) == "36.0" and 544 - 196 == 348
assert r1((253 / 365 - 196 / 544) * 100) == "33.3" and r1(47 / 365 * 100) == "12.9" and r1(347 / 365 * 100) == "95.1"
assert road + foot + water == 57 and r1(57 / 365 * 100) == "15.6" and rail + road + foot == 178 and r1(178 / 365 * 100) == "48.8"
assert r1((213 / 134 - 1) * 100) == "59.0" and r1((365 / 213 - 1) * 100) == "71.4" and r1((213 / 153 - 1) * 100) == "39.2"
assert r1((365 / 223 - 1) * 100) == "63.7" and r1((731 / 223 - 1) * 100) == "227.8" and r1((544 / 222 - 1) * 100) == "145.0"
assert 223 + 731 == 954 and 766 - 731 == 35 and 366 - 222 == 144 and 253 - 196 == 57 and 544 - 365 == 179
assert r1(213 / 92) == "2.3" and r1(134 / 92) == "1.5" and r1(223 / 12) == "18.6" and r1(222 / 6) == "37.0"
assert r1(253 / 3) == "84.3" and r1(196 / 92) == "2.1" and r1(196 / 3) == "65.3" and r1(3 / 365 * 100) == "0.8"
assert 365 - 213 == 152 and 134 + 31 + 13 + 13 == 191 and 24 + 23 + 23 + 3 == 73 and 365 - 253 == 112
assert r1((544 / 365 - 1) * 100) == "49.0" and r1(544 / 365) == "1.5" and 326 == 253 + 73 and 365 - 326 == 39
assert r1(253 / 73) == "3.5" and r1(731 / 223) == "3.3" and r1(134 / 365 * 100) == "36.7" and r1(213 / 365 * 100) == "58.4"
assert r1(766 / 731) == "1.0" and r1(24 / 365 * 100) == "6.6" and r1(13 / 92) == "0.1"
assert r1((253 / 365 - 213 / 365) * 100) == "11.0" and 253 - 213 == 40

items = [
 # partial spans combined with other measures
 ("span_combo", "Add 2022 to everything we have for 2023: how many North Koreans in all?", A, ["954"]),
 ("span_combo", "Total North Korean entries from January 2022 through September 2023?", A, ["954"]),
 ("span_combo", "nine-month 2023 tally for NKs vs the Russians' 2023 tally — who's ahead?", A, ["35"]),
 ("span_combo", "Over the 2023 months on record, did more Russians go to North Korea than North Koreans to Russia?", A, ["35"]),
 ("span_combo", "How many times bigger is the Jan-Sep 2023 North Korean figure than all of 2022?", A, ["3.3"]),
 ("span_combo", "By what percent did the first three quarters of 2023 beat 2022 for North Koreans?", A, ["227.8"]),
 ("span_combo", "Average per quarter for North Koreans in 2023, on the quarters you have?", A, ["243.7"]),
 ("span_combo", "monthly avg of NK arrivals over jan-sep 23", A, ["81.2"]),
 ("span_combo", "What portion of the nine-month 2023 North Korean total came in Q3?", A, ["49.9"]),
 ("span_combo", "Q1's slice of the 2023 year-to-date total, in percent?", A, ["20.9"]),
 ("span_combo", "Q2 as a share of Jan–Sep 2023 arrivals?", A, ["29.1"]),
 ("span_combo", "How many North Koreans came in 2023 compared with 2022, in absolute terms?", A, ["508"]),
 ("span_combo", "Russians to NK in 2023 so far, and how much of it was Q3?", A, ["766"]),
 ("span_combo", "2023 total for Russians heading into North Korea?", A, ["766"]),
 ("span_combo", "How many North Koreans entered Russia in the whole of 2023?", A, ["731"]),
 ("span_combo", "What share of North Koreans' 2023 visits were for business?", F, []),
 ("span_combo", "How many North Koreans flew to Russia in the first nine months of 2023?", F, []),
 ("span_combo", "Of everyone who came Jan-Sep 2023, how many were students?", F, []),
 ("span_combo", "Russians in North Korea over 2023: how many on business?", F, []),
 ("span_combo", "What was Q4 2023 for North Koreans, to complete the year?", F, []),
 # per-unit rates of categories and directions
 ("rate", "On an average day in Q3, how many North Koreans came on business?", A, ["2.8"]),
 ("rate", "Daily average of air arrivals from North Korea in the third quarter?", A, ["2.3"]),
 ("rate", "rail entries per day, Q3?", A, ["1.5"]),
 ("rate", "How many business travellers a month, on average, in Q3 2023?", A, ["84.3"]),
 ("rate", "Russians arriving in North Korea per day in Q3 — roughly how many?", A, ["5.9"]),
 ("rate", "Monthly average of Russians into the DPRK in Q3?", A, ["181.3"]),
 ("rate", "Per month, how many Russians went to North Korea in the first half of 2023?", A, ["37.0"]),
 ("rate", "What was the 2022 monthly average for North Koreans going to Russia?", A, ["18.6"]),
 ("rate", "Russian business visitors per day in Q3?", A, ["2.1"]),
 ("rate", "How many flights a day between Pyongyang and Vladivostok?", F, []),
 ("rate", "How many North Korean workers arrived per week in Q3?", F, []),
 ("rate", "What was the daily figure on 1 August 2023?", F, []),
 ("rate", "Per-month average of students in Q2?", F, []),
 # multiples and changes against averages
 ("vs_average", "Was Q2 2023 more than three times 2022's quarterly average? By how much exactly?", A, ["3.8"]),
 ("vs_average", "Q1 2023 against an average 2022 quarter: how many times?", A, ["2.7"]),
 ("vs_average", "How many times the 2022 quarterly average was Q3 2023?", A, ["6.5"]),
 ("vs_average", "Russians in Q3 versus their average quarter in H1 — what multiple?", A, ["4.9"]),
 ("vs_average", "Q3's air arrivals compared with the average 2022 quarter of air arrivals?", F, []),
 ("vs_average", "Is Q3 2023 above the average of the three 2023 quarters?", A, ["243.7"]),
 # category shares, sets, all-but
 ("set", "Share of Q3 arrivals who came either to study or for personal reasons?", A, ["12.9"]),
 ("set", "air plus rail, as % of the Q3 total", A, ["95.1"]),
 ("set", "What percent of Q3 North Koreans came by road, on foot or by boat?", A, ["15.6"]),
 ("set", "Land crossings (train, car, foot) — how many in Q3 and what share?", A, ["178"]),
 ("set", "Of the 365, how many did not arrive by air?", A, ["152"]),
 ("set", "Add up every transport mode except air.", A, ["191"]),
 ("set", "How many came for something other than business in Q3 2023?", A, ["112"]),
 ("set", "Sum the five purpose categories for Q3.", A, ["326"]),
 ("set", "Total of all the listed transport modes for Q3?", A, ["404"]),
 ("set", "How many of the 365 are not explained by any listed purpose?", A, ["39"]),
 ("set", "Business versus all other purposes combined in Q3: how many times bigger?", A, ["3.5"]),
 ("set", "Did business alone outnumber every other purpose put together?", A, ["253"]),
 ("set", "Everything but work: how many North Koreans came for the other purposes?", A, ["323"]),
 ("set", "What share of the Russians came for something other than business?", A, ["64.0"]),
 ("set", "Russians' purposes besides business — what were they?", F, []),
 ("set", "How many Russians came for tourism in Q3?", F, []),
 ("set", "How many Russians travelled by air into North Korea?", F, []),
 ("set", "What share of the business travellers came by plane?", F, []),
 ("set", "How many of the rail passengers were workers?", F, []),
 # percentage-point gaps and percent exceedances
 ("gap", "Gap in points between the North Korean and the Russian business shares in Q3?", A, ["33.3"]),
 ("gap", "By how many percentage points did business exceed air in share of Q3 arrivals?", A, ["11.0"]),
 ("gap", "By what percentage did air arrivals exceed rail arrivals?", A, ["59.0"]),
 ("gap", "How much bigger in percent was the Russian Q3 number than the North Korean one?", A, ["49.0"]),
 ("gap", "How many more North Koreans than Russians came on business in Q3?", A, ["57"]),
 ("gap", "business: NKs into Russia vs Russians into NK, Q3?", A, ["57"]),
 ("gap", "In H1 2023, were there more North Koreans going to Russia or Russians going to North Korea?", A, ["144"]),
 ("gap", "Education vs vehicle maintenance in Q3 — difference?", A, ["1"]),
 # wrong premises inside a question
 ("premise", "Since 365 North Koreans came by air in Q3, what share of arrivals was that?", A, ["213"]),
 ("premise", "Given the Russian Q3 figure of 454, how much did it rise from the first half?", A, ["544"]),
 ("premise", "With 253 students in Q3, what's their share?", A, ["24"]),
 ("premise", "Q2's 365 arrivals were up how much on Q1?", A, ["213"]),
 ("premise", "The 2022 total of 232 — how does Q3 2023 compare?", A, ["223"]),
 ("premise", "Lankov, a Seoul National University professor, said what about the workers?", A, ["Kookmin"]),
 ("premise", "Under Resolution 2379, how long do states have to repatriate workers?", A, ["24 months"]),
 ("premise", "After Choe's December visit to Moscow, when did she actually travel?", A, ["14"]),
 ("premise", "When Putin met Choe in Pyongyang, what did they discuss?", F, []),
 ("premise", "Since direct flights to Moscow resumed, how many came by air?", F, []),
 ("premise", "Given that 3,000 workers went to Siberia, how many came for work in Q3?", A, ["3"]),
 ("premise", "Since most came by train, how many took the train?", A, ["134"]),
 ("premise", "As arrivals fell in Q3, what was the Q3 figure?", A, ["365"]),
 ("premise", "Business was 59 % of Q3 arrivals, wasn't it?", A, ["69.3"]),
 ("premise", "Resolution 2397 dates from 2016, doesn't it?", A, ["2017"]),
 # details the report lacks, asked as if it had them
 ("missing", "Which airline runs the resumed Pyongyang–Vladivostok service?", F, []),
 ("missing", "How often do the Pyongyang–Vladivostok flights run?", F, []),
 ("missing", "What are the North Korean construction workers in Vladivostok paid?", F, []),
 ("missing", "How many North Korean workers are on the Vladivostok building site exactly?", F, []),
 ("missing", "Which company runs the Vladivostok construction site?", F, []),
 ("missing", "How many North Korean workers has Siberia actually received?", F, []),
 ("missing", "Have North Korean workers started work in Luhansk yet?", F, []),
 ("missing", "Did any North Koreans reach the Donbas in Q3?", F, []),
 ("missing", "How did Russia vote on Resolution 2397?", F, []),
 ("missing", "What agreements did Choe and Putin sign?", F, []),
 ("missing", "When will Putin visit Pyongyang?", F, []),
 ("missing", "How many weapons has North Korea shipped to Russia?", F, []),
 ("missing", "How many women were among the Q3 arrivals?", F, []),
 ("missing", "How many North Koreans went home from Russia in Q3?", F, []),
 ("missing", "What was the average age of the business travellers?", F, []),
 ("missing", "Which border crossing did the rail passengers use?", F, []),
 ("missing", "Which Russian region did most business visitors go to?", F, []),
 ("missing", "How long did the Q3 arrivals stay in Russia?", F, []),
 ("missing", "How many Chinese entered Russia in Q3?", F, []),
 ("missing", "What did North Korea's own border service report?", F, []),
 ("missing", "Who leaked the FSB statistics to NK News?", F, []),
 ("missing", "How many Russian workers went to North Korea?", F, []),
 ("missing", "How many North Korean students enrolled in Russian universities?", F, []),
 ("missing", "How much trade did the two countries do in 2023?", F, []),
 # facts, phrased in new ways
 ("fact", "Lankov's estimate of how many workers came in Q3?", A, ["hundreds"]),
 ("fact", "Do the experts think the official work count of 3 is right?", A, ["three or more"]),
 ("fact", "What does Lankov think the real number of workers was?", A, ["hundreds"]),
 ("fact", "Where were dozens of North Korean workers spotted at a construction site?", A, ["Vladivostok"]),
 ("fact", "Why do Siberian authorities want North Korean labour?", A, ["shortage"]),
 ("fact", "Which two breakaway regions talked about using North Korean workers?", A, ["Luhansk"]),
 ("fact", "What did the LPR and DPR want North Korean workers for?", A, ["infrastructure"]),
 ("fact", "How many North Korean workers does Siberia say it wants?", A, ["thousands"]),
 ("fact", "Within how many months must workers be repatriated under 2397?", A, ["24"]),
 ("fact", "Which countries have been dodging the repatriation requirement?", A, ["China"]),
 ("fact", "Which cities do the resumed direct flights connect?", A, ["Vladivostok"]),
 ("fact", "Dates of Choe Son Hui's Russia trip?", A, ["14"]),
 ("fact", "Whose visit to North Korea was reportedly discussed during Choe's trip?", A, ["Putin"]),
 ("fact", "What does the international community suspect Russia got from North Korea?", A, ["weapons"]),
 ("fact", "When did NK News publish the figures?", A, ["23 January 2024"]),
 ("fact", "Which newspaper relayed NK News's findings?", A, ["Donga"]),
 ("fact", "Where does Lankov teach?", A, ["Kookmin"]),
 ("fact", "When does Lankov expect the workers to come back?", A, ["two years"]),
 ("fact", "Why does Lankov doubt trade will pick up quickly?", A, ["incompatible"]),
 ("fact", "Who supplied the border numbers in the first place?", A, ["FSB"]),
 # shorthand, typos, terse
 ("short", "nk>ru q3 tot", A, ["365"]),
 ("short", "RU->NK H1 23?", A, ["222"]),
 ("short", "q/q nk q3", A, ["71.4"]),
 ("short", "% biz q3", A, ["69.3"]),
 ("short", "biz share RU->NK q3", A, ["36.0"]),
 ("short", "rail vs air q3 diff", A, ["79"]),
 ("short", "q3 v 2022 %", A, ["63.7"]),
 ("short", "Q2>Q3 growth pct?", A, ["71.4"]),
 ("short", "hw many nks came by trian in q3", A, ["134"]),
 ("short", "buisness visitors from nk q3?", A, ["253"]),
 ("short", "edu+personal q3", A, ["47"]),
 ("short", "RF entries by DPRK nationals 3Q23", A, ["365"]),
 ("short", "h1 23 nk->ru", A, ["366"]),
 ("short", "avg/day q3 nk", A, ["4.0"]),
 ("short", "lankov uni?", A, ["Kookmin"]),
 ("short", "UNSC 2397 deadline?", A, ["24 months"]),
 ("short", "choe trip dates", A, ["18"]),
 ("short", "q4 nk->ru?", F, []),
 ("short", "2021 nk->ru?", F, []),
 ("short", "ru->nk by air q3?", F, []),
 # neighbouring: rank / ordinal / list
 ("rank", "Which purpose came third in Q3?", A, ["23"]),
 ("rank", "Least common way to enter Russia in Q3?", A, ["13"]),
 ("rank", "Rank the 2023 quarters from busiest to quietest.", A, ["365"]),
 ("rank", "Which quarter of 2023 had the fewest North Korean arrivals?", A, ["153"]),
 ("rank", "Second busiest transport mode?", A, ["rail"]),
 ("rank", "Which month of Q3 saw the most arrivals?", F, []),
]
assert 223 + 366 == 589 and 213 + 365 - 153 == 425 and r1(213 / 731 * 100) == "29.1" and r1(766 / 9) == "85.1"
assert 24 + 23 + 23 == 70 and 365 - 213 == 152 and r1((134 - 24) / 365 * 100) == "30.1" and r1(134 / 3) == "44.7"
assert r1(544 / 3) == "181.3" and f"{13 / 92:.2f}" == "0.14" and 544 - 365 == 179 and 253 - 196 == 57 and 213 + 134 + 31 == 378
assert 766 - 731 == 35 and 223 + 731 == 954 and 366 - 222 == 144 and r1((731 / 223 - 1) * 100) == "227.8"
items2 = [
 ("realised", "Did the Siberian authorities actually get their North Korean workers?", F, []),
 ("realised", "Has Putin already been to Pyongyang?", F, []),
 ("realised", "Have the LPR and DPR started employing North Korean workers?", F, []),
 ("realised", "My copy says Putin travelled to North Korea this month — correct?", A, ["discussed"]),
 ("sources", "When were these numbers first published?", A, ["23 January 2024"]),
 ("sources", "Who compiled the border figures?", A, ["FSB"]),
 ("sources", "Which agency collects the crossing data?", A, ["FSB"]),
 ("sources", "Which FSB official released the data?", F, []),
 ("span", "How many Russians went to North Korea in 2023 in total, compared with North Koreans going the other way?", A, ["35"]),
 ("span", "2023 as a whole versus 2022: percentage change for North Koreans?", A, ["227.8"]),
 ("span", "Sum 2022 and the first half of 2023 for North Koreans.", A, ["589"]),
 ("span", "Q2 plus Q3 minus Q1?", A, ["425"]),
 ("span", "For all of 2023, what share of the year's North Korean arrivals came in Q2?", A, ["29.1"]),
 ("span", "Full-year 2023 monthly average for Russians going to North Korea?", A, ["85.1"]),
 ("span", "nk->ru 9m23 vs ru->nk 9m23", A, ["35"]),
 ("span", "2022 + 2023 ytd, nk into russia", A, ["954"]),
 ("span", "h1 nk vs h1 ru", A, ["144"]),
 ("set", "Sum the purposes other than business and work.", A, ["70"]),
 ("set", "Everyone but the air travellers — how many?", A, ["152"]),
 ("set", "air + rail + road, what does that come to?", A, ["378"]),
 ("tag", "Rail was 134, wasn't it?", A, ["134"]),
 ("tag", "Air was the biggest mode, wasn't it?", A, ["213"]),
 ("tag", "Russians were 544 in Q3, weren't they?", A, ["544"]),
 ("tag", "Business wasn't 253, was it?", A, ["253"]),
 ("gap", "Gap in percentage points between the rail share and the education share in Q3?", A, ["30.1"]),
 ("gap", "How many points separate the air share from the business share?", A, ["11.0"]),
 ("gap", "Who travelled more in Q3, Russians to North Korea or North Koreans to Russia?", A, ["179"]),
 ("gap", "Who sent more business travellers in Q3, North Korea or Russia?", A, ["57"]),
 ("rate", "How many rail passengers a month in Q3?", A, ["44.7"]),
 ("rate", "Russians per month in Q3 2023?", A, ["181.3"]),
 ("rate", "Daily rate of water arrivals in Q3?", A, ["0.14"]),
 ("place", "Which Russian city received most North Koreans?", F, []),
 ("place", "Which port did the water arrivals use?", F, []),
 ("place", "Which airport did most of the flyers land at?", F, []),
 ("check", "Lankov expects the workers back within 5 years, correct?", A, ["two years"]),
 ("check", "2397 was adopted in 2019, right?", A, ["2017"]),
 ("check", "Under 2397 states have 48 months to repatriate workers, correct?", A, ["24 months"]),
 ("check", "Claim: Choe Son Hui visited Russia from 20 to 25 January.", A, ["14"]),
 ("org", "Who at Donga translated the story?", F, []),
 ("org", "Which Kookmin University department is Lankov in?", F, []),
 ("verdict", "Is Lankov reliable?", F, []),
 ("fact", "What's the experts' view of the real number of workers?", A, ["hundreds"]),
 ("fact", "Between which cities did flights resume?", A, ["Vladivostok"]),
 ("missing", "How many flights a week go from Pyongyang to Vladivostok?", F, []),
 ("missing", "What wages do North Korean workers get in Siberia?", F, []),
 ("missing", "When did the direct flights restart?", F, []),
 ("missing", "How many Russians flew to Pyongyang in Q3?", F, []),
 ("missing", "How many North Koreans left Russia in 2023?", F, []),
 ("missing", "What was the Q4 2023 figure for Russians?", F, []),
 ("missing", "Which North Korean ministry organised the business trips?", F, []),
]
assert r1(213 / 366 * 100) == "58.2" and r1(196 / 3) == "65.3" and r1(134 / 13) == "10.3" and r1((134 / 31 - 1) * 100) == "332.3"
assert r1(27 / 365 * 100) == "7.4" and r1(152 / 365 * 100) == "41.6" and (153 + 213) / 2 == 183 and r1((544 / 3) / 37) == "4.9"
assert r1(213 / 55.75) == "3.8" and 544 - 222 == 322 and 366 - 222 == 144 and 365 + 544 == 909 and 731 + 766 == 1497
assert r1(253 / 24) == "10.5" and 31 + 13 == 44 and f"{213 / 91:.2f}" == "2.34"
items3 = [
 ("span", "What share of the first half's North Korean arrivals came in Q2?", A, ["58.2"]),
 ("span", "Was Q3 bigger than the whole first half for North Koreans?", A, ["366"]),
 ("span", "Both directions, 2023 so far, combined?", A, ["1497"]),
 ("span", "ru->nk h1 + q3", A, ["766"]),
 ("span", "q1 share of 9m nk", A, ["20.9"]),
 ("rate", "Russian business visitors per month in Q3?", A, ["65.3"]),
 ("rate", "nk q2 per day", A, ["2.3"]),
 ("ratio", "How many times more North Koreans came by rail than on foot?", A, ["10.3"]),
 ("ratio", "By what percent did rail exceed road?", A, ["332.3"]),
 ("ratio", "biz vs edu q3 x times", A, ["10.5"]),
 ("set", "What share did education and work make up together?", A, ["7.4"]),
 ("set", "Non-air arrivals as a share of the Q3 total?", A, ["41.6"]),
 ("set", "road+foot q3", A, ["44"]),
 ("avg", "Q3 against the average quarter of the first half, for North Koreans?", A, ["183"]),
 ("avg", "Russians in Q3 against their monthly average in H1: how many times?", A, ["4.9"]),
 ("avg", "Q2 2023 as a multiple of 2022's average quarter?", A, ["3.8"]),
 ("cmp", "How many more Russians went in Q3 than in all of H1?", A, ["322"]),
 ("cmp", "Russians' growth from H1 to Q3, percent?", A, ["145.0"]),
 ("cmp", "Difference between the North Korean and Russian totals for the first half?", A, ["144"]),
 ("cmp", "Total crossings both ways in Q3?", A, ["909"]),
 ("premise", "Since 544 North Koreans entered in Q3, how many came by air?", A, ["213"]),
 ("premise", "With 2022 at 323, what was the growth to Q3?", A, ["223"]),
 ("premise", "Given business made up 36 % of North Korean arrivals, how many people is that?", A, ["253"]),
 ("check", "Did 2,000 North Koreans enter Russia in Q3?", A, ["365"]),
 ("check", "Was Q2 2023 higher than 2022 as a whole?", A, ["223"]),
 ("check", "Did more Russians than North Koreans cross in H1?", A, ["366"]),
 ("missing", "What proportion of the business visitors were officials?", F, []),
 ("missing", "How many of the 24 students went to Moscow?", F, []),
 ("missing", "What share of arrivals came from Pyongyang?", F, []),
 ("missing", "Which day in September saw the most arrivals?", F, []),
 ("missing", "What did the Kremlin say about the workers?", F, []),
 ("missing", "How much do Siberian construction jobs pay?", F, []),
 ("missing", "How many North Korean workers are in Russia in total right now?", F, []),
 ("missing", "How many Russian tourists visited Wonsan?", F, []),
 ("missing", "Did Siberia hire thousands of North Koreans?", F, []),
 ("missing", "Which North Korean province did most travellers come from?", F, []),
 ("fact", "Did Russia confirm it received weapons?", A, ["deny"]),
 ("fact", "Who is the North Korean foreign minister?", A, ["Choe"]),
 ("fact", "What did Lankov predict about the workers?", A, ["two years"]),
 ("fact", "What does 2397 require?", A, ["24 months"]),
 ("fact", "Which resolution requires repatriation of the workers?", A, ["2397"]),
 ("fact", "When was 2397 adopted?", A, ["2017"]),
 ("fact", "Who is suspected of supplying weapons to Russia?", A, ["North Korea"]),
 ("fact", "What is NK News?", A, ["outlet"]),
 ("fact", "Have the Pyongyang-Vladivostok flights actually started again?", A, ["resumed"]),
 ("short", "air% q3", A, ["58.4"]),
 ("short", "lankov on workers?", A, ["hundreds"]),
 ("short", "choe putin mtg date", A, ["January 2024"]),
 ("short", "ru biz share q3 vs nk biz share q3 pp", A, ["33.3"]),
 ("short", "nk 2022 vs ru h1", A, ["223"]),
]
assert r1(44 / 365 * 100) == "12.1" and r1(13 / 365 * 100) == "3.6" and r1(24 / 3) == "8.0" and r1((365 / 153 - 1) * 100) == "138.6"
assert r1(544 / 909 * 100) == "59.8" and r1(223 / 4) == "55.8" and r1(731 / 3) == "243.7" and 213 - 134 == 79
assert r1(196 / 544 * 100) == "36.0" and r1(365 / 213) == "1.7" and r1(24 / 365 * 100) == "6.6" and 13 + 13 == 26
items4 = [
 ("share", "How many North Koreans came by road or on foot in Q3, as a share?", A, ["12.1"]),
 ("check", "Were business travellers more than two-thirds of Q3 arrivals?", A, ["69.3"]),
 ("check", "Did fewer than 10 North Koreans come to work in Q3?", A, ["3"]),
 ("share", "How many North Koreans came by water, and what share is that?", A, ["3.6"]),
 ("rate", "Education arrivals per month in Q3?", A, ["8.0"]),
 ("cmp", "Q1 to Q3 growth for North Koreans, percent?", A, ["138.6"]),
 ("share", "Russians' share of all crossings in Q3, both ways together?", A, ["59.8"]),
 ("avg", "What was the quarterly average for North Koreans in 2022?", A, ["55.8"]),
 ("avg", "Average per quarter for North Koreans, Q1-Q3 2023, against 2022's?", A, ["243.7"]),
 ("missing", "How many North Koreans entered in the second half of 2023?", F, []),
 ("missing", "Russians entering North Korea in Q2 2023?", F, []),
 ("missing", "North Koreans entering Russia in the first half, by purpose?", F, []),
 ("missing", "What share of Russians came by train?", F, []),
 ("missing", "How many North Korean students in Q2?", F, []),
 ("premise", "Air was 134 and rail 213 in Q3 — what's the gap?", A, ["79"]),
 ("premise", "The Russians' business count of 253 — what share of their total is it?", A, ["196"]),
 ("premise", "After the 2022 figure of 365, how did Q3 2023 compare?", A, ["223"]),
 ("fact", "Where did NK News spot dozens of North Korean workers?", A, ["Vladivostok"]),
 ("fact", "What's the deadline in 2397 for sending workers home?", A, ["24 months"]),
 ("fact", "Which university is Lankov with?", A, ["Kookmin"]),
 ("fact", "Why are local Russian authorities keen on North Korean labour?", A, ["shortage"]),
 ("fact", "What does Lankov say about trade?", A, ["incompatible"]),
 ("fact", "Whose data is this ultimately?", A, ["FSB"]),
 ("fact", "Did direct flights between Pyongyang and Vladivostok resume?", A, ["resumed"]),
 ("fact", "Has North Korea actually sent weapons to Russia?", A, ["deny"]),
 ("missing", "Who runs the Vladivostok construction site?", F, []),
 ("missing", "How many North Korean workers went to Siberia in Q3?", F, []),
 ("missing", "What did Choe and Putin agree on weapons?", F, []),
 ("missing", "Which airline flew North Koreans to Russia?", F, []),
 ("missing", "How long is the Pyongyang-Vladivostok flight?", F, []),
 ("missing", "When exactly did Putin's visit to North Korea happen?", F, []),
 ("missing", "How many Russian students went to North Korea?", F, []),
 ("missing", "How many North Korean workers were repatriated from Russia under 2397?", F, []),
 ("missing", "What's the population of North Korea?", F, []),
 ("missing", "How many Chinese workers are in Russia?", F, []),
 ("short", "nk->ru q1 23", A, ["153"]),
 ("short", "ru→kp q3 biz", A, ["196"]),
 ("short", "q3/q2 nk", A, ["1.7"]),
 ("short", "q3 ru minus nk", A, ["179"]),
 ("short", "share rail q3", A, ["36.7"]),
 ("short", "2022 nk avg/qtr", A, ["55.8"]),
 ("short", "edu q3 pct", A, ["6.6"]),
 ("short", "foot+water q3", A, ["26"]),
 ("voice", "quick one for the 6pm bulletin - how many north koreans went into russia july to sept?", A, ["365"]),
 ("voice", "Pls confirm: Russians to DPRK Q3'23 = 544?", A, ["544"]),
 ("voice", "data desk q: nk→ru H1 2023 sum", A, ["366"]),
 ("voice", "Sub-editor here: is it '213 by air' or '213 in Q2'? Both?", A, ["213"]),
 ("voice", "Stringer asking: Lankov's exact words about trade?", A, ["trade contacts"]),
 ("voice", "For the graphic: Q3 2023 NK arrivals by transport, all five modes", A, ["13"]),
 ("voice", "Producer wants the number of North Koreans who came for personal reasons last quarter of the data", A, ["23"]),
]
assert f"{544 / 365:.2f}" == "1.49" and r1(213 / 3) == "71.0" and r1(365 / 3 - 213 / 3) == "50.7" and 213 - 178 == 35
items5 = [
 ("cmp", "What share of Q3 Russian visitors came on business, and how does that compare with North Koreans?", A, ["36.0", "69.3"]),
 ("missing", "How many Russians did not travel for business in H1?", F, []),
 ("missing", "How many Russians came for education?", F, []),
 ("ratio", "Russians in Q3 as a multiple of North Koreans in Q3?", A, ["1.49"]),
 ("check", "Did Russian arrivals more than double from H1 to Q3?", A, ["544"]),
 ("share", "What percent of North Koreans came by rail in Q3, and how many is that?", A, ["36.7", "134"]),
 ("check", "Was water travel as common as foot travel?", A, ["13"]),
 ("rank", "Which two transport modes tied in Q3?", A, ["13"]),
 ("rank", "Which purposes tied in Q3?", A, ["23"]),
 ("rank", "What's the smallest purpose category?", A, ["3"]),
 ("set", "How many more came by air than by all overland modes combined?", A, ["35"]),
 ("rate", "In Q2 2023, how many North Koreans came per month?", A, ["71.0"]),
 ("rate", "How many more North Koreans per month in Q3 than in Q2?", A, ["50.7"]),
 ("cmp", "What was the increase in Russian visitors, in absolute terms, between H1 and Q3?", A, ["322"]),
 ("premise", "Lankov, who says workers won't return for a decade — what's his actual forecast?", A, ["two years"]),
 ("premise", "Since the UN resolution dates from 2019, how long do states have to send workers home?", A, ["24 months"]),
 ("premise", "Given Choe met Xi Jinping on the trip, who did she actually meet?", A, ["Putin"]),
 ("missing", "How many Russians visited Pyongyang specifically?", F, []),
 ("missing", "What did the Russian business travellers do in North Korea?", F, []),
 ("missing", "What share of the 365 were men?", F, []),
 ("missing", "How many North Koreans came back to North Korea from Russia?", F, []),
 ("missing", "What are the names of the workers in Vladivostok?", F, []),
 ("missing", "Which construction company employs the Vladivostok workers?", F, []),
 ("missing", "How many seats do the Pyongyang–Vladivostok flights have?", F, []),
 ("missing", "How many Russians travelled to North Korea by train?", F, []),
 ("missing", "How much did North Korea earn from workers in Russia?", F, []),
 ("missing", "When will the workers arrive in Siberia?", F, []),
 ("fact", "Is it North Korea or Russia that denies the weapons transfers?", A, ["deny"]),
 ("fact", "Which regions damaged by the war discussed using North Korean workers?", A, ["Luhansk"]),
 ("fact", "Who wants thousands of North Korean workers?", A, ["authorities"]),
 ("fact", "Which outlet specialises in North Korea?", A, ["NK News"]),
 ("fact", "Who relayed the NK News report in South Korea?", A, ["Donga"]),
 ("fact", "When was the NK News report published?", A, ["23 January 2024"]),
 ("short", "nk q3 yoy", F, []),
 ("short", "q/q russians into nk", F, []),
 ("short", "ru q3 vs nk q3 %", A, ["49.0"]),
 ("short", "pax by air q3", A, ["213"]),
 ("short", "nk arr. 2022", A, ["223"]),
 ("short", "2397 yr adopted", A, ["2017"]),
 ("short", "flights pyongyang vlad resumed?", A, ["resumed"]),
 ("voice", "Hi! Working on a explainer — roughly how many NK ppl crossed into Russia in the first 3 quarters of 2023?", A, ["731"]),
 ("voice", "for tonight's package: russians heading to north korea, jul-sep 23, plus the business slice", A, ["544", "196"]),
 ("voice", "Radio desk: can we say arrivals 'more than doubled' from 2022 to Q3 2023?", A, ["223"]),
 ("voice", "Factcheck pls — the NK->RU figure for Q1 2023 was 135?", A, ["153"]),
 ("voice", "Editor's note asks: which quarter of 2023 had the most NK arrivals?", A, ["365"]),
]

OUT = Path(__file__).resolve().parent / "classes6_en.jsonl"


def rows() -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    for prefix, table in (("c6", items), ("c6b", items2), ("c6c", items3), ("c6d", items4), ("c6e", items5)):
        for i, (cls, q, exp, inc) in enumerate(table, 1):
            out.append({"id": f"{prefix}-{cls}-{i:03d}", "q": q, "expect": exp, "must_include": inc,
                        "must_not_include": [], "class": cls})
    return out


if __name__ == "__main__":
    with OUT.open("w", encoding="utf-8") as f:
        for o in rows():
            f.write(json.dumps(o, ensure_ascii=False) + "\n")
