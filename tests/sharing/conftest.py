import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def fresh_visit_counts():
    """Every test starts with no visit counted: the throttle's counts live in the cache."""
    cache.clear()
    yield
    cache.clear()
