"""Polish forms of model names in admin templates: {% noun opts "acc" %}, {% counted n opts %}."""

from django import template

from adminsite.grammar import noun_for

register = template.Library()

_CASES = {"nom", "acc", "gen", "nom_pl", "gen_pl", "acc_pl"}


@register.simple_tag
def noun(opts, case="nom"):
    if case not in _CASES:
        raise template.TemplateSyntaxError(f"noun: unknown case {case!r}")
    return getattr(noun_for(opts), case)


@register.simple_tag
def counted(count, opts, case="nom"):
    """„6 stron” (nom), „6 stron” / „1 stronę” (acc), „1 strony” / „6 stron” (gen)."""
    forms = noun_for(opts)
    return {"nom": forms.count, "acc": forms.count_acc, "gen": forms.count_gen}[case](count)


@register.simple_tag
def adjective(opts, stem, plural=False):
    """Adjective agreeing with the accusative: {% adjective opts "kolejn" %} → kolejną."""
    forms = noun_for(opts)
    return forms.adjective_acc_pl(stem) if plural else forms.adjective_acc(stem)
