"""Query shapes more than one app counts with."""

from django.db import models
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce


def correlated_count(queryset, path: str = "journey") -> Coalesce:
    """A correlated COUNT of `queryset` rows whose `path` is the outer row: one sub-select per
    counted relation instead of a join that multiplies."""
    counted = (
        queryset.filter(**{path: OuterRef("pk")})
        .order_by()
        .values(path)
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=models.IntegerField()), 0)
