

def test_a_persons_surname_counts_as_the_entity():
    from factcheck.matching import _surname

    assert _surname("Steve Jobs") == "jobs"
    assert _surname("Alexander Lukashenko") == "lukashenko"
    assert _surname("Singapore Airlines") is None  # an organisation's last word
    assert _surname("Apple") is None and _surname("Boeing 737") is None
