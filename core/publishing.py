"""Whether one object is public, asked of its model's ``published()`` queryset.

Each model with a publication state says what is public in one place, its
queryset's ``published()``; code that holds a single object (the search index,
the change register) asks that method instead of reading fields itself.
"""


def is_published(obj, *, scheduled=False):
    """``scheduled=True`` also counts content published with a date still to come.

    A model without ``published()`` (a meeting) is public once saved; nothing in the trash is.
    """
    if getattr(obj, "deleted_at", None) is not None:
        return False
    queryset = type(obj)._default_manager.all()
    if not hasattr(queryset, "published"):
        return True
    return queryset.published(scheduled=scheduled).filter(pk=obj.pk).exists()
