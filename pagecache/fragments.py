"""Rendered fragments of pages, kept per process and renewed by the page cache's versions.

A page the page cache cannot serve (a signed-in reader, a page just renewed, the
page cache off) still reuses the costly parts that look the same for everyone:
``{% fragment "name" key1 key2 %}…{% endfragment %}`` (library ``pagecache``)
keeps what it renders under the name, its keys, the release, the site-wide
content version this request renders from and the versions of the tags the
view named with depends_on() — all read before the view loaded anything, so a
change made while the page renders is never stored under the newer versions.

What goes inside must look the same for every visitor: no forms (CSRF tokens),
nothing about the user, no messages; the view passes anything else in the keys.
An empty name renders the fragment without keeping it (the view says this visitor's differs).
Without request versions (the middleware not in the stack, the shared cache
away, PAGECACHE_FRAGMENTS off) fragments render every time.
"""

from django import template
from django.utils.safestring import mark_safe

from pagecache import cache as pagecache

_fragments = pagecache._LocalPages(max_bytes=16 * 1024 * 1024)


def reset():
    _fragments.clear()


def fragment_key(name, keys):
    """The key of a fragment in this request, or None when fragments are not kept for it."""
    versions = pagecache._request_versions.get()
    if versions is None or not versions["ok"] or versions["site"] is None:
        return None
    tags = tuple(sorted(versions["tags"].items()))
    return (pagecache.RELEASE, name, tuple(str(k) for k in keys), versions["site"]["v"], tags)


def kept(name, keys, compute):
    """What ``compute()`` returns, kept like a fragment (the same keys and versions) for a view.

    For data a view loads that looks the same for everyone (a post's neighbours, its register):
    the value is shared by the requests of this process, so it must never be changed in place.
    """
    key = fragment_key(name, keys)
    if key is None:
        return compute()
    entry = _fragments.get(key)
    if entry is None:
        entry = {"value": compute(), "size": 1024}
        _fragments.put(key, entry)
    return entry["value"]


class FragmentNode(template.Node):
    def __init__(self, nodelist, name, keys):
        self.nodelist, self.name, self.keys = nodelist, name, keys

    def render(self, context):
        name = self.name.resolve(context)
        key = fragment_key(name, [k.resolve(context) for k in self.keys]) if name else None
        if key is not None and (entry := _fragments.get(key)) is not None:
            return entry["html"]
        html = mark_safe(self.nodelist.render(context))
        if key is not None:
            _fragments.put(key, {"html": html, "size": len(html)})
        return html


register = template.Library()


@register.tag
def fragment(parser, token):
    """{% fragment "name" key… %}…{% endfragment %}: see the module docstring."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError('fragment needs a name: {% fragment "name" key… %}')
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(b) for b in bits[2:]])
