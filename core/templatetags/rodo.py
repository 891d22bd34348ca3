from django import template

from core.rodo import clause, limits_hours

register = template.Library()


@register.inclusion_tag("includes/rodo_clause.html", takes_context=True)
def rodo_clause(context, kind, compact=False):
    """The information clause for one form: {% rodo_clause "accessibility" %} (compact: folded)."""
    return {
        "clause": clause(kind),
        "kind": kind,
        "compact": compact,
        "c": context.get("coordinator"),
        "limits_hours": limits_hours(),
    }
