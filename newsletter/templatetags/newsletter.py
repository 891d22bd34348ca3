from django import template

from newsletter.consent import consent_html

register = template.Library()


@register.simple_tag
def newsletter_consent():
    """The current consent wording with its privacy-policy link (no database query)."""
    return consent_html()
