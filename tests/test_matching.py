

def test_a_persons_surname_counts_as_the_entity():
    from factcheck.claims.matching import _surname, stem

    assert _surname("Steve Jobs") == stem("Jobs") == stem("jobs")
    assert _surname("Alexander Lukashenko") == stem("Lukashenko")
    assert _surname("Singapore Airlines") is None  # an organisation's last word
    assert _surname("Apple") is None and _surname("Boeing 737") is None


def test_initials_of_a_long_name_count_as_the_entity():
    from factcheck.claims.matching import _acronym

    assert _acronym("All Nippon Airways") == "ANA"
    assert _acronym("Government Accountability Office") == "GAO"
    assert _acronym("Boeing") is None and _acronym("Steve Jobs") is None


def test_irregular_forms_meet_their_lemmas_at_one_stem():
    from factcheck.claims.matching import LEMMAS, stem

    assert stem("withdrew") == stem("withdrawal") == stem("withdraws")
    assert stem("bought") == stem("buying") and stem("sold") == stem("sells")
    assert stem("children") == stem("child") and stem("went") == stem("goes")
    # a form that is itself a word of its own stays itself ("found" a company, "ground")
    assert "found" not in LEMMAS and "ground" not in LEMMAS
    assert stem("found") == stem("founded") != stem("find")


def test_the_irregular_table_is_shipped_with_its_licence():
    from pathlib import Path

    import factcheck

    table = Path(factcheck.__file__).parent / "data" / "irregular.tsv"
    text = table.read_text(encoding="utf-8")
    assert "WordNet 3.0 Copyright 2006 by Princeton University" in text
    assert "ExplosionAI" in text and "scripts/build_lemmas.py" in text
    rows = [line.split("\t") for line in text.splitlines() if not line.startswith("#")]
    assert len(rows) > 1000 and all(len(r) == 2 and r[0] != r[1] for r in rows)
