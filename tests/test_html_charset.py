"""HTML bytes in the charset their ``<meta>`` tag declares (issue 10, item 5).

Pages written for this test with the structures of real pages: a Polish news
page saved in Windows-1250, a Chinese page in GB2312 whose ``<meta>`` comes after
an archive's injected scripts (as on web.archive.org copies), a French page in
Windows-1252, and a UTF-8 page that wrongly declares ISO-8859-1.
"""

from __future__ import annotations

import cleannews
from cleannews import CleanConfig
from cleannews._input import decode_input

CFG = CleanConfig(score_spin=False)


def _page(meta: str, title: str, paras: list[str], before_head: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in paras)
    return (
        f"<!DOCTYPE html><html><head>{before_head}{meta}<title>{title}</title></head>"
        f"<body><article><h1>{title}</h1>{body}</article></body></html>"
    )


_PL = [
    "Sejm zagłosował w piątek za ustawą, która otwiera drogę do wypłaty unijnych funduszy "
    "odbudowy, po wielomiesięcznym sporze z Komisją Europejską.",
    "Ciężar dyskusji przeniesie się teraz do Senatu, gdzie opozycja zapowiada poprawki "
    "dotyczące niezależności sądów i dyscyplinowania sędziów.",
    "Na lepszą konkurencyjność gospodarki liczą przedsiębiorcy, którzy czekają na pieniądze "
    "z Krajowego Planu Odbudowy już od ponad roku.",
]


def test_windows_1250_page_declared_by_its_meta_tag():
    html = _page('<meta http-equiv="Content-Type" content="text/html; charset=windows-1250">',
                 "Unijne fundusze coraz bliżej", _PL).encode("cp1250")
    doc = cleannews.clean_html(html, CFG)
    assert "Ciężar dyskusji przeniesie się teraz do Senatu" in doc.text
    assert "Na lepszą konkurencyjność gospodarki" in doc.text
    assert doc.changes[0].rule == "decode_declared_charset"
    assert "cp1250" in doc.changes[0].reason


def test_gb2312_page_whose_meta_follows_injected_scripts():
    scripts = "".join(
        f'<script type="text/javascript" src="/_static/js/s{i}.js" charset="utf-8"></script>'
        for i in range(12)
    ) + "<script>" + "var x = 1;" * 80 + "</script>"
    paras = [
        "一个约定，信守15年，感人至深；一段真情，延续15年，催人奋进。河北农大果树专业的毕业生们"
        "用行动诠释了什么是责任和担当。",
        "秦皇岛、承德、张家口等10个设区市演出(此前已在保定市演出多场)，引起强烈反响，观众"
        "纷纷表示深受教育和感动。",
        "如今，向河北农大果树93(01)班毕业生群体学习的热潮正在全省各地深入开展，各地纷纷组织"
        "学习讨论活动。",
    ]
    html = _page('<meta http-equiv="Content-Type" content="text/html; charset=gb2312"/>',
                 "信守十五年的约定", paras, before_head=scripts).encode("gb2312")
    assert html.find(b"charset=gb2312") > 1024  # beyond the HTML standard's 1,024-byte prescan
    doc = cleannews.clean_html(html, CFG)
    assert "秦皇岛、承德、张家口等10个设区市演出" in doc.text


_FR = [
    "Le conseil municipal a voté lundi soir le budget de la piscine intercommunale, "
    "après trois heures de débat et deux suspensions de séance.",
    "Les travaux, estimés à 4,2 millions d’euros, commenceront au printemps ; "
    "l’opposition dénonce « un coût excessif » pour la commune.",
]


def test_windows_1252_french_page_declared_latin_1():
    html = _page('<meta charset="ISO-8859-1">', "Piscine : le budget voté", _FR).encode("cp1252")
    text, changes = decode_input(html, html=True)
    assert "4,2 millions d’euros" in text and "« un coût excessif »" in text
    assert changes[0].rule == "decode_cp1252"  # Latin-1 is read as browsers read it
    assert "« un coût excessif »" in cleannews.clean_html(html, CFG).text


def test_utf8_page_declaring_latin_1_stays_utf8():
    html = _page('<meta charset="iso-8859-1">', "Piscine : le budget voté", _FR).encode("utf-8")
    text, changes = decode_input(html, html=True)
    assert changes == [] and "« un coût excessif »" in text


def test_plain_text_ignores_a_meta_tag_it_quotes():
    data = "Le tag <meta charset=\"windows-1250\"> est cité ; café.".encode("cp1252")
    text, changes = decode_input(data)  # text input: no HTML sniffing
    assert "café" in text and changes[0].rule == "decode_cp1252"
