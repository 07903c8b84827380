"""Spin detector: seeds, labels, evidence spans, h aspiré, partial and careful spins."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import cleannews
from _helpers import read_jsonl
from cleannews.score._features import TOKEN_RE, analyse

ROOT = Path(__file__).parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
VALIDATION = ROOT / "fixtures" / "spin" / "validation.jsonl.gz"


def _seed(prefix: str) -> str:
    return next(p for p in SEEDS if p.name.startswith(prefix)).read_text(encoding="utf-8")


def _validation() -> list[dict]:
    return read_jsonl(VALIDATION)


def test_spun_seed_is_quarantined_raw_and_cleaned():
    text = _seed("003")
    raw = cleannews.spin_score(text)
    assert raw.score >= 0.9 and raw.label == "spun"
    doc = cleannews.clean(text)
    assert doc.spin.score >= 0.9 and doc.spin.label == "spun"
    assert doc.quarantined and "spun French" in doc.reason


@pytest.mark.parametrize("prefix", ["000", "001", "002", "004"])
def test_clean_seeds_score_low(prefix):
    text = _seed(prefix)
    assert cleannews.spin_score(text).score <= 0.1
    doc = cleannews.clean(text)
    assert doc.spin.score <= 0.1 and doc.spin.label == "clean"
    assert not doc.quarantined


def test_seed_003_evidence_names_the_spinner_damage():
    text = _seed("003")
    s = cleannews.spin_score(text)
    reasons = [e.reason for e in s.evidence]
    assert "elided article before a consonant: l’fonction" in reasons
    assert any(r.startswith("article gender clash: la contingentement") for r in reasons)
    assert any(e.signal == "function_word" and e.text.startswith("afin") for e in s.evidence)
    for e in s.evidence:
        assert text[e.span[0] : e.span[1]] == e.text


def test_evidence_spans_point_at_the_words():
    text = ("Le site est prêt à l’fonction depuis des mois. " * 3) + (
        "La ministre a présenté les projets retenus pour le pays entier cette semaine. " * 8
    )
    s = cleannews.spin_score(text)
    elisions = [e for e in s.evidence if e.signal == "elision"]
    assert len(elisions) == 3
    for e in elisions:
        assert e.text == "l’fonction"
        assert text[e.span[0] : e.span[1]] == "l’fonction"


@pytest.mark.parametrize("phrase", ["le héros", "la hache", "le hasard", "la haine", "les héros"])
def test_h_aspire_is_not_an_elision_error(phrase):
    assert [h for h in analyse(f"Il a vu {phrase} hier.").hits if h.signal == "elision"] == []


@pytest.mark.parametrize("phrase", ["l’héros", "l’hache"])
def test_elision_before_h_aspire_is_an_error(phrase):
    hits = [h for h in analyse(f"Il a vu {phrase} hier.").hits if h.signal == "elision"]
    assert len(hits) == 1 and "h aspiré" in hits[0].reason


@pytest.mark.parametrize("phrase", ["l’homme", "l’hôtel", "d’habitude", "l’heure"])
def test_h_muet_elision_is_fine(phrase):
    assert [h for h in analyse(f"Il a vu {phrase} hier.").hits if h.signal == "elision"] == []


@pytest.mark.parametrize(
    "phrase,signal",
    [
        ("le endroit", "elision"),
        ("de éventualité", "elision"),
        ("la contingentement", "gender_agreement"),
        ("un maison", "gender_agreement"),
        ("afin commémorer", "function_word"),
        ("de le conflit", "contraction"),
    ],
)
def test_naive_spinner_damage_is_flagged(phrase, signal):
    hits = analyse(f"Nous avons vu {phrase} hier.").hits
    assert signal in {h.signal for h in hits}


@pytest.mark.parametrize(
    "phrase",
    [
        "de le faire",
        "la voit",
        "le fait",
        "afin de partir",
        "son amie",
        "l’ONU",
        "le yaourt",
        "de un à trois",
    ],
)
def test_correct_french_is_not_flagged_as_grammar_damage(phrase):
    hits = [
        h
        for h in analyse(f"Nous avons vu {phrase} hier.").hits
        if h.signal not in ("rare_synonym", "rare_word", "pos_context")
    ]
    assert hits == []


def test_short_text_is_insufficient():
    s = cleannews.spin_score("La France veut rester dans la course de l’IA.")
    assert s.label == "insufficient"
    assert s.score < cleannews.DEFAULT_CONFIG.spin_suspect_threshold
    assert not cleannews.clean("La France veut rester dans la course.").quarantined


def test_english_text_is_unsupported():
    text = (
        "The government announced on Thursday that thirty-five sites are ready for data "
        "centres, and the president said that the country will be a leader in this field. "
    ) * 6
    s = cleannews.spin_score(text)
    assert s.label == "unsupported_language"
    assert not cleannews.clean(text).quarantined


OTHER_LANGUAGES = {
    "es": "El gobierno anunció el jueves que treinta y cinco sitios están listos para acoger "
    "centros de datos, y el presidente dijo que el país será un líder en este campo. ",
    "pt": "O governo anunciou na quinta-feira que trinta e cinco locais estão prontos para "
    "receber centros de dados, e o presidente disse que o país será um líder neste campo. ",
    "it": "Il governo ha annunciato giovedì che trentacinque siti sono pronti per ospitare "
    "centri dati, e il presidente ha detto che il paese sarà un leader in questo campo. ",
    "de": "Die Regierung hat am Donnerstag angekündigt, dass fünfunddreißig Standorte bereit "
    "sind, Rechenzentren aufzunehmen, und der Präsident sagte, das Land werde führend sein. ",
}


@pytest.mark.parametrize("lang", sorted(OTHER_LANGUAGES))
def test_other_romance_and_germanic_text_is_unsupported(lang):
    """Spanish or Portuguese read as French would look like heavily spun French."""
    s = cleannews.spin_score(OTHER_LANGUAGES[lang] * 5)
    assert s.label == "unsupported_language"
    assert s.score == 0.0


def test_one_spun_paragraph_in_five_is_located():
    clean_paras = [p for p in _seed("002").split("\n") if len(p.split()) >= 40][:4]
    spun_para = max(_seed("003").split("\n"), key=lambda p: len(p.split()))
    assert len(clean_paras) == 4
    paras = [*clean_paras[:2], spun_para, *clean_paras[2:]]
    text = "\n".join(paras)
    s = cleannews.spin_score(text)
    assert len(s.paragraphs) == 5
    best = max(s.paragraphs, key=lambda p: p.score)
    assert best.index == 2 and best.label == "spun"
    assert text[best.span[0] : best.span[1]] == spun_para
    others = [p for p in s.paragraphs if p.index != 2]
    assert all(p.label != "spun" and p.score < best.score - 0.3 for p in others)
    assert s.label in ("suspect", "spun")


def test_careful_spinner_documents_are_flagged():
    """Held-out documents spun carefully (elisions and gender repaired) at 30-50 %."""
    val = _validation()
    recs = [r for r in val if r["mode"] == "careful" and r["rate"] in (0.3, 0.5)]
    assert len(recs) > 100
    # ranked above 99 % of the held-out clean documents (the quarantine threshold itself is
    # set for independent human French of every genre, where 0.9 is rarely reached)
    clean = sorted(cleannews.spin_score(r["text"]).score for r in val if r["label"] == 0)
    t1 = clean[int(0.99 * len(clean))]
    flagged = sum(cleannews.spin_score(r["text"]).score > t1 for r in recs)
    assert flagged / len(recs) >= 0.9
    # the careful spinner leaves no broken elision behind
    sample = recs[0]["text"]
    assert not any(h.signal == "elision" and "consonant" in h.reason for h in analyse(sample).hits)


def test_score_is_json_ready_and_calibrated_range():
    s = cleannews.clean(_seed("003")).spin
    d = json.loads(json.dumps(s.to_dict()))
    assert 0.0 <= d["score"] <= 1.0
    assert d["language"] == "fr" and d["n_words"] > 300
    assert cleannews.SpinScore.from_dict(d).label == "spun"


@pytest.mark.parametrize(
    "chunk",
    ["a", "l’", "l'a ", "de le ", "aujourd’hui", "-", "a-", "la contingentement ", "\n"],
)
def test_adversarial_megabyte_inputs(chunk):
    text = chunk * (1_000_000 // len(chunk))
    s = cleannews.spin_score(text)
    assert s.label in ("clean", "suspect", "spun", "insufficient", "unsupported_language")
    assert sum(1 for _ in TOKEN_RE.finditer(text[:10_000])) > 0


@pytest.mark.parametrize(
    "sentence",
    [
        "Il est arrivé au Canada hier.",  # proper name: no gender check
        "Il le disait d’hier à aujourd’hui.",  # "hier" is elided despite the h
        "Elle est devenue l’héroïne du film.",
        "Ils ont dû se hisser sur le toit.",  # h aspiré verb: no elision
        "Ils vont deux par escouade.",  # "par" is a preposition, not the golf noun
        "La loi de Emmanuel est lue.",  # capitalised names are left alone
    ],
)
def test_known_false_alarms_stay_quiet(sentence):
    grammar = [
        h
        for h in analyse(sentence).hits
        if h.signal not in ("rare_synonym", "rare_word", "pos_context")
    ]
    assert grammar == []
