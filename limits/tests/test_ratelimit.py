from limits.ratelimit import is_limited


def test_it_allows_up_to_the_limit_then_refuses(db):
    results = [is_limited("test", "ala@example.com", limit=3, window=60) for _ in range(5)]
    assert results == [False, False, False, True, True]
    assert is_limited("test", "ola@example.com", limit=3, window=60) is False


def test_keys_are_case_insensitive(db):
    is_limited("test2", "Ala@Example.com", limit=1, window=60)
    assert is_limited("test2", "ala@example.com", limit=1, window=60) is True
