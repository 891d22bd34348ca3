class PagePathConverter:
    """A page's place in the tree: slugs joined by slashes (``o-portalu/historia``)."""

    regex = r"[-a-zA-Z0-9_]+(?:/[-a-zA-Z0-9_]+)*"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value
