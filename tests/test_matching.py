

def test_a_persons_surname_counts_as_the_entity():
    from factcheck.matching import _surname, stem

    assert _surname("Steve Jobs") == stem("Jobs") == stem("jobs")
    assert _surname("Alexander Lukashenko") == stem("Lukashenko")
    assert _surname("Singapore Airlines") is None  # an organisation's last word
    assert _surname("Apple") is None and _surname("Boeing 737") is None


def test_initials_of_a_long_name_count_as_the_entity():
    from factcheck.matching import _acronym

    assert _acronym("All Nippon Airways") == "ANA"
    assert _acronym("Government Accountability Office") == "GAO"
    assert _acronym("Boeing") is None and _acronym("Steve Jobs") is None
